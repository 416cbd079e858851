import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkTab } from "../../core/check.js";
import { errorCount } from "../../core/findings.js";
import { ladderSheet, tickFormats } from "../../core/generate/ladder.js";
import { levelFromRun } from "../../core/rules.js";
import { snapshotOf } from "../../core/snapshot.js";
import {
  AMBER,
  ANN,
  BLUE,
  GREEN,
  RED,
  ladder,
  ladderSnap,
  paint,
  headerRow,
  paintRun,
  put,
  statementCell,
} from "../helpers.js";

// Leadership ladder statement counts per level: 5, 4, 6, 6, 11, 13, 15, 15.
const L1 = 5;
const L1_2 = 9;
const L1_3 = 15;

function rules(snap: ReturnType<typeof ladderSnap>) {
  return checkTab(snap).findings.map((f) => `${f.rule}@${f.cell}:${f.checkpoint ?? "-"}`);
}

describe("the colouring rule", () => {
  it("a blank tab has no errors and no level yet", () => {
    const c = checkTab(ladderSnap());
    expect(errorCount(c.findings)).toBe(0);
    expect(c.levels).toEqual({ Sep: null, Mid: null, Jul: null });
  });

  it("an unbroken green run through levels 1-3 is level 3", () => {
    const snap = paintRun(ladderSnap(), "C", 0, L1_3, GREEN);
    const c = checkTab(snap);
    expect(errorCount(c.findings)).toBe(0);
    expect(c.levels!.Sep).toBe(3);
  });

  it("amber after the gap does not raise the level", () => {
    const snap = paintRun(ladderSnap(), "C", 0, L1_2 + 2, GREEN);
    paintRun(snap, "C", L1_2 + 3, 10, AMBER);
    const c = checkTab(snap);
    expect(errorCount(c.findings)).toBe(0);
    expect(c.levels!.Sep).toBe(2);
  });

  it("a run that stops inside level 1 is level 0", () => {
    const snap = paintRun(ladderSnap(), "D", 0, L1 - 1, GREEN);
    expect(checkTab(snap).levels!.Mid).toBe(0);
  });

  it("red counts as not true, like blank", () => {
    const snap = paintRun(ladderSnap(), "E", 0, L1, GREEN);
    paint(snap, statementCell(snap, L1, "E"), RED);
    paintRun(snap, "E", L1 + 1, 3, AMBER);
    const c = checkTab(snap);
    expect(errorCount(c.findings)).toBe(0);
    expect(c.levels!.Jul).toBe(1);
  });

  it("green below the first gap is green-after-gap, at that cell", () => {
    const snap = paintRun(ladderSnap(), "C", 0, 3, GREEN);
    const bad = statementCell(snap, 5, "C");
    paint(snap, bad, GREEN);
    expect(rules(snap)).toContain(`green-after-gap@${bad}:Sep`);
    expect(checkTab(snap).levels!.Sep).toBe(0);
  });

  it("an amber first non-green cell is amber-before-gap", () => {
    const snap = paintRun(ladderSnap(), "D", 0, L1, GREEN);
    const bad = statementCell(snap, L1, "D");
    paint(snap, bad, AMBER);
    const header = `C${headerRow(snap) + 1}`;
    // Mid is filled in and the year record beside the ladder has no objectives yet: one warning for that too.
    expect(rules(snap)).toEqual([
      `amber-before-gap@${bad}:Mid`,
      `checkpoint-skipped@${header}:Sep`,
      "objective-missing@H17:Mid",
    ]);
  });

  it("a blue fill is unknown-colour and breaks the green run", () => {
    const snap = paintRun(ladderSnap(), "C", 0, L1_2, GREEN);
    const bad = statementCell(snap, 2, "C");
    paint(snap, bad, BLUE);
    const c = checkTab(snap);
    expect(c.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual([
      "unknown-colour",
      ...Array<string>(L1_2 - 3).fill("green-after-gap"),
    ]);
    expect(c.findings[0]!.cell).toBe(bad);
    expect(c.levels!.Sep).toBe(0);
  });

  it("every finding names its cell, checkpoint, rule, severity and a message saying what to do", () => {
    const snap = paintRun(ladderSnap(), "C", 0, 2, GREEN);
    paint(snap, statementCell(snap, 4, "C"), GREEN);
    const f = checkTab(snap).findings.find((x) => x.rule === "green-after-gap")!;
    expect(f).toMatchObject({ checkpoint: "Sep", severity: "error", cell: statementCell(snap, 4, "C") });
    expect(f.message).toMatch(/Make .* amber/);
  });
});

describe("warnings", () => {
  it("a level that drops between checkpoints is level-dropped", () => {
    const snap = paintRun(ladderSnap(), "C", 0, L1_3, GREEN);
    paintRun(snap, "D", 0, L1, GREEN);
    const c = checkTab(snap);
    expect(c.levels).toMatchObject({ Sep: 3, Mid: 1 });
    expect(c.findings.map((f) => f.rule)).toContain("level-dropped");
  });

  it("a skipped checkpoint before a filled one is checkpoint-skipped", () => {
    const snap = paintRun(ladderSnap(), "E", 0, L1, GREEN);
    const skipped = checkTab(snap).findings.filter((f) => f.rule === "checkpoint-skipped");
    expect(skipped.map((f) => f.checkpoint)).toEqual(["Sep", "Mid"]);
  });

  it("text typed into a checkpoint cell is typed-value, and does not count", () => {
    const snap = ladderSnap();
    put(snap, statementCell(snap, 0, "C"), "G");
    const c = checkTab(snap);
    expect(c.findings.map((f) => f.rule)).toEqual(["typed-value"]);
    expect(c.levels!.Sep).toBeNull();
  });

  it("an unknown band is band-unknown", () => {
    const snap = ladderSnap({}, { ...ANN, band: "Band 99" });
    expect(checkTab(snap).findings.map((f) => f.rule)).toEqual(["band-unknown"]);
  });
});

describe("levelFromRun", () => {
  it.each([
    [["green", "green", "blank"], [1, 1, 2], 1],
    [["green", "blank", "blank"], [1, 1, 2], 0],
    [["green", "green", "green"], [1, 1, 2], 2],
    [["red", "blank", "blank"], [1, 1, 2], 0],
    [["blank", "blank", "blank"], [1, 1, 2], null],
  ] as const)("%j with levels %j is %s", (classes, levels, want) => {
    expect(levelFromRun(classes, levels)).toBe(want);
  });
});

describe("tick-box mode", () => {
  const spec = ladderSheet(ladder(), ANN, { year: "2026-27", name: "Ann", upTo: 5, ticks: true });
  const rows = snapshotOf(spec).values.length;

  it("puts a tick box in every checkpoint cell and two rules per column", () => {
    // The ladder's checkpoint cells, then the six STAR steps of the year record beside it.
    expect(spec.checkboxes).toEqual(["C11:E42", "I26:I31"]);
    expect(spec.conditionalFormats).toHaveLength(6);
    expect(spec.conditionalFormats[0]!.formula).toMatch(
      /^=AND\(C\d+=TRUE,COUNTIF\(C\$\d+:C\d+,TRUE\)=ROWS\(/,
    );
  });

  it("tickFormats colours green only for an unbroken run and amber after a gap", () => {
    const [g, a] = tickFormats(2, 10, 40);
    expect(g!.when).toBe("ticked-unbroken");
    expect(a!.when).toBe("ticked-after-gap");
    expect(g!.range).toBe("C11:C41");
  });

  // The conditional formats' meaning applied to random tick patterns gives fills that never break
  // the rule, and the level read from the ticks equals the level read from those fills.
  it("generated formats never break the rule, for any tick pattern", () => {
    const n = 32; // statements of levels 1-5: 5 + 4 + 6 + 6 + 11
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: n, maxLength: n }), (ticks) => {
        const ticked = snapshotOf(spec);
        const coloured = snapshotOf(ladderSheet(ladder(), ANN, { year: "2026-27", name: "Ann", upTo: 5 }));
        let unbroken = true;
        ticks.forEach((t, i) => {
          put(ticked, statementCell(ticked, i, "C"), t);
          if (!t) unbroken = false;
          const cf = spec.conditionalFormats.find(
            (f) => f.when === (unbroken ? "ticked-unbroken" : "ticked-after-gap"),
          )!;
          paint(coloured, statementCell(coloured, i, "C"), t ? cf.fill : null);
        });
        const fromTicks = checkTab(ticked);
        const fromFills = checkTab(coloured);
        expect(errorCount(fromFills.findings)).toBe(0);
        expect(errorCount(fromTicks.findings)).toBe(0);
        expect(fromTicks.levels!.Sep).toBe(fromFills.levels!.Sep);
      }),
      { numRuns: 200 },
    );
    expect(rows).toBe(headerRow(snapshotOf(spec)) + 1 + n);
  });
});

describe("ticks and colours are never confused", () => {
  it("one TRUE typed into a coloured tab is a typed-value warning, not a switch to tick reading", () => {
    const snap = paintRun(ladderSnap(), "C", 0, 15, GREEN);
    put(snap, statementCell(snap, 20, "C"), true);
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBe(3);
    expect(c.findings.map((f) => f.rule)).toEqual(["typed-value"]);
  });

  it("text typed into a tick-box cell is a typed-value warning", () => {
    const snap = snapshotOf(
      ladderSheet(ladder(), ANN, { year: "2026-27", name: "Ann", upTo: 5, ticks: true }),
    );
    put(snap, statementCell(snap, 0, "C"), "x");
    expect(checkTab(snap).findings.map((f) => f.rule)).toEqual(["typed-value"]);
  });
});

/**
 * Plain words: colours by name, levels in words, findings as sentences with the cell and what to
 * do (the rule id only in the finding's `rule` field), and "did you mean" only for near misses.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planRollup } from "../../core/app.js";
import { checkTab } from "../../core/check.js";
import { colourName } from "../../core/colour-names.js";
import { RULES } from "../../core/findings.js";
import { loadTemplate, ZONES } from "../../core/template.js";
import { closest, didYouMean } from "../../core/suggest.js";
import { levelsText, orList, upperFirst } from "../../core/words.js";
import { ANN, GREEN, ladderSnap, paint, paintRun, put, statementCell } from "../helpers.js";

describe("colourName", () => {
  it.each([
    ["#9fc5e8", "light blue"],
    ["#0000ff", "blue"],
    ["#073763", "dark blue"],
    ["#b4a7d6", "light purple"],
    ["#808080", "grey"],
    ["#d9d9d9", "light grey"],
    ["#000000", "black"],
    ["#ffffff", "white"],
    ["#00b050", "green"],
    ["#b6d7a8", "light green"],
    ["#274e13", "dark green"],
    ["#38761d", "dark green"],
    ["#cfe2f3", "light blue"],
    ["#f4cccc", "light red"],
    ["#ffc000", "amber"],
    ["#ff0000", "red"],
    ["#ed7d31", "orange"],
    ["#ffff00", "yellow"],
    ["#ff00ff", "magenta"],
    ["#76a5af", "teal"],
    ["FF9FC5E8", "light blue"],
  ])("%s is %s", (hex, name) => {
    expect(colourName(hex)).toBe(name);
  });

  it("gives null for what is not a colour", () => {
    expect(colourName(null)).toBeNull();
    expect(colourName("none")).toBeNull();
    expect(colourName("#12")).toBeNull();
  });
});

describe("closest and didYouMean", () => {
  it("suggests names one slip away, closest first, ignoring case and spacing", () => {
    expect(closest("Grace Holoway", ["Tom Ashworth", "Grace Holloway", "Grace Hollway"])).toEqual([
      "Grace Holloway",
      "Grace Hollway",
    ]);
    expect(closest("--tabb", ["--tab", "--json", "--help"])).toEqual(["--tab"]);
    expect(closest("leadership", ["leadership-ladder", "leadership-policy", "grade-bands"])).toEqual([
      "leadership-ladder",
      "leadership-policy",
    ]);
  });

  it("counts two neighbouring letters swapped as one slip", () => {
    expect(closest("nwe", ["new", "demo", "check"])).toEqual(["new"]);
    expect(closest("chcek", ["check", "demo"])).toEqual(["check"]);
    expect(closest("Graec Holloway", ["Grace Holloway", "Tom Ashworth"])).toEqual(["Grace Holloway"]);
  });

  it("guesses nothing for a different word", () => {
    expect(closest("Nobody", ["Ann Lee", "Cara Singh"])).toEqual([]);
    expect(didYouMean("Nobody", ["Ann Lee"])).toBe("");
    expect(didYouMean("", ["Ann Lee"])).toBe("");
  });

  it("says one or several in a sentence", () => {
    expect(didYouMean("chek", ["check", "demo"])).toBe(" Did you mean 'check'?");
    expect(didYouMean("ab", ["ac", "ad"])).toBe(" Did you mean 'ac' or 'ad'?");
  });
});

describe("levelsText", () => {
  it("says each level in words, in checkpoint order, and the checkpoints not filled in yet", () => {
    expect(levelsText({ Sep: 3, Mid: null, Jul: null })).toBe(
      "level 3 in Sep; Mid and Jul not filled in yet",
    );
    expect(levelsText({ Sep: 3, Mid: 4, Jul: null })).toBe(
      "level 3 in Sep, level 4 in Mid; Jul not filled in yet",
    );
    expect(levelsText({ Sep: 2, Mid: 3, Jul: 3 })).toBe("level 2 in Sep, level 3 in Mid, level 3 in Jul");
  });

  it("says level 0 as below level 1, and an empty tab as nothing filled in", () => {
    expect(levelsText({ Sep: 0, Mid: 1 })).toBe("below level 1 in Sep, level 1 in Mid");
    expect(levelsText({ Sep: null, Mid: null, Jul: null })).toBe("nothing filled in yet");
    expect(levelsText(null)).toBe("");
    expect(levelsText({})).toBe("");
  });

  it("starts a sentence with a capital", () => {
    expect(upperFirst(levelsText({ Sep: 3, Jul: null }))).toBe("Level 3 in Sep; Jul not filled in yet");
    expect(upperFirst("")).toBe("");
  });

  it("reads a short list aloud", () => {
    expect(orList(["5", "6", "7", "8"])).toBe("5, 6, 7 or 8");
    expect(orList(["Mid", "Jul"], "and")).toBe("Mid and Jul");
    expect(orList(["Sep"])).toBe("Sep");
    expect(orList([])).toBe("");
  });
});

describe("findings as sentences", () => {
  const ids = Object.keys(RULES);

  /** A tab with one of each common mistake: light blue, green after a gap, text typed, no band. */
  function messyTab() {
    const snap = paintRun(ladderSnap({}, { ...ANN, band: "" }), "C", 0, 3, GREEN);
    paint(snap, statementCell(snap, 5, "C"), GREEN); // green below the blank 4th statement
    paint(snap, statementCell(snap, 1, "D"), "#9fc5e8"); // light blue
    put(snap, statementCell(snap, 2, "E"), "yes");
    return checkTab(snap).findings;
  }

  it("names the cell and the colour in words, says what to do, and ends in a full stop", () => {
    const findings = messyTab();
    expect(new Set(findings.map((f) => f.rule))).toEqual(
      // objective-missing: Mid and Jul are filled in while the year record has no objectives.
      new Set(["green-after-gap", "unknown-colour", "typed-value", "band-unknown", "objective-missing"]),
    );
    for (const f of findings) {
      expect(f.message).toMatch(/[.]$/);
      expect(f.message).not.toMatch(/#[0-9a-f]{6}/i);
      for (const id of ids) expect(f.message).not.toContain(id);
      if (f.checkpoint !== null) expect(f.message).toContain(f.cell);
    }
    const blue = findings.find((f) => f.rule === "unknown-colour")!;
    expect(blue.message).toBe(
      `${blue.cell} is coloured light blue, which is not green, amber or red. Use green for true statements, amber for true ones below the first gap, and leave untrue ones blank.`,
    );
    const gap = findings.find((f) => f.rule === "green-after-gap")!;
    expect(gap.message).toMatch(
      /^C\d+ is green below C\d+, which is blank: .* Make C\d+ amber \(or colour C\d+ green if it is true\)\.$/,
    );
  });
});

describe("the school summary says which checkpoint its chart counts, and why", () => {
  it("names the checkpoint most staff have filled in, with the count", () => {
    // Two of three staff have filled in Sep only; one has Jul too: Sep is the school's checkpoint.
    const a = paintRun(ladderSnap(), "C", 0, 5, GREEN);
    const b = paintRun(ladderSnap({}, { ...ANN, name: "Bo Li" }), "C", 0, 5, GREEN);
    const c = paintRun(ladderSnap({}, { ...ANN, name: "Cy Ng" }), "C", 0, 5, GREEN);
    paintRun(c, "E", 0, 5, GREEN);
    const plan = planRollup([a, b, c], undefined, new Date("2026-11-23"));
    expect(plan.rollup.chartCheckpoint).toBe("Sep");
    const summary = plan.sheets.find((s) => s.marker?.role === "summary")!;
    const text = summary.values.flat().filter((v): v is string => typeof v === "string");
    expect(
      text.some((t) =>
        t.includes(
          "The grade-band chart and the level blocks below count Sep: Sep is the latest checkpoint most staff have filled in (3 of 3 staff).",
        ),
      ),
    ).toBe(true);
  });
});

describe("one zone order", () => {
  it("a chart template lists its zones Below -> Entry -> Expected -> Beyond whatever its file's order", () => {
    const file = join(import.meta.dirname, "..", "..", "templates", "grade-bands.json");
    const json = JSON.parse(readFileSync(file, "utf8")) as { zones: { zone: string }[] };
    const reversed = { ...json, zones: [...json.zones].reverse() };
    expect(reversed.zones.map((z) => z.zone)).toEqual([...ZONES].reverse());
    const t = loadTemplate(reversed, "grade-bands.json");
    expect(t.kind === "chart" && t.zones.map((z) => z.zone)).toEqual([
      "below",
      "entry",
      "expected",
      "beyond",
    ]);
  });
});

// Ladder tabs people have edited by hand, as core sees them (snapshots). Where the meaning is clear the
// level is read; where it is not, there is a finding (with its cell) or the tab is skipped with a
// reason, never a crash. test/core/read.test.ts covers rows inserted above the header, blank rows,
// a reworded statement, one deleted row and a deleted header; these are the other edits.
import { describe, expect, it } from "vitest";
import { checkTab, type TabCheck } from "../../core/check.js";
import type { CellValue, TabSnapshot } from "../../core/sheet.js";
import { AMBER, GREEN, headerRow, ladderSnap, paint, paintRun, put, RED, statementCell } from "../helpers.js";
import { columnLetters } from "../../core/a1.js";
import { rollupJson, rollupSchool } from "../../core/rollup.js";

/** Levels 1-3 (15 statements) green in Sep: level 3 when read cleanly. */
const level3 = (): TabSnapshot => paintRun(ladderSnap(), "C", 0, 15, GREEN);
const rules = (c: TabCheck): string[] => c.findings.map((f) => f.rule);
const errors = (c: TabCheck): string[] => c.findings.filter((f) => f.severity === "error").map((f) => f.rule);

function insertRow(snap: TabSnapshot, at: number, values: CellValue[], fills: (string | null)[] = []): void {
  snap.values.splice(at, 0, values);
  snap.fills.splice(at, 0, fills);
}
function deleteRows(snap: TabSnapshot, at: number, count: number): void {
  snap.values.splice(at, count);
  snap.fills.splice(at, count);
}
function insertColumn(snap: TabSnapshot, at: number, header: string): void {
  const h = headerRow(snap);
  snap.values.forEach((r, i) => r.splice(at, 0, i === h ? header : null));
  snap.fills.forEach((r) => r.splice(at, 0, null));
}
/** Statement n's 0-based row. */
const rowOf = (snap: TabSnapshot, n: number): number => headerRow(snap) + 1 + n;

describe("rows inserted or deleted", () => {
  it("a new statement inserted inside level 2 and coloured green: level 3, with statement-changed and statements-extra", () => {
    const snap = level3();
    insertRow(snap, rowOf(snap, 7), [null, "Runs the school fair", null, null, null], [null, null, GREEN]);
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBe(3);
    expect(rules(c)).toEqual(["statement-changed", "statements-extra"]);
    expect(c.findings[0]!.cell).toBe(`B${rowOf(snap, 7) + 1}`);
  });

  it("a note typed in the Level column of an inserted row (no statement): ignored", () => {
    const snap = level3();
    insertRow(snap, rowOf(snap, 3), ["see file", null, null, null, null]);
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBe(3);
    expect(c.findings).toEqual([]);
  });

  it("comments written under the table in the Minimum standard column: warnings, the level unchanged", () => {
    const snap = level3();
    snap.values.push([], [null, "Comments: good year overall", null, null, null]);
    snap.fills.push([], []);
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBe(3);
    expect(rules(c)).toContain("statement-changed");
    expect(errors(c)).toEqual([]);
  });

  it("every row of level 2 deleted: statements-missing, and the level stops below the gap (1)", () => {
    const snap = level3();
    deleteRows(snap, rowOf(snap, 5), 4);
    const c = checkTab(snap);
    expect(rules(c)).toEqual(["statements-missing"]);
    expect(c.findings[0]!.message).toMatch(/Level 2 has 0 statements here but 4/);
    expect(c.levels!.Sep).toBe(1);
  });

  it("a statement's text cleared (the row kept): statements-missing, the level from the rows left", () => {
    const snap = level3();
    put(snap, `B${rowOf(snap, 2) + 1}`, null);
    const c = checkTab(snap);
    expect(rules(c)).toEqual(["statements-missing"]);
    expect(c.levels!.Sep).toBe(3);
  });

  it("the header row copied into the middle of the green run: warned at its cells, and the break in the run is an error", () => {
    const snap = level3();
    const at = rowOf(snap, 9);
    insertRow(snap, at, ["Level", "Minimum standard", "Sep", "Mid", "Jul"]);
    const c = checkTab(snap);
    expect(c.findings.filter((f) => f.rule === "level-unreadable").map((f) => f.cell)).toEqual([
      `A${at + 1}`,
    ]);
    expect(c.findings.filter((f) => f.rule === "statement-changed").map((f) => f.cell)).toEqual([
      `B${at + 1}`,
    ]);
    expect(errors(c)).toContain("green-after-gap");
  });

  it("the whole tab emptied (the marker left): skipped with a reason", () => {
    const snap = ladderSnap();
    snap.values = [];
    snap.fills = [];
    expect(checkTab(snap).skipped).toMatch(/no header row/);
  });

  it("only the header row left: skipped, 'no statements are under it'", () => {
    const snap = level3();
    deleteRows(snap, headerRow(snap) + 1, snap.values.length);
    expect(checkTab(snap).skipped).toMatch(/no statements are under it/);
  });
});

describe("header renamed, columns moved", () => {
  it.each([
    ["Minimum standards", 1],
    ["MINIMUM STANDARD ", 1],
    ["Statement", 1],
    ["Sept", 2],
    ["September", 2],
    ["sep.", 2],
    ["Lvl", 0],
    ["level:", 0],
  ])("header cell renamed %j: read the same, no findings", (label, col) => {
    const snap = level3();
    snap.values[headerRow(snap)]![col] = label;
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBe(3);
    expect(c.findings).toEqual([]);
  });

  it("Mid and Jul renamed 'Mid-year' and 'July': all three checkpoints still read", () => {
    const snap = paintRun(level3(), "E", 0, 5, GREEN);
    const h = headerRow(snap);
    snap.values[h]![3] = "Mid-year";
    snap.values[h]![4] = "July";
    const c = checkTab(snap);
    expect(c.levels).toEqual({ Sep: 3, Mid: null, Jul: 1 });
    // Jul is filled in while the year record beside the ladder has no objectives yet: a warning too.
    expect(rules(c)).toEqual(["checkpoint-skipped", "level-dropped", "objective-missing"]);
  });

  it.each([
    ["marked", true],
    ["unmarked (copied from another file)", false],
  ])(
    "every checkpoint header renamed to something unknown (%s): skipped, the reason naming the headings found and the ones to use",
    (_label, marked) => {
      const snap = level3();
      if (!marked) snap.marker = null;
      const h = headerRow(snap);
      snap.values[h]!.splice(2, 3, "Term 1", "Term 2", "Term 3");
      const c = checkTab(snap);
      expect(c.levels).toBeNull();
      expect(c.skipped).toBe(
        `row ${h + 1} has Level and Minimum standard but no Sep, Mid or Jul column (its other headings are 'Term 1', 'Term 2', 'Term 3'): name the checkpoint columns Sep, Mid and Jul`,
      );
    },
  );

  it("a column inserted between Minimum standard and Sep ('Evidence'): Sep found by its label", () => {
    const snap = level3();
    insertColumn(snap, 2, "Evidence");
    put(snap, `C${rowOf(snap, 0) + 1}`, "Minutes of 3 May");
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBe(3);
    expect(c.findings).toEqual([]);
  });

  it("checkpoint columns put in another order (Jul, Mid, Sep): each read by its label", () => {
    const snap = level3();
    for (const row of [...snap.values, ...snap.fills] as unknown[][]) {
      const [c, d, e] = [row[2], row[3], row[4]];
      row[2] = e ?? null;
      row[3] = d ?? null;
      row[4] = c ?? null;
    }
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBe(3);
    expect(c.findings.filter((f) => f.checkpoint === "Sep").map((f) => f.cell)).toEqual([]);
  });
});

describe("one checkpoint heading renamed to something unknown", () => {
  /** level3() with the Sep heading (C) renamed, and Mid coloured to level 1. */
  function renamedSep(label: string): TabSnapshot {
    const snap = paintRun(level3(), "D", 0, 5, GREEN);
    snap.values[headerRow(snap)]![2] = label;
    return snap;
  }
  const unknown = (c: TabCheck) => c.findings.filter((f) => f.rule === "checkpoint-unknown");

  it("'Term 1' instead of Sep over green cells: Mid and Jul still read, and a warning at the heading says to rename it 'Sep'", () => {
    const snap = renamedSep("Term 1");
    const c = checkTab(snap);
    expect(c.skipped).toBeNull();
    expect(c.levels).toEqual({ Mid: 1, Jul: null });
    expect(unknown(c)).toEqual([
      {
        cell: `C${headerRow(snap) + 1}`,
        checkpoint: null,
        rule: "checkpoint-unknown",
        severity: "warning",
        message: `The column headed 'Term 1' (C${headerRow(snap) + 1}) has colours in 15 statement rows, but 'Term 1' is not a checkpoint this template knows (Sep, Mid and Jul), so it is not read. Sep has no column: if this is the Sep column, rename its heading to 'Sep'.`,
      },
    ]);
    expect(errors(c)).toEqual([]);
  });

  it("the roll-up JSON keeps its shape: Sep is null for that tab, and the warning is one more finding", () => {
    const j = rollupJson(rollupSchool([renamedSep("Term 1")]));
    expect(j.staff[0]!.levels).toEqual({ Sep: null, Mid: 1, Jul: null });
    expect(j.staff[0]!.findings.map((f) => f.rule)).toEqual(["checkpoint-unknown"]);
    expect(Object.keys(j.staff[0]!.findings[0]!).sort()).toEqual([
      "cell",
      "checkpoint",
      "message",
      "rule",
      "severity",
    ]);
  });

  it("'Term 1' over cells with G typed and no colour: warned too (values, not colours)", () => {
    const snap = ladderSnap();
    snap.values[headerRow(snap)]![2] = "Term 1";
    for (let n = 0; n < 3; n++) put(snap, statementCell(snap, n, "C"), "G");
    const c = checkTab(snap);
    expect(unknown(c).map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^The column headed 'Term 1' \(C\d+\) has values in 3 statement rows, .*rename its heading to 'Sep'\.$/,
      ),
    ]);
  });

  it("'Term 1' over an empty column: nothing is lost, so no warning (Mid and Jul read)", () => {
    const snap = ladderSnap();
    snap.values[headerRow(snap)]![2] = "Term 1";
    const c = checkTab(snap);
    expect(c.levels).toEqual({ Mid: null, Jul: null });
    expect(c.findings).toEqual([]);
  });

  it("Sep and Mid both renamed ('Autumn term', 'T2') and coloured: one warning each, naming both missing checkpoints", () => {
    const snap = paintRun(paintRun(level3(), "D", 0, 5, GREEN), "E", 0, 20, GREEN);
    const h = headerRow(snap);
    snap.values[h]![2] = "Autumn term";
    snap.values[h]![3] = "T2";
    const c = checkTab(snap);
    expect(c.levels).toEqual({ Jul: 3 });
    expect(unknown(c).map((f) => f.cell)).toEqual([`C${h + 1}`, `D${h + 1}`]);
    expect(unknown(c)[1]!.message).toMatch(
      /'T2' is not a checkpoint .*Sep and Mid have no column: if this is the Sep or Mid column, rename its heading to 'Sep' or 'Mid'\.$/,
    );
  });

  it("an extra coloured column 'Oct' beside Sep, Mid and Jul: all three read, and a warning that its colours are not read", () => {
    const snap = level3();
    insertColumn(snap, 5, "Oct");
    for (let n = 0; n < 4; n++) paint(snap, `F${rowOf(snap, n) + 1}`, GREEN);
    const c = checkTab(snap);
    expect(c.levels).toEqual({ Sep: 3, Mid: null, Jul: null });
    expect(unknown(c).map((f) => [f.cell, f.message])).toEqual([
      [
        `F${headerRow(snap) + 1}`,
        expect.stringMatching(
          /has colours in 4 statement rows, .*which each have their own column\), so it is not read/,
        ),
      ],
    ]);
  });

  it("a second column headed 'Sept', coloured: the first Sep column is read, the copy is warned", () => {
    const snap = level3();
    insertColumn(snap, 5, "Sept");
    paint(snap, `F${rowOf(snap, 0) + 1}`, AMBER);
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBe(3);
    expect(unknown(c).map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^The column headed 'Sept' \(F\d+\) has colours in 1 statement row, but Sep is read from the first column headed that way \(C\d+\).*column C/,
      ),
    ]);
  });
});

describe("merged cells", () => {
  it("three Sep cells merged and green (a merge keeps only the top cell's fill): green-after-gap errors, not a silent level", () => {
    const snap = level3();
    paint(snap, statementCell(snap, 1, "C"), null);
    paint(snap, statementCell(snap, 2, "C"), null);
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBe(0);
    expect(errors(c)[0]).toBe("green-after-gap");
    expect(c.findings.find((f) => f.rule === "green-after-gap")!.message).toContain(
      statementCell(snap, 1, "C"),
    );
  });

  it("two statement cells merged (the lower statement's text gone): statements-missing", () => {
    const snap = level3();
    put(snap, `B${rowOf(snap, 6) + 1}`, null);
    const c = checkTab(snap);
    expect(rules(c)).toEqual(["statements-missing"]);
    expect(c.findings[0]!.message).toMatch(/Level 2 has 3 statements here but 4/);
  });

  it("the whole header row merged into one cell: skipped with a reason", () => {
    const snap = level3();
    snap.values[headerRow(snap)] = ["Level Minimum standard Sep Mid Jul", null, null, null, null];
    expect(checkTab(snap).skipped).toMatch(/header row/);
  });
});

describe("statements reworded", () => {
  it("only case, spacing and punctuation changed: no warning", () => {
    const snap = level3();
    const r = rowOf(snap, 0);
    const old = snap.values[r]![1] as string;
    snap.values[r]![1] = `  ${old.toUpperCase().replace(/\./g, "")}  `;
    expect(checkTab(snap).findings).toEqual([]);
  });

  it("every statement of level 1 reworded: read by position, one warning per cell", () => {
    const snap = level3();
    for (let n = 0; n < 5; n++) snap.values[rowOf(snap, n)]![1] = `Our own wording ${n + 1}`;
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBe(3);
    expect(rules(c)).toEqual(Array<string>(5).fill("statement-changed"));
  });
});

describe("colour where it does not belong", () => {
  function paintColumn(snap: TabSnapshot, col: number, fill: string, extraRows = 5): TabSnapshot {
    const rows = snap.values.length + extraRows;
    for (let r = 0; r < rows; r++) paint(snap, `${columnLetters(col)}${r + 1}`, fill);
    return snap;
  }

  it("the whole Sep column green (title, fields, header, every statement, rows below): level 8, no errors", () => {
    const c = checkTab(paintColumn(ladderSnap(), 2, GREEN));
    expect(c.levels!.Sep).toBe(8);
    expect(c.findings).toEqual([]);
  });

  it("the whole Sep column in Excel's 'Good' style green (#c6efce): level 8", () => {
    expect(checkTab(paintColumn(ladderSnap(), 2, "#c6efce")).levels!.Sep).toBe(8);
  });

  it("the whole Sep column amber: amber-before-gap on the first statement, level 0", () => {
    const snap = paintColumn(ladderSnap(), 2, AMBER);
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBe(0);
    expect(errors(c)).toEqual(["amber-before-gap"]);
    expect(c.findings[0]!.cell).toBe(statementCell(snap, 0, "C"));
  });

  it("the whole Level column green: ignored, level 3 from the Sep column", () => {
    const c = checkTab(paintColumn(level3(), 0, GREEN));
    expect(c.levels).toEqual({ Sep: 3, Mid: null, Jul: null });
    expect(c.findings).toEqual([]);
  });

  it("the Level column red and amber in stripes: ignored", () => {
    const snap = level3();
    for (let n = 0; n < 30; n++) paint(snap, `A${rowOf(snap, n) + 1}`, n % 2 ? RED : AMBER);
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBe(3);
    expect(c.findings).toEqual([]);
  });

  it("the Minimum standard column coloured blue: ignored", () => {
    const c = checkTab(paintColumn(level3(), 1, "#0070c0"));
    expect(c.levels!.Sep).toBe(3);
    expect(c.findings).toEqual([]);
  });

  it("the header row painted green across: no level, no findings", () => {
    const snap = ladderSnap();
    const h = headerRow(snap);
    for (const col of ["A", "B", "C", "D", "E"]) paint(snap, `${col}${h + 1}`, GREEN);
    const c = checkTab(snap);
    expect(c.levels).toEqual({ Sep: null, Mid: null, Jul: null });
    expect(c.findings).toEqual([]);
  });

  it("a columns-wide fill to the right of the table (column G green): ignored", () => {
    const c = checkTab(paintColumn(level3(), 6, GREEN));
    expect(c.levels!.Sep).toBe(3);
    expect(c.findings).toEqual([]);
  });
});

describe("values typed into checkpoint cells", () => {
  it.each<[string, CellValue]>([
    ["the letter G", "G"],
    ["a lower-case x", "x"],
    ["a tick character", "✓"],
    ["yes", "yes"],
    ["the number 1", 1],
    ["a date-looking text", "12/09/2026"],
  ])(
    "%s in a coloured cell: the colour is read, with a typed-value warning at that cell",
    (_label, value) => {
      const snap = level3();
      const cell = statementCell(snap, 2, "C");
      put(snap, cell, value);
      const c = checkTab(snap);
      expect(c.levels!.Sep).toBe(3);
      expect(c.findings.map((f) => [f.rule, f.cell])).toEqual([["typed-value", cell]]);
    },
  );

  it("G typed down a column with no colour at all: warned cell by cell, no level invented", () => {
    const snap = ladderSnap();
    for (let n = 0; n < 5; n++) put(snap, statementCell(snap, n, "C"), "G");
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBeNull();
    expect(rules(c)).toEqual(Array<string>(5).fill("typed-value"));
  });
});

describe("the Level column edited", () => {
  it.each(["Level 2", "L2", "2.", " 2 ", "Level: 2", "level-2"])(
    "level number written %j: read as level 2",
    (v) => {
      const snap = level3();
      put(snap, `A${rowOf(snap, 5) + 1}`, v);
      const c = checkTab(snap);
      expect(c.levels!.Sep).toBe(3);
      expect(c.findings).toEqual([]);
    },
  );

  it.each(["two", "Two", "TWO", "Level two", "Level Two", "level: two.", " two "])(
    "level number written as an English word %j: read as level 2, no findings",
    (v) => {
      const snap = level3();
      put(snap, `A${rowOf(snap, 5) + 1}`, v);
      const c = checkTab(snap);
      expect(c.levels!.Sep).toBe(3);
      expect(c.findings).toEqual([]);
    },
  );

  it("every level number written as a word ('One' ... 'Level Eight') on the whole ladder: read as when typed as numbers", () => {
    const words = ["One", "two", "Three", "four", "Level Five", "level six", "Seven", "Level Eight"];
    const snap = paintRun(ladderSnap(), "C", 0, 75, GREEN);
    const clean = checkTab(structuredClone(snap));
    const h = headerRow(snap);
    for (let r = h + 1; r < snap.values.length; r++) {
      const v = snap.values[r]![0];
      if (typeof v === "number") snap.values[r]![0] = words[v - 1]!;
    }
    const c = checkTab(snap);
    expect(c.findings).toEqual([]);
    expect(c.levels).toEqual(clean.levels);
    expect(c.levels!.Sep).toBe(8);
  });

  it("the sub-item numerals of levels 6-8 (i, ii, iv, ...) are still numerals, not level words", () => {
    const snap = ladderSnap();
    const numerals = snap.values
      .slice(headerRow(snap) + 1)
      .filter((r) => /^[ivx]+$/i.test(String(r[0] ?? "")));
    expect(numerals.length).toBeGreaterThan(0);
    const c = checkTab(snap);
    expect(c.findings).toEqual([]);
  });

  it.each(["twelve", "Level Eleven", "second", "2nd", "Level 2a"])(
    "a level %j that no rule reads: level-unreadable at that cell, saying to type a number from 1 to 10",
    (v) => {
      const snap = level3();
      const cell = `A${rowOf(snap, 5) + 1}`;
      put(snap, cell, v);
      const c = checkTab(snap);
      expect(c.findings[0]).toMatchObject({ rule: "level-unreadable", cell });
      expect(c.findings[0]!.message).toContain(`'${v}'`);
      expect(c.findings[0]!.message).toMatch(/type the level as a number from 1 to 10 \(such as 6\)/);
      expect(rules(c)).toEqual(["level-unreadable", "statements-extra", "statements-missing"]);
    },
  );

  it("every level number deleted: the level is not trusted silently (statements-extra / statements-missing)", () => {
    const snap = level3();
    for (let n = 0; n < 75; n++) put(snap, `A${rowOf(snap, n) + 1}`, null);
    const c = checkTab(snap);
    expect(rules(c)).toEqual(expect.arrayContaining(["statements-extra", "statements-missing"]));
  });
});

import { describe, expect, it } from "vitest";
import { planRollup, planTrust } from "../../core/app.js";
import { gradeBands } from "../../core/catalog.js";
import { chooseCheckpoint, rollupJson, rollupSchool } from "../../core/rollup.js";
import { snapshotOf } from "../../core/snapshot.js";
import { resolveBand, zoneOf } from "../../core/zones.js";
import { AMBER, ANN, GREEN, ladderSnap, paint, paintRun, statementCell } from "../helpers.js";

const chart = gradeBands();
const band = (n: number) => chart.bands.find((b) => b.band === n)!;

describe("zones at every band boundary", () => {
  // band k: k and k+1 expected, k-1 entry, k+2 and above beyond, below k-1 below; 0 is entry for band 1.
  for (let k = 1; k <= 7; k++) {
    it(`band ${k}`, () => {
      const b = band(k);
      expect(zoneOf(k, b)).toBe("expected");
      expect(zoneOf(k + 1, b)).toBe("expected");
      expect(zoneOf(k - 1, b)).toBe("entry");
      if (k + 2 <= 10) expect(zoneOf(k + 2, b)).toBe("beyond");
      if (k - 2 >= 0) expect(zoneOf(k - 2, b)).toBe("below");
      expect(zoneOf(0, b)).toBe(k === 1 ? "entry" : "below");
      expect(zoneOf(null, b)).toBeNull();
    });
  }

  it.each([
    ["UPS1 TLR3", 3],
    ["ups1tlr3", 3],
    [" h-i ", 4],
    ["VC /TB", 3],
    ["vc/tb", 3],
    ["VC TB", 5],
    ["Band 6", 6],
    ["7", 7],
    ["DH Head", 7],
  ])("band label %j is band %i", (label, n) => {
    expect(resolveBand(label, chart)?.band).toBe(n);
  });

  it("an unknown label names no band", () => {
    expect(resolveBand("Band 9", chart)).toBeNull();
    expect(resolveBand("", chart)).toBeNull();
  });
});

/** A hand-worked school: three staff, levels worked out from the seed's rule by hand. */
function school() {
  // Ann, band 3 (expects 3-4): Sep levels 1-3 green (15 statements) -> 3 expected; Jul levels 1-4 (21) -> 4 expected.
  const ann = paintRun(ladderSnap(), "C", 0, 15, GREEN);
  paintRun(ann, "E", 0, 21, GREEN);
  // Ben, band 5 (expects 5-6, entry 4): Sep 1-2 green then a gap then amber -> 2 below; Jul 1-4 -> 4 entry.
  const ben = paintRun(ladderSnap({}, { ...ANN, name: "Ben Ng", band: "TLR1" }), "C", 0, 9, GREEN);
  paint(ben, statementCell(ben, 10, "C"), AMBER);
  paintRun(ben, "E", 0, 21, GREEN);
  // Cat, band 1 (expects 1-2, entry 0): Sep one green statement -> 0 entry; Jul nothing.
  const cat = paintRun(ladderSnap({}, { ...ANN, name: "Cat Ito", band: "UNQ 1" }), "C", 0, 1, GREEN);
  const notes = { name: "Notes", values: [["just notes"]], fills: [[null]], marker: null };
  return [ann, ben, cat, notes];
}

describe("the school roll-up", () => {
  it("gives each member of staff's levels and zones per checkpoint", () => {
    const r = rollupSchool(school());
    expect(r.staff.map((s) => [s.name, s.band, s.levels, s.zones, s.movement])).toEqual([
      ["Ann Lee", 3, { Sep: 3, Mid: null, Jul: 4 }, { Sep: "expected", Mid: null, Jul: "expected" }, 1],
      ["Ben Ng", 5, { Sep: 2, Mid: null, Jul: 4 }, { Sep: "below", Mid: null, Jul: "entry" }, 2],
      ["Cat Ito", 1, { Sep: 0, Mid: null, Jul: null }, { Sep: "entry", Mid: null, Jul: null }, null],
    ]);
    expect(r.skipped).toEqual([{ tab: "Notes", reason: expect.stringMatching(/header row/) as string }]);
  });

  it("counts staff by level and by zone per checkpoint, and in the band x level chart", () => {
    const r = rollupSchool(school());
    expect(r.distribution.Sep!.byZone).toEqual({ none: 0, below: 1, entry: 1, expected: 1, beyond: 0 });
    expect(r.distribution.Jul!.byZone).toEqual({ none: 1, below: 0, entry: 1, expected: 1, beyond: 0 });
    expect(r.distribution.Sep!.byLevel).toMatchObject({ "0": 1, "2": 1, "3": 1, none: 0 });
    expect(r.chartCheckpoint).toBe("Jul");
    expect(r.chartCounts[2]![4]).toBe(1); // band 3, level 4: Ann
    expect(r.chartCounts[4]![4]).toBe(1); // band 5, level 4: Ben
    expect(r.chartCounts.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("the JSON has the fields docs/cli.md describes", () => {
    const j = rollupJson(rollupSchool(school()));
    expect(Object.keys(j)).toEqual(["staff", "skipped", "year"]);
    expect(Object.keys(j.staff[0]!)).toEqual([
      ...["tab", "name", "band", "levels", "zones", "findings"],
      // The year record (issue 14): target and star are design §5's, the rest ours.
      ...["target", "gap", "sinceLast", "star", "starTitle", "objectivesSet", "reviewed"],
    ]);
    const ben = j.staff[1]!;
    // Mid is empty while Jul is filled: a warning, with every field of a finding; and Jul is filled
    // while the year record has no objectives: one more.
    expect(ben.findings).toEqual([
      {
        cell: "D11",
        checkpoint: "Mid",
        rule: "checkpoint-skipped",
        severity: "warning",
        message: expect.any(String) as string,
      },
      {
        cell: "H17",
        checkpoint: "Jul",
        rule: "objective-missing",
        severity: "warning",
        message: expect.stringContaining("Objective 1 (your main role) (H17)") as string,
      },
    ]);
    expect(ben).toMatchObject({ target: null, gap: null, star: 0, starTitle: null, objectivesSet: 0 });
    expect(j.skipped[0]).toEqual({ tab: "Notes", reason: expect.any(String) as string });
  });

  it("planRollup writes the summary and chart tabs, and ignores earlier ones", () => {
    const today = new Date("2026-11-23T10:00:00Z");
    const first = planRollup(school(), undefined, today);
    expect(first.sheets.map((s) => [s.name, s.marker?.role])).toEqual([
      ["School summary", "summary"],
      ["Grade-band chart", "chart"],
    ]);
    const again = planRollup([...school(), ...first.sheets.map(snapshotOf)], "Sep", today);
    expect(again.result).toMatchObject({ staffCount: 3, chartCheckpoint: "Sep", errors: 0 });
    expect(again.result.skipped.map((s) => s.tab)).toEqual(["Notes"]);
  });

  it("the trust roll-up reads school summaries back into counts per zone", () => {
    const today = new Date("2026-11-23T10:00:00Z");
    const summary = snapshotOf(planRollup(school(), undefined, today).sheets[0]!);
    const broken = { name: "School summary", values: [["nothing here"]], fills: [[null]], marker: null };
    const t = planTrust(
      [
        { school: "Oak", snapshot: summary },
        { school: "Elm", snapshot: summary },
        { school: "Ash", snapshot: broken },
      ],
      today,
    );
    expect(t.schools.map((s) => [s.school, s.staff, s.zones.Sep])).toEqual([
      ["Oak", 3, { none: 0, below: 1, entry: 1, expected: 1, beyond: 0 }],
      ["Elm", 3, { none: 0, below: 1, entry: 1, expected: 1, beyond: 0 }],
    ]);
    expect(t.result.problems).toEqual([expect.stringMatching(/^Ash: /) as string]);
    const sheet = snapshotOf(t.sheets[0]!);
    const total = sheet.values.find((r) => r[0] === "Trust total")!;
    expect(total[1]).toBe(6);
  });
});

describe("the roll-up never takes a staff tab's name", () => {
  it("a staff tab called 'School summary' keeps its name; the summary gets another", () => {
    const staff = { ...ladderSnap(), name: "School summary" };
    const { sheets } = planRollup([staff], undefined, new Date("2026-11-23T10:00:00Z"));
    expect(sheets.map((s) => s.name)).toEqual(["School summary (2)", "Grade-band chart"]);
  });
});

describe("blank tabs", () => {
  const blank = (name: string, fill: string | null = null) => ({
    name,
    values: [
      [null, ""],
      ["  ", null],
    ],
    fills: [
      [fill, null],
      [null, "#ffffff"],
    ],
    marker: null,
  });

  it("a new workbook's empty Sheet1 (no values, white or no fill, no marker) is left out without a skip reason", () => {
    const r = rollupSchool([blank("Sheet1"), ladderSnap()]);
    expect(r.staff).toHaveLength(1);
    expect(r.skipped).toEqual([]);
    expect(r.other).toEqual([]);
  });

  it("a tab with only a coloured cell, or only a word, is not blank: it is skipped with a reason", () => {
    const coloured = blank("Painted", "#00ff00");
    const worded = { ...blank("Notes"), values: [["hello", null]] };
    const r = rollupSchool([coloured, worded]);
    expect(r.skipped.map((s) => s.tab)).toEqual(["Painted", "Notes"]);
    expect(r.skipped.every((s) => s.reason.length > 0)).toBe(true);
  });
});

describe("the checkpoint the grade-band chart counts", () => {
  const staff = (...cols: (number | null)[][]) =>
    cols[0]!.map((_, i) => ({ levels: { Sep: cols[0]![i]!, Mid: cols[1]![i]!, Jul: cols[2]![i]! } }));
  const CPS = ["Sep", "Mid", "Jul"];

  it("is the latest one most staff have filled in, not one early tab's Jul", () => {
    // Seven staff: all filled in Sep and Mid, one in Jul.
    const s = staff([1, 2, 3, 1, 2, 3, 1], [2, 2, 3, 2, 2, 3, 1], [3, null, null, null, null, null, null]);
    expect(chooseCheckpoint(s, CPS)).toEqual({
      checkpoint: "Mid",
      reason: "Mid is the latest checkpoint most staff have filled in (7 of 7 staff).",
    });
  });

  it("takes the one filled in most when none has a majority, and says so", () => {
    const s = staff([1, null, null, null], [null, 2, 2, null], [null, null, null, 3]);
    expect(chooseCheckpoint(s, CPS)).toEqual({
      checkpoint: "Mid",
      reason: "No checkpoint is filled in by most staff yet; Mid has the most (2 of 4 staff).",
    });
    expect(chooseCheckpoint(staff([null], [null], [null]), CPS).reason).toBe(
      "Nobody has filled in a checkpoint yet.",
    );
  });

  it("is the one asked for when there is one", () => {
    expect(chooseCheckpoint(staff([1], [null], [null]), CPS, "Jul")).toEqual({
      checkpoint: "Jul",
      reason: "Jul was asked for.",
    });
  });
});

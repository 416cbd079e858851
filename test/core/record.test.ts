// The appraisal year record beside the ladder (issue 14): generated in the seed's words, read back
// by its labels (tolerant of edits), and checked: target below the level reached, STAR steps out of
// order, objectives missing at Mid or Jul, a typed current level the colours do not show.
import { describe, expect, it } from "vitest";
import { checkTab } from "../../core/check.js";
import { ladderSheet } from "../../core/generate/ladder.js";
import { RECORD_LABELS, splitTitle, tickLevelFormula } from "../../core/generate/record.js";
import { dayNumber, dayText } from "../../core/read/dates.js";
import { readLadder } from "../../core/read/ladder.js";
import type { TabSnapshot } from "../../core/sheet.js";
import { snapshotOf } from "../../core/snapshot.js";
import { ANN, GREEN, ladder, ladderSnap, paintRun, put } from "../helpers.js";

/*
 * A colour tab, levels 1-8 (the default): the ladder header is row 11, the record beside it in G-J:
 *   G11 Your appraisal year | G12-G14 "Sep: current level ..." (Mid, Jul): H12-H14
 *   G15 Target level for the year: H15 | G16 Objective 1 ..., H17 objective, H18 how will we know
 *   objective 2: H20, H21 | objective 3: H23, H24 | G26 STAR heading, I26 Done, J26 Date done
 *   steps 1-6: rows 27-32, tick I, date J | G34 Reviews | Sep H35 (you) H36 (appraiser), Mid H37
 *   H38, Jul H39 H40.
 */
const record = (snap: TabSnapshot) => readLadder(snap, ladder(), null)!.record!;
const rules = (snap: TabSnapshot) =>
  checkTab(snap).findings.map((f) => `${f.rule}@${f.cell}:${f.checkpoint ?? "-"}`);
const LEVELS_1_TO_3 = 15;
const LEVELS_1_TO_4 = 21;

/** A filled-in record: target 6, three objectives, STAR steps 1-3 done, Sep reviewed by both. */
function filled(): TabSnapshot {
  const snap = ladderSnap();
  put(snap, "H15", 6);
  put(snap, "H17", "Run the Year 5 reading intervention with the new phonics scheme");
  put(snap, "H18", "Reading ages of the 12 pupils rise by a year");
  put(snap, "H20", "Live marking in lessons instead of homework marking");
  put(snap, "H21", "Pupils' response to feedback in books; a pupil survey");
  put(snap, "H23", "Coach two TAs towards level 2");
  put(snap, "H24", "Both TAs colour level 2 green by July");
  put(snap, "I27", true);
  put(snap, "J27", "12/10/2026");
  put(snap, "I28", true);
  put(snap, "J28", "2026-11-02");
  put(snap, "I29", true);
  put(snap, "J29", 46357); // an Excel date serial: 1 Dec 2026
  put(snap, "H35", "Happy with the targets.");
  put(snap, "H36", "Agreed; reading data at Mid.");
  return snap;
}

describe("the record on a generated ladder tab", () => {
  const spec = ladderSheet(ladder(), ANN, { year: "2026-27", name: "Ann Lee" });

  it("stands beside the ladder in the seed's words, its title in the header row", () => {
    const v = snapshotOf(spec).values;
    expect(v[10]!.slice(0, 7)).toEqual([
      "Level",
      "Minimum standard",
      "Sep",
      "Mid",
      "Jul",
      null,
      "Your appraisal year",
    ]);
    expect(v.slice(11, 14).map((r) => r[6])).toEqual(
      ["Sep", "Mid", "Jul"].map((cp) => `${cp}: ${RECORD_LABELS.currentColours}`),
    );
    expect(v[14]![6]).toBe("Target level for the year");
    // Each objective's title in the seed's words: its number as the label, the rest beside it.
    expect([15, 18, 21].map((r) => [v[r]![6], v[r]![7]])).toEqual([
      ["Objective 1", "Improvements to your main role."],
      ["Objective 2", "A STAR project – Researching a new idea, trying it and evaluating it."],
      ["Objective 3", "Improving or using your skills of leadership to benefit others."],
    ]);
    expect([v[16]![6], v[17]![6]]).toEqual(["Objective", "How will we know?"]);
    expect(v[25]!.slice(6)).toEqual([
      "Your STAR project – Smart Tested Action Research",
      null,
      "Done",
      "Date done",
    ]);
    expect(v[26]![6]).toBe("1. Choose an idea that is new to you and will benefit others in some way");
    expect(v[31]![6]).toMatch(/^6\. If it worked, why not share it at the next SMART day/);
    expect(v.slice(34, 40).map((r) => r[6])).toEqual([
      "Sep: your note",
      "Sep: appraiser's note",
      "Mid: your note",
      "Mid: appraiser's note",
      "Jul: your note",
      "Jul: appraiser's note",
    ]);
  });

  it("merges the text boxes in three blocks: objectives, STAR steps, reviews (one host call each)", () => {
    expect(spec.merges.filter((m) => /^[G-J]/.test(m))).toEqual([
      ...["H16:J16", "H17:J17", "H18:J18", "H19:J19", "H20:J20", "H21:J21", "H22:J22", "H23:J23"],
      ...["H24:J24", "G26:H26", "G27:H27", "G28:H28", "G29:H29", "G30:H30", "G31:H31", "G32:H32"],
      ...["H35:J35", "H36:J36", "H37:J37", "H38:J38", "H39:J39", "H40:J40"],
    ]);
    expect(splitTitle("Objective 2 – A STAR project – Researching")).toEqual([
      "Objective 2",
      "A STAR project – Researching",
    ]);
    expect(splitTitle("Your appraisal year")).toEqual(["Your appraisal year", null]);
  });

  it("has a 1-10 drop-down for the target, 0-10 for the current level, and tick boxes for the STAR steps", () => {
    expect(spec.validations).toEqual([
      { range: "H12:H14", list: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], strict: true },
      { range: "H15", list: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], strict: true },
    ]);
    expect(spec.checkboxes).toEqual(["I27:I32"]);
    expect(spec.columnWidths).toEqual([84, 520, 64, 64, 64, 16, 170, 110, 64, 100]);
  });

  it("says once what green, amber and blank mean, and notes each level's examples", () => {
    const v = snapshotOf(spec)
      .values.flat()
      .filter((x): x is string => typeof x === "string");
    expect(v.filter((x) => x.startsWith("What the colours mean")).length).toBe(1);
    const key = v.find((x) => x.startsWith("What the colours mean"))!;
    expect(key).toContain("green = true, with every statement above it green too");
    expect(key).toContain("blank = not true yet");
    expect(key).toContain("amber = true, but below a blank");
    const level2 = spec.notes.find((n) => n.text.startsWith("Level 2:"))!;
    expect(level2.cell).toBe("A17");
    expect(level2.text).toContain("Examples (how do you know?):");
    expect(level2.text).toContain("Staff – People rely on you for your positive professionalism");
    expect(level2.text).toContain("Students – Bring together a team of qualified level 1 students");
    expect(level2.text).toContain("Governors/Trustees – You work as a team with the other governors");
  });

  it("reads back empty, with nothing to warn about", () => {
    const snap = ladderSnap();
    const r = record(snap);
    expect(r.target).toEqual({ value: null, cell: "H15" });
    expect(r.current).toEqual({
      Sep: { value: null, cell: "H12" },
      Mid: { value: null, cell: "H13" },
      Jul: { value: null, cell: "H14" },
    });
    expect(r.objectives.map((o) => [o.n, o.objective, o.how])).toEqual([
      [1, { value: "", cell: "H17" }, { value: "", cell: "H18" }],
      [2, { value: "", cell: "H20" }, { value: "", cell: "H21" }],
      [3, { value: "", cell: "H23" }, { value: "", cell: "H24" }],
    ]);
    expect(r.steps.map((s) => [s.step, s.done, s.tick, s.date?.cell])).toEqual([
      [1, false, "I27", "J27"],
      [2, false, "I28", "J28"],
      [3, false, "I29", "J29"],
      [4, false, "I30", "J30"],
      [5, false, "I31", "J31"],
      [6, false, "I32", "J32"],
    ]);
    expect(r.warnings).toEqual([]);
    expect(checkTab(snap).findings).toEqual([]);
  });

  it("reads a filled-in record: target, objectives, STAR ticks and dates, review notes", () => {
    const r = record(filled());
    expect(r.target).toEqual({ value: 6, cell: "H15" });
    expect(r.objectives[1]!.objective.value).toBe("Live marking in lessons instead of homework marking");
    expect(r.objectives[2]!.how?.value).toBe("Both TAs colour level 2 green by July");
    expect(
      r.steps.filter((s) => s.done).map((s) => [s.step, s.date?.value, s.day && dayText(s.day)]),
    ).toEqual([
      [1, "12/10/2026", "12 Oct 2026"],
      [2, "2026-11-02", "2 Nov 2026"],
      [3, "46357", "1 Dec 2026"],
    ]);
    expect(r.reviews.Sep).toEqual({
      person: { value: "Happy with the targets.", cell: "H35" },
      appraiser: { value: "Agreed; reading data at Mid.", cell: "H36" },
    });
    expect(r.reviews.Mid).toEqual({
      person: { value: "", cell: "H37" },
      appraiser: { value: "", cell: "H38" },
    });
    expect(checkTab(filled()).findings).toEqual([]);
  });
});

describe("ladder check on the record", () => {
  it("a target below the level the colours show: a warning at the target cell", () => {
    const snap = paintRun(filled(), "C", 0, LEVELS_1_TO_4, GREEN);
    put(snap, "H15", 3);
    const f = checkTab(snap).findings;
    expect(f.map((x) => `${x.rule}@${x.cell}:${x.checkpoint}`)).toEqual(["target-below-level@H15:Sep"]);
    expect(f[0]!.message).toBe(
      "The target level for the year in H15 is 3, but the colours already show level 4 at Sep: choose a target of 4 or more (the same level is fine if you do not wish to develop this area).",
    );
    put(snap, "H15", 4); // the same level is fine
    expect(rules(snap)).toEqual([]);
  });

  it("going past the target later in the year is reaching it, not a warning", () => {
    // Level 3 at Sep with a target of 4, then level 4 at Mid and more at Jul.
    const snap = paintRun(filled(), "C", 0, LEVELS_1_TO_3, GREEN);
    paintRun(snap, "D", 0, LEVELS_1_TO_4, GREEN);
    paintRun(snap, "E", 0, LEVELS_1_TO_4 + 11, GREEN);
    put(snap, "H15", 4);
    const c = checkTab(snap);
    expect(c.levels).toEqual({ Sep: 3, Mid: 4, Jul: 5 });
    expect(c.findings).toEqual([]);
    // A target below where the year began is still a slip, reported against that checkpoint.
    put(snap, "H15", 2);
    expect(rules(snap)).toEqual(["target-below-level@H15:Sep"]);
  });

  it("a STAR step ticked while the one above it is not: a warning at the ticked step", () => {
    const snap = filled();
    put(snap, "I29", false);
    put(snap, "I30", true);
    put(snap, "I31", true);
    const f = checkTab(snap).findings;
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["star-step-skipped@I30"]);
    expect(f[0]!.message).toBe(
      "STAR step 4 is ticked (I30) but step 3 above it is not (I29): tick step 3 when it is done, or untick step 4.",
    );
  });

  it("a STAR step dated before the step above it: a warning at its date", () => {
    const snap = filled();
    put(snap, "J28", "01/09/2026");
    const f = checkTab(snap).findings;
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["star-date-order@J28"]);
    expect(f[0]!.message).toBe(
      "STAR step 2 is dated 1 Sep 2026 (J28), before step 1 (12 Oct 2026): the steps are done in order, so check the dates.",
    );
  });

  it("objectives missing once Mid is filled in: one warning naming each empty one and its cell", () => {
    const snap = paintRun(filled(), "D", 0, LEVELS_1_TO_3, GREEN);
    put(snap, "H15", 4);
    put(snap, "H20", "");
    put(snap, "H23", null);
    const f = checkTab(snap).findings;
    expect(f.map((x) => `${x.rule}@${x.cell}:${x.checkpoint}`)).toEqual([
      "checkpoint-skipped@C11:Sep",
      "objective-missing@H20:Mid",
    ]);
    expect(f[1]!.message).toBe(
      "Objective 2 (the STAR project) (H20) and Objective 3 (leadership) (H23) are empty and Mid is filled in: write the objectives agreed at your appraisal, and how you will know they are met.",
    );
  });

  it("objectives missing at Sep only are not yet worth a warning; a Jul review note counts as Jul filled in", () => {
    const snap = paintRun(ladderSnap(), "C", 0, LEVELS_1_TO_3, GREEN);
    expect(rules(snap)).toEqual([]);
    put(snap, "H39", "A good year.");
    expect(rules(snap)).toEqual(["objective-missing@H17:Jul"]);
  });

  it("a typed current level the colours do not show (colour tabs): a warning at its cell", () => {
    const snap = paintRun(filled(), "C", 0, LEVELS_1_TO_3, GREEN);
    put(snap, "H12", 4);
    const f = checkTab(snap).findings;
    expect(f.map((x) => `${x.rule}@${x.cell}:${x.checkpoint}`)).toEqual(["current-level-differs@H12:Sep"]);
    expect(f[0]!.message).toBe(
      "H12 gives your current level at Sep as 4, but the colours in the Sep column show level 3: pick 3, or check the colours with your appraiser.",
    );
    put(snap, "H12", 3);
    expect(rules(snap)).toEqual([]);
  });

  it("values that cannot be what their label asks for: a warning at the cell, and left out", () => {
    const snap = filled();
    put(snap, "H15", "high");
    put(snap, "J27", "soon");
    put(snap, "I31", "maybe");
    const c = checkTab(snap);
    expect(c.findings.map((x) => `${x.rule}@${x.cell}`)).toEqual([
      "record-unreadable@H15",
      "record-unreadable@J27",
      "record-unreadable@I31",
    ]);
    expect(c.record?.target?.value).toBeNull();
    expect(c.findings.find((x) => x.cell === "H15")?.message).toBe(
      "H15 says 'high', which is not a level: pick the target level for the year from the list (1 to 10).",
    );
    expect(c.findings.find((x) => x.cell === "J27")?.message).toBe(
      "J27 says 'soon', which is not a date: type the date step 1 was done, such as 12/10/2026.",
    );
  });
});

describe("tabs people have edited", () => {
  /** Insert an empty column before `col` (0-based) in every row, as a person inserting a column would. */
  function insertColumn(snap: TabSnapshot, col: number): TabSnapshot {
    for (const row of snap.values) if (row.length > col) row.splice(col, 0, null);
    for (const row of snap.fills) if (row.length > col) row.splice(col, 0, null);
    return snap;
  }

  it("a column inserted before the record and rows above the header: the same record, no warnings", () => {
    const snap = insertColumn(filled(), 6);
    snap.values.unshift(["Notes from the meeting"], []);
    snap.fills.unshift([], []);
    const r = record(snap);
    expect(r.target).toEqual({ value: 6, cell: "I17" });
    expect(r.objectives.map((o) => o.objective.cell)).toEqual(["I19", "I22", "I25"]);
    expect(r.steps.filter((s) => s.done).map((s) => s.tick)).toEqual(["J29", "J30", "J31"]);
    expect(checkTab(snap).findings).toEqual([]);
  });

  it("labels reworded a little still read", () => {
    const snap = filled();
    put(snap, "G19", "Objective 2 - STAR");
    put(snap, "G35", "Sept: your notes");
    put(snap, "G15", "Target level");
    const r = record(snap);
    expect(r.objectives.map((o) => o.n)).toEqual([1, 2, 3]);
    expect(r.reviews.Sep?.person?.value).toBe("Happy with the targets.");
    expect(r.target?.value).toBe(6);
  });

  it("a tab made before the record existed has none, and is read as before", () => {
    const snap = filled();
    for (const row of snap.values) row.splice(5);
    for (const row of snap.fills) row.splice(5);
    const read = readLadder(snap, ladder(), null)!;
    expect(read.record).toBeNull();
    expect(read.rows).toHaveLength(75);
    expect(checkTab(snap).findings).toEqual([]);
  });
});

describe("tick-box tabs", () => {
  it("the current level is a formula counting the levels ticked from the top, blank while nothing is", () => {
    const spec = ladderSheet(ladder(), ANN, { year: "2026-27", name: "Ann", upTo: 5, ticks: true });
    expect(spec.values[10]![6]).toBe(`Sep: ${RECORD_LABELS.currentTicks}`);
    expect(spec.formulas.map((f) => f.cell)).toEqual(["H11", "H12", "H13"]);
    expect(spec.formulas[0]!.formula).toBe(
      '=IF(COUNTIF(C11:C42,TRUE)=0,"",(COUNTIF(C11:C15,TRUE)=5)+(COUNTIF(C11:C19,TRUE)=9)+(COUNTIF(C11:C25,TRUE)=15)+(COUNTIF(C11:C31,TRUE)=21)+(COUNTIF(C11:C42,TRUE)=32))',
    );
    expect(spec.validations.map((v) => v.range)).toEqual(["H14"]); // the target only
  });

  it("tickLevelFormula counts from the first statement row", () => {
    expect(tickLevelFormula(3, 20, 30, [2, 5])).toBe(
      '=IF(COUNTIF(D21:D31,TRUE)=0,"",(COUNTIF(D21:D22,TRUE)=2)+(COUNTIF(D21:D25,TRUE)=5))',
    );
  });

  it("the formula's value is not checked against the ticks (the formula is the ticks)", () => {
    const spec = ladderSheet(ladder(), ANN, { year: "2026-27", name: "Ann", upTo: 5, ticks: true });
    const snap = snapshotOf(spec);
    for (let r = 10; r < 25; r++) snap.values[r]![2] = true; // levels 1-3 ticked at Sep
    put(snap, "H11", 7); // a stale cached value
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBe(3);
    expect(c.findings).toEqual([]);
  });
});

describe("dates as hosts hand them over", () => {
  it.each([
    ["12/10/2026", "12 Oct 2026"],
    ["12/10/26", "12 Oct 2026"],
    ["2026-10-12", "12 Oct 2026"],
    ["12 Oct 2026", "12 Oct 2026"],
    ["Monday 12th October 2026", "12 Oct 2026"],
    [46307, "12 Oct 2026"],
  ] as const)("%j is %s", (v, want) => {
    expect(dayText(dayNumber(v)!)).toBe(want);
  });

  it.each([["31/02/2026"], ["soon"], [""], [7], [null], [true]] as const)("%j is not a date", (v) => {
    expect(dayNumber(v)).toBeNull();
  });
});

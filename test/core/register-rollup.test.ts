// The roll-up across files (core/rollup-files.ts) on literal snapshots: the same answers as the
// same tabs in one workbook, plus `file`; unreadable, foreign and leaders' files listed once each in
// words; a person found twice counted once, with a warning naming where they were found first.
import { describe, expect, it } from "vitest";
import { planRollup } from "../../core/app.js";
import { FilesRollup, planFilesRollup, rollupFile, rollupFiles } from "../../core/rollup-files.js";
import { rollupJson, rollupSchool, type SchoolRollup } from "../../core/rollup.js";
import type { TabSnapshot } from "../../core/sheet.js";
import { AMBER, ANN, GREEN, ladderSnap, paint, paintRun, statementCell } from "../helpers.js";

const NOW = new Date("2027-03-01T12:00:00Z");

/** Three staff painted by hand (as in rollup.test.ts): Ann 3 -> 4, Ben 2 (after a gap) -> 4, Cat 0. */
function staffTabs(): TabSnapshot[] {
  const ann = paintRun(ladderSnap(), "C", 0, 15, GREEN);
  paintRun(ann, "E", 0, 21, GREEN);
  const ben = paintRun(ladderSnap({}, { ...ANN, name: "Ben Ng", band: "TLR1" }), "C", 0, 9, GREEN);
  paint(ben, statementCell(ben, 10, "C"), AMBER);
  paint(ben, statementCell(ben, 12, "C"), GREEN); // green after the gap: an error finding
  paintRun(ben, "E", 0, 21, GREEN);
  const cat = paintRun(ladderSnap({}, { ...ANN, name: "Cat Ito", band: "UNQ 1" }), "C", 0, 1, GREEN);
  return [ann, ben, cat];
}

const withoutFile = (r: SchoolRollup) => r.staff.map(({ file: _file, ...rest }) => rest);
const budget: TabSnapshot = {
  name: "Budget",
  values: [
    ["Item", "Cost"],
    ["Books", 120],
  ],
  fills: [
    [null, null],
    [null, null],
  ],
  marker: null,
};

describe("rolling up across files", () => {
  it("gives the same answers as the same tabs in one workbook, with the file on each entry", () => {
    const tabs = staffTabs();
    const one = rollupSchool(tabs);
    const many = rollupFiles(tabs.map((t) => ({ file: `${t.name} 2026-27.xlsx`, tabs: [t] })));
    expect(withoutFile(many)).toEqual(one.staff);
    expect(many.staff.map((s) => s.file)).toEqual([
      "Ann Lee 2026-27.xlsx",
      "Ben Ng 2026-27.xlsx",
      "Cat Ito 2026-27.xlsx",
    ]);
    expect(many.distribution).toEqual(one.distribution);
    expect(many.chartCounts).toEqual(one.chartCounts);
    expect([many.chartCheckpoint, many.chartReason]).toEqual([one.chartCheckpoint, one.chartReason]);
    expect(many.staff[1]!.findings.map((f) => f.rule)).toContain("green-after-gap");
    // The sheets written are the same too (the summary lists the same tabs, levels and zones).
    const sheets = planFilesRollup(many, [], NOW);
    expect(sheets.map((s) => s.values)).toEqual(planRollup(tabs, undefined, NOW).sheets.map((s) => s.values));
  });

  it("the summary's to-do list links to tabs in one workbook, but not to tabs in other files", () => {
    const tabs = staffTabs();
    const one = planRollup(tabs, undefined, NOW).sheets[0]!;
    expect(one.links?.map((l) => l.tab)).toEqual(expect.arrayContaining(["Ann Lee", "Ben Ng", "Cat Ito"]));
    const many = rollupFiles(tabs.map((t) => ({ file: `${t.name} 2026-27.xlsx`, tabs: [t] })));
    const summary = planFilesRollup(many, [], NOW)[0]!;
    // The leaders' file has none of those tabs: a link would say "Reference isn't valid".
    expect(summary.links ?? []).toEqual([]);
    expect(summary.values).toEqual(one.values);
  });

  it("streams: parts added one file at a time give the same roll-up, for a checkpoint asked for", () => {
    const tabs = staffTabs();
    const acc = new FilesRollup({ checkpoint: "Sep" });
    for (const t of tabs) acc.add(rollupFile(t.name, [t], { checkpoint: "Sep" }));
    const r = acc.finish();
    expect(r.chartCheckpoint).toBe("Sep");
    expect(withoutFile(r)).toEqual(rollupSchool(tabs, { checkpoint: "Sep" }).staff);
    expect(acc.files).toBe(3);
  });

  it("lists a file that cannot be read once, with the reason, and rolls up the rest", () => {
    const [ann, ben] = staffTabs();
    const r = rollupFiles([
      { file: "staff/Ann.xlsx", tabs: [ann!] },
      { file: "staff/Gone.xlsx", reason: "no such file" },
      { file: "staff/Ben.xlsx", tabs: [ben!] },
    ]);
    expect(r.staff.map((s) => s.name)).toEqual(["Ann Lee", "Ben Ng"]);
    expect(r.skipped).toEqual([{ tab: "", file: "staff/Gone.xlsx", reason: "no such file" }]);
    expect(rollupJson(r).skipped).toEqual([{ file: "staff/Gone.xlsx", reason: "no such file" }]);
  });

  it("a file that is not a ladder file is one entry saying so, naming its tabs", () => {
    const r = rollupFiles([
      { file: "budget.xlsx", tabs: [budget] },
      { file: "a.xlsx", tabs: [ladderSnap()] },
    ]);
    expect(r.skipped).toEqual([
      {
        tab: "",
        file: "budget.xlsx",
        reason:
          "is not a ladder file: none of its tabs ('Budget') is a ragging sheet or another form made by ladder-sheets",
      },
    ]);
    expect(r.staff).toHaveLength(1);
  });

  it("a leaders' file among person files is named as one, and its summary is not read as staff", () => {
    const leaders = planRollup(staffTabs(), undefined, NOW).sheets.map((s) => ({
      name: s.name,
      values: s.values,
      fills: s.values.map((row) => row.map(() => null)),
      marker: `ladder-sheets:${s.marker!.templateId}@${s.marker!.version}:${s.marker!.role}`,
    }));
    const r = rollupFiles([{ file: "school.xlsx", tabs: leaders }]);
    expect(r.staff).toEqual([]);
    expect(r.skipped[0]!.reason).toBe(
      "has no staff tabs, only 'School summary', 'Grade-band chart' (a leaders' file, not a person's file)",
    );
  });

  it("a person file whose tab was edited out of shape lists that tab, with its file", () => {
    const broken = ladderSnap();
    const header = broken.values.findIndex((row) => row[0] === "Level");
    broken.values[header] = broken.values[header]!.map(() => null);
    const part = rollupFile("Ann Lee 2026-27.xlsx", [broken, budget]);
    expect(part.staff).toEqual([]);
    expect(part.skipped.map((s) => [s.file, s.tab])).toEqual([
      ["Ann Lee 2026-27.xlsx", "Ann Lee"],
      ["Ann Lee 2026-27.xlsx", "Budget"],
    ]);
    expect(part.skipped[0]!.reason).toMatch(/header row/);
  });

  it("the same person in two files (same name and template) is counted once, with one warning", () => {
    const [ann, ben] = staffTabs();
    const annAgain = { ...ladderSnap({}, { ...ANN, name: " ann  LEE " }), name: "Ann Lee" };
    const r = rollupFiles([
      { file: "Ann Lee 2026-27.xlsx", tabs: [ann!] },
      { file: "Ben Ng 2026-27.xlsx", tabs: [ben!] },
      { file: "Ann Lee (old).xlsx", tabs: [annAgain] },
    ]);
    expect(r.staff.map((s) => s.file)).toEqual(["Ann Lee 2026-27.xlsx", "Ben Ng 2026-27.xlsx"]);
    expect(r.distribution.Jul!.byZone.expected + r.distribution.Jul!.byZone.entry).toBe(2);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]).toMatchObject({ file: "Ann Lee (old).xlsx", tab: "Ann Lee" });
    expect(r.skipped[0]!.reason).toMatch(
      /^ann {2}LEE has a Leadership Ladder ragging sheet in Ann Lee 2026-27\.xlsx \(tab 'Ann Lee'\) already, which is the one rolled up; this copy is left out so nobody is counted twice\./,
    );
    expect(rollupJson(r).skipped[0]).toEqual({
      file: "Ann Lee (old).xlsx",
      tab: "Ann Lee",
      reason: r.skipped[0]!.reason,
    });
  });

  it("two people with different names are never merged, and one workbook keeps today's behaviour", () => {
    const tabs = staffTabs();
    const twice = [tabs[0]!, { ...tabs[0]!, name: "Ann Lee (2)" }];
    // One workbook: both tabs count, as today (--allow-duplicate makes such second tabs on purpose).
    expect(rollupSchool(twice).staff).toHaveLength(2);
    expect(rollupJson(rollupSchool(twice)).staff[0]).not.toHaveProperty("file");
  });

  it("JSON staff entries carry `file` after design §5's fields and the year's (issue 14)", () => {
    const [ann] = staffTabs();
    const json = rollupJson(rollupFiles([{ file: "a.xlsx", tabs: [ann!] }]));
    expect(Object.keys(json.staff[0]!)).toEqual([
      "tab",
      "name",
      "band",
      "levels",
      "zones",
      "findings",
      "target",
      "gap",
      "sinceLast",
      "star",
      "starTitle",
      "objectivesSet",
      "reviewed",
      "file",
    ]);
    expect(json.staff[0]!.file).toBe("a.xlsx");
  });
});

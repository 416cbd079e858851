// Bad staff names and tab names, through core (planCreate) and through real .xlsx files written and
// read by the command line's adapter. Strings are data: never a formula, never markup, never lost.
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_NAMES } from "./hostile-names.js";
import { newBook, saveBook } from "../../cli/xlsx/book.js";
import { readWorkbook } from "../../cli/xlsx/read.js";
import { writeSheet } from "../../cli/xlsx/write.js";
import { emptySheet } from "../../core/sheet.js";
import { planCreate, planRollup } from "../../core/app.js";
import { checkTab } from "../../core/check.js";
import { isLegalTabName, MAX_TAB_NAME } from "../../core/names.js";
import type { SheetSpec } from "../../core/sheet.js";
import { snapshotOf } from "../../core/snapshot.js";
import type { StaffDetails } from "../../core/staff-list.js";
import { allSheetXml, hasFormulaElement, tempFolder, thrown } from "./support.js";

const today = new Date("2026-11-23T10:00:00Z");
const person = (name: string, band = "3"): StaffDetails => ({
  name,
  band,
  role: "Teacher",
  appraiser: "Sam Roe",
});
const create = (staff: StaffDetails[], existing: string[] = [], ticks = false): SheetSpec[] =>
  planCreate({ templateId: "leadership-ladder", staff, ticks }, existing, today);
const nameCell = (spec: SheetSpec): unknown => spec.values.find((r) => r[0] === "Name")?.[1];

describe("hostile staff names through planCreate", () => {
  it.each(HOSTILE_NAMES)("%s: stored as plain text in the Name cell, with no formula", (_label, name) => {
    const [spec] = create([person(name)]);
    expect(nameCell(spec!)).toBe(name.trim());
    expect(spec!.formulas).toEqual([]);
    expect(isLegalTabName(spec!.name)).toBe(true);
    expect(checkTab(snapshotOf(spec!)).fields.name).toBe(name.trim());
  });

  it.each([
    ["an empty name", ""],
    ["a name of spaces", "   "],
    ["a name of a tab and a new line", "\t\n"],
  ])("%s: nothing is created, and the message names the row", (_label, name) => {
    const e = thrown(() => create([person("Ann Lee"), person(name)]));
    expect(e.code).toBe("staff-list-invalid");
    expect(e.message).toMatch(/Nothing was created\. Row 2: the name is empty\./);
  });

  it("300 characters: the Name cell keeps all of it; the tab name is cut to 31", () => {
    const long = HOSTILE_NAMES.find(([l]) => l === "300 characters")![1];
    expect(long).toHaveLength(300);
    const [spec] = create([person(long)]);
    expect(nameCell(spec!)).toBe(long);
    expect(spec!.name.length).toBeLessThanOrEqual(MAX_TAB_NAME);
  });
});

describe("hostile staff names through real .xlsx files", () => {
  let dir: string;
  let done: () => Promise<void>;
  beforeAll(async () => ({ dir, done } = await tempFolder("names")));
  afterAll(async () => done());

  it.each(HOSTILE_NAMES)(
    "%s: written, saved, read back identical, and no <f> in the sheet XML",
    async (label, name) => {
      const [spec] = create([person(name)]);
      const book = newBook();
      writeSheet(book, spec!);
      const path = join(dir, `${label.replace(/\W+/g, "-")}.xlsx`);
      await saveBook(book, path);
      const xml = await allSheetXml(await readFile(path));
      expect(hasFormulaElement(xml)).toBe(false);
      const { snapshots } = await readWorkbook(path);
      expect(snapshots).toHaveLength(1);
      const snap = snapshots[0]!;
      expect(snap.name).toBe(spec!.name);
      expect(snap.values.find((r) => r[0] === "Name")?.[1]).toBe(name.trim());
      expect(checkTab(snap).fields.name).toBe(name.trim());
    },
  );

  it("all of them in one workbook, rolled up: the summary lists each name as text and has no <f>", async () => {
    const specs = create(HOSTILE_NAMES.map(([, n]) => person(n)));
    const snaps = specs.map(snapshotOf);
    const { sheets } = planRollup(snaps, undefined, today);
    const summary = sheets.find((s) => s.marker?.role === "summary")!;
    const cells = summary.values.flat();
    for (const [, n] of HOSTILE_NAMES) expect(cells).toContain(n.trim());
    for (const f of summary.formulas)
      for (const [, n] of HOSTILE_NAMES) expect(f.formula).not.toContain(n.trim());
    const book = newBook();
    for (const s of [...specs, ...sheets]) writeSheet(book, s);
    const path = join(dir, "everyone.xlsx");
    await saveBook(book, path);
    expect(hasFormulaElement(await allSheetXml(await readFile(path)))).toBe(false);
    const back = await readWorkbook(path);
    const summaryBack = back.snapshots.find((s) => s.name === summary.name)!;
    const backCells = summaryBack.values.flat();
    for (const [, n] of HOSTILE_NAMES) expect(backCells).toContain(n.trim());
  });
});

/** [label, wanted tab name]: each through planCreate and then into a real workbook. */
const TAB_NAMES: [string, string][] = [
  ["over 31 characters", "Margaret Anne Worthington-Smythe-Jones"],
  ["an opening bracket", "Ann [Lead"],
  ["a closing bracket", "Ann] Lead"],
  ["a colon", "Ann: Lead"],
  ["an asterisk", "Ann * Lead"],
  ["a question mark", "Ann? Lead"],
  ["a slash", "Ann/Lead"],
  ["a backslash", "Ann\\Lead"],
  ["all seven illegal characters", "[]:*?/\\"],
  ["a leading apostrophe", "'Ann Lee"],
  ["a trailing apostrophe", "Ann Lee'"],
  ["apostrophes only", "'''"],
  ["History", "History"],
  ["history in capitals", "HISTORY"],
  ["an emoji on the 31st character", `${"x".repeat(30)}😀`],
];

describe("tab names", () => {
  it.each(TAB_NAMES)(
    "%s: the tab name is legal, and the Name cell says whose tab it is",
    (_label, wanted) => {
      const [spec] = create([person(wanted)]);
      expect(isLegalTabName(spec!.name)).toBe(true);
      expect(nameCell(spec!)).toBe(wanted.trim());
    },
  );

  it("a name already used by a tab (any case): a numbered, unique tab; the existing tab is not touched", () => {
    const specs = create([person("Ann Lee")], ["ANN LEE", "Ann Lee (2)"]);
    expect(specs.map((s) => s.name)).toEqual(["Ann Lee (3)"]);
  });

  it("two staff with the same name: two tabs, unique, each Name cell saying whose", () => {
    const specs = create([person("Ann Lee", "3"), person("Ann Lee", "5")]);
    expect(specs.map((s) => s.name)).toEqual(["Ann Lee", "Ann Lee (2)"]);
    expect(specs.map(nameCell)).toEqual(["Ann Lee", "Ann Lee"]);
    expect(specs.map((s) => s.values.find((r) => r[0] === "Grade band")?.[1])).toEqual(["3", "5"]);
  });

  it("names that differ only in case or in illegal characters: still unique", () => {
    const specs = create([person("ann lee"), person("Ann Lee"), person("Ann:Lee"), person("Ann/Lee")]);
    const lower = specs.map((s) => s.name.toLowerCase());
    expect(new Set(lower).size).toBe(4);
    expect(specs.every((s) => isLegalTabName(s.name))).toBe(true);
  });

  it("long names that share their first 31 characters: unique, each within 31", () => {
    const stem = "Christopher Alexander Montgomery";
    const specs = create([person(`${stem} One`), person(`${stem} Two`), person(`${stem} Three`)]);
    expect(new Set(specs.map((s) => s.name.toLowerCase())).size).toBe(3);
    for (const s of specs) expect(s.name.length).toBeLessThanOrEqual(MAX_TAB_NAME);
    expect(specs.map(nameCell)).toEqual([`${stem} One`, `${stem} Two`, `${stem} Three`]);
  });

  it("every tab name above, and the duplicates, written into one real workbook: accepted and read back", async () => {
    const { dir, done } = await tempFolder("tabs");
    try {
      const staff = [
        ...TAB_NAMES.map(([, n]) => person(n)),
        person("Ann Lee"),
        person("Ann Lee"),
        person("ann lee"),
      ];
      const specs = create(staff, ["Sheet1"]);
      const book = newBook();
      writeSheet(book, emptySheet("Sheet1", 0, 0, null));
      for (const s of specs) writeSheet(book, s);
      const path = join(dir, "tabs.xlsx");
      await saveBook(book, path);
      const { snapshots } = await readWorkbook(path);
      expect(snapshots.map((s) => s.name)).toEqual(["Sheet1", ...specs.map((s) => s.name)]);
      const whose = snapshots.slice(1).map((s) => checkTab(s).fields.name);
      expect(whose).toEqual(staff.map((s) => s.name.trim()));
    } finally {
      await done();
    }
  });
});

// The adapter's pieces: fills (no fill vs white), metadata cells, batching, the fill region, and what
// a written tab looks like in Excel (text, tick boxes, conditional formats, protection, marker).
import { describe, expect, it } from "vitest";
import { planCreate } from "../../core/app.js";
import { formatMarker, specExtent } from "../../core/sheet.js";
import { ExcelAdapter } from "../../office-addin/adapter.js";
import { createExcelApi } from "../../office-addin/api.js";
import { fillCells } from "../../office-addin/fill-cells.js";
import { batchBySize, fillOf, splitMeta, trimGrid } from "../../office-addin/read.js";
import { FakeContext, FakeExcel } from "./fake-excel.js";
import { isLocked } from "./fake-state.js";
import { staffList, TODAY } from "./school.js";

const fill = (color: string, pattern: string, tintAndShade: number | null) =>
  ({ format: { fill: { color, pattern, tintAndShade } } }) as unknown as Excel.CellProperties;

function ladderSpec(ticks: boolean, name = "Ann Lee") {
  return planCreate(
    { templateId: "leadership-ladder", staff: [{ ...staffList(7)[6]!, name }], ticks },
    ["Sheet1"],
    TODAY,
  )[0]!;
}

describe("reading", () => {
  it("tells no fill from a white fill (both read #FFFFFF)", () => {
    expect(fillOf(fill("#FFFFFF", "None", null))).toBeNull();
    expect(fillOf(fill("#FFFFFF", "Solid", null))).toBeNull(); // tintAndShade null: no fill
    expect(fillOf(fill("#FFFFFF", "Solid", 0))).toBe("#ffffff");
    expect(fillOf(fill("#00B050", "Solid", 0))).toBe("#00b050");
    expect(fillOf(undefined)).toBeNull();
  });

  it("takes metadata cells out of the values and keeps the marker", () => {
    const marker = formatMarker({ templateId: "leadership-ladder", version: 1, role: "staff" });
    const { values, marker: m } = splitMeta([
      ["Level", "", "", marker],
      [1, "x", true, "ladder-sheets-chart:{}"],
    ]);
    expect(m).toBe(marker);
    expect(values).toEqual([
      ["Level", null, null, null],
      [1, "x", true, null],
    ]);
    expect(
      trimGrid(values, [
        [null, null, null, null],
        [null, null, "#00b050", null],
      ]).values,
    ).toEqual([
      ["Level", null, null],
      [1, "x", true],
    ]);
  });

  it("batches by estimated size", () => {
    expect(batchBySize([3, 3, 3, 9, 1], (n) => n, 6)).toEqual([[3, 3], [3], [9], [1]]);
  });

  it("fetches fills only for checkpoint columns below the header: a superset of what core reads", () => {
    const spec = ladderSpec(false);
    const header = spec.values.findIndex((r) => r[0] === "Level");
    expect(fillCells(spec.values)).toEqual([
      { row: header + 1, col: 2, rows: spec.values.length - header - 1, cols: 3 },
    ]);
  });

  it("a renamed tab keeps its marker; an unmarked copy with the header is still read", async () => {
    const fake = new FakeExcel();
    const adapter = new ExcelAdapter({ run: fake.run });
    await adapter.writeSheets([ladderSpec(false)]);
    fake.sheet("Ann Lee").name = "Renamed";
    const { snapshots } = await adapter.readWorkbook();
    expect(snapshots.find((s) => s.name === "Renamed")!.marker).toMatch(
      /^ladder-sheets:leadership-ladder@1:staff/,
    );
  });
});

describe("writing a tab", () => {
  it("stores every string as text and only spec formulas as formulas", async () => {
    const fake = new FakeExcel();
    const spec = ladderSpec(false, "=SUM(A1)");
    await new ExcelAdapter({ run: fake.run }).writeSheets([spec]);
    const sheet = fake.sheet(spec.name);
    for (const c of sheet.cells.values()) {
      expect(c.formula).toBeUndefined();
      if (typeof c.value === "string") expect(c.numberFormat).toBe("@");
    }
    expect(fake.state.activeId).toBe(sheet.id);
  });

  it("tick-box mode: TRUE/FALSE drop-downs, two rule formats per checkpoint, statements locked, checkpoints open", async () => {
    const fake = new FakeExcel();
    const spec = ladderSpec(true);
    await new ExcelAdapter({ run: fake.run }).writeSheets([spec]);
    const sheet = fake.sheet(spec.name);
    // The ladder's tick boxes and the year record's STAR steps, then the record's target level.
    expect(sheet.validations.map((v) => v.rule)).toEqual([
      { list: { inCellDropDown: true, source: "TRUE,FALSE" } },
      { list: { inCellDropDown: true, source: "TRUE,FALSE" } },
      { list: { inCellDropDown: true, source: "1,2,3,4,5,6,7,8,9,10" } },
    ]);
    expect(sheet.conditionalFormats).toHaveLength(6);
    expect(sheet.conditionalFormats.map((c) => c.formula)).toEqual(
      spec.conditionalFormats.map((c) => c.formula),
    );
    expect(sheet.protection).toMatchObject({ allowFormatCells: true });
    const header = spec.values.findIndex((r) => r[0] === "Level");
    expect(isLocked(sheet, header + 1, 1)).toBe(true); // a statement
    expect(isLocked(sheet, header + 1, 2)).toBe(false); // its Sep box
    expect(isLocked(sheet, 1, 1)).toBe(false); // the Name field
    expect(sheet.cells.get(`${header + 1},2`)!.value).toBe(false);
  });

  it("uses in-cell checkboxes where the host has ExcelApi 1.18", async () => {
    const fake = new FakeExcel();
    const spec = ladderSpec(true);
    await new ExcelAdapter({ run: fake.run, caps: { checkboxControl: true, notes: false } }).writeSheets([
      spec,
    ]);
    const sheet = fake.sheet(spec.name);
    expect(sheet.validations).toHaveLength(1); // the record's target level, 1-10
    const header = spec.values.findIndex((r) => r[0] === "Level");
    const statements = spec.values.filter((r, i) => i > header && typeof r[1] === "string").length;
    // Three checkpoints per statement, and the record's six STAR steps.
    expect([...sheet.cells.values()].filter((c) => c.control === "Checkbox")).toHaveLength(
      3 * statements + 6,
    );
  });

  it("writes the notes (level examples, the record's guidance) where the host has ExcelApi 1.18, in the same sync", async () => {
    const spec = ladderSpec(false);
    const older = new FakeExcel();
    await new ExcelAdapter({ run: older.run }).writeSheets([spec]);
    expect(older.sheet(spec.name).notes.size).toBe(0);
    const newer = new FakeExcel();
    await new ExcelAdapter({ run: newer.run, caps: { checkboxControl: true, notes: true } }).writeSheets([
      spec,
    ]);
    const notes = newer.sheet(spec.name).notes;
    expect([...notes.keys()]).toEqual(spec.notes.map((n) => n.cell));
    const level2 = [...notes.values()].find((t) => t.startsWith("Level 2:"))!;
    expect(level2).toContain("Students – Bring together a team of qualified level 1 students");
    expect(newer.take().syncs).toBe(older.take().syncs);
  });

  it("prints on A4, one page wide, landscape for the ladder with its year record (as the .xlsx writer)", async () => {
    const fake = new FakeExcel();
    const spec = ladderSpec(false);
    await new ExcelAdapter({ run: fake.run }).writeSheets([spec]);
    expect(fake.sheet(spec.name).pageLayout).toEqual({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1 },
    });
  });

  it("hides the metadata column and selects a cell for a finding", async () => {
    const fake = new FakeExcel();
    const adapter = new ExcelAdapter({ run: fake.run });
    await adapter.writeSheets([ladderSpec(false)]);
    const spec = ladderSpec(false);
    expect(fake.sheet("Ann Lee").hiddenColumns).toEqual([specExtent(spec).cols + 1]); // 11: after the record
    await adapter.selectCell("Sheet1", "C12");
    expect(fake.state.activeId).toBe(fake.sheet("Sheet1").id);
    expect(fake.state.selection).toEqual({
      sheetId: fake.sheet("Sheet1").id,
      address: JSON.stringify({ row: 11, col: 2, rows: 1, cols: 1 }),
    });
  });
});

describe("the selected rows as a staff list", () => {
  async function sheetWith(rows: unknown[][], select: string): Promise<FakeExcel> {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getActiveWorksheet();
      sheet.getRange(`A1:D${rows.length}`).values = rows;
      sheet.getRange(select).select();
      await ctx.sync();
    });
    fake.take();
    return fake;
  }

  it("reads the selection's used part in 1 sync and parses it as a pasted list would be", async () => {
    const fake = await sheetWith(
      [
        ["Name", "Band", "Role", "Appraiser"],
        ["Ann Lee", "UPS1 TLR3", "Teacher", "Head"],
        ["Ben O'Neil", "Band 2", "TA", ""],
      ],
      "A1:D5000", // a generous selection: only the used part comes back
    );
    const api = createExcelApi(new ExcelAdapter({ run: fake.run }), { today: () => TODAY });
    const sel = await api.readSelection!();
    expect(fake.take().syncs).toBe(1);
    expect(sel.problems).toEqual([]);
    expect(sel.staff.map((s) => s.name)).toEqual(["Ann Lee", "Ben O'Neil"]);
    expect(sel.text.split("\n")).toHaveLength(3);
  });

  it("reads every area of a Ctrl+click selection in 1 sync (getSelectedRange would throw on it, as Excel's does)", async () => {
    const fake = await sheetWith(
      [
        ["Name", "Band", "Role", "Appraiser"],
        ["Ann Lee", "UPS1 TLR3", "Teacher", "Head"],
        ["Not me", "3", "", ""],
        ["Ben O'Neil", "Band 2", "TA", ""],
      ],
      "A2:D2",
    );
    const sel = fake.state.selection!;
    const areas = [sel.address, JSON.stringify({ row: 3, col: 0, rows: 1, cols: 4 })];
    fake.state.selection = { ...sel, areas };
    expect(() => new FakeContext(fake).workbook.getSelectedRange()).toThrow(/more than one range/);
    const api = createExcelApi(new ExcelAdapter({ run: fake.run }), { today: () => TODAY });
    const got = await api.readSelection!();
    expect(fake.take().syncs).toBe(1);
    expect(got.problems).toEqual([]);
    expect(got.staff.map((s) => s.name)).toEqual(["Ann Lee", "Ben O'Neil"]);
  });

  it("an empty selection is refused with what to do", async () => {
    const fake = await sheetWith([["Ann Lee", "3", "", ""]], "F10:G12");
    const api = createExcelApi(new ExcelAdapter({ run: fake.run }), { today: () => TODAY });
    await expect(api.readSelection!()).rejects.toThrow(/Select the staff rows first/);
  });

  it("a row with an unknown band comes back as a line-numbered problem, not staff", async () => {
    const fake = await sheetWith([["Ann Lee", "no such band", "", ""]], "A1:D1");
    const api = createExcelApi(new ExcelAdapter({ run: fake.run }), { today: () => TODAY });
    const sel = await api.readSelection!();
    expect(sel.staff).toEqual([]);
    expect(sel.problems.join(" ")).toMatch(/line 1/i);
  });
});

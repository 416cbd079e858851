// The streaming reader (xlsx/) gives the same TabSnapshots as the ExcelJS-based reader it replaced
// (test/xlsx/exceljs-reference.ts), on files from our writer, ExcelJS, LibreOffice and openpyxl:
// values as shown, fills through each file's own theme, markers, merges, dates and tick boxes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { schoolSpecs } from "../../bench/school.js";
import { formatMarker } from "../../core/sheet.js";
import { addTab, bookBytes, newBook, readBook } from "../../xlsx/index.js";
import { referenceSnapshots } from "./exceljs-reference.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const tmp = mkdtempSync(join(tmpdir(), "ladder-parity-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function agree(bytes: Uint8Array): Promise<void> {
  const ours = readBook(bytes, "test.xlsx").snapshots;
  expect(ours).toEqual(await referenceSnapshots(bytes));
}

describe("the streaming reader agrees with the ExcelJS reader", () => {
  it.each(["school-original.xlsx", "school-libreoffice-theme.xlsx"])("on the fixture %s", async (name) => {
    await agree(readFileSync(join(FIXTURES, name)));
  });

  it("on a 20-staff painted school written by the package layer", async () => {
    const book = newBook();
    for (const spec of schoolSpecs(20)) addTab(book, spec);
    await agree(bookBytes(book));
  });

  it("on an ExcelJS workbook with every kind of cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mixed");
    ws.getCell("A1").value = { richText: [{ text: "Ann " }, { text: "Lee", font: { bold: true } }] };
    ws.getCell("A2").value = { formula: "1+2", result: 3 };
    ws.getCell("A3").value = new Date(Date.UTC(2025, 8, 12));
    ws.getCell("A3").numFmt = "dd/mm/yyyy";
    ws.getCell("A4").value = { formula: "NA()", result: { error: "#N/A" } };
    ws.getCell("A5").value = { formula: "TRUE()", result: 1 };
    ws.getCell("A6").value = 1;
    ws.getCell("A6").numFmt = '"TRUE";"TRUE";"FALSE"';
    ws.getCell("A7").value = { text: "a link", hyperlink: "https://example.org" };
    ws.getCell("A8").value = true;
    ws.getCell("A9").value = { formula: "A2*2", result: 6 };
    ws.getCell("A10").value = { sharedFormula: "A9", result: 12 };
    ws.getCell("B1").value = "Merged";
    ws.mergeCells("B1:C2");
    ws.getCell("C2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
    ws.getCell("D3").fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { theme: 9, tint: 0.4 } as unknown as ExcelJS.Color,
    };
    ws.getCell("D4").fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { indexed: 11 } as unknown as ExcelJS.Color,
    };
    ws.getCell("D5").fill = {
      type: "gradient",
      gradient: "angle",
      degree: 0,
      stops: [
        { position: 0, color: { argb: "FFFFC000" } },
        { position: 1, color: { argb: "FFFFFFFF" } },
      ],
    };
    ws.getRow(12).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    ws.getCell("A12").value = "row fill";
    ws.getCell("C12").value = "gap before";
    ws.getColumn(6).hidden = true;
    ws.getCell("F1").value = formatMarker({
      templateId: "leadership-ladder",
      version: 1,
      role: "staff",
      upTo: 8,
    });
    ws.getCell("E1").value = "ladder-sheets:leadership-ladder@1:staff"; // visible: a value, not a marker
    const other = wb.addWorksheet("Second");
    other.getCell("B2").value = 42;
    await agree(Buffer.from(await wb.xlsx.writeBuffer()));
  });

  it("on a 1904-date workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Dates");
    ws.getCell("A1").value = new Date(Date.UTC(2026, 0, 31));
    ws.getCell("A1").numFmt = "d mmmm yyyy";
    await agree(Buffer.from(await wb.xlsx.writeBuffer()));
  });

  const python = spawnSync("/usr/bin/python3", ["-c", "import openpyxl"]).status === 0;
  it.skipIf(!python)("on an openpyxl workbook (theme, indexed and ARGB fills, dates, formulas)", async () => {
    const out = join(tmp, "openpyxl.xlsx");
    const script = `
import sys, datetime, openpyxl
from openpyxl.styles import PatternFill, Color
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Ann Lee"
ws["A1"] = "Level"; ws["B1"] = "Minimum standard"; ws["C1"] = "Sep"
ws["A2"] = 1; ws["B2"] = "Takes responsibility"
ws["C2"].fill = PatternFill("solid", fgColor=Color(theme=9, tint=0.3999755851924192))
ws["C3"].fill = PatternFill("solid", fgColor=Color(indexed=51))
ws["C4"].fill = PatternFill("solid", fgColor="FF00B050")
ws["A5"] = datetime.date(2025, 9, 12); ws["A5"].number_format = "dd/mm/yyyy"
ws["A6"] = "=1+2"
ws["A7"] = True
ws.column_dimensions["H"].hidden = True
ws["H1"] = "ladder-sheets:leadership-ladder@1:staff:upto=8"
wb.save(sys.argv[1])
`;
    const run = spawnSync("/usr/bin/python3", ["-c", script, out], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    await agree(readFileSync(out));
  });
});

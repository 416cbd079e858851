// The .xlsx adapter against real files in a temporary folder: write -> save -> read round trips,
// hostile strings stored as text, fills in every encoding writers use, and bad files.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_TABS, newBook, saveBook, toBuffer } from "../../cli/xlsx/book.js";
import { openBook } from "../../xlsx/book.js";
import { readWorkbook } from "../../cli/xlsx/read.js";
import { removeTab, writeSheet } from "../../cli/xlsx/write.js";
import { colourClass } from "../../core/colour.js";
import { LadderError } from "../../core/errors.js";
import { emptySheet, formatMarker, type SheetSpec } from "../../core/sheet.js";
import { applyTint } from "../../core/xlsx-colour.js";
import { FILL, paintCells, SCHEME_2007, SCHEME_2013, setTheme, sheetXml, themeXml } from "./zip-edit.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ladder-xlsx-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HOSTILE = [
  '=HYPERLINK("http://x","y")',
  "+1",
  "-1+2",
  "@SUM(A1)",
  "=1+1",
  "\tTabbed",
  "<img src=x onerror=alert(1)>",
  "مريم الحسن",
  "Zoë 🙂 O'Brien",
  "x".repeat(300),
];

function smallSpec(name = "Ann Lee"): SheetSpec {
  const spec = emptySheet(name, 4, 3, {
    templateId: "leadership-ladder",
    version: 1,
    role: "staff",
    upTo: 8,
  });
  spec.values = [
    ["Name", "Ann Lee", null],
    ["Level", "Minimum standard", "Sep"],
    [1, "Takes responsibility", true],
    [null, "Acts with integrity", false],
  ];
  spec.styles = [
    { range: "A2:C2", bold: true, fill: "#e8eaed", border: true },
    { range: "C3", fill: "#b7e1cd" },
    {
      range: "C4",
      fill: "#ffd966",
      fontColor: "#990000",
      italic: true,
      fontSize: 12,
      wrap: true,
      hAlign: "center",
    },
  ];
  spec.merges = [];
  spec.columnWidths = [56, 520, 64];
  spec.frozenRows = 2;
  spec.notes = [{ cell: "A3", text: "Level 1: the basics" }];
  spec.tabColor = "#6aa84f";
  return spec;
}

describe("writeSheet + readWorkbook round trip", () => {
  it("reads back the values, fills and marker it wrote", async () => {
    const book = newBook();
    writeSheet(book, smallSpec());
    const path = join(dir, "round.xlsx");
    await saveBook(book, path);
    const { snapshots } = await readWorkbook(path);
    expect(snapshots).toHaveLength(1);
    const s = snapshots[0]!;
    expect(s.name).toBe("Ann Lee");
    expect(s.marker).toBe("ladder-sheets:leadership-ladder@1:staff:upto=8");
    expect(s.values).toEqual(smallSpec().values);
    expect(s.fills[1]).toEqual(["#e8eaed", "#e8eaed", "#e8eaed"]);
    expect(s.fills[2]![2]).toBe("#b7e1cd");
    expect(s.fills[3]![2]).toBe("#ffd966");
    expect(s.fills[0]).toEqual([null, null, null]);
  });

  it("writes styles, widths, frozen rows, notes, tab colour and hides the marker column", async () => {
    const book = newBook();
    writeSheet(book, smallSpec());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toBuffer(book)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("C4").font.italic).toBe(true);
    expect(ws.getCell("C4").font.size).toBe(12);
    expect(ws.getCell("C4").font.color?.argb).toBe("FF990000");
    expect(ws.getCell("C4").alignment.wrapText).toBe(true);
    expect(ws.getCell("A2").border.top?.style).toBe("thin");
    expect(ws.getColumn(2).width).toBeCloseTo(520 / 7, 1);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.getCell("A3").note).toBe("Level 1: the basics");
    expect(ws.properties.tabColor?.argb).toBe("FF6AA84F");
    expect(ws.getCell("E1").value).toBe(formatMarker(smallSpec().marker!));
    expect(ws.getColumn(5).hidden).toBe(true);
  });

  it("stores hostile staff names as text, never as formulas", async () => {
    const spec = emptySheet("Hostile", HOSTILE.length, 1, null);
    spec.values = HOSTILE.map((h) => [h]);
    const book = newBook();
    writeSheet(book, spec);
    const bytes = await toBuffer(book);
    const xml = await sheetXml(bytes, "Hostile");
    expect(xml).not.toContain("<f>");
    expect(xml).not.toContain("<f ");
    const { snapshots } = await readWorkbook(bytes);
    expect(snapshots[0]!.values.map((r) => r[0])).toEqual(HOSTILE);
  });

  it("writes spec formulas as formulas, with core's value as the cached result", async () => {
    const spec = emptySheet("Sums", 2, 1, null);
    spec.values = [[2], [4]];
    spec.formulas = [{ cell: "A2", formula: "=A1*2" }];
    const book = newBook();
    writeSheet(book, spec);
    const bytes = await toBuffer(book);
    expect(await sheetXml(bytes, "Sums")).toMatch(/<f>A1\*2<\/f><v>4<\/v>/);
    expect((await readWorkbook(bytes)).snapshots[0]!.values).toEqual([[2], [4]]);
  });

  it("writes tick boxes as TRUE/FALSE with a drop-down, and rule colours as conditional formats", async () => {
    const spec = emptySheet("Ticks", 3, 1, null);
    spec.checkboxes = ["A1:A3"];
    spec.values = [[true], [null], [false]];
    spec.conditionalFormats = [
      { range: "A1:A3", formula: "=AND(A1=TRUE)", when: "ticked-unbroken", fill: "#b7e1cd" },
    ];
    spec.validations = [{ range: "B1", list: ["Yes", "No"], strict: true }];
    const book = newBook();
    writeSheet(book, spec);
    const bytes = await toBuffer(book);
    const xml = await sheetXml(bytes, "Ticks");
    expect(xml).toMatch(/<c r="A2"[^>]* t="b"><v>0<\/v>/);
    expect(xml).toMatch(/<conditionalFormatting sqref="A1:A3">[\s\S]*<formula>AND\(A1=TRUE\)<\/formula>/);
    expect(xml).toContain("&quot;TRUE,FALSE&quot;");
    expect(xml).toContain("&quot;Yes,No&quot;");
    const snap = (await readWorkbook(bytes)).snapshots[0]!;
    expect(snap.values.map((r) => r[0])).toEqual([true, false, false]);
    // conditional-format colours are not fills
    expect(snap.fills.map((r) => r[0])).toEqual([null, null, null]);
  });

  it("refuses a second tab of the same name, and removeTab frees it", () => {
    const book = newBook();
    writeSheet(book, smallSpec("Ann Lee"));
    expect(() => writeSheet(book, smallSpec("ann lee"))).toThrow(LadderError);
    expect(removeTab(book, "Ann Lee")).toBe(true);
    expect(() => writeSheet(book, smallSpec("ann lee"))).not.toThrow();
  });
});

describe("displayed values", () => {
  it("reads rich text as text, formulas as cached results, dates as shown and merged cells once", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mixed");
    ws.getCell("A1").value = { richText: [{ text: "Ann " }, { text: "Lee", font: { bold: true } }] };
    ws.getCell("A2").value = { formula: "1+2", result: 3 };
    ws.getCell("A3").value = new Date(Date.UTC(2025, 8, 12));
    ws.getCell("A3").numFmt = "dd/mm/yyyy";
    ws.getCell("A4").value = { formula: "NA()", result: { error: "#N/A" } };
    ws.getCell("B1").value = "Merged";
    ws.mergeCells("B1:C2");
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const v = (await readWorkbook(bytes)).snapshots[0]!.values;
    expect(v[0]).toEqual(["Ann Lee", "Merged"]);
    expect(v[1]).toEqual([3, null]);
    expect(v[2]![0]).toBe("12/09/2025");
    expect(v[3]![0]).toBe("#N/A");
  });
});

describe("tick boxes as LibreOffice saves them", () => {
  it("reads =TRUE()/=FALSE() formulas and 1/0 in LibreOffice's boolean format as booleans", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ticks");
    ws.getCell("A1").value = { formula: "TRUE()", result: 1 };
    ws.getCell("A2").value = { formula: "FALSE()", result: 0 };
    ws.getCell("A3").value = 1;
    ws.getCell("A3").numFmt = '"TRUE";"TRUE";"FALSE"';
    ws.getCell("A4").value = 1; // a plain number stays a number
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const v = (await readWorkbook(bytes)).snapshots[0]!.values.map((r) => r[0]);
    expect(v).toEqual([true, false, true, 1]);
  });
});

/** A one-tab workbook with C1 filled by theme accent6 at `tint`, saved with a given theme. */
async function themedFile(scheme: typeof SCHEME_2007, tint: number): Promise<Buffer> {
  const spec = emptySheet("T", 1, 3, null);
  spec.values = [["a", "b", "c"]];
  const book = newBook();
  writeSheet(book, spec);
  const painted = await paintCells(await toBuffer(book), "T", [{ ref: "C1", fill: FILL.theme(9, tint) }]);
  return setTheme(painted, themeXml(scheme, "Office"));
}

describe("fills resolved through the workbook's own theme", () => {
  it("accent6 is orange (amber) under an Office 2007 theme", async () => {
    const snap = (await readWorkbook(await themedFile(SCHEME_2007, 0.3999755851924192))).snapshots[0]!;
    const fill = snap.fills[0]![2]!;
    expect(fill).toBe(applyTint("#f79646", 0.3999755851924192));
    expect(colourClass(fill)).toBe("amber");
  });

  it("accent6 is green under an Office 2013 theme, light tints included", async () => {
    for (const tint of [0, 0.3999755851924192, 0.5999938962981048, -0.249977111117893]) {
      const snap = (await readWorkbook(await themedFile(SCHEME_2013, tint))).snapshots[0]!;
      const fill = snap.fills[0]![2]!;
      expect(fill).toBe(applyTint("#70ad47", tint));
      expect(colourClass(fill)).toBe("green");
    }
    const exact = (await readWorkbook(await themedFile(SCHEME_2013, 0.7999816888943144))).snapshots[0]!;
    expect(exact.fills[0]![2]).toBe("#e2efda");
  });

  it("reads indexed-palette, LibreOffice and background-only solid fills", async () => {
    const spec = emptySheet("P", 1, 4, null);
    spec.values = [["a", "b", "c", "d"]];
    const book = newBook();
    writeSheet(book, spec);
    const painted = await paintCells(await toBuffer(book), "P", [
      { ref: "A1", fill: FILL.indexed(11) },
      { ref: "B1", fill: FILL.indexed(51) },
      { ref: "C1", fill: FILL.libre("00B050") },
      { ref: "D1", fill: FILL.bgOnly("FFC000") },
    ]);
    const fills = (await readWorkbook(painted)).snapshots[0]!.fills[0]!;
    expect(fills).toEqual(["#00ff00", "#ffcc00", "#00b050", "#ffc000"]);
    expect(fills.map((f) => colourClass(f))).toEqual(["green", "amber", "green", "amber"]);
  });
});

describe("bad files: one clear line, LadderError file-unreadable", () => {
  async function failure(bytes: Uint8Array | null, name: string): Promise<LadderError> {
    const path = join(dir, name);
    if (bytes) await writeFile(path, bytes);
    try {
      await readWorkbook(path);
    } catch (e) {
      if (e instanceof LadderError) return e;
      throw e;
    }
    throw new Error("no error");
  }
  const good = async (): Promise<Buffer> => {
    const book = newBook();
    writeSheet(book, smallSpec());
    return toBuffer(book);
  };

  it.each([
    ["a missing file", null, /no such file/],
    ["a zero-byte file", new Uint8Array(0), /empty \(0 bytes\)/],
    ["a CSV renamed .xlsx", Buffer.from("name,band\nAnn Lee,3\n"), /is text \(CSV\?\)/],
    ["random bytes", Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]), /not a zip/],
    [
      "an old .xls or encrypted file",
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /password-protected or old \.xls/,
    ],
  ])("%s", async (label, bytes, message) => {
    const e = await failure(bytes, `${label.replace(/\W+/g, "-")}.xlsx`);
    expect(e.code).toBe("file-unreadable");
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain("\n");
  });

  it("a truncated zip", async () => {
    const bytes = await good();
    const e = await failure(bytes.subarray(0, Math.floor(bytes.length / 2)), "truncated.xlsx");
    expect(e.message).toMatch(/damaged/);
  });

  it("a workbook with more tabs than the limit (checked before loading it)", async () => {
    const zip = await JSZip.loadAsync(await good());
    const wbXml = (await zip.file("xl/workbook.xml")!.async("string")).replace(
      /<sheets>[\s\S]*<\/sheets>/,
      `<sheets>${Array.from({ length: 2000 }, (_, i) => `<sheet name="T${i}" sheetId="${i + 1}" r:id="rId${i + 9}"/>`).join("")}</sheets>`,
    );
    zip.file("xl/workbook.xml", wbXml);
    const e = await failure(await zip.generateAsync({ type: "nodebuffer" }), "many-tabs.xlsx");
    expect(e.message).toMatch(/has 2000 tabs; ladder reads workbooks of up to 1000 tabs/);
  });

  it("a school of the most staff plus the summary and chart tabs is still opened, so it can be rolled up again", async () => {
    const zip = await JSZip.loadAsync(await good());
    const wbXml = (await zip.file("xl/workbook.xml")!.async("string")).replace(
      /<sheets>[\s\S]*<\/sheets>/,
      `<sheets>${Array.from({ length: MAX_TABS + 2 }, (_, i) => `<sheet name="T${i}" sheetId="${i + 1}" r:id="rId${i + 9}"/>`).join("")}</sheets>`,
    );
    zip.file("xl/workbook.xml", wbXml);
    const book = openBook(await zip.generateAsync({ type: "uint8array" }), "big-school.xlsx");
    expect(book.view!.sheets).toHaveLength(MAX_TABS + 2);
  });

  it("a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    const e = await failure(await zip.generateAsync({ type: "nodebuffer" }), "notbook.xlsx");
    expect(e.message).toMatch(/not an \.xlsx workbook/);
  });
});

describe("atomic save", () => {
  it("a failed write leaves the original byte-identical and no temporary file", async () => {
    const path = join(dir, "atomic.xlsx");
    const first = newBook();
    writeSheet(first, smallSpec("First"));
    await saveBook(first, path);
    const before = await readFile(path);
    const second = newBook();
    writeSheet(second, smallSpec("Second"));
    await expect(
      saveBook(second, path, {
        beforeRename: () => {
          throw new Error("disk full");
        },
      }),
    ).rejects.toThrow(/could not be saved/);
    expect((await readFile(path)).equals(before)).toBe(true);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("charts", () => {
  it("adds a native chart part, drawing, relationships and content types, and keeps it across a re-save", async () => {
    const spec = emptySheet("Summary", 3, 3, { templateId: "grade-bands", version: 1, role: "summary" });
    spec.values = [
      ["Level", "Sep", "Jul"],
      ["1", 2, 3],
      ["2", 4, 1],
    ];
    spec.charts = [
      { kind: "column", title: "Levels", dataRange: "A1:C3", anchor: "E2", widthPx: 480, heightPx: 300 },
    ];
    const book = newBook();
    writeSheet(book, spec);
    const bytes = await toBuffer(book);
    const check = async (b: Uint8Array): Promise<void> => {
      const zip = await JSZip.loadAsync(b);
      const chart = await zip.file("xl/charts/chart1.xml")?.async("string");
      expect(chart).toContain('<c:barDir val="col"/>');
      expect(chart).toContain("<c:f>'Summary'!$B$2:$B$3</c:f>");
      expect(await zip.file("[Content_Types].xml")?.async("string")).toContain("/xl/charts/chart1.xml");
      expect(await sheetXml(b, "Summary")).toMatch(/<drawing r:id="rId\d+"\/>/);
    };
    await check(bytes);
    // ExcelJS drops charts when it loads a file; the chart's description travels with the tab.
    const again = await readWorkbook(bytes);
    expect(again.snapshots[0]!.values).toEqual(spec.values);
    await check(await toBuffer(again.book));
  });
});

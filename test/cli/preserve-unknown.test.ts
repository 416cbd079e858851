// Issue 12, "Unknown parts travel untouched": a macro-enabled workbook (.xlsm) holding parts the
// layer has no model for (a VBA project, custom XML with its properties, a pivot cache and a pivot
// table hanging off the user's tab, threaded comments and their persons list, a slicer cache) goes
// through `new --staff`, `rollup` twice and `trust` via the built command line. Every one of those
// parts, their relationships and their content types must come out byte-identical, and the
// workbook must keep its macro-enabled content type (Excel refuses an .xlsm whose workbook part
// says plain .xlsx).
//
// The parts are added to the xlsxwriter fixture with JSZip; their contents are opaque to the layer
// (the VBA project is random bytes), which is the point: it must carry what it does not understand.
import { randomBytes } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { expectPreserved, partsOf } from "./preserve-check.js";
import { buildCli, ROOT, runCli, tempDir } from "./run.js";

const FIXTURE = join(ROOT, "test", "fixtures", "preserve", "school-notes.xlsx");
const XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const VBA = randomBytes(4096);

/** The fixture made into an .xlsm carrying parts the layer has no model for. */
async function withUnknownParts(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string): Promise<string> => zip.file(name)!.async("string");
  const types = (await text("[Content_Types].xml"))
    .replace(XLSX_MAIN, XLSM_MAIN)
    .replace(
      "</Types>",
      `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` +
        `<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>` +
        `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>` +
        `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>` +
        `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>` +
        `<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>` +
        `<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>` +
        `<Override PartName="/xl/slicerCaches/slicerCache1.xml" ContentType="application/vnd.ms-excel.slicerCache+xml"/>` +
        `</Types>`,
    );
  zip.file("[Content_Types].xml", types);
  zip.file(
    "_rels/.rels",
    (await text("_rels/.rels")).replace(
      "</Relationships>",
      `<Relationship Id="rIdCx1" Type="${R}/customXml" Target="customXml/item1.xml"/></Relationships>`,
    ),
  );
  zip.file("customXml/item1.xml", `<?xml version="1.0"?><b:Sources xmlns:b="urn:x-trust:policy"/>`);
  zip.file(
    "customXml/itemProps1.xml",
    `<?xml version="1.0"?><ds:datastoreItem ds:itemID="{6C5E6E1A-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>`,
  );
  zip.file(
    "customXml/_rels/item1.xml.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${R}/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
  );
  zip.file("xl/vbaProject.bin", VBA);
  zip.file(
    "xl/pivotCache/pivotCacheDefinition1.xml",
    `<?xml version="1.0"?><pivotCacheDefinition r:id="rId1" xmlns:r="${R}"/>`,
  );
  zip.file(
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${R}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
  );
  zip.file("xl/pivotCache/pivotCacheRecords1.xml", `<?xml version="1.0"?><pivotCacheRecords count="0"/>`);
  zip.file(
    "xl/pivotTables/pivotTable1.xml",
    `<?xml version="1.0"?><pivotTableDefinition name="Budget pivot"/>`,
  );
  zip.file(
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${R}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
  );
  zip.file("xl/threadedComments/threadedComment1.xml", `<?xml version="1.0"?><ThreadedComments/>`);
  zip.file("xl/persons/person.xml", `<?xml version="1.0"?><personList/>`);
  zip.file(
    "xl/slicerCaches/slicerCache1.xml",
    `<?xml version="1.0"?><slicerCacheDefinition name="Slicer_Term"/>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    (await text("xl/_rels/workbook.xml.rels")).replace(
      "</Relationships>",
      `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` +
        `<Relationship Id="rIdPc1" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>` +
        `<Relationship Id="rIdPer" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>` +
        `<Relationship Id="rIdSc1" Type="http://schemas.microsoft.com/office/2007/relationships/slicerCache" Target="slicerCaches/slicerCache1.xml"/>` +
        `</Relationships>`,
    ),
  );
  // The Budget tab (sheet2) hangs the pivot table and the threaded comments off its own rels.
  const budgetRels = "xl/worksheets/_rels/sheet2.xml.rels";
  const extra =
    `<Relationship Id="rIdPt1" Type="${R}/pivotTable" Target="../pivotTables/pivotTable1.xml"/>` +
    `<Relationship Id="rIdTc1" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>`;
  const existing = zip.file(budgetRels)
    ? (await text(budgetRels)).replace("</Relationships>", `${extra}</Relationships>`)
    : `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${extra}</Relationships>`;
  zip.file(budgetRels, existing);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const UNKNOWN = [
  "xl/vbaProject.bin",
  "customXml/item1.xml",
  "customXml/itemProps1.xml",
  "customXml/_rels/item1.xml.rels",
  "xl/pivotCache/pivotCacheDefinition1.xml",
  "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
  "xl/pivotCache/pivotCacheRecords1.xml",
  "xl/pivotTables/pivotTable1.xml",
  "xl/pivotTables/_rels/pivotTable1.xml.rels",
  "xl/threadedComments/threadedComment1.xml",
  "xl/persons/person.xml",
  "xl/slicerCaches/slicerCache1.xml",
  "xl/worksheets/_rels/sheet2.xml.rels",
];

let cli: string;
let dir: string;
let file: string;
let original: Buffer;

beforeAll(async () => {
  cli = buildCli("preserve-unknown");
  dir = tempDir("preserve-unknown");
  file = join(dir, "school.xlsm");
  copyFileSync(FIXTURE, join(dir, "plain.xlsx"));
  original = await withUnknownParts(readFileSync(join(dir, "plain.xlsx")));
  writeFileSync(file, original);
  writeFileSync(
    join(dir, "staff.csv"),
    "name,band,role,appraiser\nAnn Lee,3,Teacher,Bo Ng\nCara Singh,2,TA,Bo Ng\n",
  );
});

function ok(...args: string[]): void {
  const r = runCli(cli, dir, args);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
}

describe("parts the layer has no model for travel untouched (an .xlsm with VBA, custom XML, pivot, threaded comments, slicer cache)", () => {
  it("the test file holds every unknown part", async () => {
    const parts = await partsOf(original);
    for (const p of UNKNOWN) expect(parts.has(p), p).toBe(true);
  });

  it("new, rollup twice and trust keep every part byte-identical and the workbook macro-enabled", async () => {
    ok("new", "school.xlsm", "--template", "leadership-ladder", "--staff", "staff.csv");
    ok("rollup", "school.xlsm");
    ok("rollup", "school.xlsm");
    ok("demo", "oak.xlsx");
    ok("trust", "oak.xlsx", "-o", "school.xlsm");
    const after = readFileSync(file);
    await expectPreserved(original, after);
    const parts = await partsOf(after);
    for (const p of UNKNOWN) expect(parts.get(p)?.equals((await partsOf(original)).get(p)!), p).toBe(true);
    expect(parts.get("xl/vbaProject.bin")!.equals(VBA)).toBe(true);
    const types = parts.get("[Content_Types].xml")!.toString("utf8");
    expect(types).toContain(`ContentType="${XLSM_MAIN}"`);
    expect(types).not.toContain(XLSX_MAIN);
  });
});

describe("which file names the commands take", () => {
  it("a new workbook must be .xlsx; an .xlsm is used only when it exists; other names are refused", () => {
    const made = runCli(cli, dir, [
      "new",
      "fresh.xlsm",
      "--template",
      "leadership-ladder",
      "--staff",
      "staff.csv",
    ]);
    expect(made.code).toBe(2);
    expect(made.stderr).toBe(
      "ladder new: fresh.xlsm: ladder-sheets makes new workbooks as .xlsx files. Choose a name ending in .xlsx (an .xlsm, a workbook with macros, can be used only when it already exists).\n",
    );
    const old = runCli(cli, dir, ["rollup", "school.xls"]);
    expect(old.code).toBe(2);
    expect(old.stderr).toBe(
      "ladder rollup: school.xls: the file name must end in .xlsx (or .xlsm for a workbook with macros).\n",
    );
  });
});

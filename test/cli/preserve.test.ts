// Done-when test of issue 12: a workbook a school already keeps, written by Python's xlsxwriter
// (test/fixtures/preserve/make-school-notes.py: a "Notes" tab with a line chart, sparklines, a
// comment, an icon-set conditional format, a data validation, a hyperlink, a print header and a
// print area; a "Budget" tab with an Excel table, active; a defined name), goes through `new`,
// `new --ticks`, `rollup` twice and `trust` via the built command line. After each step every part
// it had is still there byte-identical (workbook-level parts keep every record), the result opens
// in LibreOffice and openpyxl, and rolls up to the same answer.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { relKind } from "../../xlsx/package.js";
import { readBook } from "../../xlsx/read.js";
import { expectPreserved, ownParts, partsOf, sheetNames, WORKBOOK_LEVEL } from "./preserve-check.js";
import { FILL, paintCells } from "./zip-edit.js";
import { buildCli, hasSoffice, ROOT, runCli, tempDir, type Run } from "./run.js";

const FIXTURE = join(ROOT, "test", "fixtures", "preserve", "school-notes.xlsx");
const PYTHON = "/usr/bin/python3";
const hasOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;

let cli: string;
let dir: string;
let file: string;
const ladder = (...args: string[]): Run => runCli(cli, dir, args);
const bytes = (): Buffer => readFileSync(file);

/** Run a command that must succeed; returns its stdout. */
function ok(...args: string[]): string {
  const r = ladder(...args);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r.stdout;
}

interface RollupJson {
  staff: { tab: string; levels: unknown; zones: unknown; findings: { rule: string; cell: string }[] }[];
}
const answer = (json: string): unknown =>
  (JSON.parse(json) as RollupJson).staff.map((s) => ({
    tab: s.tab,
    levels: s.levels,
    zones: s.zones,
    findings: s.findings.map((f) => [f.rule, f.cell]),
  }));

/** Paint a tab's first `n` statement cells of a checkpoint column, as a person colours them. */
async function paint(
  data: Uint8Array,
  tab: string,
  checkpoint: string,
  n: number,
  rgb: string,
): Promise<Buffer> {
  const snap = readBook(data, "school.xlsx").snapshots.find((s) => s.name === tab)!;
  const header = snap.values.findIndex((row) => row.includes(checkpoint));
  const col = snap.values[header]!.indexOf(checkpoint);
  const text = snap.values[header]!.indexOf("Minimum standard");
  const rows = snap.values
    .map((row, r) => (r > header && typeof row[text] === "string" && row[text] !== "" ? r : -1))
    .filter((r) => r >= 0)
    .slice(0, n);
  const letter = String.fromCharCode(65 + col);
  return paintCells(
    data,
    tab,
    rows.map((r) => ({ ref: `${letter}${r + 1}`, fill: FILL.libre(rgb) })),
  );
}

let original: Buffer;
let painted: Buffer;
let afterFirstRollup: Buffer;
let firstAnswer: unknown;

beforeAll(() => {
  cli = buildCli("preserve");
  dir = tempDir("preserve");
  file = join(dir, "school.xlsx");
  copyFileSync(FIXTURE, file);
  original = bytes();
  writeFileSync(
    join(dir, "staff.csv"),
    "name,band,role,appraiser\nAnn Lee,3,Teacher,Bo Ng\nBen Carter,UPS2-3 TLR2,Head of Year,Bo Ng\nCara Singh,2,TA,Bo Ng\n",
  );
});

describe("a workbook written by xlsxwriter keeps everything that is not ours", () => {
  it("the fixture has what the issue names", async () => {
    const parts = await partsOf(original);
    const notes = parts.get("xl/worksheets/sheet1.xml")!.toString("utf8");
    expect(notes).toContain("x14:sparklineGroups");
    expect(notes).toContain('type="iconSet"');
    expect(notes).toContain("<dataValidation ");
    expect(notes).toContain("<hyperlink ");
    expect(notes).toContain("<oddHeader>");
    expect([...parts.keys()]).toEqual(
      expect.arrayContaining(["xl/charts/chart1.xml", "xl/comments1.xml", "xl/tables/table1.xml"]),
    );
    expect(parts.get("xl/workbook.xml")!.toString("utf8")).toContain('<definedName name="BudgetTotal">');
  });

  it("new --staff adds three tabs and nothing else changes", async () => {
    expect(ok("new", "school.xlsx", "--template", "leadership-ladder", "--staff", "staff.csv")).toMatch(
      /added 3 tabs/,
    );
    await expectPreserved(original, bytes());
  });

  it("new --ticks adds a tick-box tab and nothing else changes", async () => {
    const before = bytes();
    ok(
      "new",
      "school.xlsx",
      "--template",
      "leadership-ladder",
      "--name",
      "Dee Tick",
      "--band",
      "2",
      "--ticks",
    );
    await expectPreserved(before, bytes());
    // People colour their tabs (here by editing the file's XML as another program would).
    let data = bytes();
    data = await paint(data, "Ann Lee", "Sep", 8, "00B050");
    data = await paint(data, "Ben Carter", "Sep", 3, "00B050");
    data = await paint(data, "Ben Carter", "Mid", 5, "FFC000");
    writeFileSync(file, data);
    painted = data;
  });

  it("rollup adds the summary and chart tabs first and nothing else changes", async () => {
    const out = ok("rollup", "school.xlsx", "--json");
    firstAnswer = answer(out);
    expect(firstAnswer).toEqual(expect.arrayContaining([expect.objectContaining({ tab: "Ann Lee" })]));
    afterFirstRollup = bytes();
    await expectPreserved(painted, afterFirstRollup);
    const names = sheetNames((await partsOf(afterFirstRollup)).get("xl/workbook.xml")!.toString("utf8"));
    expect(names.slice(0, 4)).toEqual(["School summary", "Grade-band chart", "Notes", "Budget"]);
  });

  it("rollup again replaces only its own tabs: staff tabs and the user's parts stay byte-identical", async () => {
    const out = ok("rollup", "school.xlsx", "--json");
    expect(answer(out)).toEqual(firstAnswer);
    await expectPreserved(
      afterFirstRollup,
      bytes(),
      ownParts(afterFirstRollup, ["summary", "chart", "trust"]),
    );
    // One summary chart, plus the user's own chart: the first summary's chart was replaced, not kept.
    const charts = [...(await partsOf(bytes())).keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(2);
  });

  it("trust into the same workbook adds the trust tab and nothing else changes", async () => {
    const before = bytes();
    mkdirSync(join(dir, "schools"), { recursive: true });
    const other = join("schools", "oak.xlsx");
    ok("demo", other);
    ok("trust", other, "-o", "school.xlsx");
    await expectPreserved(before, bytes());
  });

  it("every part xlsxwriter wrote is still there, byte-identical, after all five commands", async () => {
    const first = await partsOf(original);
    const last = await partsOf(bytes());
    for (const [name, data] of first)
      if (!WORKBOOK_LEVEL.has(name)) expect(last.get(name)?.equals(data), name).toBe(true);
    const wb = last.get("xl/workbook.xml")!.toString("utf8");
    const names = sheetNames(wb);
    const printArea =
      /<definedName name="_xlnm.Print_Area" localSheetId="(\d+)">Notes!\$A\$1:\$D\$10<\/definedName>/.exec(
        wb,
      );
    expect(names[Number(printArea?.[1])]).toBe("Notes");
    expect(wb).toContain('<definedName name="BudgetTotal">Budget!$C$6</definedName>');
    expect(names[Number(/activeTab="(\d+)"/.exec(wb)?.[1])]).toBe("Budget");
    // The user's sheets keep their own relationships (chart drawing, comments, table).
    const pkg = readBook(bytes(), "school.xlsx").book.pkg!;
    expect(
      pkg
        .rels("xl/worksheets/sheet1.xml")
        .map((r) => relKind(r.type))
        .sort(),
    ).toEqual(["comments", "drawing", "hyperlink", "vmlDrawing"]);
    expect(pkg.rels("xl/worksheets/sheet2.xml").map((r) => relKind(r.type))).toEqual(["table"]);
  });

  it.skipIf(!hasOpenpyxl)("opens in openpyxl with every tab, both charts, the table and the names", () => {
    const script = `
import sys, warnings, openpyxl
warnings.simplefilter("ignore")
wb = openpyxl.load_workbook(sys.argv[1])
print("|".join(wb.sheetnames))
print(len(wb["Notes"]._charts), len(wb["School summary"]._charts))
print("|".join(sorted(wb["Budget"].tables.keys())))
print(wb["Ann Lee"]["A1"].value is not None or any(c.value for row in wb["Ann Lee"].iter_rows() for c in row))
print("BudgetTotal" in wb.defined_names)
`;
    const r = spawnSync(PYTHON, ["-c", script, file], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    const [tabs, charts, tables, hasCells, names] = r.stdout.trim().split("\n");
    expect(tabs!.split("|")).toEqual(
      expect.arrayContaining([
        "School summary",
        "Grade-band chart",
        "Notes",
        "Budget",
        "Ann Lee",
        "Dee Tick",
      ]),
    );
    expect(tabs!.split("|").some((t) => /trust/i.test(t))).toBe(true);
    expect(charts).toBe("1 1");
    expect(tables).toBe("BudgetTable");
    expect(hasCells).toBe("True");
    expect(names).toBe("True");
  });

  it.skipIf(!hasSoffice())("opens in LibreOffice, and its copy rolls up to the same answer", () => {
    const out = join(dir, "lo");
    mkdirSync(out, { recursive: true });
    const convert = spawnSync(
      "soffice",
      ["--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, file],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(convert.status).toBe(0);
    const copy = join("lo", "school.xlsx");
    expect(answer(ok("rollup", copy, "--json"))).toEqual(firstAnswer);
    // And the original, with the trust tab in it, still rolls up the same.
    copyFileSync(file, join(dir, "again.xlsx"));
    expect(answer(ok("rollup", "again.xlsx", "--json"))).toEqual(firstAnswer);
  });
});

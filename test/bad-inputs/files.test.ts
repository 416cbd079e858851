// Files that are not readable workbooks, on disk in a temporary folder: the adapter's reader (and the
// command line, once built) gives one clear LadderError line, code file-unreadable, and leaves the
// file byte-identical with nothing written beside it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newBook, toBuffer } from "../../cli/xlsx/book.js";
import { readWorkbook } from "../../cli/xlsx/read.js";
import { writeSheet } from "../../cli/xlsx/write.js";
import { planRollup } from "../../core/app.js";
import { emptySheet } from "../../core/sheet.js";
import { rejected, tempFolder } from "./support.js";

const WEB_PAGE =
  /: is a web page \(HTML\), not an \.xlsx workbook: download the file again, choosing \.xlsx$/;
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

async function goodWorkbook(): Promise<Buffer> {
  const book = newBook();
  const spec = emptySheet("Ann Lee", 2, 2, null);
  spec.values = [
    ["Name", "Ann Lee"],
    ["Level", "Minimum standard"],
  ];
  writeSheet(book, spec);
  return toBuffer(book);
}

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [path, text] of Object.entries(files)) zip.file(path, text);
  return zip.generateAsync({ type: "nodebuffer" });
}

/** [label, bytes, what the message must say]. */
async function badFiles(): Promise<[string, Uint8Array, RegExp][]> {
  const good = await goodWorkbook();
  const cfb = (extra: string): Buffer =>
    Buffer.concat([Buffer.from(CFB), Buffer.alloc(504), Buffer.from(extra, "utf16le"), Buffer.alloc(512)]);
  return [
    ["zero bytes", new Uint8Array(0), /empty \(0 bytes\)/],
    ["a zip cut to its first 10 bytes", good.subarray(0, 10), /damaged/],
    ["a zip cut in half", good.subarray(0, Math.floor(good.length / 2)), /damaged/],
    ["a zip missing its end-of-directory record", good.subarray(0, good.length - 22), /damaged/],
    ["random bytes", Buffer.from([0x13, 0x37, 0xbe, 0xef, 0x00, 0x01, 0x02, 0x03]), /not a zip/],
    [
      "a PNG image",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      /not a zip/,
    ],
    [
      "a PDF",
      Buffer.from("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n", "latin1"),
      /: is a PDF, not an \.xlsx workbook$/,
    ],
    [
      "a PDF with a BOM and a blank line before its signature",
      Buffer.from("\uFEFF\r\n%PDF-1.4\n1 0 obj\n"),
      /: is a PDF, not an \.xlsx workbook$/,
    ],
    ["an old .xls (CFB header) renamed .xlsx", cfb("Workbook"), /password-protected or old \.xls/],
    ["a password-protected .xlsx (CFB with EncryptionInfo)", cfb("EncryptionInfo"), /password-protected/],
    ["a CSV renamed .xlsx", Buffer.from("name,band\nAnn Lee,3\n"), /is text \(CSV\?\)/],
    ["a CSV with a UTF-8 BOM renamed .xlsx", Buffer.from("\uFEFFname;band\r\nAnn Lee;3\r\n"), /is text/],
    [
      "a UTF-16 'Unicode text' export renamed .xlsx",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("name\tband\r\nAnn\t3\r\n", "utf16le")]),
      /is text \(CSV\?\), not an \.xlsx workbook/,
    ],
    [
      "a big-endian UTF-16 text file renamed .xlsx",
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("name;band\nAnn;3\n", "utf16le").swap16()]),
      /is text \(CSV\?\), not an \.xlsx workbook/,
    ],
    ["an HTML table saved as .xlsx", Buffer.from("<html><body><table>\n<tr><td>Ann</td></tr>\n"), WEB_PAGE],
    [
      "a sign-in page saved instead of the download (BOM, blank lines, <!DOCTYPE html>)",
      Buffer.from('\uFEFF\n\n  <!DOCTYPE html>\n<html lang="en"><head><title>Sign in</title></head>\n'),
      WEB_PAGE,
    ],
    [
      "an Excel 'Web Page' export (upper-case <HTML xmlns:o=...>)",
      Buffer.from(
        '<HTML xmlns:o="urn:schemas-microsoft-com:office:office">\r\n<body><table><tr><td>Ann</td></tr>',
      ),
      WEB_PAGE,
    ],
    [
      "an XHTML page (<?xml ...?> then <!DOCTYPE html PUBLIC ...>)",
      Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">\n<html>'),
      WEB_PAGE,
    ],
    [
      "a tab-separated text file whose first cell is '<b>' (text, not a web page)",
      Buffer.from("<b>\tband\nAnn\t3\n"),
      /is text \(CSV\?\)/,
    ],
    [
      "a Word document renamed .xlsx",
      await zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
      /zip file but not an \.xlsx workbook/,
    ],
    [
      "a zip whose workbook part is not XML",
      await zipOf({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "this is not xml <<<" }),
      /damaged|cannot be read/,
    ],
  ];
}

let dir: string;
let done: () => Promise<void>;
let cases: [string, Uint8Array, RegExp][];
beforeAll(async () => {
  ({ dir, done } = await tempFolder("files"));
  cases = await badFiles();
});
afterAll(async () => done());

const fileName = (label: string): string => `${label.replace(/\W+/g, "-")}.xlsx`;

describe("the adapter's reader", () => {
  // it.each needs the labels up front; the bytes are built in beforeAll.
  const labels = [
    "zero bytes",
    "a zip cut to its first 10 bytes",
    "a zip cut in half",
    "a zip missing its end-of-directory record",
    "random bytes",
    "a PNG image",
    "a PDF",
    "a PDF with a BOM and a blank line before its signature",
    "an old .xls (CFB header) renamed .xlsx",
    "a password-protected .xlsx (CFB with EncryptionInfo)",
    "a CSV renamed .xlsx",
    "a CSV with a UTF-8 BOM renamed .xlsx",
    "a UTF-16 'Unicode text' export renamed .xlsx",
    "a big-endian UTF-16 text file renamed .xlsx",
    "an HTML table saved as .xlsx",
    "a sign-in page saved instead of the download (BOM, blank lines, <!DOCTYPE html>)",
    "an Excel 'Web Page' export (upper-case <HTML xmlns:o=...>)",
    "an XHTML page (<?xml ...?> then <!DOCTYPE html PUBLIC ...>)",
    "a tab-separated text file whose first cell is '<b>' (text, not a web page)",
    "a Word document renamed .xlsx",
    "a zip whose workbook part is not XML",
  ];

  it("the list of labels matches the list of files", () => {
    expect(cases.map(([l]) => l)).toEqual(labels);
  });

  it.each(labels)(
    "%s: one LadderError line (file-unreadable) naming the file; the file is byte-identical",
    async (label) => {
      const [, bytes, message] = cases.find(([l]) => l === label)!;
      const path = join(dir, fileName(label));
      await writeFile(path, bytes);
      const before = await readFile(path);
      const e = await rejected(readWorkbook(path));
      expect(e.code).toBe("file-unreadable");
      expect(e.message).toMatch(message);
      expect(e.message.startsWith(path)).toBe(true);
      expect(e.message).not.toMatch(/[\r\n]/);
      expect((await readFile(path)).equals(before)).toBe(true);
    },
  );

  it("a missing file: one line, and no file is made", async () => {
    const path = join(dir, "missing.xlsx");
    const e = await rejected(readWorkbook(path));
    expect(e.code).toBe("file-unreadable");
    expect(e.message).toBe(`${path}: no such file`);
    expect(existsSync(path)).toBe(false);
  });

  it("a folder named like a workbook: one line", async () => {
    const path = join(dir, "folder.xlsx");
    await mkdir(path);
    const e = await rejected(readWorkbook(path));
    expect(e.message).toBe(`${path}: is a folder, not an .xlsx file`);
  });

  it("reading bad files leaves no temporary file in the folder", async () => {
    expect((await readdir(dir)).filter((f) => f.startsWith(".") || f.endsWith(".tmp"))).toEqual([]);
  });
});

/** A minimal .xlsx with `n` one-cell tabs, written as raw parts (much faster than ExcelJS). */
async function manyTabs(n: number): Promise<Buffer> {
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const ns = "http://schemas.openxmlformats.org";
  const rel = `${ns}/officeDocument/2006/relationships`;
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      ids
        .map(
          (i) =>
            `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join("") +
      `</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets>` +
      ids.map((i) => `<sheet name="Tab ${i}" sheetId="${i}" r:id="rId${i}"/>`).join("") +
      `</sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships">` +
      ids
        .map((i) => `<Relationship Id="rId${i}" Type="${rel}/worksheet" Target="worksheets/sheet${i}.xml"/>`)
        .join("") +
      `</Relationships>`,
  );
  for (const i of ids)
    zip.file(
      `xl/worksheets/sheet${i}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>` +
        `<row r="1"><c r="A1" t="inlineStr"><is><t>note ${i}</t></is></c></row></sheetData></worksheet>`,
    );
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("a workbook with many tabs", () => {
  it("1,000 tabs (the limit) are read whole, every tab is skipped with a reason by the roll-up, and the file is untouched", async () => {
    const path = join(dir, "one-thousand.xlsx");
    await writeFile(path, await manyTabs(1000));
    const before = await readFile(path);
    const { snapshots } = await readWorkbook(path);
    expect(snapshots).toHaveLength(1000);
    const { result } = planRollup(snapshots, undefined, new Date("2026-11-23T10:00:00Z"));
    expect(result.staffCount).toBe(0);
    expect(result.skipped).toHaveLength(1000);
    expect(result.skipped.every((s) => s.reason.length > 0)).toBe(true);
    expect((await readFile(path)).equals(before)).toBe(true);
  });

  it("2,000 tabs are refused before loading with one line naming the count and the limit, and the file is untouched", async () => {
    const path = join(dir, "two-thousand.xlsx");
    await writeFile(path, await manyTabs(2000));
    const before = await readFile(path);
    const error = await rejected(readWorkbook(path));
    expect(error.code).toBe("file-unreadable");
    expect(error.message).toMatch(/has 2000 tabs; .*up to 1000 tabs/);
    expect(error.message.split("\n")).toHaveLength(1);
    expect((await readFile(path)).equals(before)).toBe(true);
  });
});

const CLI = resolve("dist/cli/ladder.js");
describe("the command line (dist/cli/ladder.js, built by npm test's pretest)", () => {
  it.each([
    "zero bytes",
    "a zip cut in half",
    "an old .xls (CFB header) renamed .xlsx",
    "a CSV renamed .xlsx",
    "a PDF",
    "a sign-in page saved instead of the download (BOM, blank lines, <!DOCTYPE html>)",
  ])(
    "%s: check and rollup print one line on stderr, exit 2, and leave the file byte-identical",
    async (label) => {
      const [, bytes] = cases.find(([l]) => l === label)!;
      const path = join(dir, `cli-${fileName(label)}`);
      await writeFile(path, bytes);
      for (const command of ["check", "rollup"]) {
        const run = spawnSync(process.execPath, [CLI, command, path], { encoding: "utf8", timeout: 30_000 });
        expect(run.status).toBe(2);
        expect(run.stderr.trim().split("\n")).toHaveLength(1);
        expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
        expect((await readFile(path)).equals(Buffer.from(bytes))).toBe(true);
      }
      expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    },
  );
});

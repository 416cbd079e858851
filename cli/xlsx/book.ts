/**
 * Opening and saving .xlsx files for the command line: the only place that touches the file system.
 *
 * - Opening classifies bad files before ExcelJS sees them (empty, a PDF, a web page, text, other
 *   bytes that are not a zip, an old .xls or a password-protected file, a truncated zip, a zip that
 *   is not a workbook) and turns each into one LadderError("file-unreadable") line, because
 *   ExcelJS's own errors ("End of data reached", "Can't find end of central directory") mean
 *   nothing to a headteacher.
 * - Saving is atomic: the bytes go to a temporary file beside the target, then a rename replaces the
 *   target in one step; on any failure the temporary file is removed and the original is untouched.
 *
 * It does not read cells or write tabs (read.ts, write.ts do); it does hold the charts that ExcelJS
 * cannot write, so that save can add them to the zip afterwards (chart.ts).
 *
 * Why ExcelJS: maintained, MIT, reads and writes styles, merges, validations, conditional formats and
 * comments, and keeps the file's own theme part; SheetJS's community build drops styles on write.
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { LadderError } from "../../core/errors.js";
import type { ChartSpec, CellValue } from "../../core/sheet.js";
import { injectCharts } from "./chart.js";

/** A chart waiting to be added to the zip after ExcelJS has written the workbook. */
export interface PendingChart {
  sheetName: string;
  spec: ChartSpec;
  /** The tab's whole value grid, for the chart's cached values. */
  values: readonly (readonly CellValue[])[];
  /** The tab's fills ('#rrggbb' or null): a series takes the colour of its name cell. */
  fills: readonly (readonly (string | null)[])[];
}

/** An open workbook: ExcelJS's model plus what ExcelJS cannot carry itself. */
export interface Book {
  workbook: ExcelJS.Workbook;
  charts: PendingChart[];
  /**
   * The file had no theme part (LibreOffice writes none). ExcelJS would still write a relationship
   * to theme1.xml without the part, which Excel reports as damage, so save removes it.
   */
  themeMissing?: boolean;
}

export function newBook(): Book {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ladder-sheets";
  return { workbook, charts: [] };
}

function unreadable(file: string, why: string): LadderError {
  return new LadderError("file-unreadable", `${file}: ${why}`);
}

/** Read the file's bytes; a missing file or a folder is one clear line. */
export async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw unreadable(path, "no such file");
    if (code === "EISDIR") throw unreadable(path, "is a folder, not an .xlsx file");
    if (code === "EACCES" || code === "EPERM") throw unreadable(path, "permission denied");
    throw unreadable(path, `cannot be read (${code ?? "unknown error"})`);
  }
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
/** Limits that keep a hostile or mistaken file (a zip bomb, thousands of tabs) from exhausting memory. */
export const MAX_TABS = 1000;
export const MAX_UNZIPPED_BYTES = 400e6;

/** JSZip records each entry's declared size from the zip directory (not in its typings). */
function uncompressedSize(entry: JSZip.JSZipObject): number {
  const data = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data;
  return typeof data?.uncompressedSize === "number" ? data.uncompressedSize : 0;
}

/** What a file that is not a zip most likely is, by its first bytes: PDF, a web page, text, or other. */
function notZip(bytes: Uint8Array): string {
  // Excel's "Unicode Text" export is UTF-16 with a byte-order mark: decode it before looking.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const raw = Buffer.from(bytes.subarray(0, 1024));
  const head = !utf16
    ? raw.toString("utf8")
    : bytes[0] === 0xff
      ? raw.subarray(2).toString("utf16le")
      : Buffer.from(raw.subarray(2)).swap16().toString("utf16le");
  // A BOM (UTF-8 decodes to U+FEFF) and leading white space come before a PDF or HTML signature.
  const start = head.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("%PDF-")) return "is a PDF, not an .xlsx workbook";
  if (
    /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|table)[\s>]/i.test(start)
  )
    return "is a web page (HTML), not an .xlsx workbook: download the file again, choosing .xlsx";
  const textLike = !head.includes("\u0000") && /[,;\t\n]/.test(head);
  return textLike ? "is text (CSV?), not an .xlsx workbook" : "is not an .xlsx workbook (not a zip file)";
}

/**
 * Check the bytes are an .xlsx package and return its zip. Each kind of bad file gets its own
 * message, named by `label` (the path, or "the file" for a buffer).
 */
export async function openZip(bytes: Uint8Array, label: string): Promise<JSZip> {
  if (bytes.length === 0) throw unreadable(label, "the file is empty (0 bytes)");
  if (CFB_MAGIC.every((b, i) => bytes[i] === b))
    throw unreadable(label, "password-protected or old .xls file: save it in Excel as an unprotected .xlsx");
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw unreadable(label, notZip(bytes));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw unreadable(label, "is damaged (the zip is truncated or corrupt)");
  }
  const workbookXml = await zip.file("xl/workbook.xml")?.async("string");
  if (!zip.file("[Content_Types].xml") || workbookXml === undefined)
    throw unreadable(label, "is a zip file but not an .xlsx workbook (no xl/workbook.xml)");
  const tabs = workbookXml.match(/<(?:\w+:)?sheet\b/g)?.length ?? 0;
  if (tabs > MAX_TABS)
    throw unreadable(
      label,
      `has ${tabs} tabs; ladder reads workbooks of up to ${MAX_TABS} tabs (one per member of staff)`,
    );
  let size = 0;
  zip.forEach((_, entry) => {
    size += uncompressedSize(entry);
  });
  if (size > MAX_UNZIPPED_BYTES)
    throw unreadable(
      label,
      `unpacks to ${Math.round(size / 1e6)} MB; ladder reads workbooks of up to ${MAX_UNZIPPED_BYTES / 1e6} MB`,
    );
  return zip;
}

/** Load ExcelJS's model from bytes already checked by openZip. */
export async function loadExcel(bytes: Uint8Array, label: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw unreadable(label, `is damaged and cannot be read (${why})`);
  }
  return workbook;
}

/**
 * What ExcelJS hands its `_finalize` step (lib/xlsx/xlsx.js, ExcelJS 4.x): a ZipWriter whose `zip` is
 * the JSZip holding every part it rendered, uncompressed, before the one compression pass.
 */
interface ExcelZipWriter {
  zip?: unknown;
}
interface ExcelXlsx {
  _finalize?: (writer: ExcelZipWriter) => Promise<unknown>;
}

function isJSZip(z: unknown): z is JSZip {
  return typeof z === "object" && z !== null && "file" in z && "generateAsync" in z && "forEach" in z;
}

/** The parts ExcelJS cannot write: drop a dangling theme relationship, add the native charts. */
async function finishZip(zip: JSZip, book: Book): Promise<void> {
  if (book.themeMissing && !zip.file("xl/theme/theme1.xml")) await dropThemeReference(zip);
  await injectCharts(zip, book.charts);
}

/**
 * The workbook as .xlsx bytes, with the pending charts added.
 *
 * The charts go into ExcelJS's own zip just before it compresses it (its `_finalize` step,
 * overridden on this workbook only, for this one write), so the file is compressed once, with
 * ExcelJS's own settings (DEFLATE), instead of being written, reopened and compressed again. If
 * ExcelJS ever stops passing its JSZip there, the older route (reopen the written zip) is used.
 */
export async function toBuffer(book: Book): Promise<Buffer> {
  const asBuffer = (raw: unknown): Buffer => (Buffer.isBuffer(raw) ? raw : Buffer.from(raw as ArrayBuffer));
  if (book.charts.length === 0 && !book.themeMissing) return asBuffer(await book.workbook.xlsx.writeBuffer());
  const xlsx = book.workbook.xlsx as unknown as ExcelXlsx;
  const finalize = xlsx._finalize;
  let finished = false;
  if (typeof finalize === "function")
    xlsx._finalize = async function (this: unknown, writer: ExcelZipWriter) {
      if (isJSZip(writer.zip)) {
        await finishZip(writer.zip, book);
        finished = true;
      }
      return finalize.call(this, writer);
    };
  let bytes: Buffer;
  try {
    bytes = asBuffer(await book.workbook.xlsx.writeBuffer());
  } finally {
    if (typeof finalize === "function") delete xlsx._finalize;
  }
  if (finished) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  await finishZip(zip, book);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function dropThemeReference(zip: JSZip): Promise<void> {
  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = await zip.file(relsPath)?.async("string");
  if (rels) zip.file(relsPath, rels.replace(/<Relationship\b[^>]*\/theme"[^>]*\/>/g, ""));
  const types = await zip.file("[Content_Types].xml")?.async("string");
  if (types)
    zip.file(
      "[Content_Types].xml",
      types.replace(/<Override\b[^>]*PartName="\/xl\/theme\/[^"]*"[^>]*\/>/g, ""),
    );
}

/** Hooks for tests: make the write fail part-way to prove the original survives. */
export interface SaveHooks {
  beforeRename?: (tempPath: string) => Promise<void> | void;
}

/**
 * Fault injection for the end-to-end tests, in the spirit of git's GIT_TEST_* variables: with
 * LADDER_TEST_FAIL_SAVE=1 every save fails after the temporary file is written, before the rename.
 */
function envHooks(): SaveHooks {
  if (process.env.LADDER_TEST_FAIL_SAVE !== "1") return {};
  return {
    beforeRename: () => {
      throw new Error("simulated failure (LADDER_TEST_FAIL_SAVE=1)");
    },
  };
}

/**
 * Save atomically: temp file beside the target (same folder, so rename never crosses devices),
 * then rename over it. On any error the temp file is removed and the target is as it was.
 */
export async function saveBook(book: Book, path: string, hooks: SaveHooks = envHooks()): Promise<void> {
  const bytes = await toBuffer(book);
  await writeAtomic(path, bytes, hooks);
}

export async function writeAtomic(path: string, bytes: Uint8Array, hooks: SaveHooks = {}): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    await hooks.beforeRename?.(temp);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    if (e instanceof LadderError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new LadderError(
      "host-failed",
      `${path}: could not be saved (${code ?? (e instanceof Error ? e.message : String(e))}); the original is unchanged`,
    );
  }
}

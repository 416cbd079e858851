/**
 * Every file the per-person commands touch (`new DIR/`, `rollup FILE... | DIR -o OUT`) goes through
 * this module and nothing else: folders, the register (register.csv or a register tab), person
 * files and the leaders' workbook. It sits on the .xlsx adapter's exported helpers (cli/workbook.ts,
 * cli/xlsx/book.ts, cli/xlsx/read.ts, cli/xlsx/write.ts), so pointing the per-person commands at
 * another package layer means changing this file only (and dropping readableCopy).
 *
 * Reading a person file keeps only its snapshots: the loaded workbook is dropped at once, so a
 * roll-up of a thousand files holds one file at a time.
 */
import { mkdir, readdir, readFile, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import JSZip from "jszip";
import { LadderError } from "../core/errors.js";
import type { SheetSpec, TabSnapshot } from "../core/sheet.js";
import { newBook, readBytes, saveBook, writeAtomic, type Book } from "./xlsx/book.js";
import { readWorkbook } from "./xlsx/read.js";
import { writeSheet } from "./xlsx/write.js";
import { exists, replaceOwnTabs } from "./workbook.js";

export { exists };

/** The register's file name inside a folder of person files. */
export const REGISTER_CSV = "register.csv";

/** A folder target: a path ending in a slash, or a folder that exists. */
export async function isFolderPath(path: string): Promise<boolean> {
  if (path.endsWith("/") || path.endsWith(sep)) return true;
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Make the folder (and its parents) if missing; a file in the way is one clear line. */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LadderError(
      "host-failed",
      code === "EEXIST" || code === "ENOTDIR"
        ? `${dir}: there is a file of that name in the way, so the folder cannot be made`
        : `${dir}: the folder cannot be made (${code ?? "error"})`,
    );
  }
}

/** Every name in a folder (files and folders), or none when it does not exist yet. */
export async function folderNames(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

/**
 * The .xlsx files of a folder, sorted, without Office's lock files (~$...) and hidden or temporary
 * files (.name...), which are never workbooks people made.
 */
export async function xlsxFilesIn(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LadderError(
      "file-unreadable",
      `${dir}: ${code === "ENOENT" ? "no such folder" : `the folder cannot be read (${code ?? "error"})`}`,
    );
  }
  return entries
    .filter((e) => !e.isDirectory() && /\.xlsx$/i.test(e.name) && !/^(~\$|\.)/.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, "en"));
}

/** A text file's contents, or null when there is no such file. */
export async function readTextIfAny(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    throw new LadderError("file-unreadable", `${path}: cannot be read (${code ?? "error"})`);
  }
}

/** Replace a text file whole (written beside it, then renamed). */
export async function writeText(path: string, text: string): Promise<void> {
  await writeAtomic(path, Buffer.from(text, "utf8"));
}

const ABSOLUTE_TARGET = /(<Relationship\b[^>]*?\bTarget=")\/([^"]*)"/g;
const NOTES_REL = /<Relationship\b[^>]*\bType="[^"]*\/(comments|vmlDrawing)"[^>]*\/>/g;

/**
 * A copy of a package for reading cells and fills only: relationship targets written from the
 * package root ("/xl/worksheets/sheet1.xml", as openpyxl writes them; the standard allows it) made
 * relative to their source part, and the links from each sheet to its notes dropped. ExcelJS 4.4
 * cannot load notes stored anywhere but its own part names (xl/commentsN.xml), which is how openpyxl
 * saves every ladder tab (issue 12; ExcelJS issue #2797), and person files coloured with Python are
 * the ordinary case here. Notes are not part of the roll-up, and this copy is never saved. Null when
 * there is nothing to change. This goes when the part-preserving package layer (h-layer) lands.
 */
export async function readableCopy(bytes: Buffer): Promise<Buffer | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null; // the reader says what is wrong with it
  }
  let changed = false;
  for (const name of Object.keys(zip.files).filter((n) => /(^|\/)_rels\/[^/]*\.rels$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    const from = "/" + name.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    const fixed = xml
      .replace(ABSOLUTE_TARGET, (all, head: string, target: string) =>
        /TargetMode="External"/.test(all)
          ? all
          : `${head}${posix.relative(posix.dirname(from), `/${target}`)}"`,
      )
      .replace(NOTES_REL, "");
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: "nodebuffer", compression: "STORE" }) : null;
}

/** An existing workbook, to change and save, or a new one; `created` says which. */
async function loadBook(path: string): Promise<{ book: Book; snapshots: TabSnapshot[]; created: boolean }> {
  if (!(await exists(path))) return { book: newBook(), snapshots: [], created: true };
  return { ...(await readWorkbook(path)), created: false };
}

/**
 * A workbook's tabs, read only. When ExcelJS cannot load the file, once more from readableCopy, so
 * the common case pays for one zip pass, not two.
 */
async function readOnly(path: string): Promise<TabSnapshot[]> {
  const bytes = await readBytes(path);
  try {
    return (await readWorkbook(bytes, path)).snapshots;
  } catch (e) {
    if (!(e instanceof LadderError) || !e.message.includes("is damaged and cannot be read")) throw e;
    const copy = await readableCopy(bytes);
    if (copy === null) throw e;
    return (await readWorkbook(copy, path)).snapshots;
  }
}

/**
 * A workbook's tabs as snapshots, nothing else kept. Throws LadderError("file-unreadable") whose
 * message is only the reason (no path): the caller names the file.
 */
export async function readTabs(path: string): Promise<TabSnapshot[]> {
  try {
    return await readOnly(path);
  } catch (e) {
    if (e instanceof LadderError && e.message.startsWith(`${path}: `))
      throw new LadderError(e.code, e.message.slice(path.length + 2), e.details);
    throw e;
  }
}

/** The tabs of a workbook that may not exist yet (none then). */
export async function readTabsIfAny(path: string): Promise<TabSnapshot[]> {
  return (await exists(path)) ? readOnly(path) : [];
}

/**
 * Add one tab to a person's file (made when missing); `plan` gets the names of the tabs already
 * there, so the new tab never takes one. Saved whole, atomically.
 */
export async function addPersonTab(
  path: string,
  plan: (existingTabNames: string[]) => SheetSpec,
): Promise<{ created: boolean; tab: string }> {
  const { book, snapshots, created } = await loadBook(path);
  const ws = writeSheet(book, plan(snapshots.map((s) => s.name)));
  await saveBook(book, path);
  return { created, tab: ws.name };
}

/**
 * Write a workbook's own tabs (summary and chart, or the register), replacing earlier ones found by
 * their marker; every other tab stays. `plan` sees the tabs already there. Returns the tab names.
 */
export async function writeOwnTabs(
  path: string,
  plan: (existing: readonly TabSnapshot[]) => SheetSpec[],
): Promise<string[]> {
  const { book, snapshots } = await loadBook(path);
  const names = replaceOwnTabs(book, snapshots, plan(snapshots));
  await saveBook(book, path);
  return names;
}

/** A register's entry as a path to open: relative to the register's folder, or absolute. */
export function registerTarget(registerDir: string, file: string): string {
  return isAbsolute(file) ? file : join(registerDir, file);
}

/** How a register names a file in `dir`, seen from the register's folder, with '/' on every system. */
export function registerName(registerDir: string, filePath: string): string {
  return relative(registerDir, filePath).split(sep).join("/");
}

/** Is `path` the same file as `other` (both resolved from the working folder)? */
export function samePath(path: string, other: string): boolean {
  return resolve(path) === resolve(other);
}

export { dirname, join };

/**
 * Every file the per-person commands touch (`new DIR/`, `rollup FILE... | DIR -o OUT`) goes through
 * this module and nothing else: folders, the register (register.csv or a register tab), person
 * files and the leaders' workbook. It reads and writes through the part-preserving .xlsx package
 * layer (xlsx/, via cli/xlsx/*), so a person file saved by openpyxl or LibreOffice reads as it is,
 * and writing the summary into an existing leaders' workbook keeps every other part of it.
 *
 * Reading a person file keeps only its snapshots: the loaded workbook is dropped at once, so a
 * roll-up of a thousand files holds one file at a time.
 */
import { mkdir, readdir, readFile, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { LadderError } from "../core/errors.js";
import type { SheetSpec, TabSnapshot } from "../core/sheet.js";
import { newBook, saveBook, writeAtomic, type Book } from "./xlsx/book.js";
import { readWorkbook } from "./xlsx/read.js";
import { writeSheet } from "./xlsx/write.js";
import { setBookTitle } from "../xlsx/tabs.js";
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

/** An existing workbook, to change and save, or a new one; `created` says which. */
async function loadBook(path: string): Promise<{ book: Book; snapshots: TabSnapshot[]; created: boolean }> {
  if (!(await exists(path))) return { book: newBook(path), snapshots: [], created: true };
  return { ...(await readWorkbook(path)), created: false };
}

/**
 * A workbook's tabs, read only, through the package layer (any writer's file: openpyxl's notes,
 * LibreOffice's packages). The Book is dropped at once, so only the snapshots stay in memory.
 */
async function readOnly(path: string): Promise<TabSnapshot[]> {
  return (await readWorkbook(path)).snapshots;
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
 * Add one tab to a person's file (made when missing, with `title` in its properties); `plan` gets
 * the names of the tabs already there, so the new tab never takes one. Saved atomically; an
 * existing file keeps every other part as it was.
 */
export async function addPersonTab(
  path: string,
  plan: (existingTabNames: string[]) => SheetSpec,
  title?: string,
): Promise<{ created: boolean; tab: string }> {
  const { book, snapshots, created } = await loadBook(path);
  if (created && title !== undefined) setBookTitle(book, title);
  const tab = writeSheet(book, plan(snapshots.map((s) => s.name)));
  await saveBook(book, path);
  return { created, tab };
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

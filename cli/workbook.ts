/**
 * Workbook-level steps the commands share, on top of the .xlsx adapter: open a file for update
 * (or start a new one), and replace the tabs a command owns (summary, chart, trust) while leaving
 * every other tab alone: the package layer writes only those tabs and the parts hanging off them,
 * so every other part of the file stays byte-identical.
 */
import { access } from "node:fs/promises";
import { LadderError } from "../core/errors.js";
import { legalTabName } from "../core/names.js";
import { parseMarker, type SheetSpec, type TabSnapshot } from "../core/sheet.js";
import { moveFirst, tabNames } from "../xlsx/tabs.js";
import { newBook, type Book } from "./xlsx/book.js";
import { readWorkbook } from "./xlsx/read.js";
import { removeTab, writeSheet } from "./xlsx/write.js";

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** An existing workbook read in full, or a new empty one when the file does not exist. */
export async function openOrCreate(
  path: string,
): Promise<{ book: Book; snapshots: TabSnapshot[]; created: boolean }> {
  if (!(await exists(path))) return { book: newBook(requireNewXlsx(path)), snapshots: [], created: true };
  const { book, snapshots } = await readWorkbook(path);
  return { book, snapshots, created: false };
}

/**
 * Refuse paths that are not .xlsx (or .xlsm, a workbook with macros: its macros and every other
 * part travel untouched) before doing any work.
 */
export function requireXlsx(path: string): string {
  if (!/\.xls[xm]$/i.test(path))
    throw new LadderError(
      "argument-invalid",
      `${path}: the file name must end in .xlsx (or .xlsm for a workbook with macros).`,
    );
  return path;
}

/**
 * A file about to be made from nothing must be .xlsx: an .xlsm is a workbook with macros, which
 * only the program that wrote the macros can make.
 */
export function requireNewXlsx(path: string): string {
  if (!/\.xlsx$/i.test(requireXlsx(path)))
    throw new LadderError(
      "argument-invalid",
      `${path}: ladder-sheets makes new workbooks as .xlsx files. Choose a name ending in .xlsx (an .xlsm, a workbook with macros, can be used only when it already exists).`,
    );
  return path;
}

/**
 * Write the command's own tabs, replacing earlier ones: a tab is replaced when its marker has the
 * same role and template id as the new one (so a renamed summary is still found). A person's tab
 * that happens to carry the same name is kept, and the new tab gets a unique name instead. New tabs
 * go first in the workbook, in the order given. The tab a person had open stays the open one (it
 * is marked selected in its own XML, which we never touch); when that was our old tab, the new
 * one opens instead.
 * Returns the names written.
 */
export function replaceOwnTabs(
  book: Book,
  snapshots: readonly TabSnapshot[],
  specs: readonly SheetSpec[],
): string[] {
  const names: string[] = [];
  for (const spec of specs) {
    const want = spec.marker;
    for (const snap of snapshots) {
      const m = parseMarker(snap.marker);
      if (want && m && m.role === want.role && m.templateId === want.templateId) removeTab(book, snap.name);
    }
  }
  const written = specs.map((spec) => {
    const name = legalTabName(spec.name, tabNames(book));
    names.push(name);
    return writeSheet(book, { ...spec, name });
  });
  moveFirst(book, written);
  return names;
}

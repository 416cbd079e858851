/**
 * A workbook open for change, and the tab operations a command makes on it: the user's package as
 * it came, the tabs in their new order (each an existing sheet, left untouched, or one of ours to
 * be written from a SheetSpec), and the sheets to take out. Nothing is written until save.ts's
 * bookBytes; the Book itself is never changed by saving, so it can be saved again.
 *
 * This module is deliberately light (no zip, no XML): the command line loads it at start-up, and
 * loads the rest of the layer only when a file is read or written.
 *
 * The only tabs a command ever takes out are its own (callers decide by the hidden marker); the
 * layer does not know which tabs are whose.
 */
import { LadderError } from "../core/errors.js";
import type { SheetSpec } from "../core/sheet.js";
import type { Package } from "./package.js";
import type { SheetEntry, WorkbookView } from "./workbook.js";
import type { Codec } from "./zip.js";

/** The most staff tabs a workbook may have: one per member of staff, for the largest schools. */
export const MAX_TABS = 1000;

/**
 * Room on top of MAX_TABS for the tabs ladder-sheets adds itself (summary, grade-band chart, trust,
 * register, a few forms), so a school of MAX_TABS staff can still be rolled up again.
 */
export const OWN_TABS_ROOM = 20;

export interface Tab {
  name: string;
  /** The sheet as it is in the file, or null for a tab we are adding. */
  entry: SheetEntry | null;
  /** What to write, for a tab we are adding. */
  spec: SheetSpec | null;
}

export interface Book {
  /** Names the workbook in messages (its path, or "the file"). */
  label: string;
  /** The package as read, or null for a new workbook (its parts are made when it is saved). */
  pkg: Package | null;
  view: WorkbookView | null;
  /** Every tab in the order it will have. */
  tabs: Tab[];
  /** Existing sheets to take out, with every part only they use. */
  removed: SheetEntry[];
  /** The workbook did not exist: `new` on a missing file. */
  created: boolean;
  /** A new workbook's title (File > Properties). */
  title?: string;
  /** Inflate/deflate to use (default: fflate, in JavaScript). */
  codec?: Codec;
}

/** A new, empty workbook. */
export function newBook(label = "the new workbook", codec?: Codec): Book {
  return { label, pkg: null, view: null, tabs: [], removed: [], created: true, ...(codec ? { codec } : {}) };
}

/** Every tab's name, in order (chart sheets included: a new tab may not take their names). */
export function tabNames(book: Book): string[] {
  return book.tabs.map((t) => t.name);
}

/**
 * Add a tab written from `spec` (at the end, or first). Throws LadderError("tab-exists") when a
 * tab of that name (ignoring case) is already there: replacing one is the caller's explicit
 * decision (removeTab).
 */
export function addTab(book: Book, spec: SheetSpec, where: "end" | "first" = "end"): void {
  const lower = spec.name.toLowerCase();
  if (book.tabs.some((t) => t.name.toLowerCase() === lower))
    throw new LadderError("tab-exists", `A tab called '${spec.name}' already exists.`);
  const tab: Tab = { name: spec.name, entry: null, spec };
  if (where === "first") book.tabs.unshift(tab);
  else book.tabs.push(tab);
}

/** Take out a tab (by exact name); true when there was one. */
export function removeTab(book: Book, name: string): boolean {
  const i = book.tabs.findIndex((t) => t.name === name);
  if (i < 0) return false;
  const [tab] = book.tabs.splice(i, 1);
  if (tab!.entry) book.removed.push(tab!.entry);
  return true;
}

/** Put the named tabs first, in the order given; the others keep their order after them. */
export function moveFirst(book: Book, names: readonly string[]): void {
  const first = names
    .map((n) => book.tabs.find((t) => t.name === n))
    .filter((t): t is Tab => t !== undefined);
  book.tabs = [...first, ...book.tabs.filter((t) => !first.includes(t))];
}

/** Give a new workbook a title (a person's existing file keeps its own properties). */
export function setBookTitle(book: Book, title: string): void {
  if (!book.created) throw new LadderError("argument-invalid", "Only a new workbook can be given a title.");
  book.title = title;
}

/**
 * Reading a workbook for the roll-up: every worksheet's snapshot (name, displayed values, fills,
 * marker), one sheet at a time from the package, with the Book ready for a command to change and
 * save. Chart sheets, dialog sheets and macro sheets have no cells and are not read (their names
 * still count as taken).
 */
import type { TabSnapshot } from "../core/sheet.js";
import { openBook, packageTitle } from "./book.js";
import type { Book } from "./tabs.js";
import { readSheet } from "./sheet-read.js";
import { FFLATE, type Codec } from "./zip.js";

export interface ReadResult {
  snapshots: TabSnapshot[];
  /** The workbook, ready for the caller to add or replace tabs and save. */
  book: Book;
  /** The theme colours fills were resolved through (theme-index order). */
  themeColours: string[];
  /** The workbook's title (File > Properties), if it has one. */
  title: string | undefined;
}

/**
 * Read every tab of a workbook's bytes. Throws LadderError("file-unreadable") with one line,
 * starting with `label` and naming the part at fault, for a file that is not a readable workbook.
 */
export function readBook(bytes: Uint8Array, label: string, codec: Codec = FFLATE): ReadResult {
  const book = openBook(bytes, label, codec);
  const view = book.view!;
  const pkg = book.pkg!;
  const ctx = { strings: view.strings(), formats: view.formats(), date1904: view.date1904 };
  const snapshots: TabSnapshot[] = [];
  for (const sheet of view.sheets) {
    if (sheet.kind !== "worksheet") continue;
    if (sheet.part === null) throw pkg.badPart(view.part, `the tab '${sheet.name}' has no worksheet part`);
    if (!pkg.has(sheet.part)) throw pkg.badPart(sheet.part, `the part of the tab '${sheet.name}' is missing`);
    snapshots.push(pkg.parse(sheet.part, (xml) => readSheet(xml, sheet.name, ctx)));
  }
  return { snapshots, book, themeColours: view.themeColours(), title: packageTitle(pkg) };
}

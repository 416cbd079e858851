/**
 * Adding and removing tabs of an open workbook, for the commands. The tab's XML is written by the
 * package layer (xlsx/sheet-write.ts) when the workbook is saved; see there for what a tab holds
 * and what it deliberately does not (formulas from text, warning-only protection).
 */
import type { SheetSpec } from "../../core/sheet.js";
import { addTab, removeTab as removeLayerTab, type Book } from "../../xlsx/tabs.js";

/**
 * Add `spec` as a new tab at the end of `book` and return its name. Throws
 * LadderError("tab-exists") when a tab of that name (ignoring case) is already there: replacing
 * a tab is the caller's explicit decision (removeTab).
 */
export function writeSheet(book: Book, spec: SheetSpec): string {
  addTab(book, spec);
  return spec.name;
}

/** Remove a tab (by exact name); true when there was one. */
export function removeTab(book: Book, name: string): boolean {
  return removeLayerTab(book, name);
}

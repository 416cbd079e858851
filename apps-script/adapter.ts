/**
 * The Sheets host adapter: reads tabs into core's plain TabSnapshots in bulk, and writes core's
 * SheetSpecs (write.ts). It decides nothing: core plans, this reads and writes.
 *
 * Costs, in Apps Script calls (each one a round trip):
 * - a tab: its name, then getDataRange, getValues, getBackgrounds: 4, whatever its size. The marker
 *   is a cell in a hidden column (write.ts), so it comes with the values at no cost of its own;
 * - the whole workbook: getSheets, those 4 per tab, and one developer-metadata finder (3 calls) that
 *   looks for markers older versions kept in metadata: when it finds none (any workbook made by
 *   this version) there is nothing more; otherwise 4 accessors per old marker;
 * - the active tab: getActiveSheet and those 4, plus getDeveloperMetadata when it has no marker cell.
 * Reads come first and writes after, because every read flushes pending writes.
 *
 * The floor is 4 calls per tab, not 3: the 3 cell reads cannot be fewer (a Range, then its values,
 * then its fills), and SpreadsheetApp has no call that returns every tab's name at once (only the
 * Sheets API, which needs the wider `spreadsheets` scope we do not ask for).
 */
import { isOwnTab } from "../core/app.js";
import { parseMarker, type CellValue, type TabSnapshot } from "../core/sheet.js";
import type { GSheet, GSpreadsheet, RawValue } from "./ports.js";
import { MARKER_KEY } from "./write.js";

export { MARKER_KEY };
export { writeSheet } from "./write.js";

/** '#FFFFFF', '#ffffff' and '' (no fill) -> null; anything else lower-cased. */
export function normaliseFill(bg: string | null | undefined): string | null {
  if (!bg) return null;
  const c = bg.trim().toLowerCase();
  return c === "" || c === "#ffffff" || c === "white" ? null : c;
}

/**
 * Sheets returns Dates for date cells; core wants plain values, so a date becomes "yyyy-mm-dd". A
 * formula-like string we wrote into a plain-text cell carries the apostrophe that kept it text
 * (write.ts cellInput): it is read back without it.
 */
export function toCellValue(v: RawValue | undefined): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
  // Dates may come from another realm (a test's vm), so test the tag, not instanceof.
  if (typeof v === "object")
    return Object.prototype.toString.call(v) === "[object Date]" && !isNaN(v.getTime())
      ? v.toISOString().slice(0, 10)
      : "";
  return v;
}

const IN_BOOK = /:in=([^:]*)$/;

/** A marker cell's text split into core's marker and the spreadsheet it names (`:in=<id>`), if any. */
export function splitMarkerText(text: string): { marker: string; book: string | null } {
  const t = text.trim();
  const m = IN_BOOK.exec(t);
  return m ? { marker: t.slice(0, m.index), book: m[1]! } : { marker: t, book: null };
}

/**
 * Take marker cells out of the values (the first is the tab's marker; a person's text that merely
 * starts with "ladder-sheets" but is no marker stays), then drop the empty columns they leave at the
 * right (no value and no fill), so the snapshot is what it was without them.
 */
export function splitMarkerCells(
  values: CellValue[][],
  fills: (string | null)[][],
): { values: CellValue[][]; fills: (string | null)[][]; marker: string | null; book: string | null } {
  let found: { marker: string; book: string | null } | null = null;
  let stripped = false;
  for (const row of values)
    row.forEach((v, j) => {
      if (typeof v !== "string" || !v.startsWith("ladder-sheets:")) return;
      const split = splitMarkerText(v);
      if (parseMarker(split.marker) === null) return;
      found ??= split;
      row[j] = "";
      stripped = true;
    });
  if (!stripped) return { values, fills, marker: null, book: null };
  const used = (j: number): boolean =>
    values.some((r) => r[j] !== "" && r[j] !== null && r[j] !== undefined) ||
    fills.some((r) => (r[j] ?? null) !== null);
  let cols = Math.max(0, ...values.map((r) => r.length));
  while (cols > 1 && !used(cols - 1)) cols--;
  return {
    values: values.map((r) => r.slice(0, cols)),
    fills: fills.map((r) => r.slice(0, cols)),
    marker: found!.marker,
    book: found!.book,
  };
}

/**
 * What one tab reads as, with where its marker came from: `book` is the spreadsheet a roll-up tab's
 * marker cell names (null when it names none), "metadata" for a marker found in developer metadata
 * (which a copied tab never carries, so it is this spreadsheet's own).
 */
export interface TabRead {
  snapshot: TabSnapshot;
  book: string | null;
}

/**
 * Values and fills of one tab: three calls, whatever its size. The marker comes from its marker cell;
 * `fallback` (an older version's developer-metadata marker) is used when there is none.
 */
export function readTab(sheet: GSheet, name: string, fallback: string | null = null): TabRead {
  const range = sheet.getDataRange();
  const raw = range.getValues().map((row) => row.map(toCellValue));
  const rawFills = range.getBackgrounds().map((row) => row.map(normaliseFill));
  const { values, fills, marker, book } = splitMarkerCells(raw, rawFills);
  if (marker !== null) return { snapshot: { name, values, fills, marker }, book };
  return { snapshot: { name, values, fills, marker: fallback }, book: fallback === null ? null : "metadata" };
}

/** Values, fills and marker of one tab: three calls. */
export function readSnapshot(sheet: GSheet, name: string, fallback: string | null = null): TabSnapshot {
  return readTab(sheet, name, fallback).snapshot;
}

/**
 * Markers older versions kept in sheet-level developer metadata, per tab name: one finder (3 calls),
 * then 4 accessors per marker found (none in a workbook made by this version).
 */
export function findMetadataMarkers(ss: GSpreadsheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const md of ss.createDeveloperMetadataFinder().withKey(MARKER_KEY).find()) {
    const value = md.getValue();
    const sheet = value ? md.getLocation().getSheet() : null;
    if (value && sheet) out.set(sheet.getName(), value);
  }
  return out;
}

/** The metadata marker on one sheet (an older version's tab), for the active tab. */
export function sheetMarker(sheet: GSheet): string | null {
  for (const md of sheet.getDeveloperMetadata()) if (md.getKey() === MARKER_KEY) return md.getValue();
  return null;
}

export interface TabRef {
  sheet: GSheet;
  name: string;
  marker: string | null;
  /** What the tab read as; null for tabs `listTabs` was told not to read. */
  snapshot: TabSnapshot | null;
  /** See TabRead.book. */
  book: string | null;
}

/**
 * Every tab, read: name, values, fills and marker (4 calls per tab, plus getSheets and the metadata
 * finder). Tabs for which `skip(name)` holds are listed by name only.
 */
export function listTabs(ss: GSpreadsheet, opts: { skip?: (name: string) => boolean } = {}): TabRef[] {
  const sheets = ss.getSheets();
  const names = sheets.map((s) => s.getName());
  const legacy = findMetadataMarkers(ss);
  return sheets.map((sheet, i) => {
    const name = names[i]!;
    const old = legacy.get(name) ?? null;
    if (opts.skip?.(name)) return { sheet, name, marker: old, snapshot: null, book: old ? "metadata" : null };
    const r = readTab(sheet, name, old);
    return { sheet, name, marker: r.snapshot.marker, snapshot: r.snapshot, book: r.book };
  });
}

/**
 * The snapshots of listed tabs (no further calls). Tabs the roll-up made itself (summary, chart,
 * trust) come with their cells left out unless `readOwn`: core never reads them as staff tabs.
 */
export function readTabs(tabs: readonly TabRef[], opts: { readOwn?: boolean } = {}): TabSnapshot[] {
  return tabs.map((t) =>
    t.snapshot === null || (!opts.readOwn && isOwnTab(t.marker))
      ? { name: t.name, values: [], fills: [], marker: t.marker }
      : t.snapshot,
  );
}

/** The tab the person is looking at: 5 calls (6 when it has no marker cell). */
export function readActiveTab(ss: GSpreadsheet): { sheet: GSheet; snapshot: TabSnapshot } {
  const sheet = ss.getActiveSheet();
  const r = readTab(sheet, sheet.getName());
  const snapshot = r.snapshot.marker === null ? { ...r.snapshot, marker: sheetMarker(sheet) } : r.snapshot;
  return { sheet, snapshot };
}

/**
 * The Sheets host adapter: reads tabs into core's plain TabSnapshots in bulk, finds our marked tabs,
 * and writes core's SheetSpecs (write.ts). It decides nothing: core plans, this reads and writes.
 *
 * Costs, in Apps Script calls (each one a round trip):
 * - a tab's values and fills: getDataRange, getValues, getBackgrounds (3), plus getName;
 * - every marker in the workbook: one finder (createDeveloperMetadataFinder, withKey, find), then
 *   accessors on the metadata it returned (value, location's sheet, that sheet's name);
 * - the active tab's marker: getDeveloperMetadata on that sheet, and its key and value.
 * Reads come first and writes after, because every read flushes pending writes.
 *
 * Markers are sheet-level developer metadata (key MARKER_KEY, value core's formatMarker text), so a
 * renamed tab is still ours, and a copied tab (which does not keep its metadata) is read by its header.
 */
import { isOwnTab } from "../core/app.js";
import type { CellValue, TabSnapshot } from "../core/sheet.js";
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

/** Sheets returns Dates for date cells; core wants plain values, so a date becomes "yyyy-mm-dd". */
export function toCellValue(v: RawValue | undefined): CellValue {
  if (v === undefined || v === null) return null;
  // Dates may come from another realm (a test's vm), so test the tag, not instanceof.
  if (typeof v === "object")
    return Object.prototype.toString.call(v) === "[object Date]" && !isNaN(v.getTime())
      ? v.toISOString().slice(0, 10)
      : "";
  return v;
}

/** Values and fills of one tab: three calls, whatever its size. */
export function readSnapshot(sheet: GSheet, name: string, marker: string | null): TabSnapshot {
  const range = sheet.getDataRange();
  const values = range.getValues().map((row) => row.map(toCellValue));
  const fills = range.getBackgrounds().map((row) => row.map(normaliseFill));
  return { name, values, fills, marker };
}

/** Marker text per tab name, for every tab in the workbook that carries one: one finder. */
export function findMarkers(ss: GSpreadsheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const md of ss.createDeveloperMetadataFinder().withKey(MARKER_KEY).find()) {
    const value = md.getValue();
    const sheet = value ? md.getLocation().getSheet() : null;
    if (value && sheet) out.set(sheet.getName(), value);
  }
  return out;
}

/** The marker on one sheet (for checking the active tab without searching the whole workbook). */
export function sheetMarker(sheet: GSheet): string | null {
  for (const md of sheet.getDeveloperMetadata()) if (md.getKey() === MARKER_KEY) return md.getValue();
  return null;
}

export interface TabRef {
  sheet: GSheet;
  name: string;
  marker: string | null;
}

/** Every tab with its name and marker (no cell reads). */
export function listTabs(ss: GSpreadsheet): TabRef[] {
  const sheets = ss.getSheets();
  const markers = findMarkers(ss);
  return sheets.map((sheet) => {
    const name = sheet.getName();
    return { sheet, name, marker: markers.get(name) ?? null };
  });
}

/**
 * Snapshots of the given tabs. Tabs the roll-up made itself (summary, chart, trust) are not read
 * unless `readOwn`: core never reads them as staff tabs, so their cells would be wasted calls.
 */
export function readTabs(tabs: readonly TabRef[], opts: { readOwn?: boolean } = {}): TabSnapshot[] {
  return tabs.map((t) =>
    !opts.readOwn && isOwnTab(t.marker)
      ? { name: t.name, values: [], fills: [], marker: t.marker }
      : readSnapshot(t.sheet, t.name, t.marker),
  );
}

/** The tab the person is looking at. */
export function readActiveTab(ss: GSpreadsheet): { sheet: GSheet; snapshot: TabSnapshot } {
  const sheet = ss.getActiveSheet();
  const snapshot = readSnapshot(sheet, sheet.getName(), sheetMarker(sheet));
  return { sheet, snapshot };
}

/**
 * Writes one of core's SheetSpecs as a new tab in a constant number of Apps Script calls, however
 * many rows it has: one setValues for the whole grid, one whole-grid call per format (fills, weights,
 * sizes, alignment, wrap, notes), RangeLists for formats repeated over many ranges (borders, number
 * formats, tick boxes), every other range fetched at once (one RangeList's getRanges), then the few
 * per-range things a template has a fixed number of (merges, drop-downs, conditional formats,
 * protection, charts).
 *
 * The hidden marker (design §2) is a text cell in row 1 of a hidden column, one empty column right
 * of the content, as the .xlsx and Excel hosts store it: it is read with the values (no call of its
 * own), survives a rename and a download as .xlsx, and travels with a copied tab. Tabs the roll-up
 * owns also name the spreadsheet they were made in (markerText). Older versions kept the marker in
 * sheet-level developer metadata; adapter.ts still reads that.
 *
 * What it does not do, and why:
 * - It never writes into an existing tab: it inserts a new one. A tab with the name already there
 *   makes insertSheet throw, and nothing else is touched.
 * - Every string is stored as text exactly as given. setValues parses strings as if typed
 *   ("=HYPERLINK(...)" would become a formula, "+1" a number, "1/2" a date), so a string gets a
 *   leading apostrophe (which Sheets keeps out of the value). In cells the spec formats as plain
 *   text ("@") Sheets stores what is typed and keeps an apostrophe as a character, so there only a
 *   string that starts like a formula (= + - @) gets one: nothing in Google's documentation
 *   promises that the "@" format alone stops evaluation, and the adapter drops that apostrophe
 *   when it reads the cell back (toCellValue). Only spec.formulas are written as formulas.
 * - The marker cell is written last, so a tab whose write was interrupted carries no marker and is
 *   never taken for a finished one.
 */
import { a1Range, parseA1, parseRange } from "../core/a1.js";
import {
  formatMarker,
  seriesColours,
  specExtent,
  type CellValue,
  type SheetSpec,
  type Style,
} from "../core/sheet.js";
import type { GRange, GSheet, GSpreadsheet, GSpreadsheetApp } from "./ports.js";

export const MARKER_KEY = "ladder-sheets";
/** A new Sheets tab has 1000 rows and 26 columns. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLS = 26;
const BORDER_COLOUR = "#bfbfbf";

type Grid<T> = T[][];

/** A string Sheets could take for the start of a formula, whatever the cell's format. */
export const FORMULA_START = /^[=+\-@]/;

/**
 * The value to pass to setValues so Sheets stores exactly `v` (strings as text, never parsed).
 * `plainText`: the cell is formatted "@", so strings go in as they are, except those that start
 * like a formula, which keep their apostrophe there too.
 */
export function cellInput(v: CellValue | undefined, plainText = false): string | number | boolean {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "string") return plainText && !FORMULA_START.test(v) ? v : `'${v}`;
  if (typeof v === "number" && !Number.isFinite(v)) return `'${String(v)}`;
  return v;
}

/** Rows and columns the spec covers (core's specExtent), at least one of each. */
export function specSize(spec: SheetSpec): { rows: number; cols: number } {
  const { rows, cols } = specExtent(spec);
  return { rows: Math.max(rows, 1), cols: Math.max(cols, 1) };
}

function grid<T>(rows: number, cols: number, fill: T): Grid<T> {
  return Array.from({ length: rows }, () => Array<T>(cols).fill(fill));
}

/** One whole-grid array for a style property, later styles winning; null when no style sets it. */
function paint<T>(
  spec: SheetSpec,
  size: { rows: number; cols: number },
  fallback: T,
  pick: (s: Style) => T | undefined,
): Grid<T> | null {
  let out: Grid<T> | null = null;
  for (const s of spec.styles) {
    const v = pick(s);
    if (v === undefined) continue;
    out ??= grid(size.rows, size.cols, fallback);
    const r = parseRange(s.range);
    for (let i = r.row; i < r.row + r.rows; i++) for (let j = r.col; j < r.col + r.cols; j++) out[i]![j] = v;
  }
  return out;
}

/** Ranges to merge, with single-row merges of equal width on consecutive rows joined into one block. */
export function mergeBlocks(merges: readonly string[]): { a1: string; across: boolean }[] {
  const out: { a1: string; across: boolean; r: ReturnType<typeof parseRange> }[] = [];
  const sorted = merges.map(parseRange).sort((a, b) => a.row - b.row || a.col - b.col);
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (
      r.rows === 1 &&
      last?.across === true &&
      last.r.col === r.col &&
      last.r.cols === r.cols &&
      last.r.row + last.r.rows === r.row
    ) {
      last.r = { ...last.r, rows: last.r.rows + 1 };
    } else out.push({ a1: "", across: r.rows === 1, r });
  }
  return out.map(({ across, r }) => ({
    a1: a1Range(r.row, r.col, r.row + r.rows - 1, r.col + r.cols - 1),
    across,
  }));
}

/** Runs of equal width: [[startColumn (1-based), count, px], ...]. */
export function widthRuns(widths: readonly number[]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  widths.forEach((w, i) => {
    const last = runs[runs.length - 1];
    if (last && last[2] === w) last[1] += 1;
    else runs.push([i + 1, 1, w]);
  });
  return runs;
}

/** Where the marker cell goes: row 1, one empty column right of everything the spec covers (1-based). */
export function markerColumn(spec: SheetSpec): number {
  return specSize(spec).cols + 2;
}

/**
 * The marker text as stored in the cell. Tabs the roll-up owns also name the spreadsheet they were
 * made in (`:in=<id>`, which core's parseMarker ignores), because a cell travels with a copied tab:
 * a school summary copied into a trust file must not be taken for that file's own summary and
 * replaced by its roll-up.
 */
export function markerText(spec: SheetSpec, bookId?: string): string | null {
  if (!spec.marker) return null;
  const text = formatMarker(spec.marker);
  return bookId ? `${text}:in=${bookId}` : text;
}

/** Put everything on the (new, empty) sheet, the marker cell (text `marker`, if any) last. */
function fill(app: GSpreadsheetApp, sheet: GSheet, spec: SheetSpec, marker: string | null): void {
  const content = specSize(spec);
  // The grid written covers the content, one empty column and the marker column.
  const size = { rows: content.rows, cols: marker ? content.cols + 2 : content.cols };
  if (size.rows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, size.rows - NEW_SHEET_ROWS);
  if (size.cols > NEW_SHEET_COLS) sheet.insertColumnsAfter(NEW_SHEET_COLS, size.cols - NEW_SHEET_COLS);
  const allA1 = a1Range(0, 0, size.rows - 1, size.cols - 1);
  const markerA1 = marker ? a1Range(0, size.cols - 1, 0, size.cols - 1) : null;

  // Number formats first, so they hold before values land (the Name cells are plain text).
  const formats = new Map<string, string[]>();
  for (const s of spec.styles)
    if (s.numberFormat !== undefined)
      formats.set(s.numberFormat, [...(formats.get(s.numberFormat) ?? []), s.range]);
  for (const [format, ranges] of formats) sheet.getRangeList(ranges).setNumberFormat(format);

  // Every single range used below, fetched together: one RangeList and its getRanges (2 calls)
  // instead of one getRange per range.
  const merges = mergeBlocks(spec.merges);
  const wanted = [
    allA1,
    ...merges.map((m) => m.a1),
    ...spec.validations.map((v) => v.range),
    ...spec.conditionalFormats.map((c) => c.range),
    ...spec.protectedRanges.map((p) => p.range),
    ...spec.charts.map((c) => c.dataRange),
    ...(markerA1 ? [markerA1] : []),
  ].filter((a1, i, list) => list.indexOf(a1) === i);
  const got = wanted.length === 1 ? [sheet.getRange(allA1)] : sheet.getRangeList(wanted).getRanges();
  const ranges = new Map(wanted.map((a1, i) => [a1, got[i]!]));
  const range = (a1: string): GRange => ranges.get(a1)!;
  const all = range(allA1);

  const values = grid<string | number | boolean>(size.rows, size.cols, "");
  const plain = paint(spec, size, false, (s) =>
    s.numberFormat === undefined ? undefined : s.numberFormat === "@",
  );
  spec.values.forEach((row, i) =>
    row.forEach((v, j) => (values[i]![j] = cellInput(v, plain?.[i]?.[j] === true))),
  );
  for (const f of spec.formulas) {
    const { row, col } = parseA1(f.cell);
    values[row]![col] = f.formula.startsWith("=") ? f.formula : `=${f.formula}`;
  }
  all.setValues(values);

  const fills = paint<string | null>(spec, size, null, (s) => s.fill?.toLowerCase());
  if (fills) all.setBackgrounds(fills);
  const weights = paint<"bold" | "normal" | null>(spec, size, null, (s) =>
    s.bold === undefined ? undefined : s.bold ? "bold" : "normal",
  );
  if (weights) all.setFontWeights(weights);
  const styles = paint<"italic" | "normal" | null>(spec, size, null, (s) =>
    s.italic === undefined ? undefined : s.italic ? "italic" : "normal",
  );
  if (styles) all.setFontStyles(styles);
  const sizes = paint(spec, size, 10, (s) => s.fontSize);
  if (sizes) all.setFontSizes(sizes);
  const colours = paint(spec, size, "#000000", (s) => s.fontColor);
  if (colours) all.setFontColors(colours);
  const wraps = paint(spec, size, false, (s) => s.wrap);
  if (wraps) all.setWraps(wraps);
  const hAligns = paint<"left" | "center" | "right" | null>(spec, size, null, (s) => s.hAlign);
  if (hAligns) all.setHorizontalAlignments(hAligns);
  const vAligns = paint<"top" | "middle" | "bottom" | null>(spec, size, null, (s) => s.vAlign);
  if (vAligns) all.setVerticalAlignments(vAligns);
  if (spec.notes.length) {
    const notes = grid<string | null>(size.rows, size.cols, null);
    for (const n of spec.notes) {
      const { row, col } = parseA1(n.cell);
      notes[row]![col] = n.text;
    }
    all.setNotes(notes);
  }

  const bordered = spec.styles.filter((s) => s.border).map((s) => s.range);
  if (bordered.length)
    sheet.getRangeList(bordered).setBorder(true, true, true, true, true, true, BORDER_COLOUR, null);
  for (const m of merges) {
    const r = range(m.a1);
    if (m.across) r.mergeAcross();
    else r.merge();
  }
  for (const [start, count, px] of widthRuns(spec.columnWidths)) sheet.setColumnWidths(start, count, px);
  if (marker) sheet.hideColumns(size.cols);
  if (spec.frozenRows > 0) sheet.setFrozenRows(spec.frozenRows);
  if (spec.tabColor) sheet.setTabColor(spec.tabColor);

  if (spec.checkboxes.length) sheet.getRangeList(spec.checkboxes).insertCheckboxes();
  for (const v of spec.validations)
    range(v.range).setDataValidation(
      app.newDataValidation().requireValueInList(v.list, true).setAllowInvalid(!v.strict).build(),
    );
  if (spec.conditionalFormats.length)
    sheet.setConditionalFormatRules(
      spec.conditionalFormats.map((c) => {
        const b = app.newConditionalFormatRule().whenFormulaSatisfied(c.formula).setBackground(c.fill);
        if (c.fontColor) b.setFontColor(c.fontColor);
        return b.setRanges([range(c.range)]).build();
      }),
    );
  for (const p of spec.protectedRanges)
    range(p.range).protect().setDescription(p.description).setWarningOnly(true);
  for (const c of spec.charts) {
    const anchor = parseA1(c.anchor);
    let b = sheet.newChart();
    b = c.kind === "bar" ? b.asBarChart() : b.asColumnChart();
    if (c.kind === "stackedColumn") {
      // As in Excel and the command line: zones (rows) are the series, one bar per checkpoint, each
      // zone in its own colour (the fill of its name cell). Without these Sheets made one series per
      // checkpoint in its default palette.
      b = b.setOption("isStacked", true).setTransposeRowsAndColumns(true);
      const colours = seriesColours(spec, c);
      if (colours.every((x) => x !== undefined)) b = b.setOption("colors", colours);
    }
    const chart = b
      .addRange(range(c.dataRange))
      .setPosition(anchor.row + 1, anchor.col + 1, 0, 0)
      .setOption("title", c.title)
      .setOption("width", c.widthPx)
      .setOption("height", c.heightPx)
      .build();
    sheet.insertChart(chart);
  }
  // Plain text Sheets never parses (it starts with a letter), so no apostrophe.
  if (marker && markerA1) range(markerA1).setValues([[marker]]);
}

/** Raised when insertSheet itself failed, so nothing was created (a name clash, most likely). */
export class InsertFailed extends Error {
  constructor(
    readonly sheetName: string,
    readonly error: unknown,
  ) {
    super(error instanceof Error ? error.message : String(error));
    this.name = "InsertFailed";
  }
}

export interface WriteOptions {
  /**
   * The spreadsheet's id, stored in the marker of tabs the roll-up owns (see markerText). Pass it
   * for summary, chart and trust tabs.
   */
  bookId?: string;
}

/**
 * Insert a new tab at `index` (0-based) named `name` (default spec.name) and write the spec into it.
 * When `name` differs from spec.name the tab is being built under a temporary name; the caller renames it.
 * If any call fails the half-written tab is deleted (when the host still answers) and the error
 * rethrown; if insertSheet itself fails, InsertFailed.
 */
export function writeSheet(
  app: GSpreadsheetApp,
  ss: GSpreadsheet,
  spec: SheetSpec,
  index: number,
  name: string = spec.name,
  opts: WriteOptions = {},
): GSheet {
  let sheet: GSheet;
  try {
    sheet = ss.insertSheet(name, index);
  } catch (e) {
    throw new InsertFailed(name, e);
  }
  try {
    fill(app, sheet, spec, markerText(spec, opts.bookId));
  } catch (e) {
    try {
      ss.deleteSheet(sheet);
    } catch {
      // The host has stopped answering: the tab stays, unmarked, so nothing takes it for a finished one.
    }
    throw e;
  }
  return sheet;
}

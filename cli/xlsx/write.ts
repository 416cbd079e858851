/**
 * Writes core's SheetSpec into an ExcelJS workbook as one new worksheet: values, formulas, styles,
 * merges, widths, frozen rows, tick boxes, drop-downs, conditional formats, notes, tab colour, the
 * hidden marker (meta.ts) and charts (queued on the Book; chart.ts adds them at save).
 *
 * What it does not do, and why:
 * - Strings are always stored as text (shared strings), even "=HYPERLINK(...)", "+1" or "@SUM(A1)":
 *   only spec.formulas become formulas, so a staff name can never run as one.
 * - Tick boxes: .xlsx has no tick box that Excel, LibreOffice and Sheets all read (Excel 365's
 *   in-cell checkbox is a recent extension the others ignore), so a tick box is a TRUE/FALSE boolean
 *   with a TRUE,FALSE drop-down; the conditional formats still colour the cells by the rule.
 * - Warning-only protected ranges are skipped: .xlsx sheet protection is all-or-nothing (a
 *   protected sheet refuses edits; there is no "warn, then allow"), so it would lock people out.
 */
import type ExcelJS from "exceljs";
import { parseA1, parseRange } from "../../core/a1.js";
import { LadderError } from "../../core/errors.js";
import { formatMarker, specExtent, type SheetSpec, type Style } from "../../core/sheet.js";
import type { Book } from "./book.js";
import { chartMetaText } from "./meta.js";

/** Excel column width is in characters of the default font (about 7 px each at Calibri 11). */
export function pxToWidth(px: number): number {
  return Math.round((px / 7) * 100) / 100;
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function forEachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const r = parseRange(range);
  for (let row = r.row; row < r.row + r.rows; row++)
    for (let col = r.col; col < r.col + r.cols; col++) fn(ws.getCell(row + 1, col + 1));
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };

/** `style` with one Style applied on top (later styles win per property); `style` is not changed. */
function withStyle(style: Partial<ExcelJS.Style>, s: Style): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = { ...style };
  if (
    s.bold !== undefined ||
    s.italic !== undefined ||
    s.fontSize !== undefined ||
    s.fontColor !== undefined
  ) {
    const font: Partial<ExcelJS.Font> = { ...out.font };
    if (s.bold !== undefined) font.bold = s.bold;
    if (s.italic !== undefined) font.italic = s.italic;
    if (s.fontSize !== undefined) font.size = s.fontSize;
    if (s.fontColor !== undefined) font.color = { argb: argb(s.fontColor) };
    out.font = font;
  }
  if (s.fill !== undefined) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.wrap !== undefined || s.hAlign !== undefined || s.vAlign !== undefined) {
    const al: Partial<ExcelJS.Alignment> = { ...out.alignment };
    if (s.wrap !== undefined) al.wrapText = s.wrap;
    if (s.hAlign !== undefined) al.horizontal = s.hAlign;
    if (s.vAlign !== undefined) al.vertical = s.vAlign;
    out.alignment = al;
  }
  if (s.border) out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.numberFormat !== undefined) out.numFmt = s.numberFormat;
  return out;
}

/**
 * Style objects shared by the cells of one sheet: (style before, Style applied) -> style after.
 *
 * ExcelJS gives each new cell its own style object, and its writer, which remembers the style
 * objects it has already numbered, would otherwise render every cell's font, border and fill to
 * XML to find its style id (most of the cost of saving the summary tabs). So cells with the same
 * styling history get one object, as ExcelJS itself does for a file it loads. The saved file is the
 * same. A shared object is never changed: every styling step here makes a new one.
 */
type StyleMemo = Map<Partial<ExcelJS.Style>, Map<Style, Partial<ExcelJS.Style>>>;
const NO_STYLE: Partial<ExcelJS.Style> = {};

function isEmptyStyle(style: object): boolean {
  for (const _ in style) return false;
  return true;
}

/**
 * Finish the sharing: cells whose styles came by different routes but are equal get one object too
 * (one JSON key per distinct object, not per cell). Run last: nothing changes a style after it.
 */
function shareEqualStyles(ws: ExcelJS.Worksheet): void {
  const canonical = new Map<object, Partial<ExcelJS.Style>>();
  const byKey = new Map<string, Partial<ExcelJS.Style>>();
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      if (!cell) continue;
      const style = cell.style;
      let shared = canonical.get(style);
      if (shared === undefined) {
        const key = JSON.stringify(style);
        shared = byKey.get(key);
        if (shared === undefined) byKey.set(key, (shared = style));
        canonical.set(style, shared);
      }
      if (shared !== style) cell.style = shared;
    }
  }
}

/** Apply one style to a cell, keeping what earlier styles set (later styles win per property). */
function applyStyle(cell: ExcelJS.Cell, s: Style, memo: StyleMemo): void {
  const current = cell.style as Partial<ExcelJS.Style> | undefined;
  const before = current === undefined || isEmptyStyle(current) ? NO_STYLE : current;
  let byStyle = memo.get(before);
  if (!byStyle) memo.set(before, (byStyle = new Map<Style, Partial<ExcelJS.Style>>()));
  let after = byStyle.get(s);
  if (!after) byStyle.set(s, (after = withStyle(before, s)));
  cell.style = after;
}

function stripEquals(formula: string): string {
  return formula.replace(/^\s*=/, "");
}

const DEFAULT_COL_PX = 64;
const DEFAULT_ROW_PT = 15;
const BOOLEAN_FORMAT = '"TRUE";"TRUE";"FALSE"';
/**
 * A tick box is centred, with a number format that shows TRUE/FALSE: LibreOffice stores booleans as
 * numbers and, for some cells, shows them as 1/0 unless the format says otherwise; Excel and Sheets
 * ignore number formats on booleans.
 */
const TICK_BOX: Style = { range: "", hAlign: "center", numberFormat: BOOLEAN_FORMAT };

/**
 * Row heights for wrapped text. Excel does not grow a row to fit wrapped text when it opens a file
 * (and never for merged cells), so long instructions and statements would be cut off: estimate the
 * lines each wrapped cell needs from its (merged) width and set the row height from that.
 */
function fitWrappedRows(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  const widthPx = (col: number): number => spec.columnWidths[col] ?? DEFAULT_COL_PX;
  const merges = new Map(
    spec.merges.map((m) => {
      const r = parseRange(m);
      return [`${r.row}:${r.col}`, r] as const;
    }),
  );
  const need = new Map<number, number>(); // 1-based row -> points
  const tall: { first: number; count: number; points: number }[] = [];
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (!cell.alignment?.wrapText || typeof cell.value !== "string") return;
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const m = merges.get(`${r - 1}:${c - 1}`);
      let px = 0;
      for (let k = c - 1; k < c - 1 + (m?.cols ?? 1); k++) px += widthPx(k);
      const size = cell.font?.size ?? 11;
      const perLine = Math.max(1, Math.floor((px - 6) / (size * 0.6)));
      const lines = cell.value
        .split("\n")
        .reduce((n, p) => n + Math.max(1, Math.ceil(p.length / perLine)), 0);
      const points = lines * size * 1.25 + 3;
      // A cell merged down several rows shares its height among them (settled below).
      if (m && m.rows > 1) tall.push({ first: r, count: m.rows, points });
      else need.set(r, Math.max(need.get(r) ?? DEFAULT_ROW_PT, points));
    });
  });
  for (const t of tall) {
    let have = 0;
    for (let k = 0; k < t.count; k++) have += need.get(t.first + k) ?? DEFAULT_ROW_PT;
    if (t.points <= have) continue;
    const extra = (t.points - have) / t.count;
    for (let k = 0; k < t.count; k++)
      need.set(t.first + k, (need.get(t.first + k) ?? DEFAULT_ROW_PT) + extra);
  }
  for (const [r, points] of need) if (points > DEFAULT_ROW_PT) ws.getRow(r).height = Math.ceil(points);
}

/**
 * Add `spec` as a new worksheet of `book`. Throws LadderError("tab-exists") when a tab of that name
 * (ignoring case) is already there: replacing a tab is the caller's explicit decision (removeTab).
 */
export function writeSheet(book: Book, spec: SheetSpec): ExcelJS.Worksheet {
  const wb = book.workbook;
  if (wb.worksheets.some((w) => w.name.toLowerCase() === spec.name.toLowerCase()))
    throw new LadderError("tab-exists", `A tab called '${spec.name}' already exists.`);
  const ws = wb.addWorksheet(spec.name);

  spec.values.forEach((row, r) =>
    row.forEach((v, c) => {
      // Strings are assigned as plain values: ExcelJS stores them as shared strings, never formulas.
      if (v !== null && v !== "") ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  for (const f of spec.formulas) {
    const { row, col } = parseA1(f.cell);
    const cell = ws.getCell(row + 1, col + 1);
    // A value core also put in the same cell is the formula's cached result, so readers that do not
    // recalculate (ours, a preview) still see it.
    const cached = spec.values[row]?.[col];
    cell.value =
      cached === null || cached === undefined || cached === ""
        ? { formula: stripEquals(f.formula) }
        : { formula: stripEquals(f.formula), result: cached };
  }
  const memo: StyleMemo = new Map();
  for (const s of spec.styles) forEachCell(ws, s.range, (cell) => applyStyle(cell, s, memo));
  for (const m of spec.merges) ws.mergeCells(m);
  spec.columnWidths.forEach((px, i) => {
    if (px > 0) ws.getColumn(i + 1).width = pxToWidth(px);
  });
  fitWrappedRows(ws, spec);
  // Printing: A4, one page wide, as many pages tall as needed.
  const widthPx = Array.from(
    { length: specExtent(spec).cols },
    (_, i) => spec.columnWidths[i] ?? DEFAULT_COL_PX,
  );
  const wide = widthPx.reduce((a, b) => a + b, 0) > 900; // wider than a portrait A4 page holds legibly
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4: schools in England print on A4, and the default is the writer's (US Letter)
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    orientation: wide ? "landscape" : "portrait",
  };
  if (spec.frozenRows > 0) ws.views = [{ state: "frozen", ySplit: spec.frozenRows, xSplit: 0 }];

  for (const range of spec.checkboxes)
    forEachCell(ws, range, (cell) => {
      if (typeof cell.value !== "boolean") cell.value = false;
      cell.dataValidation = { type: "list", allowBlank: true, formulae: ['"TRUE,FALSE"'] };
      applyStyle(cell, TICK_BOX, memo);
    });
  for (const v of spec.validations) {
    const formula = `"${v.list.map((x) => x.replace(/"/g, '""')).join(",")}"`;
    forEachCell(ws, v.range, (cell) => {
      cell.dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorStyle: v.strict ? "stop" : "warning",
      };
    });
  }
  spec.conditionalFormats.forEach((cf, i) => {
    const font: Partial<ExcelJS.Font> | undefined = cf.fontColor
      ? { color: { argb: argb(cf.fontColor) } }
      : undefined;
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [stripEquals(cf.formula)],
          // A differential (dxf) solid fill takes its colour from bgColor, not fgColor.
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
            ...(font ? { font } : {}),
          },
        },
      ],
    });
  });
  // spec.protectedRanges: deliberately not written (see the header).
  for (const n of spec.notes) ws.getCell(n.cell).note = n.text;
  if (spec.tabColor) ws.properties.tabColor = { argb: argb(spec.tabColor) };

  const metaCol = specExtent(spec).cols + 2; // 1-based: one empty column between content and metadata
  const metaTexts = [
    ...(spec.marker ? [formatMarker(spec.marker)] : []),
    ...spec.charts.map((c) => chartMetaText(c)),
  ];
  if (metaTexts.length > 0) {
    metaTexts.forEach((t, i) => (ws.getCell(i + 1, metaCol).value = t));
    ws.getColumn(metaCol).hidden = true;
  }
  shareEqualStyles(ws);
  if (spec.charts.length > 0) {
    const fills = fillGrid(spec);
    for (const chart of spec.charts)
      book.charts.push({ sheetName: spec.name, spec: chart, values: spec.values, fills });
  }
  return ws;
}

/** The fill each cell ends up with, from the spec's styles (later styles win). */
function fillGrid(spec: SheetSpec): (string | null)[][] {
  const grid: (string | null)[][] = [];
  for (const s of spec.styles) {
    if (s.fill === undefined) continue;
    const r = parseRange(s.range);
    for (let row = r.row; row < r.row + r.rows; row++)
      for (let col = r.col; col < r.col + r.cols; col++) (grid[row] ??= [])[col] = s.fill;
  }
  return Array.from(grid, (row) => Array.from(row ?? [], (f) => f ?? null));
}

/** Remove a tab (by exact name) and its queued charts; true when there was one. */
export function removeTab(book: Book, name: string): boolean {
  const ws = book.workbook.getWorksheet(name);
  if (!ws) return false;
  book.workbook.removeWorksheet(ws.id);
  book.charts = book.charts.filter((c) => c.sheetName !== name);
  return true;
}

/**
 * Writing core's SheetSpecs as new worksheets, every tab of a request in ONE sync (more only when
 * the estimated request passes the payload limit): values, text formats, styles, merges, widths,
 * frozen rows, tick boxes, drop-downs, conditional formats, protection, charts and the hidden
 * marker. The planning (what to write where) is pure and exported; queueSheet only replays it.
 *
 * Decisions, and why:
 * - Text stays text: Excel reads a value starting "=", "+" or "-" as a formula (and "@", "1/2" or
 *   "007" as something else), so every string cell gets number format "@" (Text) in the same batch,
 *   BEFORE its value; only spec.formulas become formulas.
 * - Marker: a text cell in a hidden column right of the content (row 1: the marker, below it one
 *   "ladder-sheets-chart:{json}" per chart), the same cells the command line writes, so one
 *   workbook reads the same in both, and the marker comes back with the values (no extra sync).
 *   A renamed, moved or copied sheet keeps it. Worksheet custom properties would need ExcelApi 1.12
 *   and a workbook-level map keyed by sheet id would not survive a copy to another workbook.
 * - Tick boxes: TRUE/FALSE cells with a strict TRUE,FALSE drop-down (works from ExcelApi 1.8, and in
 *   every other program that opens the file); where the host has ExcelApi 1.18 they become in-cell
 *   checkboxes (Range.control) instead. The values are booleans either way, so reading is the same.
 * - Protection: Excel protects whole sheets, so every cell is unlocked, the spec's protected ranges
 *   (statements) are locked, and the sheet is protected WITHOUT a password while still allowing
 *   cell formatting (people colour the checkpoint cells). Review > Unprotect Sheet lifts it in one
 *   click: the nearest Excel has to Google Sheets' "warning only" protection.
 * - Notes (each level's name and examples, the year record's guidance) are written only where the
 *   host has ExcelApi 1.18 (Worksheet.notes); the manifest asks for 1.9, and older hosts show the
 *   tab without them (comments, ExcelApi 1.10, are threaded conversations, not notes).
 */
import { a1, columnLetters, parseRange, quoteTab } from "../core/a1.js";
import {
  formatMarker,
  printLayout,
  seriesColours,
  specExtent,
  type CellValue,
  type ChartSpec,
  type SheetSpec,
  type Style,
} from "../core/sheet.js";
import { BASE_CAPS, type HostCaps, type XContext, type XRange, type XWorksheet } from "./excel-port.js";

export const PX_TO_PT = 0.75;
export const CHART_META_PREFIX = "ladder-sheets-chart:";
const BORDER = "#BFBFBF";

const CHART_TYPE = {
  column: "ColumnClustered",
  bar: "BarClustered",
  stackedColumn: "ColumnStacked",
} as const;
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

export const PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowInsertColumns: false,
  allowInsertRows: false,
  allowInsertHyperlinks: false,
  allowSort: false,
  allowEditObjects: true,
};

/** The metadata texts of a spec, top to bottom: marker first, then one per chart. */
export function metaTexts(spec: SheetSpec): string[] {
  return [
    ...(spec.marker ? [formatMarker(spec.marker)] : []),
    ...spec.charts.map((c) => CHART_META_PREFIX + JSON.stringify(c)),
  ];
}

/**
 * The value grid to send and its number formats: strings get "@" (Text) so Excel stores them
 * exactly as given; empty cells are written as "".
 */
export function textSafeGrid(spec: SheetSpec): {
  values: (string | number | boolean)[][];
  numberFormat: string[][];
} {
  const width = Math.max(1, ...spec.values.map((r) => r.length));
  const formats = new Map<string, string>();
  for (const s of spec.styles) {
    if (s.numberFormat === undefined) continue;
    const p = parseRange(s.range);
    for (let r = p.row; r < p.row + p.rows; r++)
      for (let c = p.col; c < p.col + p.cols; c++) formats.set(`${r},${c}`, s.numberFormat);
  }
  const values = spec.values.map((row) =>
    Array.from({ length: width }, (_, c): string | number | boolean => row[c] ?? ""),
  );
  const numberFormat = values.map((row, r) =>
    row.map((v: CellValue, c) =>
      typeof v === "string" && v !== "" ? "@" : (formats.get(`${r},${c}`) ?? "General"),
    ),
  );
  return { values, numberFormat };
}

/** Estimated request bytes for writing a spec (the data it carries plus a little per operation). */
export function writeBytes(spec: SheetSpec, caps: HostCaps = BASE_CAPS): number {
  const grid = textSafeGrid(spec);
  const ops =
    spec.styles.length * 6 +
    spec.merges.length +
    spec.columnWidths.length +
    spec.formulas.length +
    spec.validations.length +
    spec.conditionalFormats.length * 3 +
    spec.charts.length * 8 +
    20;
  return (
    JSON.stringify(grid.values).length +
    JSON.stringify(grid.numberFormat).length +
    JSON.stringify(spec.formulas).length +
    (caps.notes ? JSON.stringify(spec.notes).length + spec.notes.length * 200 : 0) +
    ops * 200
  );
}

function applyStyle(range: XRange, s: Style): void {
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.fontSize !== undefined) f.font.size = s.fontSize;
  if (s.fontColor !== undefined) f.font.color = s.fontColor;
  if (s.fill !== undefined) f.fill.color = s.fill;
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.hAlign !== undefined) f.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign !== undefined) f.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.border) {
    const p = parseRange(s.range);
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
    const inside = [
      ...(p.rows > 1 ? (["InsideHorizontal"] as const) : []),
      ...(p.cols > 1 ? (["InsideVertical"] as const) : []),
    ];
    for (const e of [...edges, ...inside]) {
      const b = f.borders.getItem(e);
      b.style = "Continuous";
      b.color = BORDER;
    }
  }
}

function addChart(sheet: XWorksheet, spec: SheetSpec, c: ChartSpec): void {
  const chart = sheet.charts.add(
    CHART_TYPE[c.kind],
    sheet.getRange(c.dataRange),
    c.kind === "stackedColumn" ? "Rows" : "Columns",
  );
  chart.title.text = c.title;
  chart.setPosition(c.anchor);
  chart.width = c.widthPx * PX_TO_PT;
  chart.height = c.heightPx * PX_TO_PT;
  seriesColours(spec, c).forEach((colour, i) => {
    if (colour) chart.series.getItemAt(i).format.fill.setSolidColor(colour);
  });
}

/** Queue every operation that writes `spec` as a new worksheet; nothing is sent until sync. */
export function queueSheet(ctx: XContext, spec: SheetSpec, caps: HostCaps): XWorksheet {
  const sheet = ctx.workbook.worksheets.add(spec.name);
  const grid = textSafeGrid(spec);
  if (grid.values.length > 0) {
    const all = sheet.getRange(`A1:${a1(grid.values.length - 1, grid.values[0]!.length - 1)}`);
    all.numberFormat = grid.numberFormat;
    all.values = grid.values;
  }
  for (const f of spec.formulas) sheet.getRange(f.cell).formulas = [[f.formula]];
  // Links to other tabs (the summary's to-do list): queued with the rest, no extra sync.
  for (const l of spec.links ?? [])
    sheet.getRange(l.cell).hyperlink = {
      documentReference: `${quoteTab(l.tab)}!${l.at ?? "A1"}`,
      textToDisplay: l.tab,
    };
  for (const s of spec.styles) applyStyle(sheet.getRange(s.range), s);
  for (const m of spec.merges) sheet.getRange(m).merge(false);
  spec.columnWidths.forEach(
    (px, c) => (sheet.getRange(`${columnLetters(c)}1`).format.columnWidth = px * PX_TO_PT),
  );
  if (spec.frozenRows > 0) sheet.freezePanes.freezeRows(spec.frozenRows);
  for (const r of spec.checkboxes) {
    const range = sheet.getRange(r);
    if (caps.checkboxControl) range.control = { type: "Checkbox" } as unknown as Excel.CellControl;
    else {
      range.dataValidation.rule = { list: { inCellDropDown: true, source: "TRUE,FALSE" } };
      range.dataValidation.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: "Tick box",
        message: "Choose TRUE (ticked) or FALSE (not ticked).",
      };
    }
  }
  for (const v of spec.validations) {
    const range = sheet.getRange(v.range);
    range.dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: v.strict ? "Stop" : "Warning",
      title: "Pick from the list",
      message: `Choose one of: ${v.list.join(", ")}.`,
    };
  }
  for (const cf of spec.conditionalFormats) {
    const rule = sheet.getRange(cf.range).conditionalFormats.add("Custom");
    rule.custom.rule.formula = cf.formula;
    rule.custom.format.fill.color = cf.fill;
    if (cf.fontColor) rule.custom.format.font.color = cf.fontColor;
  }
  const meta = metaTexts(spec);
  if (meta.length > 0) {
    const col = specExtent(spec).cols + 1; // one empty column between the content and the metadata
    const range = sheet.getRange(`${a1(0, col)}:${a1(meta.length - 1, col)}`);
    range.numberFormat = meta.map(() => ["@"]);
    range.values = meta.map((t) => [t]);
    sheet.getRange(a1(0, col)).columnHidden = true;
  }
  for (const c of spec.charts) addChart(sheet, spec, c);
  if (spec.tabColor) sheet.tabColor = spec.tabColor;
  if (caps.notes) for (const n of spec.notes) sheet.notes.add(n.cell, n.text);
  // Printing as the .xlsx writer does: A4, one page wide, as many pages tall as needed.
  const print = printLayout(spec);
  sheet.pageLayout.paperSize = print.paper;
  sheet.pageLayout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  // Width only (as in OfficeDev/office-js#1860): a page count tall is left to Excel, never 0.
  sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
  if (spec.protectedRanges.length > 0) {
    sheet.getRange().format.protection.locked = false;
    for (const p of spec.protectedRanges) sheet.getRange(p.range).format.protection.locked = true;
    sheet.protection.protect(PROTECTION);
  }
  return sheet;
}

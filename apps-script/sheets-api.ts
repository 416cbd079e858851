/**
 * Core's SheetSpec as Sheets API (v4) requests, and a Sheets API spreadsheet back as core's
 * TabSnapshots: the translation for person files, which the add-on writes and reads through the
 * advanced Sheets service (one batchUpdate to write a whole tab, one get to read it), because
 * SpreadsheetApp cannot open another file under the `drive.file` scope.
 *
 * The written tab matches what write.ts makes with SpreadsheetApp for what a staff tab uses: values
 * (text always as text), formulas, fills and text styles, borders, merges, column widths, frozen
 * rows, drop-downs and tick boxes, tick-box colour rules, warning-only protection, notes, and the
 * hidden marker cell one empty column right of the content. Charts are not written (staff tabs
 * have none; the summary's chart is written in the leaders' file by SpreadsheetApp).
 *
 * Reference: https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request
 */
import { a1Range, parseRange } from "../core/a1.js";
import { formatMarker, specExtent, type CellValue, type SheetSpec, type TabSnapshot } from "../core/sheet.js";
import { normaliseFill, splitMarkerCells } from "./adapter.js";
import type { SheetsCellData, SheetsColor, SheetsRequest, SheetsSchema } from "./advanced.js";

/**
 * What a roll-up asks for: each tab's title, and per cell its value and its own fill (not a
 * conditional format's colour, as SpreadsheetApp's getBackgrounds).
 */
export const READ_FIELDS =
  "sheets(properties(title,sheetId),data(rowData(values(effectiveValue,formattedValue,userEnteredFormat/backgroundColorStyle))))";

/** '#rrggbb' -> the API's 0..1 colour. */
export function apiColor(hex: string): SheetsColor {
  const n = parseInt(hex.replace(/^#/, ""), 16);
  return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 };
}

/** The API's colour -> '#rrggbb' (a missing component is 0, as the API documents). */
export function hexColor(c: SheetsColor | undefined | null): string | null {
  if (!c) return null;
  const h = (v: number | undefined): string =>
    Math.round(Math.min(1, Math.max(0, v ?? 0)) * 255)
      .toString(16)
      .padStart(2, "0");
  return `#${h(c.red)}${h(c.green)}${h(c.blue)}`;
}

function gridRange(sheetId: number, a1: string): GoogleAppsScript.Sheets.Schema.GridRange {
  const r = parseRange(a1);
  return {
    sheetId,
    startRowIndex: r.row,
    endRowIndex: r.row + r.rows,
    startColumnIndex: r.col,
    endColumnIndex: r.col + r.cols,
  };
}

function cells(a1: string, each: (row: number, col: number) => void): void {
  const r = parseRange(a1);
  for (let i = r.row; i < r.row + r.rows; i++) for (let j = r.col; j < r.col + r.cols; j++) each(i, j);
}

const H_ALIGN = { left: "LEFT", center: "CENTER", right: "RIGHT" } as const;
const V_ALIGN = { top: "TOP", middle: "MIDDLE", bottom: "BOTTOM" } as const;
const THIN = { style: "SOLID", color: { red: 0, green: 0, blue: 0 } };

function userValue(v: CellValue): GoogleAppsScript.Sheets.Schema.ExtendedValue | undefined {
  if (v === null || v === "") return undefined;
  if (typeof v === "number") return { numberValue: v };
  if (typeof v === "boolean") return { boolValue: v };
  // stringValue is never parsed: "=x" stays text, as core requires.
  return { stringValue: v };
}

/** The whole grid (content, one empty column, the marker column) as CellData rows. */
function cellGrid(spec: SheetSpec, rows: number, cols: number, marker: string | null): SheetsCellData[][] {
  const grid: SheetsCellData[][] = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => ({})),
  );
  const at = (r: number, c: number): SheetsCellData => grid[r]![c]!;
  const fmt = (r: number, c: number): GoogleAppsScript.Sheets.Schema.CellFormat =>
    (at(r, c).userEnteredFormat ??= {});
  spec.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const value = userValue(v);
      if (value) at(r, c).userEnteredValue = value;
    }),
  );
  for (const f of spec.formulas)
    cells(f.cell, (r, c) => (at(r, c).userEnteredValue = { formulaValue: f.formula }));
  for (const s of spec.styles)
    cells(s.range, (r, c) => {
      const f = fmt(r, c);
      if (s.fill !== undefined) f.backgroundColorStyle = { rgbColor: apiColor(s.fill) };
      if (
        s.bold !== undefined ||
        s.italic !== undefined ||
        s.fontSize !== undefined ||
        s.fontColor !== undefined
      ) {
        f.textFormat ??= {};
        if (s.bold !== undefined) f.textFormat.bold = s.bold;
        if (s.italic !== undefined) f.textFormat.italic = s.italic;
        if (s.fontSize !== undefined) f.textFormat.fontSize = s.fontSize;
        if (s.fontColor !== undefined)
          f.textFormat.foregroundColorStyle = { rgbColor: apiColor(s.fontColor) };
      }
      if (s.wrap !== undefined) f.wrapStrategy = s.wrap ? "WRAP" : "OVERFLOW_CELL";
      if (s.hAlign) f.horizontalAlignment = H_ALIGN[s.hAlign];
      if (s.vAlign) f.verticalAlignment = V_ALIGN[s.vAlign];
      if (s.border) f.borders = { top: THIN, bottom: THIN, left: THIN, right: THIN };
      if (s.numberFormat) f.numberFormat = { type: "NUMBER", pattern: s.numberFormat };
    });
  for (const n of spec.notes) cells(n.cell, (r, c) => (at(r, c).note = n.text));
  for (const v of spec.validations)
    cells(v.range, (r, c) => {
      at(r, c).dataValidation = {
        condition: { type: "ONE_OF_LIST", values: v.list.map((userEnteredValue) => ({ userEnteredValue })) },
        strict: v.strict,
        showCustomUi: true,
      };
    });
  for (const box of spec.checkboxes)
    cells(box, (r, c) => {
      at(r, c).dataValidation = { condition: { type: "BOOLEAN" } };
      at(r, c).userEnteredValue ??= { boolValue: false };
    });
  if (marker !== null) at(0, cols - 1).userEnteredValue = { stringValue: marker };
  return grid;
}

/**
 * The requests that turn a new spreadsheet's first sheet (`sheetId`) into the spec's tab, for ONE
 * batchUpdate: its title, size and frozen rows, every cell at once, merges, column widths, the
 * hidden marker column, colour rules and protection.
 * @example specRequests(ladderSpec, 0).length // a constant for a template, whatever the person
 */
export function specRequests(spec: SheetSpec, sheetId: number): SheetsRequest[] {
  const content = specExtent(spec);
  const marker = spec.marker ? formatMarker(spec.marker) : null;
  const rows = Math.max(content.rows, 1);
  const cols = marker ? content.cols + 2 : Math.max(content.cols, 1);
  const requests: SheetsRequest[] = [
    {
      updateSheetProperties: {
        properties: {
          sheetId,
          title: spec.name,
          gridProperties: {
            rowCount: Math.max(rows, 100),
            columnCount: cols,
            frozenRowCount: spec.frozenRows,
          },
          ...(spec.tabColor ? { tabColor: apiColor(spec.tabColor) } : {}),
        },
        fields: `title,gridProperties(rowCount,columnCount,frozenRowCount)${spec.tabColor ? ",tabColor" : ""}`,
      },
    },
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: cellGrid(spec, rows, cols, marker).map((values) => ({ values })),
        fields: "userEnteredValue,userEnteredFormat,note,dataValidation",
      },
    },
    ...spec.merges.map((m) => ({ mergeCells: { range: gridRange(sheetId, m), mergeType: "MERGE_ALL" } })),
    ...spec.columnWidths.map((pixelSize, i) => ({
      updateDimensionProperties: {
        range: { sheetId, dimension: "COLUMNS", startIndex: i, endIndex: i + 1 },
        properties: { pixelSize },
        fields: "pixelSize",
      },
    })),
    ...spec.conditionalFormats.map((cf, index) => ({
      addConditionalFormatRule: {
        index,
        rule: {
          ranges: [gridRange(sheetId, cf.range)],
          booleanRule: {
            condition: {
              type: "CUSTOM_FORMULA",
              values: [{ userEnteredValue: `=${cf.formula.replace(/^=/, "")}` }],
            },
            format: {
              backgroundColorStyle: { rgbColor: apiColor(cf.fill) },
              ...(cf.fontColor
                ? { textFormat: { foregroundColorStyle: { rgbColor: apiColor(cf.fontColor) } } }
                : {}),
            },
          },
        },
      },
    })),
    ...spec.protectedRanges.map((p) => ({
      addProtectedRange: {
        protectedRange: { range: gridRange(sheetId, p.range), description: p.description, warningOnly: true },
      },
    })),
  ];
  if (marker)
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: "COLUMNS", startIndex: cols - 1, endIndex: cols },
        properties: { hiddenByUser: true },
        fields: "hiddenByUser",
      },
    });
  return requests;
}

function cellValue(cell: SheetsCellData): CellValue {
  const v = cell.effectiveValue;
  if (v?.stringValue !== undefined) return v.stringValue;
  if (v?.numberValue !== undefined) return v.numberValue;
  if (v?.boolValue !== undefined) return v.boolValue;
  return cell.formattedValue ?? null;
}

function cellFill(cell: SheetsCellData): string | null {
  const f = cell.userEnteredFormat;
  const rgb = f?.backgroundColorStyle?.rgbColor;
  return normaliseFill(hexColor(rgb));
}

/**
 * A spreadsheet read with READ_FIELDS as core's snapshots, one per tab, each with its marker cell
 * taken out of the values (as adapter.ts does for SpreadsheetApp).
 */
export function snapshotsOf(ss: SheetsSchema): TabSnapshot[] {
  return (ss.sheets ?? []).map((sheet) => {
    const rowData = sheet.data?.[0]?.rowData ?? [];
    const values = rowData.map((r) => (r.values ?? []).map(cellValue));
    const fills = rowData.map((r) => (r.values ?? []).map(cellFill));
    const split = splitMarkerCells(values, fills);
    return {
      name: sheet.properties?.title ?? "",
      values: split.values,
      fills: split.fills,
      marker: split.marker,
    };
  });
}

/** The A1 range of a spec's content (for messages and tests). */
export function contentRange(spec: SheetSpec): string {
  const e = specExtent(spec);
  return a1Range(0, 0, Math.max(e.rows, 1) - 1, Math.max(e.cols, 1) - 1);
}

/**
 * The workbook behind the fake Excel API (fake-excel.ts): plain data a test can inspect, colour and
 * compare, plus Excel's own rules where they bite: sheet names (31 characters, no []:*?/\, unique
 * ignoring case, not History), how a value written into a General cell is coerced (formula, number,
 * boolean) unless the cell is formatted as Text, and locked cells on a protected sheet.
 */
import { a1, parseRange, type CellRange } from "../../core/a1.js";

export type Value = string | number | boolean | null;

export interface FakeFill {
  color: string;
  pattern: NonNullable<Excel.CellPropertiesFill["pattern"]>;
  tintAndShade: number | null;
}

export interface CellState {
  value: Value;
  formula?: string;
  numberFormat?: string;
  fill?: FakeFill;
  style?: Record<string, unknown>;
  locked?: boolean;
  control?: string;
  hyperlink?: Excel.RangeHyperlink;
}

export interface ChartState {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  position?: string;
  width?: number;
  height?: number;
  seriesColours: Record<number, string>;
}

export interface SheetState {
  id: string;
  name: string;
  cells: Map<string, CellState>;
  merges: string[];
  conditionalFormats: { range: string; formula?: string; fill?: string; fontColor?: string }[];
  validations: { range: string; rule?: unknown; errorAlert?: unknown }[];
  charts: ChartState[];
  frozenRows: number;
  columnWidths: Record<number, number>;
  hiddenColumns: number[];
  protection: Excel.WorksheetProtectionOptions | null;
  /** Locked state of cells without their own (Excel's default: locked). */
  defaultLocked: boolean;
  tabColor: string;
  /** Cell notes (ExcelApi 1.18), by A1 address. */
  notes: Map<string, string>;
  /** Page layout as written (ExcelApi 1.9). */
  pageLayout: { paperSize?: unknown; orientation?: unknown; zoom?: unknown };
}

export interface WorkbookState {
  sheets: SheetState[];
  activeId: string;
  /** address: the first (active) area as JSON CellRange; areas: every area when several are selected. */
  selection: { sheetId: string; address: string; areas?: string[] } | null;
  nextId: number;
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export const NO_FILL: FakeFill = { color: "#FFFFFF", pattern: "None", tintAndShade: null };

export function key(row: number, col: number): string {
  return `${row},${col}`;
}

export function newSheet(state: WorkbookState, name: string): SheetState {
  checkName(state, name, null);
  const sheet: SheetState = {
    id: `{sheet-${state.nextId++}}`,
    name,
    cells: new Map(),
    merges: [],
    conditionalFormats: [],
    validations: [],
    charts: [],
    frozenRows: 0,
    columnWidths: {},
    hiddenColumns: [],
    protection: null,
    defaultLocked: true,
    tabColor: "",
    notes: new Map(),
    pageLayout: {},
  };
  state.sheets.push(sheet);
  return sheet;
}

export function checkName(state: WorkbookState, name: string, self: SheetState | null): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.toLowerCase() === "history")
    throw new FakeExcelError("InvalidArgument", `The sheet name '${name}' is not valid.`);
  if (state.sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase()))
    throw new FakeExcelError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
}

export function findSheet(state: WorkbookState, keyOrName: string): SheetState {
  const s = state.sheets.find((x) => x.id === keyOrName || x.name.toLowerCase() === keyOrName.toLowerCase());
  if (!s) throw new FakeExcelError("ItemNotFound", `No sheet '${keyOrName}'.`);
  return s;
}

export function cell(sheet: SheetState, row: number, col: number): CellState {
  let c = sheet.cells.get(key(row, col));
  if (!c) {
    c = { value: null };
    sheet.cells.set(key(row, col), c);
  }
  return c;
}

/** Every cell of a range (a whole-sheet range is not enumerable: callers handle it). */
export function cellsOf(range: CellRange): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (let r = range.row; r < range.row + range.rows; r++)
    for (let c = range.col; c < range.col + range.cols; c++) out.push({ row: r, col: c });
  return out;
}

/** What Excel stores when a value is written into a cell (Range.values), by its number format. */
export function writeValue(target: CellState, v: unknown): void {
  if (v === null || v === undefined) return; // null leaves the cell as it is
  delete target.formula;
  if (typeof v === "number" || typeof v === "boolean") {
    target.value = v;
    return;
  }
  const s = typeof v === "string" ? v : JSON.stringify(v);
  if (s === "") {
    target.value = null;
    return;
  }
  if (target.numberFormat === "@") {
    target.value = s;
    return;
  }
  if (/^[=+\-@]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s)) {
    target.formula = s.startsWith("=") ? s : `=${s.replace(/^@/, "")}`;
    target.value = "#FORMULA";
  } else if (/^[+-]?\d+(\.\d+)?$/.test(s.trim())) target.value = Number(s);
  else if (/^(true|false)$/i.test(s)) target.value = s.toLowerCase() === "true";
  else target.value = s;
}

/** The bounding box (from A1) of cells holding a value, or null when there are none. */
export function usedExtent(sheet: SheetState, valuesOnly: boolean): CellRange | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, c] of sheet.cells) {
    const used =
      c.value !== null ||
      c.formula !== undefined ||
      (!valuesOnly && (c.fill !== undefined || c.style !== undefined));
    if (!used) continue;
    const [r, col] = k.split(",").map(Number) as [number, number];
    top = Math.min(top, r);
    left = Math.min(left, col);
    bottom = Math.max(bottom, r);
    right = Math.max(right, col);
  }
  return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

export function isLocked(sheet: SheetState, row: number, col: number): boolean {
  return sheet.cells.get(key(row, col))?.locked ?? sheet.defaultLocked;
}

/** Test helper: a grid of a sheet's values from A1 to its last used cell ('' for empty). */
export function valuesGrid(sheet: SheetState): Value[][] {
  const ext = usedExtent(sheet, true);
  if (!ext) return [];
  return Array.from({ length: ext.row + ext.rows }, (_, r) =>
    Array.from({ length: ext.col + ext.cols }, (_, c) => sheet.cells.get(key(r, c))?.value ?? null),
  );
}

export function parseAddress(address: string): CellRange {
  return parseRange(address.replace(/^.*!/, ""));
}

export { a1 };

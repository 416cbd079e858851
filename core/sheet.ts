/**
 * A host-neutral description of a tab that core generates and hosts write in bulk, and the plain
 * snapshot hosts read back. Neither names any host API: Apps Script, Office.js and the .xlsx writer
 * each translate these into a constant number of calls.
 *
 * Coordinates are 0-based in grids; ranges and cells are A1 text ("B12", "C10:E84").
 * Strings in `values` are ALWAYS literal text, even when they start with "=", "+", "-" or "@":
 * hosts must store them as text (never as formulas). Formulas core wants live in `formulas`.
 */
import { parseRange } from "./a1.js";

export type CellValue = string | number | boolean | null;

/** Why a tab exists. Hosts find marked tabs by this; a renamed tab keeps its marker. */
export type TabRole = "staff" | "feedback" | "chart" | "summary" | "trust" | "register";

export interface Marker {
  templateId: string;
  version: number;
  role: TabRole;
  /** Ladder tabs: highest level generated. */
  upTo?: number;
  /** Ladder tabs: tick-box variant. */
  ticks?: boolean;
}

export interface Style {
  /** A1 range the style applies to. */
  range: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** '#rrggbb' */
  fontColor?: string;
  /** '#rrggbb' background fill */
  fill?: string;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  /** Thin border round every cell of the range. */
  border?: boolean;
  numberFormat?: string;
}

/**
 * Tick-box mode: colour a checkpoint cell by the ladder rule. `formula` is relative to the top-left
 * cell of `range` (as both Sheets and Excel expect for custom-formula rules); `when` says the same
 * thing structurally so core can evaluate it without a formula engine.
 */
export interface ConditionalFormat {
  range: string;
  formula: string;
  when: "ticked-unbroken" | "ticked-after-gap";
  fill: string;
  fontColor?: string;
}

export interface Validation {
  range: string;
  /** Allowed values (a drop-down). */
  list: string[];
  /** Reject other values (true) or only warn (false). */
  strict: boolean;
}

export interface ChartSpec {
  kind: "column" | "bar" | "stackedColumn";
  title: string;
  /** Data range including the header row and the category column. */
  dataRange: string;
  /** Top-left cell where the chart is placed. */
  anchor: string;
  widthPx: number;
  heightPx: number;
}

export interface SheetSpec {
  /** Desired tab name; already legal and unique for the target workbook when produced by planTabs. */
  name: string;
  marker: Marker | null;
  /** Rectangular grid of values: rows x cols. */
  values: CellValue[][];
  formulas: { cell: string; formula: string }[];
  styles: Style[];
  merges: string[];
  /** Column widths in pixels, from column A. */
  columnWidths: number[];
  frozenRows: number;
  /** Ranges whose cells are tick boxes (values true/false). */
  checkboxes: string[];
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  /** Ranges protected with a warning only (people can still edit after confirming). */
  protectedRanges: { range: string; description: string }[];
  notes: { cell: string; text: string }[];
  charts: ChartSpec[];
  /** Tab colour '#rrggbb', if any. */
  tabColor?: string;
  /**
   * Cells that link to another tab of the same workbook (a cell of it, A1 unless `at`), e.g. the summary's to-do
   * list naming a staff tab. The cell keeps its own value (the tab's name); the link is extra, so a
   * host that cannot make one (Google Sheets links go by sheet id, which core does not know) still
   * shows the name.
   */
  links?: { cell: string; tab: string; /** The cell to open (default A1). */ at?: string }[];
}

/**
 * Rows and columns a spec covers: its values, its column widths and every range or cell it names.
 * Each host sizes its bulk writes by it and puts the hidden marker one empty column to its right,
 * so the marker lands in the same column whichever host wrote the tab.
 * @example specExtent(emptySheet("x", 3, 2, null)) -> { rows: 3, cols: 2 }
 */
export function specExtent(spec: SheetSpec): { rows: number; cols: number } {
  let rows = spec.values.length;
  let cols = Math.max(spec.columnWidths.length, ...spec.values.map((r) => r.length), 0);
  const ranges = [
    ...spec.styles.map((s) => s.range),
    ...spec.merges,
    ...spec.checkboxes,
    ...spec.validations.map((v) => v.range),
    ...spec.conditionalFormats.map((c) => c.range),
    ...spec.protectedRanges.map((p) => p.range),
    ...spec.notes.map((n) => n.cell),
    ...spec.formulas.map((f) => f.cell),
    ...(spec.links ?? []).map((l) => l.cell),
    ...spec.charts.map((c) => c.dataRange),
  ];
  for (const a1 of ranges) {
    const r = parseRange(a1);
    rows = Math.max(rows, r.row + r.rows);
    cols = Math.max(cols, r.col + r.cols);
  }
  return { rows, cols };
}

/**
 * How a tab prints: on A4 (schools in England print on A4), one page wide, in landscape when its
 * columns are wider than a portrait page holds legibly (about 900 px at 100%). Hosts that can set a
 * page layout (the .xlsx writer, Excel) all use this, so a tab prints the same from each.
 * @example printLayout(ladderSpec).orientation === "landscape" // the ladder with the year record beside it
 */
export function printLayout(spec: SheetSpec): { paper: "A4"; orientation: "portrait" | "landscape" } {
  const cols = specExtent(spec).cols;
  let px = 0;
  for (let c = 0; c < cols; c++) px += spec.columnWidths[c] ?? 64;
  return { paper: "A4", orientation: px > 900 ? "landscape" : "portrait" };
}

/** What a host reads from one tab: enough for core to recognise, read and check it. */
export interface TabSnapshot {
  name: string;
  /** Displayed values, 0-based rows x cols; ragged rows allowed; '' and null both mean empty. */
  values: CellValue[][];
  /** Fill per cell as lower-case '#rrggbb', or null for no fill. Conditional-format colours are not fills. */
  fills: (string | null)[][];
  /** The hidden marker's text (see formatMarker), or null when the tab has none. */
  marker: string | null;
}

const MARKER_PREFIX = "ladder-sheets";

/** formatMarker({templateId:"leadership-ladder",version:1,role:"staff",upTo:8}) === "ladder-sheets:leadership-ladder@1:staff:upto=8" */
export function formatMarker(m: Marker): string {
  const parts = [MARKER_PREFIX, `${m.templateId}@${m.version}`, m.role];
  if (m.upTo !== undefined) parts.push(`upto=${m.upTo}`);
  if (m.ticks) parts.push("ticks");
  return parts.join(":");
}

const ROLES: readonly TabRole[] = ["staff", "feedback", "chart", "summary", "trust", "register"];

/** Inverse of formatMarker; null for anything that is not one of ours. */
export function parseMarker(s: string | null | undefined): Marker | null {
  if (!s) return null;
  const parts = s.trim().split(":");
  if (parts[0] !== MARKER_PREFIX || parts.length < 3) return null;
  const m = /^([a-z0-9-]+)@(\d+)$/.exec(parts[1]!);
  const role = parts[2] as TabRole;
  if (!m || !ROLES.includes(role)) return null;
  const marker: Marker = { templateId: m[1]!, version: Number(m[2]), role };
  for (const p of parts.slice(3)) {
    if (p === "ticks") marker.ticks = true;
    const up = /^upto=(\d+)$/.exec(p);
    if (up) marker.upTo = Number(up[1]);
  }
  return marker;
}

/** An empty spec of the given size, for generators to fill in. */
export function emptySheet(name: string, rows: number, cols: number, marker: Marker | null): SheetSpec {
  return {
    name,
    marker,
    values: Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null)),
    formulas: [],
    styles: [],
    merges: [],
    columnWidths: [],
    frozenRows: 0,
    checkboxes: [],
    validations: [],
    conditionalFormats: [],
    protectedRanges: [],
    notes: [],
    charts: [],
  };
}

function covers(range: string, row: number, col: number): boolean {
  const p = parseRange(range);
  return row >= p.row && row < p.row + p.rows && col >= p.col && col < p.col + p.cols;
}

/** The last style value of `key` covering a cell (later styles win, as in every host). */
export function styleAt<K extends keyof Style>(
  spec: SheetSpec,
  row: number,
  col: number,
  key: K,
): Style[K] | undefined {
  let out: Style[K] | undefined;
  for (const s of spec.styles) if (s[key] !== undefined && covers(s.range, row, col)) out = s[key];
  return out;
}

/**
 * Series colours of a chart: the fill of each series' name cell (stacked columns: one series per
 * row, named down the first column; other charts: one per column, named across the header row).
 * Every host colours its chart's series with these, as the command line's chart part does.
 */
export function seriesColours(spec: SheetSpec, chart: ChartSpec): (string | undefined)[] {
  const p = parseRange(chart.dataRange);
  return chart.kind === "stackedColumn"
    ? Array.from({ length: p.rows - 1 }, (_, i) => styleAt(spec, p.row + 1 + i, p.col, "fill"))
    : Array.from({ length: p.cols - 1 }, (_, j) => styleAt(spec, p.row, p.col + 1 + j, "fill"));
}

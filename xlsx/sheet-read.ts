/**
 * One worksheet part -> core's TabSnapshot, in one streaming pass over its XML: the displayed
 * values, each cell's fill as '#rrggbb', and the hidden marker. No cell objects are built; rows
 * and cells go straight into the snapshot's grids.
 *
 * Displayed values, as the command line has always read them: rich text is its plain text, a
 * formula its cached result (a formula without one reads as empty), a date-formatted number the
 * date as its format shows it, an error its code ("#N/A"), a boolean a boolean; LibreOffice's tick
 * boxes (1/0 in a "TRUE";"TRUE";"FALSE" format, or the formulas TRUE() and FALSE()) read as
 * booleans. A merged range keeps its value in the top-left cell only. A cell not stored in its row
 * shows its row's fill (when the row has a custom format), else its column's. Conditional-format
 * colours are not fills (design §3) and are not read.
 *
 * Metadata (meta.ts) counts only in a hidden column, so a person typing marker-like text in a
 * visible cell cannot make a staff tab pose as one of ours; it is taken out of the values.
 */
import { parseRange } from "../core/a1.js";
import type { CellValue, TabSnapshot } from "../core/sheet.js";
import { excelToDate, formatDate } from "./dates.js";
import { parseMetaCell } from "./meta.js";
import { MAIN_NS } from "./ns.js";
import { readStringItem } from "./strings.js";
import type { CellFormat } from "./styles.js";
import { CLOSE, END, OPEN, XmlScanner } from "./xml.js";

export interface SheetContext {
  strings: readonly string[];
  formats: readonly (CellFormat | null)[];
  date1904: boolean;
}

/** LibreOffice's boolean format: it stores TRUE/FALSE as 1/0 (or as =TRUE()/=FALSE()) shown so. */
const BOOLEAN_FORMAT = /^"TRUE";"TRUE";"FALSE"$/i;
const BOOLEAN_FORMULA = /^\s*(TRUE|FALSE)(\(\))?\s*$/i;
const MAX_COLUMN = 16384;

/** "BC12" -> 55 (1-based column), 0 when the reference has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else break;
  }
  return col;
}

function numberShown(n: number, fmt: CellFormat | null, date1904: boolean): CellValue {
  if (fmt === null) return n;
  if (fmt.date) return formatDate(excelToDate(n, date1904), fmt.numFmt);
  if ((n === 0 || n === 1) && BOOLEAN_FORMAT.test(fmt.numFmt ?? "")) return n === 1;
  return n;
}

/** A cached or stored value of type `t` as a person sees it. */
function typed(t: string | undefined, v: string, fmt: CellFormat | null, ctx: SheetContext): CellValue {
  switch (t) {
    case "s":
      return ctx.strings[parseInt(v, 10)] ?? null;
    case "str":
    case "inlineStr":
    case "e":
      return v;
    case "b":
      return parseInt(v, 10) !== 0;
    case "d": {
      const d = new Date(v);
      return Number.isNaN(d.getTime()) ? v : formatDate(d, fmt?.numFmt);
    }
    default:
      return numberShown(parseFloat(v), fmt, ctx.date1904);
  }
}

class Grid {
  readonly values: (CellValue | undefined)[][] = [];
  readonly fills: (string | null | undefined)[][] = [];
  put(r: number, c: number, v: CellValue, fill: string | null): void {
    (this.values[r - 1] ??= [])[c - 1] = v;
    (this.fills[r - 1] ??= [])[c - 1] = fill;
  }
  has(r: number, c: number): boolean {
    return this.values[r - 1]?.[c - 1] !== undefined;
  }
  drop(r: number, c: number): void {
    this.values[r - 1]![c - 1] = undefined;
    this.fills[r - 1]![c - 1] = undefined;
  }
  /** Rectangular grids with explicit nulls (sparse arrays would read as undefined in core). */
  snapshot(name: string, marker: string | null): TabSnapshot {
    let rows = 0;
    let cols = 0;
    this.values.forEach((line, r) => {
      for (let c = line.length - 1; c >= 0; c--)
        if (line[c] !== undefined) {
          rows = r + 1;
          if (c + 1 > cols) cols = c + 1;
          break;
        }
    });
    const rect = <T>(src: (T | undefined)[][]): (T | null)[][] => {
      const out = new Array<(T | null)[]>(rows);
      for (let r = 0; r < rows; r++) {
        const line = new Array<T | null>(cols).fill(null);
        const from = src[r];
        if (from)
          for (let c = 0; c < from.length && c < cols; c++) if (from[c] !== undefined) line[c] = from[c]!;
        out[r] = line;
      }
      return out;
    };
    return { name, values: rect(this.values), fills: rect(this.fills), marker };
  }
}

/** Read one worksheet's XML. Throws XmlError for malformed XML (the caller names the part). */
export function readSheet(xml: string, name: string, ctx: SheetContext): TabSnapshot {
  const s = new XmlScanner(xml);
  const grid = new Grid();
  const colHidden: boolean[] = [];
  const colFill: (string | null)[] = [];
  const merges: string[] = [];
  /** Cells seen per row (1-based row -> highest column stored in the XML). */
  const lastCell: number[] = [];
  const rowFills: (string | null)[] = [];
  let marker: string | null = null;
  let mainPrefix: string | null = null;
  const isMain = (): boolean => s.prefix === mainPrefix || MAIN_NS.has(s.uri() ?? "");
  const format = (styleId: string | undefined): CellFormat | null => {
    const id = styleId === undefined ? 0 : parseInt(styleId, 10);
    return id > 0 ? (ctx.formats[id] ?? null) : null;
  };

  let row = 0;
  let col = 0;
  let rowFill: string | null = null;
  // The current cell.
  let cellFmt: CellFormat | null = null;
  let cellType: string | undefined;
  let cellV: string | undefined;
  let formula: string | undefined;
  let isFormula = false;
  let inline: string | undefined;

  const finishCell = (): void => {
    let raw: CellValue = null;
    if (isFormula) {
      const f = formula ? BOOLEAN_FORMULA.exec(formula) : null;
      if (f) raw = f[1]!.toUpperCase() === "TRUE";
      else if (cellV)
        raw = typed(cellType === "inlineStr" || cellType === "s" ? "str" : cellType, cellV, cellFmt, ctx);
    } else if (cellType === "inlineStr") {
      raw = inline ? inline : null;
    } else if (cellV) raw = typed(cellType, cellV, cellFmt, ctx);
    if (typeof raw === "string" && colHidden[col] === true) {
      const meta = parseMetaCell(raw);
      if (meta?.kind === "marker") {
        marker ??= meta.text;
        return;
      }
      if (meta?.kind === "chart" || raw.startsWith("ladder-sheets")) return;
    }
    const fill = cellFmt?.fill ?? null;
    if (raw !== null || fill !== null) grid.put(row, col, raw, fill);
  };

  let section = "";
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === CLOSE) {
      if (s.depth === 4 && section === "sheetData" && s.local === "c") finishCell();
      else if (s.depth === 2) section = "";
      continue;
    }
    if (t !== OPEN) continue;
    const depth = s.depth;
    if (depth === 1) {
      mainPrefix = MAIN_NS.has(s.uri() ?? "") ? s.prefix : null;
      continue;
    }
    if (!isMain()) {
      s.skip(); // extensions (x14 sparklines, conditional formats...) hold no cell values
      continue;
    }
    if (depth === 2) {
      section = s.local;
      continue;
    }
    if (section === "sheetData") {
      if (depth === 3 && s.local === "row") {
        const r = s.attr("r");
        row = r ? parseInt(r, 10) : row + 1;
        col = 0;
        const custom = s.attr("customFormat");
        rowFill = custom === "1" || custom === "true" ? (format(s.attr("s"))?.fill ?? null) : null;
        rowFills[row] = rowFill;
      } else if (depth === 4 && s.local === "c") {
        const ref = s.attr("r");
        const at = ref ? columnOf(ref) : 0;
        const next = at > 0 ? at : col + 1;
        // A gap before this cell shows the row's fill, else the column's.
        for (let c = col + 1; c < next; c++) {
          const fill = rowFill ?? colFill[c] ?? null;
          if (fill !== null) grid.put(row, c, null, fill);
        }
        col = next;
        lastCell[row] = col;
        cellFmt = format(s.attr("s"));
        cellType = s.attr("t");
        cellV = undefined;
        formula = undefined;
        isFormula = false;
        inline = undefined;
      } else if (depth === 5 && s.local === "v") {
        cellV = s.textContent();
      } else if (depth === 5 && s.local === "f") {
        isFormula = s.attr("t") !== undefined;
        formula = s.textContent();
        if (formula !== "") isFormula = true;
      } else if (depth === 5 && s.local === "is") {
        inline = readStringItem(s);
      } else if (depth > 3) s.skip();
    } else if (section === "cols" && s.local === "col") {
      const min = Math.max(1, parseInt(s.attr("min") ?? "1", 10));
      const max = Math.min(MAX_COLUMN, parseInt(s.attr("max") ?? String(min), 10));
      const hidden = s.attr("hidden");
      const fill = format(s.attr("style"))?.fill ?? null;
      for (let c = min; c <= max; c++) {
        if (hidden === "1" || hidden === "true") colHidden[c] = true;
        if (fill !== null) colFill[c] = fill;
      }
    } else if (section === "mergeCells" && s.local === "mergeCell") {
      const ref = s.attr("ref");
      if (ref) merges.push(ref);
    }
  }

  for (const ref of merges) mergeRange(grid, ref, rowFills, colFill, lastCell);
  return grid.snapshot(name, marker);
}

/**
 * A merged range shows only its top-left value; its other cells keep their own fills, and those
 * not stored show the row's or column's fill (as the cells Excel creates for a merge do).
 */
function mergeRange(
  grid: Grid,
  ref: string,
  rowFills: readonly (string | null)[],
  colFill: readonly (string | null)[],
  lastCell: readonly number[],
): void {
  let range;
  try {
    range = parseRange(ref);
  } catch {
    return; // a malformed merge reference merges nothing
  }
  for (let r = range.row + 1; r <= range.row + range.rows; r++)
    for (let c = range.col + 1; c <= range.col + range.cols; c++) {
      if (r === range.row + 1 && c === range.col + 1) continue;
      if (grid.has(r, c)) {
        if ((grid.fills[r - 1]![c - 1] ?? null) === null) grid.drop(r, c);
        else grid.values[r - 1]![c - 1] = null;
      } else if ((lastCell[r] ?? 0) < c) {
        const fill = rowFills[r] ?? colFill[c] ?? null;
        if (fill !== null) grid.put(r, c, null, fill);
      }
    }
}

/**
 * Reads an .xlsx workbook into core's plain TabSnapshots in one pass: displayed values, fills as
 * '#rrggbb' (resolved through the workbook's OWN theme part, since Office 2007, 2013 and LibreOffice
 * ship different themes), and the hidden marker. The Book it returns can be changed and saved by the
 * caller; reading itself never writes anything.
 *
 * Displayed values: rich text becomes its plain text, a formula its cached result, a date the text
 * its number format shows, an error its code ("#N/A"); booleans stay booleans; a merged range keeps
 * its value in the top-left cell only. Metadata cells (meta.ts) are taken out of the values.
 *
 * It does not evaluate formulas (a formula with no cached result reads as empty) and it does not
 * read conditional-format colours, which are not fills (design §3).
 */
import ExcelJS from "exceljs";
import { OFFICE_THEME_COLOURS, parseThemeColours, resolveFill } from "../../core/xlsx-colour.js";
import type { CellValue, ChartSpec, TabSnapshot } from "../../core/sheet.js";
import { loadExcel, openZip, readBytes, type Book } from "./book.js";
import { formatDate } from "./dates.js";
import { parseMetaCell } from "./meta.js";
import type JSZip from "jszip";

export interface ReadResult {
  snapshots: TabSnapshot[];
  /** The loaded workbook, ready for the caller to add or replace tabs and save. */
  book: Book;
  /** The theme colours used to resolve fills (theme-index order). */
  themeColours: string[];
}

/** The workbook's theme colours: the theme part its relationships name, else theme1, else Office's. */
export async function themeColoursOf(zip: JSZip): Promise<string[]> {
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const target = /<Relationship\b[^>]*Type="[^"]*\/theme"[^>]*>/.exec(rels)?.[0];
  const rel = target ? /\bTarget="([^"]+)"/.exec(target)?.[1] : undefined;
  const path = rel ? (rel.startsWith("/") ? rel.slice(1) : `xl/${rel}`) : "xl/theme/theme1.xml";
  const xml =
    (await zip.file(path)?.async("string")) ?? (await zip.file("xl/theme/theme1.xml")?.async("string"));
  const colours = xml ? parseThemeColours(xml) : [];
  return colours.length > 0 ? colours : [...OFFICE_THEME_COLOURS];
}

function richText(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join("");
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

const MERGE = ExcelJS.ValueType.Merge;

/** LibreOffice's boolean format: it stores TRUE/FALSE as 1/0 (or as =TRUE()/=FALSE()) shown so. */
const BOOLEAN_FORMAT = /^"TRUE";"TRUE";"FALSE"$/i;
const BOOLEAN_FORMULA = /^\s*(TRUE|FALSE)(\(\))?\s*$/i;

/** A cell's displayed value as core sees it. */
export function displayed(value: unknown, numFmt: string | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" && (value === 0 || value === 1) && BOOLEAN_FORMAT.test(numFmt ?? ""))
    return value === 1;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return formatDate(value, numFmt);
  if (!isObject(value)) return null;
  if (Array.isArray(value.richText)) return richText(value as { richText: { text: string }[] });
  if (typeof value.error === "string") return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    // A tick box saved by LibreOffice is the formula TRUE() or FALSE() with a cached 1 or 0.
    const f = typeof value.formula === "string" ? BOOLEAN_FORMULA.exec(value.formula) : null;
    if (f) return f[1]!.toUpperCase() === "TRUE";
    return displayed(value.result, numFmt);
  }
  if ("hyperlink" in value) return displayed(value.text, numFmt);
  return null;
}

/**
 * Fill -> '#rrggbb' | null, remembered per fill object for one read: ExcelJS gives every cell of a
 * style the same fill object (its styles part lists each fill once), so a workbook of thousands of
 * painted cells has a few dozen fills to resolve.
 */
type FillCache = Map<object, string | null>;

function fillColour(fill: unknown, theme: readonly string[], cache: FillCache): string | null {
  if (typeof fill !== "object" || fill === null) return null;
  let colour = cache.get(fill);
  if (colour === undefined) {
    colour = resolveFill(fill, theme);
    cache.set(fill, colour);
  }
  return colour;
}

/**
 * Snapshot one worksheet; charts described in its metadata are queued on the book again.
 *
 * It walks only the rows and cells ExcelJS already holds (findRow / findCell up to the used range),
 * so reading never adds rows, cells or columns to the workbook that is saved afterwards. A gap in
 * a row reads as ExcelJS would show it: no value, the row's or else the column's fill.
 */
function snapshotSheet(
  ws: ExcelJS.Worksheet,
  theme: readonly string[],
  book: Book,
  fillCache: FillCache,
): TabSnapshot {
  const values: CellValue[][] = [];
  const fills: (string | null)[][] = [];
  const charts: ChartSpec[] = [];
  let marker: string | null = null;
  let rows = 0;
  let cols = 0;
  const columns = (ws.columns as ExcelJS.Column[] | undefined) ?? [];
  const rowCount = ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const rowFill: unknown = (row as unknown as { style?: Partial<ExcelJS.Style> }).style?.fill;
    const n = row.cellCount;
    let rowValues: CellValue[] | undefined;
    let rowFills: (string | null)[] | undefined;
    for (let c = 1; c <= n; c++) {
      const cell = row.findCell(c);
      const column = columns[c - 1];
      const hidden = column?.hidden === true;
      let raw: unknown = null;
      let fillObj: unknown;
      if (cell) {
        // A merged range keeps its value in the top-left cell only.
        if (cell.type !== MERGE) raw = cell.value;
        fillObj = (cell.style as Partial<ExcelJS.Style> | undefined)?.fill;
      } else fillObj = rowFill || column?.style?.fill;
      // Metadata lives only in the hidden column we write: text a person typed in a visible cell is
      // always a value, even if it looks like a marker (else a staff tab could pose as a summary).
      if (hidden && typeof raw === "string") {
        const meta = parseMetaCell(raw);
        if (meta?.kind === "marker") {
          marker ??= meta.text;
          continue;
        }
        if (meta?.kind === "chart") {
          charts.push(meta.chart);
          continue;
        }
        if (raw.startsWith("ladder-sheets")) continue;
      }
      const v = raw === null ? null : displayed(raw, cell?.numFmt);
      const fill = fillColour(fillObj, theme, fillCache);
      if (v === null && fill === null) continue;
      if (!rowValues) {
        rowValues = values[r - 1] = [];
        rowFills = fills[r - 1] = [];
      }
      rowValues[c - 1] = v;
      rowFills![c - 1] = fill;
      if (r > rows) rows = r;
      if (c > cols) cols = c;
    }
  }
  // Rectangular grids with explicit nulls: sparse arrays would read as undefined in core.
  const grid = <T>(src: T[][]): (T | null)[][] => {
    const out: (T | null)[][] = new Array<(T | null)[]>(rows);
    for (let r = 0; r < rows; r++) {
      const line = new Array<T | null>(cols).fill(null);
      const from = src[r];
      if (from) for (let c = 0; c < from.length; c++) if (from[c] !== undefined) line[c] = from[c]!;
      out[r] = line;
    }
    return out;
  };
  const v = grid(values);
  const f = grid(fills);
  for (const spec of charts) book.charts.push({ sheetName: ws.name, spec, values: v, fills: f });
  return { name: ws.name, values: v, fills: f, marker };
}

/**
 * Read every tab of a workbook (a path or its bytes). Throws LadderError("file-unreadable") with one
 * line for a file that is not a readable .xlsx workbook.
 *
 * @example const { snapshots, book } = await readWorkbook("school.xlsx")
 */
export async function readWorkbook(source: string | Uint8Array, label?: string): Promise<ReadResult> {
  const name = label ?? (typeof source === "string" ? source : "the file");
  const bytes = typeof source === "string" ? await readBytes(source) : source;
  const zip = await openZip(bytes, name);
  const themeColours = await themeColoursOf(zip);
  const workbook = await loadExcel(bytes, name);
  const book: Book = { workbook, charts: [], themeMissing: zip.file(/^xl\/theme\/[^/]+\.xml$/).length === 0 };
  const fillCache: FillCache = new Map();
  const snapshots = workbook.worksheets.map((ws) => snapshotSheet(ws, themeColours, book, fillCache));
  return { snapshots, book, themeColours };
}

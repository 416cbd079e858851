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
import type { CellValue, TabSnapshot } from "../../core/sheet.js";
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

/** Snapshot one worksheet; charts described in its metadata are queued on the book again. */
function snapshotSheet(ws: ExcelJS.Worksheet, theme: readonly string[], book: Book): TabSnapshot {
  const values: CellValue[][] = [];
  const fills: (string | null)[][] = [];
  let marker: string | null = null;
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const merged = cell.isMerged && cell.master.address !== cell.address;
      const raw: unknown = merged ? null : cell.value;
      // Metadata lives only in the hidden column we write: text a person typed in a visible cell is
      // always a value, even if it looks like a marker (else a staff tab could pose as a summary).
      const meta = ws.getColumn(c).hidden ? parseMetaCell(raw) : null;
      if (meta?.kind === "marker") {
        marker ??= meta.text;
        return;
      }
      if (meta?.kind === "chart") {
        book.charts.push({ sheetName: ws.name, spec: meta.chart, values, fills });
        return;
      }
      if (
        meta === null &&
        ws.getColumn(c).hidden &&
        typeof raw === "string" &&
        raw.startsWith("ladder-sheets")
      )
        return;
      const v = displayed(raw, cell.numFmt);
      const fill = resolveFill(cell.fill, theme);
      if (v === null && fill === null) return;
      (values[r - 1] ??= [])[c - 1] = v;
      (fills[r - 1] ??= [])[c - 1] = fill;
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  });
  // Rectangular grids with explicit nulls: sparse arrays would read as undefined in core.
  const grid = <T>(src: T[][]): (T | null)[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => src[r]?.[c] ?? null));
  const v = grid(values);
  const f = grid(fills);
  // Charts queued above hold the sparse grids by reference; point them at the finished ones.
  for (const ch of book.charts)
    if (ch.values === values) {
      ch.values = v;
      ch.fills = f;
    }
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
  const snapshots = workbook.worksheets.map((ws) => snapshotSheet(ws, themeColours, book));
  return { snapshots, book, themeColours };
}

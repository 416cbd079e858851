/**
 * The command line's reader before the package layer, kept as the reference the streaming reader
 * must agree with: ExcelJS loads the whole workbook, and each worksheet becomes a TabSnapshot the
 * way cli/xlsx/read.ts did it (displayed values, fills through the file's own theme, the hidden
 * marker). Test-only: ExcelJS stays a dev-time oracle, not a runtime dependency of the reader.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue, TabSnapshot } from "../../core/sheet.js";
import { OFFICE_THEME_COLOURS, parseThemeColours, resolveFill } from "../../core/xlsx-colour.js";
import { formatDate } from "../../xlsx/dates.js";
import { parseMetaCell } from "../../xlsx/meta.js";

async function themeColoursOf(zip: JSZip): Promise<string[]> {
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const target = /<Relationship\b[^>]*Type="[^"]*\/theme"[^>]*>/.exec(rels)?.[0];
  const rel = target ? /\bTarget="([^"]+)"/.exec(target)?.[1] : undefined;
  const path = rel ? (rel.startsWith("/") ? rel.slice(1) : `xl/${rel}`) : "xl/theme/theme1.xml";
  const xml =
    (await zip.file(path)?.async("string")) ?? (await zip.file("xl/theme/theme1.xml")?.async("string"));
  const colours = xml ? parseThemeColours(xml) : [];
  return colours.length > 0 ? colours : [...OFFICE_THEME_COLOURS];
}

const BOOLEAN_FORMAT = /^"TRUE";"TRUE";"FALSE"$/i;
const BOOLEAN_FORMULA = /^\s*(TRUE|FALSE)(\(\))?\s*$/i;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function displayed(value: unknown, numFmt: string | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" && (value === 0 || value === 1) && BOOLEAN_FORMAT.test(numFmt ?? ""))
    return value === 1;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return formatDate(value, numFmt);
  if (!isObject(value)) return null;
  if (Array.isArray(value.richText))
    return (value.richText as { text: string }[]).map((r) => r.text).join("");
  if (typeof value.error === "string") return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    const f = typeof value.formula === "string" ? BOOLEAN_FORMULA.exec(value.formula) : null;
    if (f) return f[1]!.toUpperCase() === "TRUE";
    return displayed(value.result, numFmt);
  }
  if ("hyperlink" in value) return displayed(value.text, numFmt);
  return null;
}

function snapshotSheet(ws: ExcelJS.Worksheet, theme: readonly string[]): TabSnapshot {
  const values: CellValue[][] = [];
  const fills: (string | null)[][] = [];
  let marker: string | null = null;
  let rows = 0;
  let cols = 0;
  const columns = (ws.columns as ExcelJS.Column[] | undefined) ?? [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const rowFill: unknown = (row as unknown as { style?: Partial<ExcelJS.Style> }).style?.fill;
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      const column = columns[c - 1];
      let raw: unknown = null;
      let fillObj: unknown;
      if (cell) {
        if (cell.type !== ExcelJS.ValueType.Merge) raw = cell.value;
        fillObj = (cell.style as Partial<ExcelJS.Style> | undefined)?.fill;
      } else fillObj = rowFill || column?.style?.fill;
      if (column?.hidden === true && typeof raw === "string") {
        const meta = parseMetaCell(raw);
        if (meta?.kind === "marker") {
          marker ??= meta.text;
          continue;
        }
        if (meta?.kind === "chart" || raw.startsWith("ladder-sheets")) continue;
      }
      const v = raw === null ? null : displayed(raw, cell?.numFmt);
      const fill = typeof fillObj === "object" && fillObj !== null ? resolveFill(fillObj, theme) : null;
      if (v === null && fill === null) continue;
      (values[r - 1] ??= [])[c - 1] = v;
      (fills[r - 1] ??= [])[c - 1] = fill;
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    }
  }
  const grid = <T>(src: T[][]): (T | null)[][] =>
    Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => (src[r]?.[c] === undefined ? null : src[r][c]!)),
    );
  return { name: ws.name, values: grid(values), fills: grid(fills), marker };
}

/** Every worksheet of a workbook's bytes, as the ExcelJS-based reader saw it. */
export async function referenceSnapshots(bytes: Uint8Array): Promise<TabSnapshot[]> {
  const theme = await themeColoursOf(await JSZip.loadAsync(bytes));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => snapshotSheet(ws, theme));
}

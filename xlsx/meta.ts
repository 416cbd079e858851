/**
 * The hidden template marker (design §2) and our chart descriptions, as stored in an .xlsx file.
 *
 * Choice: plain text cells in one hidden column to the right of the tab's content. Row 1 holds the
 * marker ("ladder-sheets:leadership-ladder@1:staff:upto=8"); rows below hold the tab's charts as
 * "ladder-sheets-chart:{json}". Weighed against the alternatives:
 * - a sheet-scoped defined name: survives LibreOffice, but names cannot hold ':' or '@' (so the
 *   marker must be re-encoded), and Google Sheets drops names that are not ranges on import;
 * - a workbook custom property mapping sheet -> marker: keyed by the tab's name or position, so a
 *   renamed or moved tab loses it, and tabs copied to another workbook leave it behind;
 * - a hidden cell: plain data, so it survives a round trip through Excel, LibreOffice and Google
 *   Sheets' download, a rename, a move, and a copy of the tab into another workbook. Its cost is
 *   that someone who unhides the column sees it; it says only the template id and version.
 * The reader finds these cells anywhere in the tab (a column inserted before it moves it), strips
 * them from the snapshot values, and never relies on them: unmarked tabs with a matching header row
 * are read too.
 *
 * The chart descriptions exist because ExcelJS drops charts when it loads a file: keeping the
 * description beside the data lets a later save (say `new` adding a tab) put the chart back.
 */
import * as z from "zod";
import { parseMarker, type ChartSpec } from "../core/sheet.js";

const MARKER_PREFIX = "ladder-sheets:";
const CHART_PREFIX = "ladder-sheets-chart:";

export type MetaCell = { kind: "marker"; text: string } | { kind: "chart"; chart: ChartSpec };

const chartSchema = z.strictObject({
  kind: z.enum(["column", "bar", "stackedColumn"]),
  title: z.string(),
  dataRange: z.string().regex(/^[A-Z]{1,3}\d+:[A-Z]{1,3}\d+$/),
  anchor: z.string().regex(/^[A-Z]{1,3}\d+$/),
  widthPx: z.number().positive(),
  heightPx: z.number().positive(),
  seriesColors: z.array(z.string().regex(/^#[0-9a-f]{6}$/)).optional(),
});

/** The text stored for a chart. */
export function chartMetaText(chart: ChartSpec): string {
  return CHART_PREFIX + JSON.stringify(chart);
}

/** What a cell's text means as metadata, or null when it is ordinary content. */
export function parseMetaCell(value: unknown): MetaCell | null {
  if (typeof value !== "string") return null;
  if (value.startsWith(MARKER_PREFIX) && parseMarker(value) !== null)
    return { kind: "marker", text: value.trim() };
  if (value.startsWith(CHART_PREFIX)) {
    try {
      const parsed = chartSchema.safeParse(JSON.parse(value.slice(CHART_PREFIX.length)));
      if (parsed.success) return { kind: "chart", chart: parsed.data };
    } catch {
      return null;
    }
  }
  return null;
}

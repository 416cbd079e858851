/**
 * Core's SheetSpec -> the XML of one worksheet part (and of its comments and their VML shapes),
 * written directly, in the element order the schema requires: values, formulas, styles (through
 * the workbook's StyleSink), merges, widths, row heights for wrapped text, frozen rows, tick
 * boxes, drop-downs, conditional formats, notes, tab colour, printing on A4 one page wide, and the
 * hidden marker and chart descriptions (meta.ts). Charts are drawn by chart.ts.
 *
 * What it does not do, and why:
 * - Strings are always text, written inline (t="inlineStr"), even "=HYPERLINK(...)", "+1" or
 *   "@SUM(A1)": only spec.formulas become formulas, so a staff name can never run as one. Inline
 *   strings leave the workbook's shared-strings part untouched (and every index in it valid).
 * - Tick boxes: .xlsx has no tick box that Excel, LibreOffice and Sheets all read (Excel 365's
 *   in-cell checkbox is a recent extension the others ignore), so a tick box is a TRUE/FALSE boolean
 *   with a TRUE,FALSE drop-down; the conditional formats still colour the cells by the rule.
 * - Warning-only protected ranges are skipped: .xlsx sheet protection is all-or-nothing (a
 *   protected sheet refuses edits; there is no "warn, then allow"), so it would lock people out.
 */
import { a1, parseA1, parseRange, quoteTab } from "../core/a1.js";
import {
  formatMarker,
  printLayout,
  specExtent,
  type CellValue,
  type SheetSpec,
  type Style,
} from "../core/sheet.js";
import { chartMetaText } from "./meta.js";
import { NS_MAIN, NS_REL, XML_DECLARATION } from "./ns.js";
import type { StyleSink } from "./style-sink.js";
import { escapeText } from "./xml.js";

/** Relationship ids inside a tab's own (new) relationships part. */
export const SHEET_REL = { comments: "rId1", vml: "rId2", drawing: "rId3" } as const;

const DEFAULT_COL_PX = 64;
const DEFAULT_ROW_PT = 15;
const BOOLEAN_FORMAT = '"TRUE";"TRUE";"FALSE"';
/**
 * A tick box is centred, with a number format that shows TRUE/FALSE: LibreOffice stores booleans as
 * numbers and, for some cells, shows them as 1/0 unless the format says otherwise; Excel and Sheets
 * ignore number formats on booleans.
 */
const TICK_BOX: Style = { range: "", hAlign: "center", numberFormat: BOOLEAN_FORMAT };

/** Excel column width is in characters of the default font (about 7 px each at Calibri 11). */
export function pxToWidth(px: number): number {
  return Math.round((px / 7) * 100) / 100;
}

/**
 * Text for a cell or comment: characters XML 1.0 cannot hold become Excel's _xHHHH_ escapes, and a
 * literal "_xHHHH_" in the text is protected (_x005F_) so Excel does not decode it.
 */
export function excelText(s: string): string {
  // Most text (names, statements) needs no escape at all: one test instead of four replaces.
  // eslint-disable-next-line no-control-regex
  if (!/[&<>_\u0000-\u001f\ufffe\uffff]/.test(s)) return s;
  return escapeText(
    s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    ),
  );
}

type Effective = Omit<Style, "range">;

function stripEquals(formula: string): string {
  return formula.replace(/^\s*=/, "");
}

/** Every cell of a range (0-based). */
function* cellsOf(range: string): Generator<[number, number]> {
  const r = parseRange(range);
  for (let row = r.row; row < r.row + r.rows; row++)
    for (let col = r.col; col < r.col + r.cols; col++) yield [row, col];
}

/** The tab's cells: value, formula and effective style per 0-based (row, col). */
class Cells {
  readonly rows = new Map<number, Map<number, { v: CellValue; f?: string; style?: Effective }>>();
  private readonly memo = new Map<Effective | undefined, Map<Style, Effective>>();

  at(row: number, col: number): { v: CellValue; f?: string; style?: Effective } {
    let line = this.rows.get(row);
    if (!line)
      this.rows.set(row, (line = new Map<number, { v: CellValue; f?: string; style?: Effective }>()));
    let cell = line.get(col);
    if (!cell) line.set(col, (cell = { v: null }));
    return cell;
  }

  get(row: number, col: number): { v: CellValue; f?: string; style?: Effective } | undefined {
    return this.rows.get(row)?.get(col);
  }

  /** Apply one style on top of a cell's (later styles win per property); equal histories share an object. */
  style(row: number, col: number, s: Style): void {
    const cell = this.at(row, col);
    let byStyle = this.memo.get(cell.style);
    if (!byStyle) this.memo.set(cell.style, (byStyle = new Map<Style, Effective>()));
    let after = byStyle.get(s);
    if (!after) {
      const merged: Effective = { ...cell.style };
      const from = s as unknown as Record<string, unknown>;
      for (const k in from)
        if (k !== "range" && from[k] !== undefined) (merged as Record<string, unknown>)[k] = from[k];
      byStyle.set(s, (after = merged));
    }
    cell.style = after;
  }
}

/** Row heights (points) for wrapped text, which Excel does not grow to fit when it opens a file. */
function wrappedRowHeights(spec: SheetSpec, cells: Cells): Map<number, number> {
  const widthPx = (col: number): number => spec.columnWidths[col] ?? DEFAULT_COL_PX;
  const merges = new Map(
    spec.merges.map((m) => {
      const r = parseRange(m);
      return [`${r.row}:${r.col}`, r] as const;
    }),
  );
  const covered = new Set<string>();
  for (const m of merges.values())
    for (let r = m.row; r < m.row + m.rows; r++)
      for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(`${r}:${c}`);
  const need = new Map<number, number>();
  const tall: { first: number; count: number; points: number }[] = [];
  for (const [r, line] of cells.rows)
    for (const [c, cell] of line) {
      if (!cell.style?.wrap || typeof cell.v !== "string" || cell.f !== undefined) continue;
      if (covered.has(`${r}:${c}`)) continue;
      const m = merges.get(`${r}:${c}`);
      let px = 0;
      for (let k = c; k < c + (m?.cols ?? 1); k++) px += widthPx(k);
      const size = cell.style.fontSize ?? 11;
      const perLine = Math.max(1, Math.floor((px - 6) / (size * 0.6)));
      const lines = cell.v.split("\n").reduce((n, p) => n + Math.max(1, Math.ceil(p.length / perLine)), 0);
      const points = lines * size * 1.25 + 3;
      // A cell merged down several rows shares its height among them (settled below).
      if (m && m.rows > 1) tall.push({ first: r, count: m.rows, points });
      else need.set(r, Math.max(need.get(r) ?? DEFAULT_ROW_PT, points));
    }
  for (const t of tall) {
    let have = 0;
    for (let k = 0; k < t.count; k++) have += need.get(t.first + k) ?? DEFAULT_ROW_PT;
    if (t.points <= have) continue;
    const extra = (t.points - have) / t.count;
    for (let k = 0; k < t.count; k++)
      need.set(t.first + k, (need.get(t.first + k) ?? DEFAULT_ROW_PT) + extra);
  }
  const out = new Map<number, number>();
  for (const [r, points] of need) if (points > DEFAULT_ROW_PT) out.set(r, Math.ceil(points));
  return out;
}

function cellXml(ref: string, cell: { v: CellValue; f?: string }, s: number): string {
  const sAttr = s > 0 ? ` s="${s}"` : "";
  const v = cell.v;
  if (cell.f !== undefined) {
    const f = `<f>${escapeText(cell.f)}</f>`;
    if (v === null || v === "") return `<c r="${ref}"${sAttr}>${f}</c>`;
    if (typeof v === "number") return `<c r="${ref}"${sAttr}>${f}<v>${v}</v></c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${sAttr} t="str">${f}<v>${excelText(v)}</v></c>`;
  }
  if (v === null || v === "" || (typeof v === "number" && !Number.isFinite(v)))
    return `<c r="${ref}"${sAttr}/>`;
  if (typeof v === "number") return `<c r="${ref}"${sAttr}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${excelText(v)}</t></is></c>`;
}

export interface SheetXmlOptions {
  /** The tab is the workbook's active tab (tabSelected). */
  selected: boolean;
}

/** The worksheet part's XML for a spec; styles go into `sink`. */
export function sheetXml(spec: SheetSpec, sink: StyleSink, options: SheetXmlOptions): string {
  const cells = new Cells();
  spec.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== "") cells.at(r, c).v = v;
    }),
  );
  for (const f of spec.formulas) {
    const { row, col } = parseA1(f.cell);
    // A value core also put in the same cell is the formula's cached result.
    cells.at(row, col).f = stripEquals(f.formula);
  }
  for (const s of spec.styles) for (const [r, c] of cellsOf(s.range)) cells.style(r, c, s);
  for (const range of spec.checkboxes)
    for (const [r, c] of cellsOf(range)) {
      const cell = cells.at(r, c);
      if (typeof cell.v !== "boolean") cell.v = false;
      cells.style(r, c, TICK_BOX);
    }
  const extent = specExtent(spec);
  const metaCol = extent.cols + 1; // 0-based: one empty column between content and metadata
  const metaTexts = [
    ...(spec.marker ? [formatMarker(spec.marker)] : []),
    ...spec.charts.map((c) => chartMetaText(c)),
  ];
  metaTexts.forEach((t, i) => (cells.at(i, metaCol).v = t));
  const heights = wrappedRowHeights(spec, cells);

  const out: string[] = [XML_DECLARATION, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
  const { orientation } = printLayout(spec);
  out.push(
    `<sheetPr>${spec.tabColor ? `<tabColor rgb="FF${spec.tabColor.replace("#", "").toUpperCase()}"/>` : ""}` +
      `<pageSetUpPr fitToPage="1"/></sheetPr>`,
  );
  let maxRow = 0;
  let maxCol = 0;
  for (const [r, line] of cells.rows)
    for (const c of line.keys()) {
      maxRow = Math.max(maxRow, r);
      maxCol = Math.max(maxCol, c);
    }
  out.push(`<dimension ref="${cells.rows.size > 0 ? `A1:${a1(maxRow, maxCol)}` : "A1"}"/>`);
  const selected = options.selected ? ' tabSelected="1"' : "";
  if (spec.frozenRows > 0) {
    const top = a1(spec.frozenRows, 0);
    out.push(
      `<sheetViews><sheetView${selected} workbookViewId="0"><pane ySplit="${spec.frozenRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`,
    );
  } else out.push(`<sheetViews><sheetView${selected} workbookViewId="0"/></sheetViews>`);
  out.push(`<sheetFormatPr defaultRowHeight="${DEFAULT_ROW_PT}"/>`);
  const cols: string[] = [];
  spec.columnWidths.forEach((px, i) => {
    if (px > 0 && i !== metaCol)
      cols.push(`<col min="${i + 1}" max="${i + 1}" width="${pxToWidth(px)}" customWidth="1"/>`);
  });
  if (metaTexts.length > 0)
    cols.push(`<col min="${metaCol + 1}" max="${metaCol + 1}" width="9.14" hidden="1" customWidth="1"/>`);
  if (cols.length > 0) out.push(`<cols>${cols.join("")}</cols>`);

  out.push("<sheetData>");
  const xfOf = new Map<Effective, number>();
  const rowNumbers = [...new Set([...cells.rows.keys(), ...heights.keys()])].sort((a, b) => a - b);
  for (const r of rowNumbers) {
    const line = cells.rows.get(r);
    const ht = heights.get(r);
    const attrs = ht !== undefined ? ` ht="${ht}" customHeight="1"` : "";
    if (!line) {
      out.push(`<row r="${r + 1}"${attrs}/>`);
      continue;
    }
    const body = [...line.keys()]
      .sort((a, b) => a - b)
      .map((c) => {
        const cell = line.get(c)!;
        let s = 0;
        if (cell.style) {
          let id = xfOf.get(cell.style);
          if (id === undefined) xfOf.set(cell.style, (id = sink.xf(cell.style)));
          s = id;
        }
        return cellXml(a1(r, c), cell, s);
      })
      .join("");
    out.push(`<row r="${r + 1}"${attrs}>${body}</row>`);
  }
  out.push("</sheetData>");

  if (spec.merges.length > 0)
    out.push(
      `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`,
    );
  spec.conditionalFormats.forEach((cf, i) => {
    const dxf = sink.dxf(cf.fill, cf.fontColor);
    out.push(
      `<conditionalFormatting sqref="${cf.range}"><cfRule type="expression" dxfId="${dxf}" priority="${i + 1}">` +
        `<formula>${escapeText(stripEquals(cf.formula))}</formula></cfRule></conditionalFormatting>`,
    );
  });
  const validations = [
    ...spec.checkboxes.map(
      (range) =>
        `<dataValidation type="list" allowBlank="1" sqref="${range}"><formula1>&quot;TRUE,FALSE&quot;</formula1></dataValidation>`,
    ),
    ...spec.validations.map((v) => {
      const list = `"${v.list.map((x) => x.replace(/"/g, '""')).join(",")}"`;
      return (
        `<dataValidation type="list"${v.strict ? "" : ' errorStyle="warning"'} allowBlank="1" showErrorMessage="1" sqref="${v.range}">` +
        `<formula1>${escapeText(list).replace(/"/g, "&quot;")}</formula1></dataValidation>`
      );
    }),
  ];
  if (validations.length > 0)
    out.push(`<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`);
  // Links to other tabs of this workbook: internal hyperlinks (a location, no relationship part).
  const links = (spec.links ?? []).map(
    (l) =>
      `<hyperlink ref="${l.cell}" location="${escapeText(`${quoteTab(l.tab)}!${l.at ?? "A1"}`).replace(/"/g, "&quot;")}" display="${escapeText(l.tab).replace(/"/g, "&quot;")}"/>`,
  );
  if (links.length > 0) out.push(`<hyperlinks>${links.join("")}</hyperlinks>`);
  // spec.protectedRanges: deliberately not written (see the header).
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  // A4 (paperSize 9): schools in England print on A4, and a file without it prints on the reader's
  // default (US Letter in many installs); one page wide, as many pages tall as needed.
  out.push(`<pageSetup paperSize="9" orientation="${orientation}" fitToWidth="1" fitToHeight="0"/>`);
  if (spec.charts.length > 0) out.push(`<drawing r:id="${SHEET_REL.drawing}"/>`);
  if (spec.notes.length > 0) out.push(`<legacyDrawing r:id="${SHEET_REL.vml}"/>`);
  out.push("</worksheet>");
  return out.join("");
}

/** The comments part for a tab's notes. */
export function commentsXml(notes: SheetSpec["notes"]): string {
  const list = notes
    .map(
      (n) =>
        `<comment ref="${a1(parseA1(n.cell).row, parseA1(n.cell).col)}" authorId="0"><text><r><t xml:space="preserve">${excelText(n.text)}</t></r></text></comment>`,
    )
    .join("");
  return (
    XML_DECLARATION +
    `<comments xmlns="${NS_MAIN}"><authors><author>ladder-sheets</author></authors><commentList>${list}</commentList></comments>`
  );
}

/**
 * The legacy VML drawing Excel needs to show notes (one hidden shape per note). `block` numbers
 * the drawing's shape ids (1024 per block), unique within the workbook.
 */
export function vmlXml(notes: SheetSpec["notes"], block: number): string {
  const shapes = notes
    .map((n, i) => {
      const { row, col } = parseA1(n.cell);
      return (
        `<v:shape id="_x0000_s${block * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:144pt;height:72pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
        `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
        `<x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 3}, 15, ${row + 4}, 16</x:Anchor>` +
        `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join("");
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
    `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${shapes}</xml>`
  );
}

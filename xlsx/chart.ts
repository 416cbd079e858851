/**
 * Native bar and column charts as DrawingML parts: one drawing part per tab anchoring its charts,
 * one chart part per chart, with cell references and cached values (so Excel, LibreOffice and
 * Google Sheets draw it, and a viewer that does not recalculate still shows the numbers).
 * sheet-write.ts places them in the package with their relationships and content types.
 *
 * Data layout (ChartSpec.dataRange): header row and first column label the data; see chartSeries.
 */
import { a1, parseRange } from "../core/a1.js";
import type { CellValue, ChartSpec } from "../core/sheet.js";

/** A chart of one tab, with the tab's values and fills for its cached values and series colours. */
export interface PendingChart {
  sheetName: string;
  spec: ChartSpec;
  /** The tab's whole value grid, for the chart's cached values. */
  values: readonly (readonly CellValue[])[];
  /** The tab's fills ('#rrggbb' or null): a series takes the colour of its name cell. */
  fills: readonly (readonly (string | null)[])[];
}

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const EMU_PER_PX = 9525;
const DEFAULT_COLOURS = ["#c0504d", "#c9a66b", "#f1c232", "#6aa84f", "#4f81bd", "#8064a2"];

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** 'Summary'!$B$2:$B$8 */
function ref(sheet: string, r1: number, c1: number, r2: number, c2: number): string {
  const abs = (r: number, c: number): string => a1(r, c).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const q = `'${sheet.replace(/'/g, "''")}'`;
  return r1 === r2 && c1 === c2 ? `${q}!${abs(r1, c1)}` : `${q}!${abs(r1, c1)}:${abs(r2, c2)}`;
}

function cellText(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

function strCache(items: string[]): string {
  const pts = items.map((t, i) => `<c:pt idx="${i}"><c:v>${esc(t)}</c:v></c:pt>`).join("");
  return `<c:strCache><c:ptCount val="${items.length}"/>${pts}</c:strCache>`;
}

function numCache(items: (number | null)[]): string {
  const pts = items.map((n, i) => (n === null ? "" : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`)).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${items.length}"/>${pts}</c:numCache>`;
}

interface Series {
  name: string;
  nameRef: string;
  cats: string[];
  catRef: string;
  nums: (number | null)[];
  valRef: string;
  colour: string | null;
}

/**
 * The series of a chart's data range. Column and bar charts: one series per column after the
 * first (categories down the first column). Stacked columns: one series per row after the header
 * (categories across the header row), because a stacked column stacks the parts (rows: zones) of
 * each whole (columns: checkpoints). A series takes the fill of its name cell as its colour.
 */
export function chartSeries(p: PendingChart): Series[] {
  const { spec, values, fills, sheetName } = p;
  const r = parseRange(spec.dataRange);
  const [top, left, bottom, right] = [r.row, r.col, r.row + r.rows - 1, r.col + r.cols - 1];
  const num = (row: number, col: number): number | null => {
    const v = values[row]?.[col];
    return typeof v === "number" ? v : null;
  };
  const span = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));
  if (spec.kind === "stackedColumn") {
    const cols = span(right - left, (i) => left + 1 + i);
    // The first series sits at the bottom of the stack: take rows bottom-up so the stack reads
    // like the table (top row on top).
    return span(bottom - top, (i) => bottom - i).map((row) => ({
      name: cellText(values[row]?.[left]),
      nameRef: ref(sheetName, row, left, row, left),
      cats: cols.map((c) => cellText(values[top]?.[c])),
      catRef: ref(sheetName, top, left + 1, top, right),
      nums: cols.map((c) => num(row, c)),
      valRef: ref(sheetName, row, left + 1, row, right),
      colour: fills[row]?.[left] ?? null,
    }));
  }
  const rows = span(bottom - top, (i) => top + 1 + i);
  return span(right - left, (i) => left + 1 + i).map((col) => ({
    name: cellText(values[top]?.[col]),
    nameRef: ref(sheetName, top, col, top, col),
    cats: rows.map((row) => cellText(values[row]?.[left])),
    catRef: ref(sheetName, top + 1, left, bottom, left),
    nums: rows.map((row) => num(row, col)),
    valRef: ref(sheetName, top + 1, col, bottom, col),
    colour: fills[top]?.[col] ?? null,
  }));
}

/** The chart part's XML for one pending chart. */
export function chartXml(p: PendingChart): string {
  const { spec } = p;
  // Explicit series colours win over name-cell fills (optional on a ChartSpec).
  const wanted = "seriesColors" in spec && Array.isArray(spec.seriesColors) ? spec.seriesColors : [];
  const explicit = wanted.filter((c): c is string => typeof c === "string" && /^#[0-9a-f]{6}$/i.test(c));
  const series = chartSeries(p).map((s, i) => {
    const colour = (explicit[i] ?? s.colour ?? DEFAULT_COLOURS[i % DEFAULT_COLOURS.length]!)
      .replace("#", "")
      .toUpperCase();
    return (
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
      `<c:tx><c:strRef><c:f>${esc(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
      `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="595959"/></a:solidFill></a:ln></c:spPr>` +
      `<c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef><c:f>${esc(s.catRef)}</c:f>${strCache(s.cats)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${esc(s.valRef)}</c:f>${numCache(s.nums)}</c:numRef></c:val>` +
      `</c:ser>`
    );
  });
  const horizontal = spec.kind === "bar";
  const stacked = spec.kind === "stackedColumn";
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1300" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="1300" b="1"/><a:t>${esc(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`;
  const axis = (tag: "catAx" | "valAx", id: number, cross: number, pos: string): string =>
    `<c:${tag}><c:axId val="${id}"/><c:scaling><c:orientation val="${tag === "catAx" && horizontal ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${pos}"/>${tag === "valAx" ? "<c:majorGridlines/>" : ""}` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${cross}"/><c:crosses val="autoZero"/>` +
    (tag === "catAx"
      ? `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>`
      : `<c:crossBetween val="between"/>`) +
    `</c:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/>` +
    `<c:varyColors val="0"/>${series.join("")}<c:gapWidth val="60"/>${stacked ? '<c:overlap val="100"/>' : ""}` +
    `<c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    axis("catAx", 1001, 1002, horizontal ? "l" : "b") +
    axis("valAx", 1002, 1001, horizontal ? "b" : "l") +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part anchoring a tab's charts; relId is each chart's relationship from the drawing. */
export function drawingXml(anchors: { p: PendingChart; relId: string; id: number }[]): string {
  const body = anchors
    .map(({ p, relId, id }) => {
      const at = parseRange(p.spec.anchor);
      return (
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
        `<xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${Math.round(p.spec.widthPx * EMU_PER_PX)}" cy="${Math.round(p.spec.heightPx * EMU_PER_PX)}"/>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="Chart ${id}" descr="${esc(p.spec.title)}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${relId}"/>` +
        `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">${body}</xdr:wsDr>`
  );
}

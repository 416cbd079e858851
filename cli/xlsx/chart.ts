/**
 * Native bar/column charts, added to the .xlsx zip after ExcelJS has written it (ExcelJS cannot
 * write charts). For each tab with charts: one drawing part anchoring the charts, one chart part per
 * chart (DrawingML bar chart with cell references and cached values, so Excel, LibreOffice and
 * Google Sheets draw it and a viewer that does not recalculate still shows the numbers), the
 * relationships, the content types and the sheet's <drawing> element.
 *
 * It does not touch any other part, and it skips a tab that already has a drawing (ExcelJS writes
 * one only for images, which we never add), rather than risk a broken file.
 *
 * Data layout (ChartSpec.dataRange): header row and first column label the data; see chartSeries.
 */
import type JSZip from "jszip";
import { a1, parseRange } from "../../core/a1.js";
import type { CellValue } from "../../core/sheet.js";
import type { PendingChart } from "./book.js";

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_DRAWING = `${NS_R}/drawing`;
const REL_CHART = `${NS_R}/chart`;
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const EMU_PER_PX = 9525;
const DEFAULT_COLOURS = ["#c0504d", "#c9a66b", "#f1c232", "#6aa84f", "#4f81bd", "#8064a2"];

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unesc(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
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

function drawingXml(anchors: { p: PendingChart; relId: string; id: number }[]): string {
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

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  const body = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`
  );
}

/** Sheet name -> worksheet part path ("xl/worksheets/sheet2.xml"), from workbook.xml and its rels. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wb = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]+)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path) out.set(unesc(name), path);
  }
  return out;
}

function freeNumber(zip: JSZip, pattern: (n: number) => string): number {
  let n = 1;
  while (zip.file(pattern(n))) n++;
  return n;
}

/** Insert <drawing r:id> where the schema wants it: before legacyDrawing, tableParts, extLst... */
function insertDrawing(sheetXml: string, relId: string): string {
  let xml = sheetXml;
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (root && !root[0].includes(`xmlns:r=`))
    xml = xml.replace(root[0], root[0].replace(/>$/, ` xmlns:r="${NS_R}">`));
  const el = `<drawing r:id="${relId}"/>`;
  const after =
    /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(
      xml,
    );
  if (after) return xml.slice(0, after.index) + el + xml.slice(after.index);
  return xml.replace(/<\/worksheet>\s*$/, `${el}</worksheet>`);
}

/** Add the pending charts to the zip ExcelJS wrote (in place). */
export async function injectCharts(zip: JSZip, charts: readonly PendingChart[]): Promise<void> {
  if (charts.length === 0) return;
  const parts = await sheetParts(zip);
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  const bySheet = new Map<string, PendingChart[]>();
  for (const c of charts) bySheet.set(c.sheetName, [...(bySheet.get(c.sheetName) ?? []), c]);

  for (const [sheetName, list] of bySheet) {
    const sheetPath = parts.get(sheetName);
    const sheetFile = sheetPath ? zip.file(sheetPath) : null;
    if (!sheetPath || !sheetFile) continue;
    const sheetXml = await sheetFile.async("string");
    if (/<drawing\b/.test(sheetXml)) continue;

    const d = freeNumber(zip, (n) => `xl/drawings/drawing${n}.xml`);
    const drawingPath = `xl/drawings/drawing${d}.xml`;
    const anchors = [];
    const drawingRels = [];
    for (const [i, p] of list.entries()) {
      const c = freeNumber(zip, (n) => `xl/charts/chart${n}.xml`);
      zip.file(`xl/charts/chart${c}.xml`, chartXml(p));
      types = types.replace(
        "</Types>",
        `<Override PartName="/xl/charts/chart${c}.xml" ContentType="${CT_CHART}"/></Types>`,
      );
      drawingRels.push({ id: `rId${i + 1}`, type: REL_CHART, target: `../charts/chart${c}.xml` });
      anchors.push({ p, relId: `rId${i + 1}`, id: i + 2 });
    }
    zip.file(drawingPath, drawingXml(anchors));
    zip.file(`xl/drawings/_rels/drawing${d}.xml.rels`, relsXml(drawingRels));
    types = types.replace(
      "</Types>",
      `<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/></Types>`,
    );

    const slash = sheetPath.lastIndexOf("/");
    const sheetRelsPath = `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`;
    const existing = (await zip.file(sheetRelsPath)?.async("string")) ?? relsXml([]);
    const used = new Set([...existing.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
    let k = 1;
    while (used.has(`rId${k}`)) k++;
    const relId = `rId${k}`;
    const rel = `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${d}.xml"/>`;
    const withRel = existing.includes("</Relationships>")
      ? existing.replace("</Relationships>", `${rel}</Relationships>`)
      : existing.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
    zip.file(sheetRelsPath, withRel);
    zip.file(sheetPath, insertDrawing(sheetXml, relId));
  }
  zip.file("[Content_Types].xml", types);
}

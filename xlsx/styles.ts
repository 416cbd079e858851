/**
 * What the reader needs from the styles part, per cell format (cellXfs index): the fill colour a
 * person sees ('#rrggbb', resolved through the workbook's own theme by core/xlsx-colour.ts) and
 * the number format (to show dates as dates and LibreOffice's 1/0 tick boxes as TRUE/FALSE).
 * Fonts, borders and alignment are not read. A file with no styles part has no formats.
 *
 * Fills are handed to core's resolveFill in the shape ExcelJS gives them ({type, pattern, fgColor,
 * bgColor} or {type: "gradient", stops}), so both readers agree on every fill encoding. A file may
 * carry its own indexed palette (<colors><indexedColors>); indexed colours are then looked up there
 * (as Excel and Apache POI do), not in the standard palette. Its entries start at index 0, except
 * in a palette of 56 entries: that is the old .xls user palette, which LibreOffice writes as it is
 * and which stands for indices 8-63 (0-7 are fixed).
 */
import { resolveFill } from "../core/xlsx-colour.js";
import { MAIN_NS } from "./ns.js";
import { CLOSE, END, OPEN, XmlScanner } from "./xml.js";

export interface CellFormat {
  /** The fill colour, lower-case '#rrggbb', or null for none. */
  fill: string | null;
  /** The number format code, when it is not General. */
  numFmt: string | undefined;
  /** The number format shows a date or time. */
  date: boolean;
}

/**
 * The built-in number formats (ECMA-376 §18.8.30) with a fixed code; the locale-dependent ones
 * (27-36, 50-81) have none here, as in ExcelJS, so their cells read as plain numbers.
 */
const BUILT_IN: Readonly<Record<number, string>> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A number format shows a date or time when, outside quotes and brackets, it has y m d h s or b. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

type Colour = { argb?: string; theme?: number; tint?: number; indexed?: number } | undefined;

/** The .xls user palette: 56 entries for indices 8-63. */
const BIFF_PALETTE = 56;
const BIFF_OFFSET = 8;

/** An indexed colour through the file's own palette (an ARGB from it), else unchanged. */
function throughPalette(c: Colour, palette: readonly string[]): Colour {
  if (c?.indexed === undefined || c.argb !== undefined) return c;
  const argb = palette.length === BIFF_PALETTE ? palette[c.indexed - BIFF_OFFSET] : palette[c.indexed];
  if (!argb) return c; // not in the palette (or no rgb): the standard entry
  return c.tint === undefined ? { argb } : { argb, tint: c.tint };
}

/** A fill with its indexed colours looked up in the file's own palette. */
function withPalette(fill: Record<string, unknown>, palette: readonly string[]): Record<string, unknown> {
  if (palette.length === 0) return fill;
  const out = { ...fill };
  if (out.fgColor) out.fgColor = throughPalette(out.fgColor, palette);
  if (out.bgColor) out.bgColor = throughPalette(out.bgColor, palette);
  if (Array.isArray(out.stops))
    out.stops = (out.stops as Record<string, unknown>[]).map((stop) => ({
      ...stop,
      color: throughPalette(stop.color as Colour, palette),
    }));
  return out;
}

/** A <color>-like element: ARGB, theme or indexed, with the tint (ECMA-376 §18.8.19) on any of them. */
function colour(s: XmlScanner): Colour {
  const tintAttr = s.attr("tint");
  const tint = tintAttr ? parseFloat(tintAttr) : undefined;
  const withTint = (c: { argb?: string; theme?: number; indexed?: number }): Colour =>
    tint === undefined || Number.isNaN(tint) ? c : { ...c, tint };
  const rgb = s.attr("rgb");
  if (rgb) return withTint({ argb: rgb });
  const theme = s.attr("theme");
  if (theme) return withTint({ theme: parseInt(theme, 10) });
  const indexed = s.attr("indexed");
  return indexed ? withTint({ indexed: parseInt(indexed, 10) }) : undefined;
}

/** From a <fill> start tag: the fill as an ExcelJS-shaped object (the scanner ends on </fill>). */
function readFill(s: XmlScanner): Record<string, unknown> {
  const depth = s.depth;
  const fill: Record<string, unknown> = {};
  let stop: Record<string, unknown> | null = null;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === CLOSE) {
      if (s.depth === depth) break;
      if (s.local === "stop" && stop) {
        (fill.stops as unknown[]).push(stop);
        stop = null;
      }
      continue;
    }
    if (t !== OPEN) continue;
    switch (s.local) {
      case "patternFill":
        fill.type = "pattern";
        fill.pattern = s.attr("patternType");
        break;
      case "gradientFill":
        fill.type = "gradient";
        fill.stops = [];
        break;
      case "fgColor":
        fill.fgColor = colour(s);
        break;
      case "bgColor":
        fill.bgColor = colour(s);
        break;
      case "stop":
        stop = { position: parseFloat(s.attr("position") ?? "0") };
        break;
      case "color":
        if (stop) stop.color = colour(s);
        break;
    }
  }
  return fill;
}

/** Every cell format of a styles part, by cellXfs index. */
export function readCellFormats(xml: string, theme: readonly string[]): (CellFormat | null)[] {
  const numFmts = new Map<number, string>();
  const fills: Record<string, unknown>[] = [];
  const xfs: { numFmtId: number; fillId: number }[] = [];
  /** The file's own indexed palette (<colors><indexedColors>), ARGB by index; empty for the standard one. */
  const palette: string[] = [];
  let section = "";
  const s = new XmlScanner(xml);
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === CLOSE) {
      if (s.depth === 2) section = "";
      continue;
    }
    if (t !== OPEN) continue;
    const uri = s.uri();
    if (uri !== undefined && !MAIN_NS.has(uri)) {
      s.skip(); // extensions (x14 dxfs, slicer styles...) say nothing about cell fills
      continue;
    }
    if (s.depth === 2) {
      section = s.local;
      continue;
    }
    if (section === "numFmts" && s.local === "numFmt") {
      numFmts.set(Number(s.attr("numFmtId")), s.attr("formatCode") ?? "");
    } else if (section === "fills" && s.local === "fill") {
      fills.push(readFill(s));
    } else if (section === "cellXfs" && s.local === "xf" && s.depth === 3) {
      xfs.push({ numFmtId: Number(s.attr("numFmtId") ?? 0), fillId: Number(s.attr("fillId") ?? 0) });
    } else if (section === "colors" && s.local === "rgbColor") {
      palette.push(s.attr("rgb") ?? "");
    }
  }
  const fillColours = fills.map((f) => resolveFill(withPalette(f, palette), theme));
  return xfs.map((xf) => {
    const code = xf.numFmtId ? (numFmts.get(xf.numFmtId) ?? BUILT_IN[xf.numFmtId]) : undefined;
    return { fill: fillColours[xf.fillId] ?? null, numFmt: code, date: isDateFormat(code) };
  });
}

/**
 * Resolves .xlsx fill colours to "#rrggbb" so colour.ts can classify them. A SpreadsheetML colour
 * is an ARGB value, an entry of the legacy indexed palette, or a theme colour with a tint; theme
 * colours come from the workbook's own theme part, because writers ship different themes (Office
 * 2007's accent 6 is orange #f79646, Office 2013's is green #70ad47, Office 2023's #4ea72e).
 *
 * It does not open files or parse XML with a DOM (core has neither): the CLI reads
 * `xl/theme/theme1.xml` as text and passes ExcelJS's fill objects, which are validated here.
 *
 * Tints follow Excel, not textbook HSL: Excel converts to integer HLS on a 0-240 scale (the Windows
 * ColorRGBToHLS scale), moves the luminance towards white (tint > 0) or black (tint < 0), rounds,
 * and converts back. A 0-255 or floating-point HLS is off by one or two in a channel for many
 * palette entries (for example accent6 lighter 80% would come out #e2f0d9, not Excel's #e2efda).
 */

import { byteHex, normaliseHex } from "./colour.js";
import { LadderError } from "./errors.js";

/** A colour as ExcelJS gives `fill.fgColor` / `fill.bgColor`. */
export interface XlsxColour {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

/** Theme colour element names in theme-index order (note lt1 before dk1, unlike the XML). */
const THEME_SLOTS = [
  "lt1",
  "dk1",
  "lt2",
  "dk2",
  "accent1",
  "accent2",
  "accent3",
  "accent4",
  "accent5",
  "accent6",
  "hlink",
  "folHlink",
] as const;

const SYSTEM_COLOURS: Readonly<Record<string, string>> = { windowtext: "#000000", window: "#ffffff" };

/**
 * The theme colours of a theme part, in SpreadsheetML theme-index order: 0 lt1, 1 dk1, 2 lt2,
 * 3 dk2, 4-9 accent1-6, 10 hlink, 11 folHlink. Any namespace prefix (or none) is accepted.
 * Returns [] when there is no colour scheme; a slot that is missing or not an sRGB/system colour
 * is "" so later indices keep their places (resolveXlsxColour reads "" as no colour).
 * @example parseThemeColours(theme2013Xml)[9] === "#70ad47"
 */
export function parseThemeColours(themeXml: string): string[] {
  const scheme = elementBody(themeXml, "clrScheme");
  if (scheme === null) return [];
  return THEME_SLOTS.map((slot) => {
    const body = elementBody(scheme, slot);
    return body === null ? "" : (schemeColour(body) ?? "");
  });
}

const PREFIX = "(?:[A-Za-z_][\\w.-]*:)?";

/** The text between the first <name ...> and its closing tag, whatever the prefix. */
function elementBody(xml: string, name: string): string | null {
  const re = new RegExp(`<${PREFIX}${name}(?=[\\s/>])[^>]*>([\\s\\S]*?)</${PREFIX}${name}\\s*>`);
  const m = re.exec(xml);
  return m ? (m[1] ?? "") : null;
}

/** A tag's attribute value (either quote style), or null. */
function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`).exec(tag);
  return m ? (m[2] ?? null) : null;
}

function schemeColour(body: string): string | null {
  const srgb = new RegExp(`<${PREFIX}srgbClr\\b[^>]*>`).exec(body);
  if (srgb) return normaliseHex(attribute(srgb[0], "val"));
  const sys = new RegExp(`<${PREFIX}sysClr\\b[^>]*>`).exec(body);
  if (sys) {
    const last = normaliseHex(attribute(sys[0], "lastClr"));
    if (last !== null) return last;
    return SYSTEM_COLOURS[(attribute(sys[0], "val") ?? "").toLowerCase()] ?? null;
  }
  return null;
}

const HLS_MAX = 240;
const RGB_MAX = 255;

/** Integer division truncating towards zero, as the C original does. */
function idiv(a: number, b: number): number {
  return Math.trunc(a / b);
}

/** RGB (0-255) to integer HLS (0-240), as Windows ColorRGBToHLS computes it. */
function rgbToHls240(r: number, g: number, b: number): [number, number, number] {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lum = idiv((max + min) * HLS_MAX + RGB_MAX, 2 * RGB_MAX);
  if (max === min) return [idiv(HLS_MAX * 2, 3), lum, 0];
  const delta = max - min;
  const sum = max + min;
  const sat =
    lum <= HLS_MAX / 2
      ? idiv(idiv(sum, 2) + delta * HLS_MAX, sum)
      : idiv(idiv(2 * RGB_MAX - sum, 2) + delta * HLS_MAX, 2 * RGB_MAX - sum);
  const norm = (c: number): number => idiv(idiv(delta, 2) + (max - c) * (HLS_MAX / 6), delta);
  let hue: number;
  if (r === max) hue = norm(b) - norm(g);
  else if (g === max) hue = HLS_MAX / 3 + norm(r) - norm(b);
  else hue = (2 * HLS_MAX) / 3 + norm(g) - norm(r);
  if (hue < 0) hue += HLS_MAX;
  else if (hue > HLS_MAX) hue -= HLS_MAX;
  return [hue, lum, sat];
}

function hueToChannel(hue: number, mid1: number, mid2: number): number {
  let h = hue > HLS_MAX ? hue - HLS_MAX : hue < 0 ? hue + HLS_MAX : hue;
  if (h > (2 * HLS_MAX) / 3) return mid1;
  if (h > HLS_MAX / 2) h = (2 * HLS_MAX) / 3 - h;
  else if (h > HLS_MAX / 6) return mid2;
  return idiv(h * (mid2 - mid1) + HLS_MAX / 12, HLS_MAX / 6) + mid1;
}

/** Integer HLS (0-240) back to RGB (0-255), rounding each channel (greys too, as Excel does). */
function hls240ToRgb(hue: number, lum: number, sat: number): [number, number, number] {
  if (sat === 0) {
    const v = idiv(lum * RGB_MAX + HLS_MAX / 2, HLS_MAX);
    return [v, v, v];
  }
  const mid2 =
    lum > HLS_MAX / 2
      ? sat + lum - idiv(sat * lum + HLS_MAX / 2, HLS_MAX)
      : idiv((sat + HLS_MAX) * lum + HLS_MAX / 2, HLS_MAX);
  const mid1 = lum * 2 - mid2;
  const channel = (h: number): number => idiv(hueToChannel(h, mid1, mid2) * RGB_MAX + HLS_MAX / 2, HLS_MAX);
  return [channel(hue + HLS_MAX / 3), channel(hue), channel(hue - HLS_MAX / 3)];
}

/**
 * Applies an Excel tint (-1 darkest .. 0 unchanged .. 1 white) to a colour's HLS luminance
 * (ECMA-376 §18.8.19): L * (1 + tint) when darkening, L + (HLSMAX - L) * tint when lightening.
 * Tints outside [-1, 1] are clamped. Throws LadderError("argument-invalid") for a non-colour.
 * @example applyTint("#70ad47", 0.7999816888943144) === "#e2efda"
 */
export function applyTint(hex: string, tint: number): string {
  const norm = normaliseHex(hex);
  if (norm === null) return invalidColour(hex);
  if (!Number.isFinite(tint) || tint === 0) return norm;
  const t = Math.min(1, Math.max(-1, tint));
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(norm.slice(i, i + 2), 16)) as [number, number, number];
  const [hue, lum, sat] = rgbToHls240(r, g, b);
  const tinted = Math.round(t < 0 ? lum * (1 + t) : lum * (1 - t) + (HLS_MAX - HLS_MAX * (1 - t)));
  return (
    "#" +
    hls240ToRgb(hue, Math.min(HLS_MAX, Math.max(0, tinted)), sat)
      .map(byteHex)
      .join("")
  );
}

function invalidColour(hex: string): never {
  throw new LadderError("argument-invalid", `Not a colour: "${hex}".`);
}

/**
 * The legacy Excel indexed palette, entries 0-63 (ECMA-376 §18.8.27). Index 64 is the system
 * foreground and 65 the system background: "automatic", not a colour, so they are not listed.
 * @example INDEXED_COLOURS[10] === "#ff0000"
 */
export const INDEXED_COLOURS: readonly string[] = Object.freeze(
  (
    "000000 ffffff ff0000 00ff00 0000ff ffff00 ff00ff 00ffff " +
    "000000 ffffff ff0000 00ff00 0000ff ffff00 ff00ff 00ffff " +
    "800000 008000 000080 808000 800080 008080 c0c0c0 808080 " +
    "9999ff 993366 ffffcc ccffff 660066 ff8080 0066cc ccccff " +
    "000080 ff00ff ffff00 00ffff 800080 800000 008080 0000ff " +
    "00ccff ccffff ccffcc ffff99 99ccff ff99cc cc99ff ffcc99 " +
    "3366ff 33cccc 99cc00 ffcc00 ff9900 ff6600 666699 969696 " +
    "003366 339966 003300 333300 993300 993366 333399 333333"
  )
    .split(" ")
    .map((h) => "#" + h),
);

/**
 * The Office 2013-2022 default theme, in theme-index order. Only for a workbook that has no theme
 * part at all (Excel then uses its built-in theme); a workbook's own theme always wins.
 * @example OFFICE_THEME_COLOURS[9] === "#70ad47"
 */
export const OFFICE_THEME_COLOURS: readonly string[] = Object.freeze([
  "#ffffff",
  "#000000",
  "#e7e6e6",
  "#44546a",
  "#4472c4",
  "#ed7d31",
  "#a5a5a5",
  "#ffc000",
  "#5b9bd5",
  "#70ad47",
  "#0563c1",
  "#954f72",
]);

/**
 * Resolves one SpreadsheetML colour to "#rrggbb", or null when it names no colour (missing,
 * transparent, automatic/system indexed 64-65, or a theme index the theme does not define).
 * ARGB wins over theme, theme over indexed; a tint applies to whichever is used.
 * @example resolveXlsxColour({ theme: 9, tint: 0.7999816888943144 }, theme2013) === "#e2efda"
 */
export function resolveXlsxColour(c: XlsxColour | undefined, themeColours: readonly string[]): string | null {
  if (c === undefined) return null;
  let base: string | null = null;
  if (typeof c.argb === "string") base = normaliseHex(c.argb);
  else if (isIndex(c.theme)) base = normaliseHex(themeColours[c.theme]);
  else if (isIndex(c.indexed)) base = INDEXED_COLOURS[c.indexed] ?? null;
  if (base === null) return null;
  return typeof c.tint === "number" && c.tint !== 0 ? applyTint(base, c.tint) : base;
}

function isIndex(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 0;
}

/**
 * The colour a cell fill shows, from an ExcelJS-like fill object (validated here, since it comes
 * from a file). Pattern fills: "none" or no pattern is null; otherwise the foreground colour, or
 * the background when the foreground is absent or automatic (LibreOffice writes solid fills with
 * only a bgColor). Gradient fills: the first stop's colour.
 * @example resolveFill({ type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } }, []) === "#00b050"
 */
export function resolveFill(fill: unknown, themeColours: readonly string[]): string | null {
  if (!isRecord(fill)) return null;
  if (fill.type === "pattern") {
    if (typeof fill.pattern !== "string" || fill.pattern === "none") return null;
    return (
      resolveXlsxColour(readColour(fill.fgColor), themeColours) ??
      resolveXlsxColour(readColour(fill.bgColor), themeColours)
    );
  }
  if (fill.type === "gradient" && Array.isArray(fill.stops)) {
    const first: unknown = fill.stops[0];
    return isRecord(first) ? resolveXlsxColour(readColour(first.color), themeColours) : null;
  }
  return null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Keeps only the well-typed fields of a colour object; anything else is no colour. */
function readColour(v: unknown): XlsxColour | undefined {
  if (!isRecord(v)) return undefined;
  const c: XlsxColour = {};
  if (typeof v.argb === "string") c.argb = v.argb;
  if (typeof v.theme === "number" && Number.isFinite(v.theme)) c.theme = v.theme;
  if (typeof v.tint === "number" && Number.isFinite(v.tint)) c.tint = v.tint;
  if (typeof v.indexed === "number" && Number.isFinite(v.indexed)) c.indexed = v.indexed;
  return c;
}

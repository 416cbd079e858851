/**
 * Colour classes for the colouring rule: a fill's hue and lightness decide whether it reads as
 * green, amber, red, blank or an unknown colour (design §3). People colour cells with whatever
 * green their tool offers (Excel's standard greens, theme accents with tints, Google's palette,
 * named colours), so no class is ever one exact hex.
 *
 * It does not read hosts or files: callers pass a colour string ("#rrggbb", "#rgb", ARGB) that
 * their host already resolved (xlsx-colour.ts resolves .xlsx theme and indexed colours first).
 *
 * The thresholds, checked in this order, with why:
 *  1. No fill, or lightness >= BLANK_MIN_LIGHTNESS (0.97) -> blank. White, and tints so pale that
 *     nobody meant them as a colour (#f8f8f8 is 0.973). The palest deliberate tints people use sit
 *     well below: #e2efda 0.90, #fff2cc 0.90, #f4cccc 0.88, #d9ead3 0.87.
 *  2. Lightness < NEAR_BLACK_MAX_LIGHTNESS (0.12) -> unknown. Hue is meaningless that dark; the
 *     darkest greens and reds in any palette (#274e13 0.19, #006100 0.19, #980000 0.30) stay above.
 *  3. HSL saturation < GREY_MAX_SATURATION (0.2) -> unknown. Greys (#808080, #d9d9d9, #f2f2f2) have
 *     0, while the least saturated real tints are far above (#d9ead3 0.35, #b6d7a8 0.37).
 *  4. Hue (degrees): red from RED_HUE_FROM (320) round through 0 to AMBER_HUE_FROM (18): reds,
 *     pinks, crimson (348), deep pink (328), salmon-ish Google #dd7e6b (10). Amber up to
 *     GREEN_HUE_FROM (70): oranges (#ed7d31 24, #fce4d6 22), amber (#ffc000 45), yellow (#ffff00 60).
 *     Green up to GREEN_HUE_TO (165): yellow-greens (#9acd32 80, #c4d79b 79) to sea/mint greens
 *     (#00b050 147, #b7e1cd 151). Everything else (165-320: teal, cyan, blues, purples, magenta
 *     at 300) is unknown.
 */

import { LadderError } from "./errors.js";
import { memoByString } from "./memo.js";

export type ColourClass = "green" | "amber" | "red" | "blank" | "unknown";

/** Colour classes that count as a mark someone made (see CLASS_FILL). */
export type MarkClass = "green" | "amber" | "red";

/** Hue in degrees [0, 360); saturation and lightness in [0, 1] (standard HSL). */
export interface Hsl {
  h: number;
  s: number;
  l: number;
}

/** Lightness at or above which any colour reads as blank (near-white). */
export const BLANK_MIN_LIGHTNESS = 0.97;
/** Lightness below which any colour is near-black, so unknown. */
export const NEAR_BLACK_MAX_LIGHTNESS = 0.12;
/** HSL saturation below which a colour is a grey, so unknown. */
export const GREY_MAX_SATURATION = 0.2;
/** Hue (degrees) where red starts; red wraps through 0 up to AMBER_HUE_FROM. */
export const RED_HUE_FROM = 320;
/** Hue (degrees) where amber (orange, amber, yellow) starts. */
export const AMBER_HUE_FROM = 18;
/** Hue (degrees) where green starts. */
export const GREEN_HUE_FROM = 70;
/** Hue (degrees) where green ends (exclusive); beyond are teal, cyan and blue. */
export const GREEN_HUE_TO = 165;

/**
 * A symbol to show beside each class, so colour is never the only signal.
 * @example CLASS_SYMBOL.green === "G"
 */
export const CLASS_SYMBOL: Readonly<Record<ColourClass, string>> = {
  green: "G",
  amber: "A",
  red: "R",
  blank: "–",
  unknown: "?",
};

/**
 * The fills our generators write: light enough for black text (contrast well above 7:1) and
 * squarely inside their own class.
 * @example colourClass(CLASS_FILL.amber) === "amber"
 */
export const CLASS_FILL: Readonly<Record<MarkClass, string>> = {
  green: "#b7e1cd",
  amber: "#ffd966",
  red: "#f4c7c3",
};

const NO_FILL_WORDS = new Set(["", "none", "transparent"]);

/**
 * Normalises a colour string to lower-case "#rrggbb", or null when there is no colour.
 * Accepts "#rgb", "#rrggbb", "rrggbb" and ARGB "aarrggbb" / "#aarrggbb" (as ExcelJS and Office
 * write them). Alpha is otherwise ignored, as Excel ignores it, except that "00000000" (fully
 * transparent black, a common writer default) means no colour.
 * @example normaliseHex(" FF00B050 ") === "#00b050"; normaliseHex("none") === null
 */
export function normaliseHex(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const text = input.trim().toLowerCase();
  if (NO_FILL_WORDS.has(text)) return null;
  const digits = text.startsWith("#") ? text.slice(1) : text;
  if (!/^[0-9a-f]+$/.test(digits)) return null;
  if (digits.length === 3) {
    return "#" + digits.replace(/./g, "$&$&");
  }
  if (digits.length === 6) return "#" + digits;
  if (digits.length === 8) {
    if (digits === "00000000") return null;
    return "#" + digits.slice(2);
  }
  return null;
}

function parseHexOrThrow(hex: string): [number, number, number] {
  const norm = normaliseHex(hex);
  if (norm === null) throw new LadderError("argument-invalid", `Not a colour: "${hex}".`);
  return [1, 3, 5].map((i) => parseInt(norm.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * Converts a colour to standard HSL. Throws LadderError("argument-invalid") for a non-colour.
 * @example hexToHsl("#00ff00") -> { h: 120, s: 1, l: 0.5 }
 */
export function hexToHsl(hex: string): Hsl {
  const [r, g, b] = parseHexOrThrow(hex).map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  let h: number;
  if (max === r) h = ((g - b) / d + 6) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return { h: h * 60, s: Math.min(1, s), l };
}

/**
 * Converts HSL back to lower-case "#rrggbb" (hue wraps; s and l are clamped to [0, 1]).
 * @example hslToHex({ h: 0, s: 1, l: 0.5 }) === "#ff0000"
 */
export function hslToHex(hsl: Hsl): string {
  const h = ((hsl.h % 360) + 360) % 360;
  const s = clamp01(hsl.s);
  const l = clamp01(hsl.l);
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const sectors: readonly (readonly [number, number, number])[] = [
    [c, x, 0],
    [x, c, 0],
    [0, c, x],
    [0, x, c],
    [x, 0, c],
    [c, 0, x],
  ];
  const [r, g, b] = sectors[Math.floor(h / 60)] ?? [c, 0, x];
  return "#" + [r, g, b].map((v) => byteHex((v + m) * 255)).join("");
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

/**
 * Two lower-case hex digits for a channel value, rounded and clamped to 0-255.
 * @example byteHex(175.6) === "b0"; byteHex(300) === "ff"
 */
export function byteHex(v: number): string {
  return Math.min(255, Math.max(0, Math.round(v)))
    .toString(16)
    .padStart(2, "0");
}

/**
 * The colour class of a cell fill (see the module header for the thresholds).
 * No fill is blank; a non-empty string that is not a colour is unknown, so it gets flagged
 * rather than silently read as blank.
 * @example colourClass("#92d050") === "green"; colourClass("#ffffff") === "blank"
 */
export function colourClass(fill: string | null | undefined): ColourClass {
  return fill === null || fill === undefined ? "blank" : classOf(fill);
}

/** A workbook uses a handful of distinct fills over thousands of cells, so classes are remembered. */
const classOf = memoByString(classify, 10_000);

function classify(fill: string): ColourClass {
  if (NO_FILL_WORDS.has(fill.trim().toLowerCase())) return "blank";
  const hex = normaliseHex(fill);
  if (hex === null) return isTransparentArgb(fill) ? "blank" : "unknown";
  const { h, s, l } = hexToHsl(hex);
  if (l >= BLANK_MIN_LIGHTNESS) return "blank";
  if (l < NEAR_BLACK_MAX_LIGHTNESS) return "unknown";
  if (s < GREY_MAX_SATURATION) return "unknown";
  if (h >= RED_HUE_FROM || h < AMBER_HUE_FROM) return "red";
  if (h < GREEN_HUE_FROM) return "amber";
  if (h < GREEN_HUE_TO) return "green";
  return "unknown";
}

function isTransparentArgb(fill: string): boolean {
  return /^#?0{8}$/.test(fill.trim());
}

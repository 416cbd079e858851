/**
 * Colour names for people: "light blue" instead of "#9fc5e8". Messages name the colour a person
 * sees in the cell, because a hex code means nothing to a teacher. Names come from hue and
 * lightness (the same HSL that colour.ts classes colours by), in the words spreadsheet palettes
 * use; they describe, they never decide a class.
 *
 * It does not resolve theme or indexed colours: callers pass the '#rrggbb' their host resolved.
 */
import { GREY_MAX_SATURATION, hexToHsl, NEAR_BLACK_MAX_LIGHTNESS, normaliseHex } from "./colour.js";

/** Hue bands (start degree, name), in order; red wraps round from 345. */
const HUES: readonly (readonly [number, string])[] = [
  [0, "red"],
  [15, "orange"],
  [40, "amber"],
  [55, "yellow"],
  [70, "green"],
  [165, "teal"],
  [195, "blue"],
  [255, "purple"],
  [290, "magenta"],
  [320, "pink"],
  [345, "red"],
];

/** Lightness at or above which a colour is "light", below which it is "dark". */
const LIGHT_FROM = 0.7;
const DARK_BELOW = 0.3;

/**
 * The colour's name in plain words, or null when the input is not a colour.
 * @example colourName("#9fc5e8") === "light blue"; colourName("#808080") === "grey"
 */
export function colourName(input: string | null | undefined): string | null {
  const hex = normaliseHex(input);
  if (hex === null) return null;
  const { h, s, l } = hexToHsl(hex);
  if (l >= 0.97) return "white";
  if (l < NEAR_BLACK_MAX_LIGHTNESS) return "black";
  const shade = l >= LIGHT_FROM ? "light " : l < DARK_BELOW ? "dark " : "";
  if (s < GREY_MAX_SATURATION) return `${shade}grey`;
  let name = "red";
  for (const [from, n] of HUES) if (h >= from) name = n;
  return `${shade}${name}`;
}

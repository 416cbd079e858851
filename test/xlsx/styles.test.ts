// Indexed fill colours go through the file's own palette (<colors><indexedColors>) when it has one:
// a full 64-entry palette from index 0 (as Excel writes it), a 56-entry one for indices 8-63 (the
// old .xls user palette, as LibreOffice writes it); recently used colours are not a palette.
import { describe, expect, it } from "vitest";
import { readCellFormats } from "../../xlsx/styles.js";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A styles part whose cellXfs 1..n use one solid fill each, in the given colour attributes. */
function styles(colours: string[], colors = ""): string {
  const fills = colours
    .map(
      (c) =>
        `<fill><patternFill patternType="solid"><fgColor ${c}/><bgColor indexed="64"/></patternFill></fill>`,
    )
    .join("");
  const xfs = colours.map((_, i) => `<xf numFmtId="0" fontId="0" fillId="${i + 2}" borderId="0"/>`).join("");
  return (
    `<styleSheet ${NS}><fills><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills}</fills>` +
    `<cellXfs><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>${xfs}</cellXfs>${colors}</styleSheet>`
  );
}
const palette = (rgbs: string[]): string =>
  `<colors><indexedColors>${rgbs.map((c) => `<rgbColor rgb="${c}"/>`).join("")}</indexedColors></colors>`;
const fills = (xml: string): (string | null)[] => readCellFormats(xml, []).map((f) => f?.fill ?? null);

/** n distinct colours: entry i is #0000ii (i in hex), so an answer shows which entry was used. */
const numbered = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `FF0000${i.toString(16).padStart(2, "0")}`);

describe("indexed fills", () => {
  it("use the standard palette when the file has none", () => {
    expect(fills(styles(['indexed="10"', 'indexed="17"']))).toEqual([null, "#ff0000", "#008000"]);
  });

  it("use a 64-entry palette of the file's own from index 0", () => {
    expect(fills(styles(['indexed="10"', 'indexed="63"'], palette(numbered(64))))).toEqual([
      null,
      "#00000a",
      "#00003f",
    ]);
  });

  it("read a 56-entry palette as indices 8-63, and 0-7 from the standard palette", () => {
    expect(fills(styles(['indexed="10"', 'indexed="2"'], palette(numbered(56))))).toEqual([
      null,
      "#000002",
      "#ff0000",
    ]);
  });

  it("fall back to the standard entry beyond the palette or for an entry with no colour", () => {
    const own = palette(["FF000001", "FF000002"]).replace('<rgbColor rgb="FF000002"/>', "<rgbColor/>");
    expect(fills(styles(['indexed="0"', 'indexed="1"', 'indexed="10"'], own))).toEqual([
      null,
      "#000001",
      "#ffffff",
      "#ff0000",
    ]);
  });

  it("ignore recently used colours, which are not a palette", () => {
    const mru = '<colors><mruColors><color rgb="FF00B050"/></mruColors></colors>';
    expect(fills(styles(['indexed="10"'], mru))).toEqual([null, "#ff0000"]);
  });

  it("keep a tint on a colour from the file's palette", () => {
    const own = palette(numbered(64).map((c, i) => (i === 12 ? "FF70AD47" : c)));
    expect(fills(styles(['indexed="12" tint="0.7999816888943144"'], own))).toEqual([null, "#e2efda"]);
  });

  it("apply a tint to ARGB and indexed colours too, not only to theme colours", () => {
    expect(fills(styles(['rgb="FF70AD47" tint="0.7999816888943144"', 'indexed="17" tint="-0.5"']))).toEqual([
      null,
      "#e2efda",
      "#004000",
    ]);
  });
});

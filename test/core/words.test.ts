/**
 * Plain words: colours by name, and "did you mean" only for near misses.
 */
import { describe, expect, it } from "vitest";
import { colourName } from "../../core/colour-names.js";
import { closest, didYouMean } from "../../core/suggest.js";

describe("colourName", () => {
  it.each([
    ["#9fc5e8", "light blue"],
    ["#0000ff", "blue"],
    ["#073763", "dark blue"],
    ["#b4a7d6", "light purple"],
    ["#808080", "grey"],
    ["#d9d9d9", "light grey"],
    ["#000000", "black"],
    ["#ffffff", "white"],
    ["#00b050", "green"],
    ["#b6d7a8", "light green"],
    ["#ffc000", "amber"],
    ["#ff0000", "red"],
    ["#ed7d31", "orange"],
    ["#ffff00", "yellow"],
    ["#ff00ff", "magenta"],
    ["#76a5af", "teal"],
    ["FF9FC5E8", "light blue"],
  ])("%s is %s", (hex, name) => {
    expect(colourName(hex)).toBe(name);
  });

  it("gives null for what is not a colour", () => {
    expect(colourName(null)).toBeNull();
    expect(colourName("none")).toBeNull();
    expect(colourName("#12")).toBeNull();
  });
});

describe("closest and didYouMean", () => {
  it("suggests names one slip away, closest first, ignoring case and spacing", () => {
    expect(closest("Grace Holoway", ["Tom Ashworth", "Grace Holloway", "Grace Hollway"])).toEqual([
      "Grace Holloway",
      "Grace Hollway",
    ]);
    expect(closest("--tabb", ["--tab", "--json", "--help"])).toEqual(["--tab"]);
    expect(closest("leadership", ["leadership-ladder", "leadership-policy", "grade-bands"])).toEqual([
      "leadership-ladder",
      "leadership-policy",
    ]);
  });

  it("guesses nothing for a different word", () => {
    expect(closest("Nobody", ["Ann Lee", "Cara Singh"])).toEqual([]);
    expect(didYouMean("Nobody", ["Ann Lee"])).toBe("");
    expect(didYouMean("", ["Ann Lee"])).toBe("");
  });

  it("says one or several in a sentence", () => {
    expect(didYouMean("chek", ["check", "demo"])).toBe(" Did you mean 'check'?");
    expect(didYouMean("ab", ["ac", "ad"])).toBe(" Did you mean 'ac' or 'ad'?");
  });
});

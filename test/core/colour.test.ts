import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  AMBER_HUE_FROM,
  BLANK_MIN_LIGHTNESS,
  CLASS_FILL,
  CLASS_SYMBOL,
  GREEN_HUE_FROM,
  GREEN_HUE_TO,
  GREY_MAX_SATURATION,
  NEAR_BLACK_MAX_LIGHTNESS,
  RED_HUE_FROM,
  byteHex,
  colourClass,
  hexToHsl,
  hslToHex,
  normaliseHex,
  type ColourClass,
} from "../../core/colour.js";
import { LadderError } from "../../core/errors.js";

/** [hex, where people meet it] */
type Palette = readonly (readonly [string, string])[];

const GREENS: Palette = [
  ["#00b050", "Excel standard green"],
  ["#92d050", "Excel standard light green"],
  ["#70ad47", "Excel 2013 accent 6"],
  ["#a9d08e", "Excel accent 6 lighter 40%"],
  ["#c6e0b4", "Excel accent 6 lighter 60%"],
  ["#e2efda", "Excel accent 6 lighter 80%"],
  ["#548235", "Excel accent 6 darker 25%"],
  ["#c6efce", "Excel 'Good' style fill"],
  ["#9bbb59", "Excel 2007 accent 3"],
  ["#c4d79b", "Excel 2007 accent 3 lighter 40%"],
  ["#4ea72e", "Excel 2023 accent 6"],
  ["#196b24", "Excel 2023 accent 3"],
  ["#00ff00", "Google green"],
  ["#b6d7a8", "Google light green 2"],
  ["#d9ead3", "Google light green 3"],
  ["#93c47d", "Google light green 1"],
  ["#6aa84f", "Google dark green 1"],
  ["#38761d", "Google dark green 2"],
  ["#274e13", "Google dark green 3"],
  ["#b7e1cd", "Google conditional-format green"],
  ["#008000", "CSS green"],
  ["#90ee90", "CSS lightgreen"],
  ["#32cd32", "CSS limegreen"],
  ["#9acd32", "CSS yellowgreen"],
  ["#adff2f", "CSS greenyellow"],
  ["#3cb371", "CSS mediumseagreen"],
];

const AMBERS: Palette = [
  ["#ffc000", "Excel standard orange (amber)"],
  ["#ffff00", "Excel standard yellow"],
  ["#ed7d31", "Excel 2013 accent 2"],
  ["#f4b084", "Excel accent 2 lighter 40%"],
  ["#fce4d6", "Excel accent 2 lighter 80%"],
  ["#f79646", "Excel 2007 accent 6"],
  ["#ffeb9c", "Excel 'Neutral' style fill"],
  ["#fff2cc", "Excel accent 4 lighter 80% / Google light yellow 3"],
  ["#ff9900", "Google orange"],
  ["#ffe599", "Google light yellow 2"],
  ["#f1c232", "Google dark yellow 1"],
  ["#fce5cd", "Google light orange 3"],
  ["#f9cb9c", "Google light orange 2"],
  ["#f6b26b", "Google light orange 1"],
  ["#e69138", "Google dark orange 1"],
  ["#ffa500", "CSS orange"],
  ["#ffbf00", "amber"],
  ["#ffd700", "CSS gold"],
];

const REDS: Palette = [
  ["#ff0000", "Excel standard red"],
  ["#c00000", "Excel standard dark red"],
  ["#ffc7ce", "Excel 'Bad' style fill"],
  ["#ea9999", "Google light red 2"],
  ["#f4cccc", "Google light red 3"],
  ["#e06666", "Google light red 1"],
  ["#cc0000", "Google dark red 1"],
  ["#980000", "Google red berry"],
  ["#e6b8af", "Google light red berry 3"],
  ["#dd7e6b", "Google light red berry 2"],
  ["#ffc0cb", "CSS pink"],
  ["#ff69b4", "CSS hotpink"],
  ["#ff1493", "CSS deeppink"],
  ["#dc143c", "CSS crimson"],
];

const UNKNOWNS: Palette = [
  ["#0070c0", "Excel standard blue"],
  ["#00b0f0", "Excel standard light blue"],
  ["#4472c4", "Excel 2013 accent 1"],
  ["#cfe2f3", "Google light blue 3"],
  ["#4a86e8", "Google cornflower blue"],
  ["#7030a0", "Excel standard purple"],
  ["#d9d2e9", "Google light purple 3"],
  ["#9900ff", "Google purple"],
  ["#ff00ff", "magenta"],
  ["#a02b93", "Excel 2023 accent 5 (magenta-purple)"],
  ["#00ffff", "cyan"],
  ["#008080", "teal"],
  ["#808080", "mid grey"],
  ["#a6a6a6", "Excel white darker 35%"],
  ["#d9d9d9", "Excel white darker 15%"],
  ["#f2f2f2", "Excel white darker 5%"],
  ["#000000", "black"],
  ["#0d1a0d", "near-black green"],
];

const BLANKS: readonly (string | null | undefined)[] = [
  null,
  undefined,
  "",
  "  ",
  "none",
  "transparent",
  "00000000",
  "#ffffff",
  "#FFFFFF",
  "FFFFFFFF",
  "#fff",
  "#fefefe",
  "#fbfbfb",
  "#f8f8f8",
  "#fffdf7",
  "#f9fcf8",
];

function classTable(palette: Palette, expected: ColourClass): void {
  it.each(palette)(`%s (%s) is ${expected}`, (hex) => {
    expect(colourClass(hex)).toBe(expected);
  });
}

describe("colourClass over the palettes people use", () => {
  describe("greens", () => classTable(GREENS, "green"));
  describe("ambers, yellows and oranges", () => classTable(AMBERS, "amber"));
  describe("reds and pinks", () => classTable(REDS, "red"));
  describe("blues, purples, teal, greys and black", () => classTable(UNKNOWNS, "unknown"));

  it.each(BLANKS.map((b) => [b]))("%j is blank", (fill) => {
    expect(colourClass(fill)).toBe("blank");
  });
});

describe("colourClass input forms", () => {
  it("reads ARGB as ExcelJS gives it", () => {
    expect(colourClass("FF00B050")).toBe("green");
  });

  it("reads short hex", () => {
    expect(colourClass("#0f0")).toBe("green");
  });

  it("ignores case and surrounding spaces", () => {
    expect(colourClass("  #FFC000 ")).toBe("amber");
  });

  it("calls a non-empty string that is not a colour unknown, not blank", () => {
    expect(colourClass("green")).toBe("unknown");
  });

  it("calls a malformed hex unknown", () => {
    expect(colourClass("#12345")).toBe("unknown");
  });
});

describe("thresholds", () => {
  it("are ordered round the hue circle", () => {
    expect(AMBER_HUE_FROM).toBeLessThan(GREEN_HUE_FROM);
    expect(GREEN_HUE_FROM).toBeLessThan(GREEN_HUE_TO);
    expect(GREEN_HUE_TO).toBeLessThan(RED_HUE_FROM);
  });

  it("put a fully saturated hue just below AMBER_HUE_FROM in red and at it in amber", () => {
    expect(colourClass(hslToHex({ h: AMBER_HUE_FROM - 1, s: 1, l: 0.5 }))).toBe("red");
    expect(colourClass(hslToHex({ h: AMBER_HUE_FROM + 0.5, s: 1, l: 0.5 }))).toBe("amber");
  });

  it("put a hue just below GREEN_HUE_FROM in amber and just above it in green", () => {
    expect(colourClass(hslToHex({ h: GREEN_HUE_FROM - 1, s: 1, l: 0.5 }))).toBe("amber");
    expect(colourClass(hslToHex({ h: GREEN_HUE_FROM + 1, s: 1, l: 0.5 }))).toBe("green");
  });

  it("put a hue just below GREEN_HUE_TO in green and just above it in unknown", () => {
    expect(colourClass(hslToHex({ h: GREEN_HUE_TO - 1, s: 1, l: 0.5 }))).toBe("green");
    expect(colourClass(hslToHex({ h: GREEN_HUE_TO + 1, s: 1, l: 0.5 }))).toBe("unknown");
  });

  it("put a hue just below RED_HUE_FROM in unknown and just above it in red", () => {
    expect(colourClass(hslToHex({ h: RED_HUE_FROM - 1, s: 1, l: 0.5 }))).toBe("unknown");
    expect(colourClass(hslToHex({ h: RED_HUE_FROM + 1, s: 1, l: 0.5 }))).toBe("red");
  });

  it("call a barely tinted grey unknown", () => {
    expect(colourClass(hslToHex({ h: 120, s: GREY_MAX_SATURATION / 2, l: 0.5 }))).toBe("unknown");
  });

  it("call a near-black green unknown", () => {
    expect(colourClass(hslToHex({ h: 120, s: 1, l: NEAR_BLACK_MAX_LIGHTNESS / 2 }))).toBe("unknown");
  });
});

describe("colourClass properties", () => {
  const channel = fc.integer({ min: 0, max: 255 });
  const anyHex = fc
    .tuple(channel, channel, channel)
    .map(([r, g, b]) => "#" + [r, g, b].map(byteHex).join(""));

  it("calls every colour with lightness >= 0.97 blank (channels 248-255)", () => {
    const pale = fc.integer({ min: 248, max: 255 });
    fc.assert(
      fc.property(fc.tuple(pale, pale, pale), ([r, g, b]) => {
        expect(colourClass("#" + [r, g, b].map(byteHex).join(""))).toBe("blank");
      }),
    );
  });

  it("calls every colour at or above BLANK_MIN_LIGHTNESS blank (any hue and saturation)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 359.9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: BLANK_MIN_LIGHTNESS, max: 1, noNaN: true }),
        (h, s, l) => {
          const hex = hslToHex({ h, s, l });
          fc.pre(hexToHsl(hex).l >= BLANK_MIN_LIGHTNESS);
          expect(colourClass(hex)).toBe("blank");
        },
      ),
    );
  });

  it("classifies every hex without throwing", () => {
    fc.assert(
      fc.property(anyHex, (hex) => {
        expect(["green", "amber", "red", "blank", "unknown"]).toContain(colourClass(hex));
      }),
    );
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(() => colourClass(s)).not.toThrow();
      }),
    );
  });
});

describe("normaliseHex", () => {
  it.each([
    ["#00B050", "#00b050"],
    ["00b050", "#00b050"],
    ["#0f0", "#00ff00"],
    ["FF00B050", "#00b050"],
    ["#FF00B050", "#00b050"],
    ["  #abcdef\n", "#abcdef"],
    ["00FF0000", "#ff0000"],
  ])("%j -> %s", (input, expected) => {
    expect(normaliseHex(input)).toBe(expected);
  });

  it.each([
    [null],
    [undefined],
    [""],
    [" "],
    ["none"],
    ["NONE"],
    ["transparent"],
    ["00000000"],
    ["#00000000"],
  ])("%j is no colour", (input) => {
    expect(normaliseHex(input)).toBeNull();
  });

  it.each([["#12345"], ["#ggg"], ["red"], ["#1234567"], ["rgb(0,0,0)"], ["# 000000"]])(
    "%j is unparseable, so null",
    (input) => {
      expect(normaliseHex(input)).toBeNull();
    },
  );

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = normaliseHex(s);
        expect(normaliseHex(once)).toBe(once);
      }),
    );
  });
});

describe("hexToHsl and hslToHex", () => {
  it.each([
    ["#ff0000", { h: 0, s: 1, l: 0.5 }],
    ["#00ff00", { h: 120, s: 1, l: 0.5 }],
    ["#0000ff", { h: 240, s: 1, l: 0.5 }],
    ["#ffffff", { h: 0, s: 0, l: 1 }],
    ["#000000", { h: 0, s: 0, l: 0 }],
    ["#808080", { h: 0, s: 0, l: 128 / 255 }],
  ])("hexToHsl(%s)", (hex, hsl) => {
    const got = hexToHsl(hex);
    expect(got.h).toBeCloseTo(hsl.h, 6);
    expect(got.s).toBeCloseTo(hsl.s, 6);
    expect(got.l).toBeCloseTo(hsl.l, 6);
  });

  it("gives hue in [0, 360) for colours just below red", () => {
    expect(hexToHsl("#ff0001").h).toBeGreaterThan(359);
  });

  it("throws a LadderError for a non-colour", () => {
    expect(() => hexToHsl("blue")).toThrow(LadderError);
  });

  it("hslToHex wraps hue and clamps saturation and lightness", () => {
    expect(hslToHex({ h: 480, s: 2, l: 0.5 })).toBe("#00ff00");
    expect(hslToHex({ h: -240, s: 1, l: 0.5 })).toBe("#00ff00");
    expect(hslToHex({ h: 0, s: 0, l: 7 })).toBe("#ffffff");
  });

  it("round-trips every hex", () => {
    const channel = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.tuple(channel, channel, channel), ([r, g, b]) => {
        const hex = "#" + [r, g, b].map(byteHex).join("");
        expect(hslToHex(hexToHsl(hex))).toBe(hex);
      }),
    );
  });
});

/** WCAG relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const lin = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
}

describe("CLASS_FILL and CLASS_SYMBOL", () => {
  it.each(Object.entries(CLASS_FILL))("the %s fill %s classifies as its own class", (cls, hex) => {
    expect(colourClass(hex)).toBe(cls);
  });

  it.each(Object.entries(CLASS_FILL))(
    "the %s fill %s has at least 7:1 contrast with black text",
    (_cls, hex) => {
      expect((luminance(hex) + 0.05) / 0.05).toBeGreaterThanOrEqual(7);
    },
  );

  it("gives each class a distinct symbol", () => {
    const symbols = Object.values(CLASS_SYMBOL);
    expect(new Set(symbols).size).toBe(symbols.length);
  });

  it("uses letters for the three marks", () => {
    expect([CLASS_SYMBOL.green, CLASS_SYMBOL.amber, CLASS_SYMBOL.red]).toEqual(["G", "A", "R"]);
  });
});

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { byteHex, colourClass, hexToHsl } from "../../core/colour.js";
import { LadderError } from "../../core/errors.js";
import {
  INDEXED_COLOURS,
  OFFICE_THEME_COLOURS,
  applyTint,
  parseThemeColours,
  resolveFill,
  resolveXlsxColour,
} from "../../core/xlsx-colour.js";

/** A theme part reduced to its colour scheme, as Excel writes it (dk1, lt1, dk2, lt2, ...). */
function themeXml(p: string, scheme: string): string {
  const q = p === "" ? "" : `${p}:`;
  const ns = p === "" ? "xmlns" : `xmlns:${p}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<${q}theme ${ns}="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">` +
    `<${q}themeElements><${q}clrScheme name="Office">${scheme}</${q}clrScheme>` +
    `<${q}fontScheme name="Office"/></${q}themeElements></${q}theme>`
  );
}

function scheme(p: string, colours: Record<string, string>): string {
  const q = p === "" ? "" : `${p}:`;
  return Object.entries(colours)
    .map(([slot, val]) => {
      const inner = val.startsWith("sys:")
        ? `<${q}sysClr val="${val.slice(4)}" lastClr="${val === "sys:windowText" ? "000000" : "FFFFFF"}"/>`
        : `<${q}srgbClr val="${val}"/>`;
      return `<${q}${slot}>${inner}</${q}${slot}>`;
    })
    .join("\n");
}

const OFFICE_2007 = {
  dk1: "sys:windowText",
  lt1: "sys:window",
  dk2: "1F497D",
  lt2: "EEECE1",
  accent1: "4F81BD",
  accent2: "C0504D",
  accent3: "9BBB59",
  accent4: "8064A2",
  accent5: "4BACC6",
  accent6: "F79646",
  hlink: "0000FF",
  folHlink: "800080",
};

const OFFICE_2013 = {
  dk1: "sys:windowText",
  lt1: "sys:window",
  dk2: "44546A",
  lt2: "E7E6E6",
  accent1: "4472C4",
  accent2: "ED7D31",
  accent3: "A5A5A5",
  accent4: "FFC000",
  accent5: "5B9BD5",
  accent6: "70AD47",
  hlink: "0563C1",
  folHlink: "954F72",
};

const THEME_2007_XML = themeXml("a", scheme("a", OFFICE_2007));
const THEME_2013_XML = themeXml("a", scheme("a", OFFICE_2013));
const THEME_2013 = parseThemeColours(THEME_2013_XML);
const THEME_2007 = parseThemeColours(THEME_2007_XML);

describe("parseThemeColours", () => {
  it("lists the 2013 theme in theme-index order (lt1, dk1, lt2, dk2 swapped from the XML)", () => {
    expect(THEME_2013).toEqual([
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
  });

  it("matches OFFICE_THEME_COLOURS for the Office 2013 theme", () => {
    expect(THEME_2013).toEqual(OFFICE_THEME_COLOURS);
  });

  it("reads the 2007 theme's accent 6 as orange", () => {
    expect(THEME_2007[9]).toBe("#f79646");
  });

  it("reads sysClr through lastClr", () => {
    const xml = themeXml("a", `<a:dk1><a:sysClr val="windowText" lastClr="1A1A1A"/></a:dk1>`);
    expect(parseThemeColours(xml)[1]).toBe("#1a1a1a");
  });

  it("falls back to the system colour name when lastClr is missing", () => {
    const xml = themeXml(
      "a",
      `<a:dk1><a:sysClr val="windowText"/></a:dk1><a:lt1><a:sysClr val="window"/></a:lt1>`,
    );
    expect(parseThemeColours(xml).slice(0, 2)).toEqual(["#ffffff", "#000000"]);
  });

  it("accepts no namespace prefix", () => {
    expect(parseThemeColours(themeXml("", scheme("", OFFICE_2013)))).toEqual(THEME_2013);
  });

  it("accepts another namespace prefix", () => {
    expect(parseThemeColours(themeXml("dml", scheme("dml", OFFICE_2013)))).toEqual(THEME_2013);
  });

  it("accepts single-quoted attributes and attributes before val", () => {
    const xml = themeXml("a", `<a:accent6><a:srgbClr foo='1' val='70AD47'/></a:accent6>`);
    expect(parseThemeColours(xml)[9]).toBe("#70ad47");
  });

  it("leaves a missing slot empty so later indices keep their places", () => {
    const rest: Record<string, string> = { ...OFFICE_2013 };
    delete rest.accent2;
    const colours = parseThemeColours(themeXml("a", scheme("a", rest)));
    expect(colours[5]).toBe("");
    expect(colours[9]).toBe("#70ad47");
  });

  it("reads only the first colour scheme (not extra ones later in the part)", () => {
    const extra = `<a:extraClrSchemeLst><a:extraClrScheme><a:clrScheme name="x">${scheme("a", OFFICE_2007)}</a:clrScheme></a:extraClrScheme></a:extraClrSchemeLst>`;
    expect(parseThemeColours(THEME_2013_XML + extra)[9]).toBe("#70ad47");
  });

  it("returns [] when there is no colour scheme", () => {
    expect(parseThemeColours("<a:theme/>")).toEqual([]);
  });

  it("returns [] for text that is not XML", () => {
    expect(parseThemeColours("not a theme")).toEqual([]);
  });
});

describe("applyTint against Excel's own values", () => {
  // Excel's colour picker: [base, tint as Excel stores it, the RGB Excel shows]
  it.each([
    ["#70ad47", 0.7999816888943144, "#e2efda"],
    ["#70ad47", 0.5999938962981048, "#c6e0b4"],
    ["#70ad47", 0.3999755851924192, "#a9d08e"],
    ["#70ad47", -0.249977111117893, "#548235"],
    ["#ffffff", -0.0499893185216834, "#f2f2f2"],
    ["#ffffff", -0.1499984740745262, "#d9d9d9"],
    ["#ed7d31", 0.7999816888943144, "#fce4d6"],
    ["#ed7d31", 0.5999938962981048, "#f8cbad"],
    ["#ed7d31", 0.3999755851924192, "#f4b084"],
    ["#ed7d31", -0.249977111117893, "#c65911"],
    ["#ffc000", 0.7999816888943144, "#fff2cc"],
    ["#ffc000", -0.249977111117893, "#bf8f00"],
    ["#4472c4", 0.3999755851924192, "#8ea9db"],
    ["#4472c4", -0.249977111117893, "#305496"],
    ["#4472c4", -0.499984740745262, "#203764"],
    ["#e7e6e6", -0.0999786370433668, "#d0cece"],
    ["#44546a", 0.7999816888943144, "#d6dce4"],
    ["#000000", 0.499984740745262, "#808080"],
    ["#000000", 0.34998626667073579, "#595959"],
    ["#a5a5a5", 0.7999816888943144, "#ededed"],
    ["#5b9bd5", -0.249977111117893, "#2f75b5"],
  ])("%s tinted %d is %s", (base, tint, expected) => {
    expect(applyTint(base, tint)).toBe(expected);
  });

  it("gives accent 1 lighter 80% within one step per channel of Excel's #d9e1f2", () => {
    const got = applyTint("#4472c4", 0.7999816888943144);
    const want = [0xd9, 0xe1, 0xf2];
    [1, 3, 5].forEach((i, k) => {
      expect(Math.abs(parseInt(got.slice(i, i + 2), 16) - want[k]!)).toBeLessThanOrEqual(1);
    });
  });
});

describe("applyTint", () => {
  const channel = fc.integer({ min: 0, max: 255 });
  const anyHex = fc
    .tuple(channel, channel, channel)
    .map(([r, g, b]) => "#" + [r, g, b].map(byteHex).join(""));
  const anyTint = fc.double({ min: -1, max: 1, noNaN: true });

  it("is the identity for tint 0", () => {
    fc.assert(
      fc.property(anyHex, (hex) => {
        expect(applyTint(hex, 0)).toBe(hex);
      }),
    );
  });

  it("always returns lower-case #rrggbb", () => {
    fc.assert(
      fc.property(anyHex, anyTint, (hex, tint) => {
        expect(applyTint(hex, tint)).toMatch(/^#[0-9a-f]{6}$/);
      }),
    );
  });

  it("never darkens with a positive tint nor lightens with a negative one (beyond rounding)", () => {
    fc.assert(
      fc.property(anyHex, anyTint, (hex, tint) => {
        const before = hexToHsl(hex).l;
        const after = hexToHsl(applyTint(hex, tint)).l;
        if (tint > 0) expect(after).toBeGreaterThanOrEqual(before - 0.01);
        else expect(after).toBeLessThanOrEqual(before + 0.01);
      }),
    );
  });

  it("turns every colour white at tint 1 and black at tint -1", () => {
    fc.assert(
      fc.property(anyHex, (hex) => {
        expect(applyTint(hex, 1)).toBe("#ffffff");
        expect(applyTint(hex, -1)).toBe("#000000");
      }),
    );
  });

  it("clamps tints outside [-1, 1]", () => {
    expect(applyTint("#70ad47", 5)).toBe("#ffffff");
    expect(applyTint("#70ad47", -5)).toBe("#000000");
  });

  it("accepts ARGB and upper case", () => {
    expect(applyTint("FF70AD47", 0.7999816888943144)).toBe("#e2efda");
  });

  it("throws a LadderError for a non-colour", () => {
    expect(() => applyTint("green", 0.5)).toThrow(LadderError);
  });
});

describe("INDEXED_COLOURS", () => {
  it("has the 64 legacy entries", () => {
    expect(INDEXED_COLOURS).toHaveLength(64);
  });

  it("holds only lower-case #rrggbb", () => {
    for (const c of INDEXED_COLOURS) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });

  it.each([
    [0, "#000000"],
    [1, "#ffffff"],
    [8, "#000000"],
    [10, "#ff0000"],
    [11, "#00ff00"],
    [17, "#008000"],
    [42, "#ccffcc"],
    [43, "#ffff99"],
    [50, "#99cc00"],
    [51, "#ffcc00"],
    [52, "#ff9900"],
    [63, "#333333"],
  ])("entry %i is %s", (i, hex) => {
    expect(INDEXED_COLOURS[i]).toBe(hex);
  });
});

describe("resolveXlsxColour", () => {
  it("reads ARGB", () => {
    expect(resolveXlsxColour({ argb: "FF92D050" }, [])).toBe("#92d050");
  });

  it("reads fully transparent ARGB as no colour", () => {
    expect(resolveXlsxColour({ argb: "00000000" }, [])).toBeNull();
  });

  it("reads a theme colour through the workbook's theme", () => {
    expect(resolveXlsxColour({ theme: 9 }, THEME_2013)).toBe("#70ad47");
  });

  it("applies the tint to a theme colour", () => {
    expect(resolveXlsxColour({ theme: 9, tint: 0.7999816888943144 }, THEME_2013)).toBe("#e2efda");
  });

  it("resolves theme index 0 to lt1 (white), not dk1", () => {
    expect(resolveXlsxColour({ theme: 0, tint: -0.0499893185216834 }, THEME_2013)).toBe("#f2f2f2");
  });

  it("resolves theme index 9 to orange with an Office 2007 theme", () => {
    expect(resolveXlsxColour({ theme: 9 }, THEME_2007)).toBe("#f79646");
    expect(colourClass(resolveXlsxColour({ theme: 9, tint: 0.3999755851924192 }, THEME_2007))).toBe("amber");
  });

  it("resolves theme index 9 to green with an Office 2013 theme", () => {
    expect(resolveXlsxColour({ theme: 9 }, THEME_2013)).toBe("#70ad47");
    expect(colourClass(resolveXlsxColour({ theme: 9, tint: 0.3999755851924192 }, THEME_2013))).toBe("green");
  });

  it("gives null for a theme index the theme does not define", () => {
    expect(resolveXlsxColour({ theme: 12 }, THEME_2013)).toBeNull();
    expect(resolveXlsxColour({ theme: 4 }, [])).toBeNull();
  });

  it("gives null for a theme slot left empty by the parser", () => {
    expect(resolveXlsxColour({ theme: 5 }, ["#ffffff", "#000000", "", "", "", ""])).toBeNull();
  });

  it("reads an indexed colour", () => {
    expect(resolveXlsxColour({ indexed: 17 }, [])).toBe("#008000");
  });

  it.each([[64], [65], [66], [-1], [1.5]])(
    "gives null for indexed %d (automatic, system or invalid)",
    (i) => {
      expect(resolveXlsxColour({ indexed: i }, [])).toBeNull();
    },
  );

  it("prefers ARGB over theme over indexed", () => {
    expect(resolveXlsxColour({ argb: "FFFF0000", theme: 9, indexed: 17 }, THEME_2013)).toBe("#ff0000");
    expect(resolveXlsxColour({ theme: 9, indexed: 10 }, THEME_2013)).toBe("#70ad47");
  });

  it("gives null for undefined or an empty colour", () => {
    expect(resolveXlsxColour(undefined, THEME_2013)).toBeNull();
    expect(resolveXlsxColour({}, THEME_2013)).toBeNull();
  });
});

describe("resolveFill", () => {
  it("takes the foreground of a solid fill", () => {
    const fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FF00B050" },
      bgColor: { indexed: 64 },
    };
    expect(resolveFill(fill, THEME_2013)).toBe("#00b050");
  });

  it("resolves a themed solid fill", () => {
    const fill = { type: "pattern", pattern: "solid", fgColor: { theme: 9, tint: 0.5999938962981048 } };
    expect(resolveFill(fill, THEME_2013)).toBe("#c6e0b4");
  });

  it("gives null for pattern none", () => {
    expect(resolveFill({ type: "pattern", pattern: "none" }, THEME_2013)).toBeNull();
  });

  it("gives null for a pattern fill with no pattern", () => {
    expect(resolveFill({ type: "pattern", fgColor: { argb: "FF00B050" } }, THEME_2013)).toBeNull();
  });

  it("takes the background of a solid fill that has only a bgColor (LibreOffice)", () => {
    expect(resolveFill({ type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC000" } }, [])).toBe(
      "#ffc000",
    );
  });

  it("falls back to the background when the foreground is automatic", () => {
    const fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { indexed: 64 },
      bgColor: { argb: "FFFF0000" },
    };
    expect(resolveFill(fill, [])).toBe("#ff0000");
  });

  it("takes the foreground of another pattern", () => {
    const fill = {
      type: "pattern",
      pattern: "darkGray",
      fgColor: { argb: "FF92D050" },
      bgColor: { argb: "FFFFFFFF" },
    };
    expect(resolveFill(fill, [])).toBe("#92d050");
  });

  it("gives null for gray125 without colours (Excel's second default fill)", () => {
    expect(resolveFill({ type: "pattern", pattern: "gray125" }, THEME_2013)).toBeNull();
  });

  it("takes the first stop of a gradient fill", () => {
    const fill = {
      type: "gradient",
      gradient: "angle",
      degree: 0,
      stops: [
        { position: 0, color: { theme: 9 } },
        { position: 1, color: { argb: "FFFF0000" } },
      ],
    };
    expect(resolveFill(fill, THEME_2013)).toBe("#70ad47");
  });

  it("gives null for a gradient without stops", () => {
    expect(resolveFill({ type: "gradient", stops: [] }, THEME_2013)).toBeNull();
  });

  it.each([
    [null],
    [undefined],
    ["solid"],
    [42],
    [[]],
    [{}],
    [{ type: "pattern", pattern: 1 }],
    [{ type: "pattern", pattern: "solid", fgColor: "FF00B050" }],
    [{ type: "pattern", pattern: "solid", fgColor: { argb: 1, theme: "9", indexed: null } }],
    [{ type: "gradient", stops: "x" }],
    [{ type: "gradient", stops: [null] }],
    [{ type: "other", fgColor: { argb: "FF00B050" } }],
  ])("gives null for the malformed fill %j", (fill) => {
    expect(resolveFill(fill, THEME_2013)).toBeNull();
  });

  it("never throws on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(() => resolveFill(v, THEME_2013)).not.toThrow();
      }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { planCreate, selectionResult } from "../../core/app.js";
import { gradeBands, loadCatalog } from "../../core/catalog.js";
import { LadderError } from "../../core/errors.js";
import { isLegalTabName, legalTabName } from "../../core/names.js";
import { parseStaffList } from "../../core/staff-list.js";
import { memoByString } from "../../core/memo.js";
import { emptySheet, specExtent, type SheetSpec } from "../../core/sheet.js";
import { snapshotOf } from "../../core/snapshot.js";
import leadership from "../../templates/leadership-ladder.json";

const chart = gradeBands();
const today = new Date("2026-11-23T10:00:00Z");

function thrown(f: () => unknown): LadderError {
  try {
    f();
  } catch (e) {
    if (e instanceof LadderError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

describe("staff lists", () => {
  it("reads a BOM, semicolons, quoted separators and new lines, and skips blank lines", () => {
    const text =
      '\uFEFFname;band;role;appraiser\r\n"Lee; Ann";UPS1 TLR3;"Teacher\nYear 4";Sam\r\n\r\n;;;\nBen Ng;5;TA;\n';
    const rows = parseStaffList(text, chart);
    expect(rows.map((r) => [r.line, r.name, r.band, r.role])).toEqual([
      [2, "Lee; Ann", "UPS1 TLR3", "Teacher Year 4"],
      [6, "Ben Ng", "5", "TA"],
    ]);
  });

  it("takes columns in order when there is no header, and reads tabs", () => {
    expect(parseStaffList("Ann\tG\tClerk\tSam", chart)[0]).toMatchObject({
      name: "Ann",
      band: "G",
      appraiser: "Sam",
    });
  });

  it("reports every bad row with its line number and returns nothing", () => {
    const e = thrown(() => parseStaffList("name,band\nAnn,3\n,4\nBen,\nCat,Band 12\n", chart));
    expect(e.code).toBe("staff-list-invalid");
    expect(e.details).toEqual([
      "Line 3: the name is empty.",
      "Line 4: no grade band for 'Ben'.",
      expect.stringMatching(/^Line 5: 'Band 12' is not a grade band\./) as string,
    ]);
  });

  it("refuses a name given twice (any case or spacing), naming both lines", () => {
    expect(() => parseStaffList("name,band\nAnn Lee,3\nBo,2\nANN  lee,3\n", chart)).toThrow(
      "Line 4: 'ANN  lee' is already on line 2.",
    );
    expect(parseStaffList("name,band\nAnn Lee,3\nAnn Leigh,3\n", chart)).toHaveLength(2);
  });

  it("handles 5,000 rows", () => {
    const text =
      "name,band\n" + Array.from({ length: 5000 }, (_, i) => `Person ${i},${(i % 7) + 1}`).join("\n");
    expect(parseStaffList(text, chart)).toHaveLength(5000);
  });
});

describe("tab names", () => {
  it.each([
    ["Smith: J/K", "Smith- J-K"],
    ["[Lead]*?", "-Lead---"],
    ["'quoted'", "quoted"],
    ["History", "History (tab)"],
    ["  ", "Staff"],
    ["a".repeat(40), "a".repeat(31)],
    ['=HYPERLINK("http://x","y")', '=HYPERLINK("http---x","y")'],
  ])("%j becomes %j", (wanted, want) => {
    const got = legalTabName(wanted, []);
    expect(got).toBe(want);
    expect(isLegalTabName(got)).toBe(true);
  });

  it("duplicates get a number, within 31 characters, ignoring case", () => {
    expect(legalTabName("Ann Lee", ["ann lee"])).toBe("Ann Lee (2)");
    expect(legalTabName("Ann Lee", ["Ann Lee", "Ann Lee (2)"])).toBe("Ann Lee (3)");
    const long = "b".repeat(31);
    expect(legalTabName(long, [long])).toBe(`${"b".repeat(27)} (2)`);
  });

  it("never splits an emoji", () => {
    const name = legalTabName(`${"x".repeat(30)}😀`, []);
    expect(name).toBe("x".repeat(30));
  });
});

describe("planCreate", () => {
  it("an empty staff list is refused with what to give, and nothing is planned", () => {
    expect(() => planCreate({ templateId: "leadership-ladder", staff: [], ticks: false }, [], today)).toThrow(
      /nobody to make a tab for/,
    );
  });

  it("two staff with the same name get two tabs, each saying whose it is", () => {
    const staff = { name: "Ann Lee", band: "3", role: "", appraiser: "" };
    const specs = planCreate(
      { templateId: "leadership-ladder", staff: [staff, staff], ticks: false },
      ["Ann Lee"],
      today,
    );
    expect(specs.map((s) => s.name)).toEqual(["Ann Lee (2)", "Ann Lee (3)"]);
    const snap = snapshotOf(specs[0]!);
    expect(snap.values.find((r) => r[0] === "Name")?.[1]).toBe("Ann Lee");
  });

  it("a hostile name is kept as plain text in the Name cell", () => {
    const name = '=HYPERLINK("http://x","y")';
    const [spec] = planCreate(
      {
        templateId: "leadership-ladder",
        staff: [{ name, band: "3", role: "", appraiser: "" }],
        ticks: false,
      },
      [],
      today,
    );
    expect(spec!.values.find((r) => r[0] === "Name")?.[1]).toBe(name);
    expect(spec!.formulas).toEqual([]);
  });

  it("one bad band creates nothing", () => {
    const e = thrown(() =>
      planCreate(
        {
          templateId: "leadership-ladder",
          staff: [
            { name: "A", band: "3", role: "", appraiser: "" },
            { name: "B", band: "x", role: "", appraiser: "" },
          ],
          ticks: false,
        },
        [],
        today,
      ),
    );
    expect(e.message).toMatch(/Nothing was created\. B: 'x' is not a grade band\./);
  });
});

describe("broken templates", () => {
  const base = leadership as unknown as Record<string, unknown>;
  it.each([
    [{ ...base, title: undefined }, "$.title"],
    [{ ...base, kind: "spinner" }, "$.kind"],
    [{ ...base, version: "one" }, "$.version"],
    [
      { ...base, levels: [{ level: 1, name: "x", statements: [{ text: 5 }] }] },
      "$.levels[0].statements[0].text",
    ],
  ])("names the file and the JSON path (%#)", (json, path) => {
    const e = thrown(() => loadCatalog([{ file: "templates/leadership-ladder.json", json }]));
    expect(e.code).toBe("template-invalid");
    expect(e.message).toContain(`templates/leadership-ladder.json: ${path}`);
  });

  it("duplicate codes in a rating template are refused", () => {
    const json = {
      id: "x",
      version: 1,
      kind: "rating",
      title: "X",
      source: "test",
      checkpoints: ["Sep"],
      scale: [
        { key: "Y", label: "Yes" },
        { key: "N", label: "No" },
      ],
      sections: [
        {
          title: "S",
          items: [
            { code: "A1", text: "a" },
            { code: "A1", text: "b" },
          ],
        },
      ],
    };
    expect(thrown(() => loadCatalog([{ file: "templates/x.json", json }])).message).toContain(
      "duplicate item code 'A1'",
    );
  });

  it("an id that does not match the file name is refused, and nothing is half-loaded", () => {
    expect(() => loadCatalog([{ file: "templates/other.json", json: base }])).toThrow(
      /must match the file name/,
    );
  });
});

describe("selectionResult (create tabs from the selected rows)", () => {
  it("reads selected rows with a header, skipping blank rows, through the staff-list parser", () => {
    const r = selectionResult([
      ["Name", "Band", "Role", "Appraiser"],
      [null, "", null, null],
      ["Lee, Ann", "UPS1 TLR3", "Teacher", "Head"],
      ["=SUM(A1)", 2, "TA", null],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.staff.map((s) => [s.name, s.role])).toEqual([
      ["Lee, Ann", "Teacher"],
      ["=SUM(A1)", "TA"],
    ]);
    expect(r.text.split("\n")).toHaveLength(3);
  });

  it("returns line-numbered problems, not staff, when a row is bad", () => {
    const r = selectionResult([["Ann Lee", "no such band"]]);
    expect(r.staff).toEqual([]);
    expect(r.problems.join(" ")).toMatch(/line 1/i);
  });

  it("refuses an empty selection with what to do", () => {
    expect(() => selectionResult([[null, ""]])).toThrow(/Select the staff rows first/);
  });
});

describe("specExtent (what every host sizes its writes and places the marker by)", () => {
  it("covers the values and column widths", () => {
    const spec = emptySheet("x", 3, 2, null);
    expect(specExtent(spec)).toEqual({ rows: 3, cols: 2 });
    spec.columnWidths = [10, 10, 10, 10];
    expect(specExtent(spec)).toEqual({ rows: 3, cols: 4 });
  });

  it("grows to every range or cell the spec names beyond its values", () => {
    const cases: [string, (s: SheetSpec) => void, { rows: number; cols: number }][] = [
      ["a style", (s) => s.styles.push({ range: "B2:E6", bold: true }), { rows: 6, cols: 5 }],
      ["a merge", (s) => s.merges.push("A9:F9"), { rows: 9, cols: 6 }],
      ["a note", (s) => s.notes.push({ cell: "H1", text: "n" }), { rows: 3, cols: 8 }],
      ["a formula", (s) => s.formulas.push({ cell: "C12", formula: "=1" }), { rows: 12, cols: 3 }],
      [
        "a protected range",
        (s) => s.protectedRanges.push({ range: "A1:A20", description: "" }),
        { rows: 20, cols: 2 },
      ],
    ];
    for (const [what, add, want] of cases) {
      const spec = emptySheet("x", 3, 2, null);
      add(spec);
      expect(specExtent(spec), what).toEqual(want);
    }
  });
});

describe("memoByString", () => {
  it("computes each string once while under the bound, and stays right after clearing past it", () => {
    const calls: string[] = [];
    const upper = memoByString((s) => {
      calls.push(s);
      return s.toUpperCase();
    }, 2);
    expect([upper("a"), upper("a"), upper("b")]).toEqual(["A", "A", "B"]);
    expect(calls).toEqual(["a", "b"]);
    expect(upper("c")).toBe("C"); // past the bound: cleared, then remembered afresh
    expect(upper("a")).toBe("A");
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });
});

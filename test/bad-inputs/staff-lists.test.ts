// Bad staff lists (CSV pasted or uploaded): every problem is one clear message with its line number,
// and nothing is created when any row is bad, or when there is no staff row at all.
// test/core/inputs.test.ts covers the happy mixtures (BOM + semicolons + quoted new lines,
// duplicates, 5,000 good rows); these are the unhappy ones.
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planCreate } from "../../core/app.js";
import { gradeBands } from "../../core/catalog.js";
import type { SheetSpec } from "../../core/sheet.js";
import { MAX_NAME_LENGTH, MAX_STAFF_ROWS, parseStaffList } from "../../core/staff-list.js";
import { buildCli, runCli } from "../cli/run.js";
import { tempFolder, thrown } from "./support.js";

const chart = gradeBands();
const today = new Date("2026-11-23T10:00:00Z");

/** What a host does with a pasted list: parse, then plan; either every tab or an error. */
function createFrom(text: string): SheetSpec[] {
  return planCreate(
    { templateId: "leadership-ladder", staff: parseStaffList(text, chart), ticks: false },
    [],
    today,
  );
}

/** The staff-list error for `text`, after checking nothing was created. */
function refusal(text: string) {
  let made: SheetSpec[] | undefined;
  const e = thrown(() => (made = createFrom(text)));
  expect(made).toBeUndefined();
  expect(e.code).toBe("staff-list-invalid");
  expect(e.message).not.toContain("\n");
  return e;
}

describe("staff lists that are refused, with the line number", () => {
  it("a BOM before the header, then an unknown band on line 3", () => {
    const e = refusal("\uFEFFname,band\nAnn Lee,3\nBen Ng,Band 9\n");
    expect(e.message).toMatch(/Line 3: 'Band 9' is not a grade band/);
  });

  it("semicolons, with a missing band on line 4", () => {
    const e = refusal("name;band;role\nAnn Lee;3;Teacher\nBen Ng;UPS1 TLR3;Teacher\nCat Roe;;TA\n");
    expect(e.message).toMatch(/Line 4: no grade band for 'Cat Roe'/);
  });

  it("a quoted comma in a name, and an unknown band after it: the name is kept whole in the message", () => {
    const e = refusal('name,band\n"Lee, Ann",Q\n');
    expect(e.message).toMatch(/Line 2: 'Q' is not a grade band/);
    expect(e.details).toEqual([]); // one problem is said once, in the message
  });

  it("a quoted new line in a role: a bad row after it is reported on its real line", () => {
    const e = refusal('name,band,role\nAnn Lee,3,"Teacher\nYear 4\nMaths"\nBen Ng,eleven,TA\n');
    expect(e.message).toMatch(/Line 5: 'eleven' is not a grade band/);
  });

  it("blank lines (and CRLF endings) count toward the line number", () => {
    const e = refusal("name,band\r\n\r\nAnn Lee,3\r\n\r\n\r\nBen Ng,0\r\n");
    expect(e.message).toMatch(/Line 6: '0' is not a grade band/);
  });

  it("no band column at all: every row is listed, nothing created", () => {
    const e = refusal("name,role\nAnn Lee,Teacher\nBen Ng,TA\n");
    expect(e.details).toEqual([
      "Line 2: no grade band for 'Ann Lee'.",
      "Line 3: no grade band for 'Ben Ng'.",
    ]);
    expect(e.message).toBe("Nothing was created: the staff list has 2 problems. Fix the list and try again:");
  });

  it("a row with a band but no name", () => {
    expect(refusal("name,band\nAnn Lee,3\n,4\n").message).toMatch(/Line 3: the name is empty/);
  });

  it("a name longer than the most allowed", () => {
    const e = refusal(`name,band\n${"x".repeat(MAX_NAME_LENGTH + 1)},3\n`);
    expect(e.message).toMatch(new RegExp(`Line 2: the name is ${MAX_NAME_LENGTH + 1} characters long`));
  });

  it("an unclosed quote swallows the rest: the row is reported, not half-read", () => {
    const e = refusal('name,band\n"Ann Lee,3\nBen Ng,4\n');
    expect(e.message).toMatch(/Line 2: no grade band/);
  });

  it("5,000 rows with one bad band on row 4,321: its line is named and nothing is created", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `Person ${i},${i === 4320 ? "Band X" : (i % 7) + 1}`);
    const e = refusal(`name,band\n${rows.join("\n")}\n`);
    expect(e.details).toEqual([]);
    expect(e.message).toMatch(/Line 4322: 'Band X' is not a grade band/);
  });

  it("5,000 rows all missing the band: the count is given, the first line named, one line of text", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `Person ${i},`);
    const e = refusal(`name,band\n${rows.join("\n")}\n`);
    expect(e.details).toHaveLength(5000);
    expect(e.message).toBe(
      "Nothing was created: the staff list has 5000 problems. Fix the list and try again:",
    );
    expect(e.details[0]).toMatch(/^Line 2: no grade band/);
  });

  it("more rows than the most allowed: refused before any row is planned", () => {
    const rows = Array.from({ length: MAX_STAFF_ROWS + 1 }, (_, i) => `P${i},3`);
    expect(refusal(`name,band\n${rows.join("\n")}`).message).toMatch(/the most is 10000/);
  });

  it.each([
    ["an empty paste", ""],
    ["a BOM only", "\uFEFF"],
    ["blank lines only", "\n\r\n  \n"],
    ["separators only", ",,,\n,,,\n"],
  ])("%s: 'The staff list is empty.'", (_label, text) => {
    expect(refusal(text).message).toBe("The staff list is empty.");
  });

  it.each([
    ["a header row only", "name,band,role,appraiser\n"],
    ["a header row without a line ending", "Name;Band"],
    ["a BOM, a header, then blank lines (CRLF)", "\uFEFFname,band\r\n\r\n \r\n"],
    ["a header, then rows of separators only", "name\tband\n\t\n\t\t\n"],
    ["blank lines, then a header", "\n\nStaff name,Grade band\n"],
  ])("%s: refused with 'the staff list has a header but no staff', nothing created", (_label, text) => {
    expect(refusal(text).message).toBe(
      "The staff list has a header but no staff: add one line per person under it (name, band, role, appraiser); nothing was created.",
    );
  });
});

describe("the command line with a staff list that has no staff (a bundle built for this file)", () => {
  let cli: string;
  let dir: string;
  let done: () => Promise<void>;
  beforeAll(async () => {
    cli = buildCli("bad-inputs-staff-lists");
    ({ dir, done } = await tempFolder("staff"));
  }, 120_000);
  afterAll(async () => done());

  it.each([
    ["a header row only", "name,band\n", /has a header but no staff/],
    ["blank lines only", "\n\r\n  \n", /The staff list is empty\./],
  ])(
    "new --staff with %s: one line on stderr, exit 2, no workbook written",
    async (label, csvText, message) => {
      const csv = join(dir, `${label.replace(/\W+/g, "-")}.csv`);
      await writeFile(csv, csvText);
      const file = join(dir, `${label.replace(/\W+/g, "-")}.xlsx`);
      const r = runCli(cli, dir, ["new", file, "--template", "leadership-ladder", "--staff", csv]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
      expect(existsSync(file)).toBe(false);
      expect((await readdir(dir)).filter((f) => !f.endsWith(".csv"))).toEqual([]);
    },
  );

  it("new --staff with a header row only, into an existing workbook: exit 2 and the workbook byte-identical", async () => {
    const csv = join(dir, "header-only.csv");
    await writeFile(csv, "name,band\n");
    const file = join(dir, "existing.xlsx");
    const made = runCli(cli, dir, [
      "new",
      file,
      "--template",
      "leadership-ladder",
      "--name",
      "Ann Lee",
      "--band",
      "3",
    ]);
    expect(made.code).toBe(0);
    const before = await readFile(file);
    const r = runCli(cli, dir, ["new", file, "--template", "leadership-ladder", "--staff", csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has a header but no staff/);
    expect((await readFile(file)).equals(before)).toBe(true);
  });
});

describe("staff lists that are read", () => {
  it("tab-separated, pasted from a spreadsheet with trailing tabs and a header in another order", () => {
    const rows = parseStaffList("Band\tName\tLine manager\t\t\n3\tAnn Lee\tSam Roe\t\t\n", chart);
    expect(rows).toEqual([{ line: 2, name: "Ann Lee", band: "3", role: "", appraiser: "Sam Roe" }]);
  });

  it("a formula-looking name in a CSV stays a name, and planCreate keeps it as text", () => {
    const [spec] = createFrom('name,band\n"=HYPERLINK(""http://x"",""y"")",3\n');
    expect(spec!.values.find((r) => r[0] === "Name")?.[1]).toBe('=HYPERLINK("http://x","y")');
    expect(spec!.formulas).toEqual([]);
  });

  it("a semicolon list whose names contain commas", () => {
    const rows = parseStaffList("name;band\nLee, Ann;3\nNg, Ben;4\n", chart);
    expect(rows.map((r) => r.name)).toEqual(["Lee, Ann", "Ng, Ben"]);
  });

  it("email columns (for sharing person files), by header in any order or as a fifth and sixth column", () => {
    const rows = parseStaffList(
      "Appraiser email,Name,Band,Email address\nsam@school.example,Ann Lee,3,ann@school.example\n,Ben Ng,4,\n",
      chart,
    );
    expect(rows).toEqual([
      {
        line: 2,
        name: "Ann Lee",
        band: "3",
        role: "",
        appraiser: "",
        email: "ann@school.example",
        appraiserEmail: "sam@school.example",
      },
      { line: 3, name: "Ben Ng", band: "4", role: "", appraiser: "" },
    ]);
    const bare = parseStaffList("Ann Lee,3,Teacher,Sam Roe,ann@school.example,sam@school.example\n", chart);
    expect([bare[0]!.email, bare[0]!.appraiserEmail]).toEqual(["ann@school.example", "sam@school.example"]);
    // Without a header, extra columns that are not addresses (a department, a note) are left alone.
    const extra = parseStaffList("Ann Lee,3,Teacher,Sam Roe,Maths,part time\n", chart);
    expect(extra[0]).toEqual({ line: 1, name: "Ann Lee", band: "3", role: "Teacher", appraiser: "Sam Roe" });
  });
});

describe("email addresses that are refused", () => {
  it("names the line, the address and whose it is, and nothing is created", () => {
    const e = refusal(
      "name,band,email,appraiser email\nAnn Lee,3,ann at school,sam@school.example\nBen Ng,4,,sam@@x\n",
    );
    expect(e.details).toEqual([
      "Line 2: 'ann at school' is not an email address (the email address for 'Ann Lee'). Correct it or leave it empty.",
      "Line 3: 'sam@@x' is not an email address (the appraiser's email address for 'Ben Ng'). Correct it or leave it empty.",
    ]);
  });
});

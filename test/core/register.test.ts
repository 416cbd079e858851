// The school register (core/register.ts) on literal snapshots and CSV text: generated, read back,
// read after a leader's edits (rows added and removed, columns reordered, a column of their own),
// recognised by its marker, and person file names that are legal and unique for hostile names.
import { describe, expect, it } from "vitest";
import { checkTab } from "../../core/check.js";
import {
  notPicked,
  addToRegister,
  emptyRegister,
  isRegisterTab,
  personFileName,
  readRegisterCsv,
  readRegisterTab,
  registerCsv,
  registerSheet,
  type RegisterEntry,
} from "../../core/register.js";
import { rollupSchool } from "../../core/rollup.js";
import { formatMarker, type CellValue, type TabSnapshot } from "../../core/sheet.js";
import { snapshotOf } from "../../core/snapshot.js";
import { HOSTILE_NAMES } from "../bad-inputs/hostile-names.js";
import { ladderSnap } from "../helpers.js";

const ANN: RegisterEntry = {
  name: "Ann Lee",
  band: "UPS1 TLR3",
  role: "Teacher",
  appraiser: "Sam Roe",
  file: "Ann Lee 2026-27.xlsx",
};
const BEN: RegisterEntry = {
  name: "Ben Ng",
  band: "4",
  role: "TA",
  appraiser: "",
  file: "Ben Ng 2026-27.xlsx",
};

function tab(values: CellValue[][], marker: string | null = null, name = "Register"): TabSnapshot {
  return { name, values, fills: values.map((r) => r.map(() => null)), marker };
}

describe("the register tab", () => {
  it("reads back what it wrote, in order", () => {
    const snap = snapshotOf(registerSheet([ANN, BEN]));
    const read = readRegisterTab([snap])!;
    expect(read.entries).toEqual([ANN, BEN]);
    expect(read.columns).toEqual(["Name", "Grade band", "Role", "Appraiser", "File"]);
    expect(read.problems).toEqual([]);
  });

  it("is visible, says what it is for, and carries the register marker", () => {
    const spec = registerSheet([ANN]);
    expect(spec.marker).toEqual({ templateId: "school-register", version: 1, role: "register" });
    expect(spec.values[0]![0]).toBe("School register: one file per member of staff");
    expect(String(spec.values[1]![0])).toMatch(/Add a row for a newcomer, delete the row of a leaver/);
    expect(spec.frozenRows).toBe(4);
  });

  it("is found by its marker after a rename, and is never read as a staff tab", () => {
    const snap = { ...snapshotOf(registerSheet([ANN])), name: "Who has which file" };
    expect(isRegisterTab(snap)).toBe(true);
    expect(readRegisterTab([ladderSnap(), snap])!.entries).toEqual([ANN]);
    expect(checkTab(snap).skipped).toBe("made by the roll-up");
    const r = rollupSchool([ladderSnap(), snap]);
    expect(r.staff.map((s) => s.tab)).toEqual(["Ann Lee"]);
    expect(r.skipped).toEqual([]);
  });

  it("reads a leader's edits: rows added, removed and blank, columns reordered, a column of their own", () => {
    const marker = formatMarker({ templateId: "school-register", version: 1, role: "register" });
    const snap = tab(
      [
        ["School register"],
        [],
        ["File", "Notes", "NAME", "Appraiser", "Grade band"],
        ["Ann Lee 2026-27.xlsx", "back in May", "Ann Lee", "Sam Roe", "UPS1 TLR3"],
        [null, null, null, null, null],
        ["Dee New 2026-27.xlsx", null, " Dee  New ", null, "2"],
        [null, "a note on its own", null, null, null],
      ],
      marker,
    );
    const read = readRegisterTab([snap])!;
    expect(read.entries).toEqual([
      {
        name: "Ann Lee",
        band: "UPS1 TLR3",
        role: "",
        appraiser: "Sam Roe",
        file: "Ann Lee 2026-27.xlsx",
        extra: { Notes: "back in May" },
      },
      { name: "Dee  New", band: "2", role: "", appraiser: "", file: "Dee New 2026-27.xlsx" },
    ]);
    // Written again, the leader's order and column are kept and the missing Role column is added.
    const again = snapshotOf(registerSheet(read.entries, { columns: read.columns }));
    const header = again.values.find((r) => r[0] === "File")!;
    expect(header).toEqual(["File", "Notes", "NAME", "Appraiser", "Grade band", "Role"]);
    expect(readRegisterTab([again])!.entries).toEqual(read.entries);
  });

  it("a row with a name but no file is a problem in words, and the other rows still count", () => {
    const snap = tab([
      ["Name", "File"],
      ["Ann Lee", ""],
      ["Ben Ng", "Ben Ng 2026-27.xlsx"],
    ]);
    const read = readRegisterTab([snap])!;
    expect(read.entries.map((e) => e.name)).toEqual(["Ben Ng"]);
    expect(read.problems).toEqual([
      "Register row 2: 'Ann Lee' has no file in the File column, so nothing is rolled up for them. Put the name of their file there, or delete the row.",
    ]);
  });

  it("an unmarked tab is the register only when it is called Register and has the header", () => {
    expect(isRegisterTab(tab([["Name", "File"]]))).toBe(true);
    expect(isRegisterTab(tab([["Name", "Band"]]))).toBe(false);
    expect(isRegisterTab(tab([["Name", "File"]], null, "Notes"))).toBe(false);
    expect(isRegisterTab(ladderSnap())).toBe(false);
    expect(readRegisterTab([ladderSnap()])).toBeNull();
  });

  it("adding people keeps rows already there (by name, ignoring case and spacing)", () => {
    const read = { ...emptyRegister(), entries: [ANN] };
    const added = addToRegister(read, [{ ...ANN, name: "ann  LEE", file: "other.xlsx" }, BEN]);
    expect(added.entries).toEqual([ANN, BEN]);
  });
});

describe("register.csv", () => {
  it("round-trips every hostile name as text, with formulas guarded for spreadsheets", () => {
    const entries = HOSTILE_NAMES.map(([, name], i) => ({
      name: name.trim(),
      band: "3",
      role: "",
      appraiser: "",
      file: `f${i}.xlsx`,
    }));
    const csv = registerCsv({ columns: [], entries });
    // No line starts a field with a formula character a spreadsheet would run.
    for (const line of csv.split("\r\n")) expect(line).not.toMatch(/^"?[=+\-@]/);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(readRegisterCsv(csv).entries).toEqual(entries);
  });

  it("a name that itself starts with an apostrophe and a formula character reads back exactly", () => {
    const entries = [
      { ...ANN, name: "'=1+1" },
      { ...ANN, name: "'Neill", file: "n.xlsx" },
    ];
    expect(readRegisterCsv(registerCsv({ columns: [], entries })).entries).toEqual(entries);
  });

  it("reads a register saved by a spreadsheet with semicolons and columns in another order", () => {
    const csv = "\uFEFFFile;Name;Notes\r\nAnn Lee 2026-27.xlsx;Ann Lee;part time\r\n;;\r\n";
    expect(readRegisterCsv(csv).entries).toEqual([
      {
        name: "Ann Lee",
        band: "",
        role: "",
        appraiser: "",
        file: "Ann Lee 2026-27.xlsx",
        extra: { Notes: "part time" },
      },
    ]);
  });

  it("without a Name and File header it says what to put there", () => {
    expect(() => readRegisterCsv("Ann Lee,3\n", "staff/register.csv")).toThrow(
      "staff/register.csv has no header row naming a Name column and a File column",
    );
  });
});

describe("person file names", () => {
  const year = "2026-27";

  it("are the person's name and the year", () => {
    expect(personFileName("Ann Lee", year, [])).toBe("Ann Lee 2026-27.xlsx");
    expect(personFileName("Zoë O'Brien", year, [])).toBe("Zoë O'Brien 2026-27.xlsx");
  });

  it("are unique ignoring case", () => {
    expect(personFileName("Ann Lee", year, ["ANN LEE 2026-27.xlsx"])).toBe("Ann Lee (2) 2026-27.xlsx");
    expect(personFileName("A/B", year, ["A-B 2026-27.xlsx", "a-b (2) 2026-27.xlsx"])).toBe(
      "A-B (3) 2026-27.xlsx",
    );
  });

  it.each([
    ["../x", "x 2026-27.xlsx"],
    ["..", "Staff 2026-27.xlsx"],
    ["/etc/passwd", "etc-passwd 2026-27.xlsx"],
    ["C:\\Users\\x", "C-Users-x 2026-27.xlsx"],
    ["~$lock", "lock 2026-27.xlsx"],
    ["-rf", "rf 2026-27.xlsx"],
    ['=HYPERLINK("http://x","y")', "HYPERLINK(-http-x-,-y-) 2026-27.xlsx"],
    ["<script>alert(1)</script>", "script-alert(1)-script- 2026-27.xlsx"],
    ["a\u202Exslx.exe", "axslx.exe 2026-27.xlsx"],
    ["   ", "Staff 2026-27.xlsx"],
  ])("%j becomes %j", (name, file) => {
    expect(personFileName(name, year, [])).toBe(file);
  });

  it.each(HOSTILE_NAMES)("%s: legal on every system, one name, not hidden", (_label, name) => {
    const file = personFileName(name, year, []);
    // eslint-disable-next-line no-control-regex
    expect(file).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
    expect(file).not.toMatch(/^[.\s~=+@-]/);
    expect(file.endsWith(" 2026-27.xlsx")).toBe(true);
    expect(new TextEncoder().encode(file).length).toBeLessThanOrEqual(255);
    // Never a lone surrogate (half an emoji).
    expect(file).toBe(Buffer.from(file, "utf8").toString("utf8"));
  });
});

describe("people on the register whose file was not picked", () => {
  const entry = (name: string, file: string) => ({ name, band: "3", role: "", appraiser: "", file });
  const register = {
    columns: [],
    problems: [],
    entries: [
      entry("Ann Lee", "Ann Lee 2026-27.xlsx"),
      entry("Ben Ng", "maths/Ben Ng 2026-27.xlsx"),
      entry("Cy Dunn", "C:\\Staff\\Cy Dunn 2026-27.xlsx"),
    ],
  };

  it("compares the last part of each path with the picked names, ignoring case", () => {
    expect(notPicked(register, ["ann lee 2026-27.XLSX", "Cy Dunn 2026-27.xlsx"], [])).toEqual(["Ben Ng"]);
    expect(
      notPicked(register, ["Ben Ng 2026-27.xlsx", "Cy Dunn 2026-27.xlsx", "Ann Lee 2026-27.xlsx"], []),
    ).toEqual([]);
    expect(notPicked(register, [], [])).toEqual(["Ann Lee", "Ben Ng", "Cy Dunn"]);
  });

  it("counts a person rolled up from a file saved under another name", () => {
    expect(notPicked(register, ["person 1.xlsx", "Cy Dunn 2026-27.xlsx"], ["  BEN ng "])).toEqual([
      "Ann Lee",
    ]);
  });

  it("names nobody when there is no register", () => {
    expect(notPicked(null, ["Ann Lee 2026-27.xlsx"], ["Ann Lee"])).toEqual([]);
  });
});

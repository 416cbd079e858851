// One file per person, end to end through the built command line: 30 people split into 30 files
// plus register.csv; most coloured by another writer (openpyxl), one re-saved by LibreOffice;
// `rollup DIR -o OUT --json` equals the roll-up of the same tabs, coloured the same, in one
// workbook, tab for tab; no person file holds another colleague's name anywhere in its package.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../cli/xlsx/read.js";
import { legalTabName } from "../../core/names.js";
import { readRegisterCsv } from "../../core/register.js";
import { parseMarker } from "../../core/sheet.js";
import { ladderSnap, statementCell } from "../helpers.js";
import { csv, packageText, paint, people, type RollupJson } from "./person-files-support.js";
import { buildCli, hasSoffice, libreOfficeResave, runCli, tempDir, type Run } from "./run.js";

/** Cells to colour for person i: green runs per checkpoint, an amber below the gap, a mistake for some. */
function paintPlan(i: number): [string, string][] {
  const snap = ladderSnap();
  const cells: [string, string][] = [];
  const greens = ["FF00B050", "FFC6EFCE", "FF92D050"];
  const sep = 2 + (i % 9);
  const runs: ["C" | "D" | "E", number][] = [
    ["C", sep],
    ["D", sep + 4],
    ["E", i % 5 === 0 ? 0 : sep + 9],
  ];
  for (const [col, n] of runs) {
    for (let k = 0; k < n; k++) cells.push([statementCell(snap, k, col), greens[(i + k) % 3]!]);
    if (n > 0) cells.push([statementCell(snap, n + 2, col), "FFFFC000"]);
  }
  if (i % 7 === 3) cells.push([statementCell(snap, sep + 3, "C"), "FF00B050"]); // green after the gap
  if (i % 6 === 1) cells.push([statementCell(snap, 0, "E"), "THEME9"]); // Office accent 6 (green) as a theme colour
  return cells;
}

let cli: string;
let dir: string;
const ladder = (...args: string[]): Run => runCli(cli, dir, args);
const staff = people();
let register: { name: string; file: string }[];

beforeAll(() => {
  cli = buildCli("person-files");
  dir = tempDir("person-files");
  writeFileSync(
    join(dir, "staff.csv"),
    csv([["name", "band", "role", "appraiser"], ...staff.map((s) => [s.name, s.band, s.role, s.appraiser])]),
  );
  const made = ladder("new", "staff/", "--template", "leadership-ladder", "--staff", "staff.csv");
  expect(made.stderr).toBe("");
  expect(made.code).toBe(0);
  const one = ladder("new", "school.xlsx", "--template", "leadership-ladder", "--staff", "staff.csv");
  expect(one.code).toBe(0);
  register = readRegisterCsv(readFileSync(join(dir, "staff", "register.csv"), "utf8")).entries;

  // Colour 20 of the 30 with openpyxl (another writer): each person file, and the same cells of the
  // same tabs in the one workbook.
  const jobs = staff.flatMap((s, i) => {
    if (i % 3 === 2) return [];
    return [
      { file: join(dir, "staff", register[i]!.file), sheet: legalTabName(s.name, []), cells: paintPlan(i) },
    ];
  });
  paint(dir, [...jobs, ...jobs.map((j) => ({ ...j, file: join(dir, "school.xlsx") }))]);
}, 300_000);

describe("ladder new DIR/ --staff", () => {
  it("makes one file per person, named after them and the year, and a register of who has which", () => {
    expect(register.map((r) => r.name)).toEqual(staff.map((s) => s.name));
    const files = readdirSync(join(dir, "staff")).filter((f) => f.endsWith(".xlsx"));
    expect(files.sort()).toEqual(register.map((r) => r.file).sort());
    expect(register[0]!.file).toMatch(/^Ann Lee \d{4}-\d{2}\.xlsx$/);
    expect(register[7]!.file).toMatch(/^HYPERLINK\(-http-x-,-y-\) \d{4}-\d{2}\.xlsx$/);
    expect(register[12]!.file).toMatch(/^Zoë 👩🏽‍🏫 O'Brien \d{4}-\d{2}\.xlsx$/);
  });

  it("a person's file holds only their tab: no other colleague's name anywhere in the package", async () => {
    for (const [i, person] of staff.entries()) {
      const file = join(dir, "staff", register[i]!.file);
      const parts = await packageText(file);
      const all = [...parts.values()].join("\n");
      expect(all).toContain(person.name); // the check can see names at all
      const others = staff.filter((o) => o.name !== person.name && o.name !== person.appraiser);
      for (const o of others)
        for (const [part, text] of parts)
          expect(text.includes(o.name), `${o.name} found in ${part} of ${register[i]!.file}`).toBe(false);
      expect([...parts.keys()].filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))).toHaveLength(1);
      expect(parts.get("xl/workbook.xml")).not.toMatch(/<definedName\b/);
      // The file's properties (File > Properties) name only its person and the year.
      // (openpyxl, which coloured most of them, keeps the title and rewrites the part.)
      const title = /<dc:title\b[^>]*>([^<]*)<\/dc:title>/.exec(parts.get("docProps/core.xml") ?? "")?.[1];
      expect(title).toMatch(/ \d{4}-\d{2}$/);
      expect(title?.startsWith(`${person.name.trim()} `)).toBe(true);
    }
  });

  it("a folder target refuses a meeting form, and --register needs a folder", () => {
    const form = ladder("new", "forms/", "--template", "equip-meeting-feedback", "--name", "Sep meeting");
    expect(form.code).toBe(2);
    expect(form.stderr).toMatch(/One file per person is for staff tabs/);
    const reg = ladder(
      "new",
      "x.xlsx",
      "--template",
      "leadership-ladder",
      "--name",
      "A B",
      "--band",
      "3",
      "--register",
      "r.xlsx",
    );
    expect(reg.code).toBe(2);
    expect(reg.stderr).toMatch(/--register is for one file per person/);
  });
});

describe("ladder rollup DIR -o OUT", () => {
  let files: RollupJson;
  let one: RollupJson;

  beforeAll(async () => {
    // One file re-saved by LibreOffice (another writer again); its twin in the one workbook is not.
    if (hasSoffice()) {
      const target = join(dir, "staff", register[4]!.file);
      const out = join(dir, "lo");
      mkdirSync(out, { recursive: true });
      copyFileSync(libreOfficeResave(target, out), target);
      expect((await packageText(target)).get("docProps/app.xml")).toMatch(/LibreOffice/);
    }
    const r = ladder("rollup", "staff/", "-o", "leaders.xlsx", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    files = JSON.parse(r.stdout) as RollupJson;
    const s = ladder("rollup", "school.xlsx", "--json");
    expect(s.code).toBe(0);
    one = JSON.parse(s.stdout) as RollupJson;
  }, 300_000);

  it("equals the roll-up of the same tabs in one workbook, entry for entry, with each entry's file", () => {
    expect(files.staff).toHaveLength(30);
    expect(files.staff.map(({ file: _f, ...rest }) => rest)).toEqual(one.staff);
    expect(files.staff.map((s) => s.file)).toEqual(register.map((r) => `staff/${r.file}`));
    expect(files.skipped).toEqual([]);
    expect(one.skipped).toEqual([]);
    // The colours were read: levels at every checkpoint, and the planted mistakes found.
    expect(files.staff.filter((s) => (s.levels as Record<string, unknown>).Sep !== null)).toHaveLength(20);
    expect(
      files.staff.some((s) => (s.findings as { rule: string }[]).some((f) => f.rule === "green-after-gap")),
    ).toBe(true);
  });

  it("writes the same summary and grade-band chart tabs, and only those, into OUT", async () => {
    const a = await readWorkbook(join(dir, "leaders.xlsx"));
    expect(a.snapshots.map((s) => s.name)).toEqual(["School summary", "Grade-band chart"]);
    const b = await readWorkbook(join(dir, "school.xlsx"));
    const own = (snaps: typeof a.snapshots) =>
      snaps.filter((s) => ["summary", "chart"].includes(parseMarker(s.marker)?.role ?? ""));
    expect(a.snapshots.map((s) => s.name)).toEqual(["School summary", "Grade-band chart"]);
    expect(own(a.snapshots).map((s) => s.values)).toEqual(own(b.snapshots).map((s) => s.values));
  });

  it("a single FILE without -o still rolls up in place; a folder without -o says to add it", () => {
    const r = ladder("rollup", "staff/");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/say which workbook the summary goes in with -o/);
    expect(existsSync(join(dir, "staff", "School summary.xlsx"))).toBe(false);
  });
});

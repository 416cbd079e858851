// One file per person, the leaders' side, through the built command line: the leaders' workbook is
// one a school already keeps (written by xlsxwriter: a chart, sparklines, a comment, a table,
// defined names; test/fixtures/preserve). `new DIR/ --register` and `rollup -o` write only their own
// tabs into it, so every other part stays byte-identical; the leader fixes a link in the register
// tab (a person file renamed) in another program, and the next roll-up follows it.
import { copyFileSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readRegisterTab } from "../../core/register.js";
import { readBook } from "../../xlsx/read.js";
import { csv, people, PYTHON, type RollupJson } from "./person-files-support.js";
import { expectPreserved, ownParts, partsOf, sheetNames } from "./preserve-check.js";
import { buildCli, ROOT, runCli, tempDir, type Run } from "./run.js";

const FIXTURE = join(ROOT, "test", "fixtures", "preserve", "school-notes.xlsx");

let cli: string;
let dir: string;
const ladder = (...args: string[]): Run => runCli(cli, dir, args);
const leaders = (): Buffer => readFileSync(join(dir, "leaders.xlsx"));
const six = people().slice(0, 6);

function ok(...args: string[]): string {
  const r = ladder(...args);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r.stdout;
}

beforeAll(() => {
  cli = buildCli("person-files-leaders");
  dir = tempDir("person-files-leaders");
  copyFileSync(FIXTURE, join(dir, "leaders.xlsx"));
  writeFileSync(
    join(dir, "six.csv"),
    csv([["name", "band", "role", "appraiser"], ...six.map((s) => [s.name, s.band, s.role, s.appraiser])]),
  );
}, 120_000);

describe("the leaders' workbook a school already keeps", () => {
  let afterNew: Buffer;
  let afterRollup: Buffer;

  it("new DIR/ --register adds only the register tab: every other part is byte-identical", async () => {
    const before = leaders();
    ok("new", "team/", "--template", "leadership-ladder", "--staff", "six.csv", "--register", "leaders.xlsx");
    afterNew = leaders();
    await expectPreserved(before, afterNew);
    const names = sheetNames((await partsOf(afterNew)).get("xl/workbook.xml")!.toString("utf8"));
    expect(names).toEqual(["Register", "Notes", "Budget"]);
  });

  it("rollup -o adds only the summary and chart tabs; a second roll-up replaces only those", async () => {
    const first = JSON.parse(ok("rollup", "-o", "leaders.xlsx", "--json")) as RollupJson;
    expect(first.staff.map((s) => s.name)).toEqual(six.map((s) => s.name));
    afterRollup = leaders();
    await expectPreserved(afterNew, afterRollup);
    const names = sheetNames((await partsOf(afterRollup)).get("xl/workbook.xml")!.toString("utf8"));
    expect(names).toEqual(["School summary", "Grade-band chart", "Register", "Notes", "Budget"]);

    const second = JSON.parse(ok("rollup", "-o", "leaders.xlsx", "--json")) as RollupJson;
    expect(second).toEqual(first);
    const own = ownParts(afterRollup, ["summary", "chart", "register"]);
    const register = readBook(afterRollup, "leaders.xlsx").book.view!.sheets.find(
      (s) => s.name === "Register",
    )!.part!;
    own.delete(register); // the roll-up never rewrites the register
    await expectPreserved(afterRollup, leaders(), own);
  });

  it("the leader fixes a link in the register tab after a file was renamed; the roll-up follows it", () => {
    const reg = readRegisterTab(readBook(leaders(), "leaders.xlsx").snapshots)!;
    const ann = reg.entries[0]!;
    renameSync(join(dir, ann.file), join(dir, "team", "ann-renamed.xlsx"));

    const broken = ladder("rollup", "-o", "leaders.xlsx", "--json");
    expect(broken.code).toBe(2);
    const out = JSON.parse(broken.stdout) as RollupJson;
    expect(out.staff.map((s) => s.name)).toEqual(six.slice(1).map((s) => s.name));
    expect(out.skipped).toEqual([
      {
        file: ann.file,
        reason:
          "no such file (was it deleted, moved or renamed?): fix or delete its row in the register tab of leaders.xlsx",
      },
    ]);

    // The leader types the new name into the File cell, in another program (openpyxl).
    execFileSync(
      PYTHON,
      [
        "-c",
        [
          "from openpyxl import load_workbook",
          'wb = load_workbook("leaders.xlsx")',
          'ws = wb["Register"]',
          "for row in ws.iter_rows():",
          `    if row[0].value == ${JSON.stringify(ann.name)}: row[4].value = "team/ann-renamed.xlsx"`,
          'wb.save("leaders.xlsx")',
        ].join("\n"),
      ],
      { cwd: dir, stdio: "pipe", timeout: 60_000 },
    );
    const fixed = JSON.parse(ok("rollup", "-o", "leaders.xlsx", "--json")) as RollupJson;
    expect(fixed.skipped).toEqual([]);
    expect(fixed.staff.map((s) => [s.name, s.file])).toEqual([
      [ann.name, "team/ann-renamed.xlsx"],
      ...reg.entries.slice(1).map((e) => [e.name, e.file]),
    ]);
  });
});

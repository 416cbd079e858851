// One file per person when things go wrong, through the built command line: a deleted, a damaged
// and a foreign file on the register are listed with the reason and the rest roll up unchanged;
// the same person in two files is warned about once and counted once; and the register kept as a
// tab in the leaders' workbook, edited by the leader (a leaver removed, a column of their own), drives
// the next roll-up and survives adding a newcomer.
import {
  copyFileSync,
  existsSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  appendFileSync,
  statSync,
} from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../cli/xlsx/read.js";
import { readRegisterCsv, readRegisterTab } from "../../core/register.js";
import { parseMarker } from "../../core/sheet.js";
import { buildCli, runCli, tempDir, type Run } from "./run.js";
import { csv, people, PYTHON, type RollupJson } from "./person-files-support.js";

let cli: string;
let dir: string;
const ladder = (...args: string[]): Run => runCli(cli, dir, args);
const staff = people();
const HEADER = ["name", "band", "role", "appraiser"];

function python(code: string): void {
  execFileSync(PYTHON, ["-c", code], { cwd: dir, stdio: "pipe", timeout: 60_000 });
}

beforeAll(() => {
  cli = buildCli("person-files-broken");
  dir = tempDir("person-files-broken");
  writeFileSync(
    join(dir, "staff.csv"),
    csv([HEADER, ...staff.map((s) => [s.name, s.band, s.role, s.appraiser])]),
  );
  expect(ladder("new", "staff/", "--template", "leadership-ladder", "--staff", "staff.csv").code).toBe(0);
}, 120_000);

describe("files that cannot be used", () => {
  let before: RollupJson;
  let after: Run;
  let files: string[];

  beforeAll(() => {
    files = readRegisterCsv(readFileSync(join(dir, "staff", "register.csv"), "utf8")).entries.map(
      (e) => `staff/${e.file}`,
    );
    const ok = ladder("rollup", "staff/", "-o", "before.xlsx", "--json");
    expect(ok.code).toBe(0);
    before = JSON.parse(ok.stdout) as RollupJson;

    rmSync(join(dir, files[3]!)); // deleted
    truncateSync(join(dir, files[4]!), Math.floor(statSync(join(dir, files[4]!)).size / 2)); // damaged
    // A workbook that is not a ladder file, put where a person file should be.
    python(
      `from openpyxl import Workbook\nwb = Workbook()\nws = wb.active\nws.title = "Budget"\nws.append(["Item", "Cost"])\nws.append(["Books", 120])\nwb.save(${JSON.stringify(files[5]!)})`,
    );
    // The same person twice: a copy of Ben Lee's file, added to the register by hand.
    copyFileSync(join(dir, files[1]!), join(dir, "staff", "Ben Lee (copy).xlsx"));
    appendFileSync(
      join(dir, "staff", "register.csv"),
      "Ben Lee,UNQ 2+ M1-6,Teacher,Gov Chair,Ben Lee (copy).xlsx\r\n",
    );
    // A workbook in the folder that is not on the register.
    copyFileSync(join(dir, files[0]!), join(dir, "staff", "notes.xlsx"));
    after = ladder("rollup", "staff/", "-o", "leaders.xlsx", "--json");
  }, 120_000);

  it("lists the deleted, damaged and foreign files with the reason, and rolls up the rest unchanged", () => {
    expect(after.code).toBe(2);
    const out = JSON.parse(after.stdout) as RollupJson;
    const broken = new Set([files[3], files[4], files[5]]);
    expect(out.staff).toEqual(before.staff.filter((s) => !broken.has(s.file)));
    expect(out.staff).toHaveLength(27);
    const bad = out.skipped.filter((s) => s.tab === undefined);
    expect(bad.map((s) => s.file)).toEqual([files[3], files[4], files[5]]);
    expect(bad[0]!.reason).toBe(
      "no such file (was it deleted, moved or renamed?): fix or delete its row in staff/register.csv",
    );
    expect(bad[1]!.reason).toMatch(
      /^is damaged \(the zip is truncated or corrupt\) \(listed in staff\/register\.csv\)$/,
    );
    expect(bad[2]!.reason).toBe(
      "is not a ladder file: none of its tabs ('Budget') is a ragging sheet or another form made by ladder-sheets",
    );
  });

  it("warns once about the person found twice and counts them once", () => {
    const out = JSON.parse(after.stdout) as RollupJson;
    expect(out.staff.filter((s) => s.name === "Ben Lee")).toEqual([
      expect.objectContaining({ file: files[1] }),
    ]);
    const dup = out.skipped.filter((s) => s.tab !== undefined);
    expect(dup).toEqual([
      {
        file: "staff/Ben Lee (copy).xlsx",
        tab: "Ben Lee",
        reason: `Ben Lee has a Leadership Ladder ragging sheet in ${files[1]!} (tab 'Ben Lee') already, which is the one rolled up; this copy is left out so nobody is counted twice. Remove the file you no longer use from the register (or the folder)`,
      },
    ]);
  });

  it("says which files in the folder are not on the register", () => {
    expect(after.stderr).toBe(
      "ladder rollup: 1 file in staff/ is not in staff/register.csv, so not rolled up: notes.xlsx. To include one, add a row for it to the register.\n",
    );
  });

  it("in words: each file not rolled up, and the summary tab lists them too", async () => {
    const r = ladder("rollup", "staff/", "-o", "leaders.xlsx");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      "Rolled up 28 files into 'School summary' and 'Grade-band chart' in leaders.xlsx.\n27 members of staff rolled up.",
    );
    expect(r.stdout).toContain(`Not rolled up: 3 files:\n  ${files[3]!}: no such file`);
    expect(r.stdout).toContain(
      `Skipped 'Ben Lee' in staff/Ben Lee (copy).xlsx: Ben Lee has a Leadership Ladder`,
    );
    const { snapshots } = await readWorkbook(join(dir, "leaders.xlsx"));
    const summary = snapshots.find((s) => parseMarker(s.marker)?.role === "summary")!;
    const cells = summary.values.flat().map(String);
    for (const f of [files[3]!, files[4]!, files[5]!]) expect(cells).toContain(f);
    expect(cells).toContain("Ben Lee (staff/Ben Lee (copy).xlsx)");
  });

  it("files named one by one: a missing one is listed, and with none readable nothing is written", () => {
    const some = ladder("rollup", files[0]!, "staff/missing.xlsx", "-o", "two.xlsx", "--json");
    expect(some.code).toBe(2);
    const out = JSON.parse(some.stdout) as RollupJson;
    expect(out.staff.map((s) => s.file)).toEqual([files[0]]);
    expect(out.skipped).toEqual([{ file: "staff/missing.xlsx", reason: "no such file" }]);
    const none = ladder("rollup", "staff/missing.xlsx", "-o", "none.xlsx");
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      "ladder rollup: No staff tab could be read from 1 file, so none.xlsx was not written:\n  staff/missing.xlsx: no such file.\n",
    );
    expect(existsSync(join(dir, "none.xlsx"))).toBe(false);
  });
});

describe("the register as a tab in the leaders' workbook", () => {
  const five = staff.slice(0, 5);
  beforeAll(() => {
    writeFileSync(
      join(dir, "five.csv"),
      csv([HEADER, ...five.map((s) => [s.name, s.band, s.role, s.appraiser])]),
    );
  });

  it("is written visible, listing the person files by name", async () => {
    const r = ladder(
      "new",
      "team/",
      "--template",
      "leadership-ladder",
      "--staff",
      "five.csv",
      "--register",
      "heads.xlsx",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("To roll them up into the leaders' workbook: ladder rollup -o heads.xlsx");
    expect(existsSync(join(dir, "team", "register.csv"))).toBe(false);
    const { snapshots } = await readWorkbook(join(dir, "heads.xlsx"));
    expect(snapshots.map((s) => [s.name, parseMarker(s.marker)?.role])).toEqual([["Register", "register"]]);
    const reg = readRegisterTab(snapshots)!;
    expect(reg.entries.map((e) => e.name)).toEqual(five.map((p) => p.name));
    for (const e of reg.entries) expect(e.file).toMatch(/^team\/.+ \d{4}-\d{2}\.xlsx$/);
    const sheetXml = execFileSync("unzip", ["-p", join(dir, "heads.xlsx"), "xl/workbook.xml"], {
      encoding: "utf8",
    });
    expect(sheetXml).not.toMatch(/state="(very)?[hH]idden"/);
  });

  it("`rollup -o` follows the leader's edits: a leaver's row deleted; their own column kept when a newcomer is added", async () => {
    // A first roll-up puts the summary and its chart into the leaders' workbook; then the leader
    // deletes Cara Lee's row and adds a Notes column, in another program (openpyxl), which rewrites
    // the whole package.
    expect(ladder("rollup", "-o", "heads.xlsx").code).toBe(0);
    python(
      [
        "from openpyxl import load_workbook",
        'wb = load_workbook("heads.xlsx")',
        'ws = wb["Register"]',
        "header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == 'Name')",
        "for r in range(header + 1, ws.max_row + 1):",
        "    if ws.cell(r, 1).value == 'Cara Lee': ws.delete_rows(r); break",
        "ws.cell(header, 6).value = 'Notes'",
        "ws.cell(header + 1, 6).value = 'mentor'",
        'wb.save("heads.xlsx")',
      ].join("\n"),
    );
    const roll = ladder("rollup", "-o", "heads.xlsx", "--json");
    expect(roll.code).toBe(0);
    expect((JSON.parse(roll.stdout) as RollupJson).staff.map((s) => s.name)).toEqual(
      five.filter((s) => s.name !== "Cara Lee").map((s) => s.name),
    );

    const add = ladder(
      "new",
      "team/",
      "--template",
      "leadership-ladder",
      "--name",
      "Nia Okafor",
      "--band",
      "3",
      "--register",
      "heads.xlsx",
    );
    expect(add.code).toBe(0);
    const reg = readRegisterTab((await readWorkbook(join(dir, "heads.xlsx"))).snapshots)!;
    expect(reg.entries.map((e) => e.name)).toEqual([
      ...five.filter((s) => s.name !== "Cara Lee").map((s) => s.name),
      "Nia Okafor",
    ]);
    expect(reg.columns).toEqual(["Name", "Grade band", "Role", "Appraiser", "File", "Notes"]);
    expect(reg.entries[0]!.extra).toEqual({ Notes: "mentor" });
    const again = ladder("rollup", "-o", "heads.xlsx", "--json");
    expect((JSON.parse(again.stdout) as RollupJson).staff.map((s) => s.name)).toContain("Nia Okafor");
  });

  it("a second template goes into each person's own file; the same template again is refused", async () => {
    const more = ladder(
      "new",
      "team/",
      "--template",
      "equip-teacher",
      "--staff",
      "five.csv",
      "--register",
      "heads.xlsx",
    );
    expect(more.code).toBe(0);
    const reg = readRegisterTab((await readWorkbook(join(dir, "heads.xlsx"))).snapshots)!;
    const ann = reg.entries.find((e) => e.name === "Ann Lee")!;
    const { snapshots } = await readWorkbook(join(dir, ann.file));
    expect(snapshots.map((s) => parseMarker(s.marker)?.templateId)).toEqual([
      "leadership-ladder",
      "equip-teacher",
    ]);
    const again = ladder(
      "new",
      "team/",
      "--template",
      "leadership-ladder",
      "--staff",
      "five.csv",
      "--register",
      "heads.xlsx",
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /^ladder new: Nothing was written: 4 people have a Leadership Ladder ragging sheet in their file already\./,
    );
  });
});

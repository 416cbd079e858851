// The built command line run as a user would, in a temporary folder: help, templates, new (one tab,
// a staff CSV, tick boxes, hostile names), check (exit codes, --json), bad files and arguments.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../cli/xlsx/read.js";
import { parseMarker } from "../../core/sheet.js";
import { buildCli, ROOT, runCli, tempDir, type Run } from "./run.js";
import { sheetXml } from "./zip-edit.js";

let cli: string;
let dir: string;
const ladder = (...args: string[]): Run => runCli(cli, dir, args);
const FIXTURE = join(ROOT, "test", "fixtures", "school-original.xlsx");

beforeAll(() => {
  cli = buildCli("commands");
  dir = tempDir("e2e-commands");
});

describe("help and usage", () => {
  it.each(["demo", "new", "templates", "check", "rollup", "trust", "report"])("ladder %s --help", (cmd) => {
    const r = ladder(cmd, "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage:[\\s\\S]*ladder ${cmd}`));
    expect(r.stderr).toBe("");
  });

  it("lists the commands with --help, and fails with one line for an unknown command or option", () => {
    expect(ladder("--help").stdout).toMatch(/Commands:[\s\S]*rollup/);
    const unknown = ladder("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    expect(unknown.stderr).toBe(
      "ladder: 'frobnicate' is not a command. Commands: demo, new, templates, check, rollup, trust, report. See: ladder --help.\n",
    );
    expect(ladder("chek").stderr).toMatch(/^ladder: 'chek' is not a command\. Did you mean 'check'\?/);
    const bad = ladder("check", "x.xlsx", "--nope");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "ladder check: --nope is not an option of 'ladder check'. Its options are --tab, --json, --help. See: ladder check --help.\n",
    );
    expect(ladder("check", "x.xlsx", "--tabb", "A").stderr).toMatch(/Did you mean '--tab'\?/);
    expect(ladder("check", "x.xlsx", "--tab").stderr).toBe(
      "ladder check: --tab needs a value after it. See: ladder check --help.\n",
    );
    expect(ladder().code).toBe(2);
  });
});

describe("templates", () => {
  it("lists ids and titles, as text and as JSON", () => {
    const r = ladder("templates");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/leadership-ladder\s+ladder, levels up to/);
    const list = JSON.parse(ladder("templates", "--json").stdout) as { id: string; title: string }[];
    expect(list.map((t) => t.id)).toContain("equip-meeting-feedback");
    expect(list.every((t) => t.title.length > 0)).toBe(true);
  });
});

describe("new", () => {
  it("creates the file with one marked tab, then adds a second tab for the same name without touching the first", async () => {
    const file = join(dir, "new.xlsx");
    const args = ["--template", "leadership-ladder", "--name", "Ann Lee", "--band", "3", "--role", "Teacher"];
    const first = ladder("new", file, ...args);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Created .*new\.xlsx: added 1 tab/);
    const before = (await readWorkbook(file)).snapshots;
    expect(before.map((s) => s.name)).toEqual(["Ann Lee"]);
    expect(parseMarker(before[0]!.marker)).toMatchObject({ templateId: "leadership-ladder", role: "staff" });

    const refused = ladder("new", file, ...args, "--ticks");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      "ladder new: Nothing was written: 1 person has a Leadership Ladder ragging sheet in " +
        `${file} already. Colour the tab they have, or add --allow-duplicate to make a second one:\n  Ann Lee\n`,
    );
    expect((await readWorkbook(file)).snapshots).toEqual(before);
    const second = ladder("new", file, ...args, "--ticks", "--allow-duplicate");
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Ann Lee (2)  (for Ann Lee)");
    const after = (await readWorkbook(file)).snapshots;
    expect(after.map((s) => s.name)).toEqual(["Ann Lee", "Ann Lee (2)"]);
    expect(after[0]).toEqual(before[0]);
    expect(parseMarker(after[1]!.marker)?.ticks).toBe(true);
  });

  it("stores a formula-like name as text and makes the tab name legal", async () => {
    const file = join(dir, "hostile.xlsx");
    const name = '=HYPERLINK("http://x","y")/[a]:*?';
    const r = ladder("new", file, "--template", "leadership-ladder", "--name", name, "--band", "2");
    expect(r.code).toBe(0);
    const { snapshots } = await readWorkbook(file);
    const tab = snapshots[0]!;
    expect(tab.name.length).toBeLessThanOrEqual(31);
    expect(tab.name).not.toMatch(/[[\]:*?/\\]/);
    expect(tab.values.flat()).toContain(name);
    expect(await sheetXml(readFileSync(file), tab.name)).not.toMatch(/<f[ >]/);
  });

  it("makes one tab per row of a staff CSV (BOM, semicolons, quotes, blank lines)", async () => {
    const csv = join(dir, "staff.csv");
    writeFileSync(
      csv,
      '\uFEFFname;band;role;appraiser\n"Lee; Ann";3;Teacher;Mrs Okafor\n\nBen Carter;UPS2-3 TLR2;"Maths Lead, KS2";Mr Hughes\nBen Carter (office);G;Office;Mrs Okafor\n',
    );
    const file = join(dir, "staff.xlsx");
    const r = ladder("new", file, "--template", "leadership-ladder", "--staff", csv);
    expect(r.code).toBe(0);
    const names = (await readWorkbook(file)).snapshots.map((s) => s.name);
    expect(names).toEqual(["Lee; Ann", "Ben Carter", "Ben Carter (office)"]);
  });

  it("refuses a staff list that names someone twice, before writing anything", () => {
    const csv = join(dir, "twice.csv");
    writeFileSync(csv, "name,band\nAnn Smith,3\nBo Li,2\nann  smith,3\n");
    const file = join(dir, "twice.xlsx");
    const r = ladder("new", file, "--template", "leadership-ladder", "--staff", csv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "ladder new: Nothing was created: the staff list has a problem. Line 4: 'ann  smith' is already on " +
        "line 2. Remove one, or tell them apart (for example 'ann  smith (Maths)'). Fix the list and try again.\n",
    );
    expect(existsSync(file)).toBe(false);
  });

  it("says a bad band once, with the bands to choose from, and the levels a tab can stop at", () => {
    const file = join(dir, "band.xlsx");
    const r = ladder("new", file, "--template", "leadership-ladder", "--name", "Ann", "--band", "99");
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "ladder new: Nothing was created. Ann: '99' is not a grade band. A band is a number from 1 to 7 or one of its labels:",
    );
    expect(lines.slice(1)).toHaveLength(7);
    expect(lines[3]).toBe("  Band 3 (UPS1 TLR3 / G / VC /TB)");
    expect(r.stderr.match(/is not a grade band/g)).toHaveLength(1);
    const up = ladder(
      "new",
      file,
      "--template",
      "leadership-ladder",
      "--name",
      "Ann",
      "--band",
      "3",
      "--up-to",
      "12",
    );
    expect(up.stderr).toBe(
      "ladder new: A Leadership Ladder ragging sheet can stop at level 5, 6, 7 or 8; 12 is not one of those.\n",
    );
    expect(existsSync(file)).toBe(false);
  });

  it("writes nothing when any staff row is bad, naming the line", () => {
    const csv = join(dir, "bad-staff.csv");
    writeFileSync(csv, "name,band,role,appraiser\nAnn Lee,3,Teacher,X\nBen Carter,99,Teacher,X\n");
    const file = join(dir, "bad-staff.xlsx");
    const r = ladder("new", file, "--template", "leadership-ladder", "--staff", csv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Line 3: '99' is not a grade band\./);
    expect(existsSync(file)).toBe(false);
  });

  it("needs a band for a staff tab, and a known template", () => {
    const file = join(dir, "args.xlsx");
    const noBand = ladder("new", file, "--template", "leadership-ladder", "--name", "Ann");
    expect(noBand.code).toBe(2);
    expect(noBand.stderr).toMatch(/--band is required/);
    const noTemplate = ladder("new", file, "--template", "nope", "--name", "Ann", "--band", "3");
    expect(noTemplate.code).toBe(2);
    expect(noTemplate.stderr).toMatch(/no template called 'nope'\. Templates: /);
    const near = ladder("new", file, "--template", "leadership-ladr", "--name", "Ann", "--band", "3");
    expect(near.stderr).toMatch(/no template called 'leadership-ladr'\. Did you mean 'leadership-ladder'\?/);
    expect(existsSync(file)).toBe(false);
  });
});

describe("check", () => {
  it("prints each finding with cell, checkpoint and what to do, and exits 1 on errors", () => {
    const file = join(dir, "check.xlsx");
    copyFileSync(FIXTURE, file);
    const before = readFileSync(file);
    const r = ladder("check", file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /Cara Singh .*: below level 1 in Sep; Mid and Jul not filled in yet\. 1 finding:/,
    );
    expect(r.stdout).toMatch(/ {2}C\d+ +Sep +error +C\d+ is green below C\d+.*Make C\d+ amber.*\.\n/);
    expect(r.stdout).not.toMatch(/\[green-after-gap\]|#[0-9a-f]{6}/);
    expect(r.stdout).toMatch(/3 tabs checked: 1 error, \d+ warnings?\./);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("--json gives the findings per tab, field by field", () => {
    const file = join(dir, "check.xlsx");
    const out = JSON.parse(ladder("check", file, "--json").stdout) as {
      tabs: {
        tab: string;
        kind: string;
        levels: Record<string, number | null>;
        skipped: string | null;
        findings: Record<string, unknown>[];
      }[];
    };
    expect(out.tabs.map((t) => t.tab)).toEqual(["Ann Lee", "Ben Carter", "Cara Singh"]);
    const cara = out.tabs[2]!;
    expect(cara).toMatchObject({ kind: "ladder", skipped: null, levels: { Sep: 0, Mid: null, Jul: null } });
    const f = cara.findings.find((x) => x.rule === "green-after-gap")!;
    expect(Object.keys(f)).toEqual(["cell", "checkpoint", "rule", "severity", "message"]);
    expect(f).toMatchObject({ checkpoint: "Sep", severity: "error" });
    expect(f.cell).toMatch(/^C\d+$/);
  });

  it("--tab checks one tab; an unknown tab is a bad argument", () => {
    const file = join(dir, "check.xlsx");
    const one = ladder("check", file, "--tab", "Ann Lee");
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^Ann Lee .*\. No problems\./);
    const none = ladder("check", file, "--tab", "Nobody");
    expect(none.code).toBe(2);
    // One tab name a line (a name may hold a comma), and no guess when nothing is close.
    const lines = none.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(`ladder check: ${file} has no tab called 'Nobody'. Its tabs are:`);
    expect(lines).toContain("  Ann Lee");
    expect(lines).toContain("  Cara Singh");
    const near = ladder("check", file, "--tab", "Cara Sing");
    expect(near.stderr).toMatch(/has no tab called 'Cara Sing'\. Did you mean 'Cara Singh'\? Its tabs are:/);
  });
});

describe("bad files: one line on stderr, exit 2, file untouched", () => {
  const cases: [string, Buffer | null, RegExp][] = [
    ["missing.xlsx", null, /no such file/],
    ["empty.xlsx", Buffer.alloc(0), /empty \(0 bytes\)/],
    ["csv.xlsx", Buffer.from("name,band\nAnn,3\n"), /CSV/],
    [
      "old.xlsx",
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      /password-protected or old \.xls/,
    ],
    ["truncated.xlsx", readFileSync(FIXTURE).subarray(0, 5000), /damaged/],
  ];
  it.each(cases)("%s", (name, bytes, message) => {
    const file = join(dir, name);
    if (bytes) writeFileSync(file, bytes);
    for (const cmd of ["check", "rollup"]) {
      const r = ladder(cmd, file);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
    }
    if (bytes) expect(readFileSync(file).equals(bytes)).toBe(true);
    else expect(existsSync(file)).toBe(false);
  });
});

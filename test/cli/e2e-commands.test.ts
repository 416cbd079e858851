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
  it.each(["demo", "new", "templates", "check", "rollup", "trust"])("ladder %s --help", (cmd) => {
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
    const bad = ladder("check", "x.xlsx", "--nope");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ladder check: Unknown option '--nope'.*--help\)\n$/);
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

    const second = ladder("new", file, ...args, "--ticks");
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

  it("makes one tab per row of a staff CSV (BOM, semicolons, quotes, blank lines, duplicate names)", async () => {
    const csv = join(dir, "staff.csv");
    writeFileSync(
      csv,
      '\uFEFFname;band;role;appraiser\n"Lee; Ann";3;Teacher;Mrs Okafor\n\nBen Carter;UPS2-3 TLR2;"Maths Lead, KS2";Mr Hughes\nBen Carter;G;Office;Mrs Okafor\n',
    );
    const file = join(dir, "staff.xlsx");
    const r = ladder("new", file, "--template", "leadership-ladder", "--staff", csv);
    expect(r.code).toBe(0);
    const names = (await readWorkbook(file)).snapshots.map((s) => s.name);
    expect(names).toEqual(["Lee; Ann", "Ben Carter", "Ben Carter (2)"]);
  });

  it("writes nothing when any staff row is bad, naming the line", () => {
    const csv = join(dir, "bad-staff.csv");
    writeFileSync(csv, "name,band,role,appraiser\nAnn Lee,3,Teacher,X\nBen Carter,99,Teacher,X\n");
    const file = join(dir, "bad-staff.xlsx");
    const r = ladder("new", file, "--template", "leadership-ladder", "--staff", csv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 3/);
    expect(existsSync(file)).toBe(false);
  });

  it("needs a band for a staff tab, and a known template", () => {
    const file = join(dir, "args.xlsx");
    const noBand = ladder("new", file, "--template", "leadership-ladder", "--name", "Ann");
    expect(noBand.code).toBe(2);
    expect(noBand.stderr).toMatch(/--band is required/);
    const noTemplate = ladder("new", file, "--template", "nope", "--name", "Ann", "--band", "3");
    expect(noTemplate.code).toBe(2);
    expect(noTemplate.stderr).toMatch(/no template called 'nope'/);
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
    expect(r.stdout).toMatch(/Cara Singh .*levels Sep 0, Mid -, Jul -: 1 finding/);
    expect(r.stdout).toMatch(
      / {2}C\d+ +Sep +error +C\d+ is green below C\d+.*Make C\d+ amber.*\[green-after-gap\]/,
    );
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
    expect(one.stdout).toMatch(/^Ann Lee .*: OK/);
    const none = ladder("check", file, "--tab", "Nobody");
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/has no tab called 'Nobody'/);
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

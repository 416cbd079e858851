// `ladder report` on the demo workbook: every number in the report's tables is computed again here,
// independently, from `rollup --json` of the same workbook (zones, movement, band by band, findings);
// the file reaches no network; a bad -o is one line, exit 2, and writes nothing.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { networkRefs, section, tableHead, tableRows } from "../report/tables.js";
import { buildCli, runCli, tempDir, type Run } from "./run.js";

interface JsonStaff {
  tab: string;
  name: string;
  band: number | null;
  levels: Record<string, number | null>;
  zones: Record<string, string | null>;
  findings: { cell: string; checkpoint: string | null; severity: string; message: string }[];
  target?: number | null;
}

const ZONES = ["below", "entry", "expected", "beyond"];
const CPS = ["Sep", "Mid", "Jul"];

let cli = "";
let dir = "";
let html = "";
let staff: JsonStaff[] = [];
let demoRun: Run;
beforeAll(() => {
  cli = buildCli("report");
  dir = tempDir("report");
  demoRun = runCli(cli, dir, ["demo", "d.xlsx"]);
  expect(demoRun.code).toBe(0);
  const r = runCli(cli, dir, ["report", "d.xlsx", "-o", "r.html"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("r.html");
  html = readFileSync(join(dir, "r.html"), "utf8");
  staff = (JSON.parse(runCli(cli, dir, ["rollup", "d.xlsx", "--json"]).stdout) as { staff: JsonStaff[] })
    .staff;
}, 180_000);

function expectBands(page: string, cp: string): void {
  const rows = tableRows(page, "bands");
  expect(rows).toHaveLength(7);
  for (const [i, r] of rows.entries()) {
    const mine = staff.filter((s) => s.band === i + 1);
    const zoneCounts = ZONES.map((z) => mine.filter((s) => s.zones[cp] === z).length);
    expect(r.slice(2).map(Number)).toEqual([...zoneCounts, mine.filter((s) => s.zones[cp] == null).length]);
  }
  expect(tableHead(page, "band-levels").slice(1)).toEqual(Array.from({ length: 11 }, (_, l) => `Level ${l}`));
  for (const [i, r] of tableRows(page, "band-levels").entries())
    expect(r.slice(1).map(Number)).toEqual(
      Array.from(
        { length: 11 },
        (_, l) => staff.filter((s) => s.band === i + 1 && s.levels[cp] === l).length,
      ),
    );
}

describe("ladder report: the numbers are the workbook's", () => {
  it("staff per zone at each checkpoint", () => {
    const rows = tableRows(html, "zones");
    expect(rows.map((r) => r[0])).toEqual(CPS);
    for (const [cp, ...cells] of rows) {
      const count = (z: string | null): number => staff.filter((s) => s.zones[cp!] === z).length;
      expect(cells.map(Number)).toEqual([...ZONES.map(count), count(null)]);
    }
  });

  it("movement between checkpoints: totals and each person", () => {
    const rows = tableRows(html, "movement");
    expect(rows).toHaveLength(2);
    for (const [i, r] of rows.entries()) {
      const [a, b] = [CPS[i]!, CPS[i + 1]!];
      expect(r[0]).toBe(`${a} to ${b}`);
      const both = staff.filter((s) => s.levels[a] != null && s.levels[b] != null);
      const up = both.filter((s) => s.levels[b]! > s.levels[a]!).length;
      const down = both.filter((s) => s.levels[b]! < s.levels[a]!).length;
      expect(r.slice(1).map(Number)).toEqual([up, both.length - up - down, down, staff.length - both.length]);
    }
    // The demo school's year has movement both ways, so the test sees real numbers, not zeros.
    expect(rows.some((r) => Number(r[1]) > 0)).toBe(true);
    const people = tableRows(html, "movement-people");
    expect(people.map((p) => p[0])).toEqual(staff.map((s) => s.name));
    for (const [i, p] of people.entries()) {
      const s = staff[i]!;
      for (const [k, [a, b]] of [
        ["Sep", "Mid"],
        ["Mid", "Jul"],
      ].entries()) {
        const from = s.levels[a!];
        const to = s.levels[b!];
        const cell = p[k + 1]!;
        if (from == null || to == null) expect(cell).toContain("not compared");
        else expect(cell).toContain(`(${from} to ${to})`);
      }
    }
  });

  it("band by band at the chart's checkpoint", () => {
    const cp = /Band by band at (\w+)/.exec(section(html, "bands-section"))?.[1] ?? "";
    // The latest checkpoint more than half the staff have filled in (the roll-up's rule).
    const latest = [...CPS]
      .reverse()
      .find((c) => staff.filter((s) => s.levels[c] != null).length * 2 > staff.length);
    expect(cp).toBe(latest);
    expectBands(html, cp);
  });

  it("band by band at the checkpoint asked for (--checkpoint sep)", () => {
    expect(runCli(cli, dir, ["report", "d.xlsx", "-o", "sep.html", "--checkpoint", "sep"]).code).toBe(0);
    const sep = readFileSync(join(dir, "sep.html"), "utf8");
    expect(section(sep, "bands-section")).toContain("Band by band at Sep");
    expectBands(sep, "Sep");
    const bad = runCli(cli, dir, ["report", "d.xlsx", "-o", "x.html", "--checkpoint", "June"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--checkpoint must be one of Sep, Mid, Jul/);
  });

  it("level against target: each person's latest level; target not set unless the roll-up has one", () => {
    const rows = tableRows(html, "targets");
    expect(rows).toHaveLength(staff.length);
    for (const [i, r] of rows.entries()) {
      const s = staff[i]!;
      const latest = [...CPS]
        .reverse()
        .map((c) => s.levels[c])
        .find((l) => l != null);
      expect(r[0]).toBe(s.name);
      expect(r[3]).toBe(latest == null ? "not filled in" : String(latest));
      expect(r[4]).toBe(s.target == null ? "not set" : String(s.target));
    }
  });

  it("still to fix: each tab with errors, its first cell and the check's own words", () => {
    const text = section(html, "findings-section");
    const withErrors = staff.filter((s) => s.findings.some((f) => f.severity === "error"));
    expect(withErrors.length).toBeGreaterThan(0);
    const errors = withErrors.reduce(
      (n, s) => n + s.findings.filter((f) => f.severity === "error").length,
      0,
    );
    expect(text).toContain(
      `${errors} colouring error${errors === 1 ? "" : "s"} on ${withErrors.length} staff tab`,
    );
    const esc = (t: string): string =>
      t
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;");
    for (const s of withErrors) {
      const first = s.findings.find((f) => f.severity === "error")!;
      expect(text).toContain(`<strong>${esc(s.tab)}</strong>`);
      expect(text).toContain(`<strong>${first.cell}</strong>`);
      expect(text).toContain(esc(first.message));
    }
    const clean = staff.filter((s) => !withErrors.includes(s));
    for (const s of clean) expect(text).not.toContain(`<strong>${esc(s.tab)}</strong>`);
  });

  it("reaches no network: no URL, no src or href, no script, no external style", () => {
    expect(networkRefs(html)).toEqual([]);
    // The helper does find what it looks for (a check that could not fail would prove nothing).
    expect(
      networkRefs('<img src="https://x.test/a.png"><style>@import url(//x.test/a.css)</style>'),
    ).toHaveLength(6);
  });

  it("the demo writes the same report beside its workbook, says so in one line, and replaces only a report", () => {
    const lines = demoRun.stdout.split("\n").filter((l) => l.includes("leadership report"));
    expect(lines).toEqual([
      `Wrote the leadership report to ${join(dir, "d.html")} (open it in a web browser).`,
    ]);
    const demoHtml = readFileSync(join(dir, "d.html"), "utf8");
    for (const id of ["zones", "movement", "bands", "targets"])
      expect(tableRows(demoHtml, id)).toEqual(tableRows(html, id));
    // Someone's own page with the demo's name is never replaced.
    writeFileSync(join(dir, "mine.html"), "<p>my notes</p>");
    const r = runCli(cli, dir, ["demo", "mine.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("mine.html already exists and is not a ladder report");
    expect(readFileSync(join(dir, "mine.html"), "utf8")).toBe("<p>my notes</p>");
    expect(existsSync(join(dir, "mine.xlsx"))).toBe(false);
  });

  it("a bad -o is one line, exit 2, and no file", () => {
    const r = runCli(cli, dir, ["report", "d.xlsx", "-o", "x.txt"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(dir, "x.txt"))).toBe(false);
  });
});

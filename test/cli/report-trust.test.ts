// `ladder report` for a trust: from a trust workbook (the tab `ladder trust` wrote) and from several
// school workbooks, the schools side by side with each school's counts as its own `rollup --json`
// gives them; no staff name appears (counts only, as the trust roll-up).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { networkRefs, tableRows } from "../report/tables.js";
import { buildCli, runCli, tempDir } from "./run.js";

interface JsonStaff {
  name: string;
  zones: Record<string, string | null>;
  findings: { severity: string }[];
}

const ZONES = ["below", "entry", "expected", "beyond"];
const CPS = ["Sep", "Mid", "Jul"];

let cli = "";
let dir = "";
const staffOf: Record<string, JsonStaff[]> = {};
beforeAll(() => {
  cli = buildCli("report-trust");
  dir = tempDir("report-trust");
  expect(runCli(cli, dir, ["demo", "Oak.xlsx"]).code).toBe(0);
  writeFileSync(join(dir, "staff.csv"), "name,band\nPat One,3\nSam Two,5\n");
  expect(
    runCli(cli, dir, ["new", "Elm.xlsx", "--template", "leadership-ladder", "--staff", "staff.csv"]).code,
  ).toBe(0);
  expect(runCli(cli, dir, ["rollup", "Elm.xlsx"]).code).toBe(0);
  for (const s of ["Oak", "Elm"])
    staffOf[s] = (
      JSON.parse(runCli(cli, dir, ["rollup", `${s}.xlsx`, "--json"]).stdout) as { staff: JsonStaff[] }
    ).staff;
  expect(runCli(cli, dir, ["trust", "Oak.xlsx", "Elm.xlsx", "-o", "trust.xlsx"]).code).toBe(0);
}, 180_000);

function expectSchools(html: string): void {
  for (const cp of CPS) {
    const rows = tableRows(html, `trust-table-${cp}`);
    expect(rows.map((r) => r[0])).toEqual(["Oak", "Elm"]);
    for (const r of rows) {
      const staff = staffOf[r[0]!]!;
      const count = (z: string | null): number => staff.filter((s) => s.zones[cp] === z).length;
      expect(r.slice(1, 7).map(Number)).toEqual([staff.length, ...ZONES.map(count), count(null)]);
    }
  }
  const errs = tableRows(html, "trust-errors");
  for (const r of errs) {
    const all = staffOf[r[0]!]!.flatMap((s) => s.findings);
    expect(r.slice(1).map(Number)).toEqual([
      staffOf[r[0]!]!.length,
      all.filter((f) => f.severity === "error").length,
      all.filter((f) => f.severity === "warning").length,
    ]);
  }
  for (const s of Object.values(staffOf).flat()) expect(html).not.toContain(s.name);
  expect(networkRefs(html)).toEqual([]);
}

describe("ladder report for a trust", () => {
  it("from the trust workbook: the schools side by side, counts only", () => {
    const r = runCli(cli, dir, ["report", "trust.xlsx", "-o", "t.html"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 schools");
    expectSchools(readFileSync(join(dir, "t.html"), "utf8"));
  });

  it("from several school workbooks: the same counts", () => {
    const r = runCli(cli, dir, ["report", "Oak.xlsx", "Elm.xlsx", "-o", "m.html"]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "m.html"), "utf8");
    expectSchools(html);
    for (const cp of CPS)
      expect(tableRows(html, `trust-table-${cp}`)).toEqual(
        tableRows(readFileSync(join(dir, "t.html"), "utf8"), `trust-table-${cp}`),
      );
  });
});

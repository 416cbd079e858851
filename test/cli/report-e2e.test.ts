// `ladder report` on the demo workbook: the report's zone table equals `rollup --json`'s zones;
// a bad -o is one line, exit 2, and writes nothing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, runCli, tempDir } from "./run.js";

let cli = "";
let dir = "";
beforeAll(() => {
  cli = buildCli("report");
  dir = tempDir("report");
  expect(runCli(cli, dir, ["demo", "d.xlsx"]).code).toBe(0);
}, 180_000);

describe("ladder report", () => {
  it("writes the report whose zone counts match the roll-up", () => {
    const r = runCli(cli, dir, ["report", "d.xlsx", "-o", "r.html"]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "r.html"), "utf8");
    const j = JSON.parse(runCli(cli, dir, ["rollup", "d.xlsx", "--json"]).stdout) as {
      staff: { zones: Record<string, string | null> }[];
    };
    const body = /<table id="zones">.*?<tbody>(.*?)<\/tbody>/.exec(html)?.[1] ?? "";
    expect(body.match(/<tr>/g)).toHaveLength(3);
    for (const m of body.matchAll(/<tr>(.*?)<\/tr>/g)) {
      const cells = [...(m[1] ?? "").matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1] ?? "");
      const cp = cells[0] ?? "";
      const count = (z: string): number => j.staff.filter((s) => s.zones[cp] === z).length;
      expect(cells.slice(1).map(Number)).toEqual(["below", "entry", "expected", "beyond"].map(count));
    }
  }, 120_000);

  it("a bad -o is one line, exit 2, and no file", () => {
    const r = runCli(cli, dir, ["report", "d.xlsx", "-o", "x.txt"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(dir, "x.txt"))).toBe(false);
  });
});

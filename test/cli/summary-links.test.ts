// The school summary's to-do list links each staff tab name to its tab (an internal hyperlink in
// the .xlsx), and another program reads those links: openpyxl on our file, and again after
// LibreOffice has resaved it. Each link names a tab that is in the workbook.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, libreOfficeResave, runCli, tempDir } from "./run.js";

const PYTHON = "/usr/bin/python3";
const LINKS_PY = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["School summary"]
print(json.dumps({"tabs": wb.sheetnames, "links": [
    [c.coordinate, c.value, c.hyperlink.location]
    for row in ws.iter_rows() for c in row if c.hyperlink is not None]}))
`;

interface Links {
  tabs: string[];
  links: [string, string, string][];
}

function linksOf(file: string): Links {
  const r = spawnSync(PYTHON, ["-c", LINKS_PY, file], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Links;
}

/** 'Ann O''Brien'!E28 -> ["Ann O'Brien", "E28"] */
function target(location: string): [string, string] {
  const m = /^'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(location);
  expect(m, location).not.toBeNull();
  return [m![1]!.replace(/''/g, "'"), m![2]!];
}

let dir: string;
let file: string;

beforeAll(() => {
  const cli = buildCli("summary-links");
  dir = tempDir("summary-links");
  file = join(dir, "school.xlsx");
  const r = runCli(cli, dir, ["demo", "school.xlsx"]);
  expect(r.code).toBe(0);
});

describe("the summary's to-do list links to the staff tabs", () => {
  it("openpyxl reads a link on every name in the to-do blocks, each to a tab in the workbook", () => {
    const { tabs, links } = linksOf(file);
    expect(links.length).toBeGreaterThan(40); // everyone is in the by-appraiser block
    for (const [coordinate, value, location] of links) {
      const [tab, cell] = target(location);
      expect(value, coordinate).toBe(tab);
      expect(tabs).toContain(tab);
      expect(cell).toMatch(/^[A-Z]+\d+$/);
    }
    // A tab with colouring errors opens at its first error, not at the top.
    expect(links.some(([, , location]) => !location.endsWith("!A1"))).toBe(true);
  });

  it("the links survive LibreOffice resaving the file", () => {
    const out = join(dir, "lo");
    mkdirSync(out, { recursive: true });
    const resaved = libreOfficeResave(file, out);
    expect(linksOf(resaved).links.map(([c, v, l]) => [c, v, target(l)])).toEqual(
      linksOf(file).links.map(([c, v, l]) => [c, v, target(l)]),
    );
  });
});

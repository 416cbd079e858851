/**
 * The appraisal year through the command line (issue 14), on the demo school as `npm start` writes
 * it: the record's cells come out through the package layer (tick boxes, the 1-10 target list,
 * notes, A4 printing), `ladder check` finds the demo's three record slips with the cell in plain
 * words, and the year roll-up's numbers (`rollup --json` and the summary tab) match the workbook
 * they came from, read independently with openpyxl. The trust roll-up carries counts only.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffYear } from "../../core/year.js";
import { openBook } from "../../xlsx/index.js";
import { buildCli, runCli, tempDir, type Run } from "./run.js";

const PYTHON = "/usr/bin/python3";
const hasOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;

let cli: string;
let dir: string;
const ladder = (...args: string[]): Run => runCli(cli, dir, args);

interface StaffJson extends StaffYear {
  tab: string;
  name: string;
  levels: Record<string, number | null>;
  findings: { rule: string; cell: string; checkpoint: string | null; severity: string; message: string }[];
}
interface YearJson {
  withTarget: number;
  reachedTarget: number;
  movement: { from: string; to: string; up: number; same: number; down: number }[];
  starReady: { name: string; tab: string; title: string | null }[];
}
let staff: StaffJson[];
let year: YearJson;
let demoOut: string;

beforeAll(() => {
  cli = buildCli("year");
  dir = tempDir("year");
  const demo = ladder("demo", "demo.xlsx");
  expect(demo.code).toBe(0);
  demoOut = demo.stdout;
  const r = ladder("rollup", "demo.xlsx", "--json");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout) as { staff: StaffJson[]; year: YearJson };
  staff = j.staff;
  year = j.year;
}, 180_000);

/** What openpyxl sees in each staff tab's record, found by its labels (not by our reader). */
interface Independent {
  target: number | null;
  ticks: boolean[];
  objectives: string[];
  notes: Record<string, boolean>;
}
function readIndependently(file: string): Record<string, Independent> {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str): cells.setdefault(c.value, c)
    t = cells.get("Target level for the year")
    if t is None: continue
    right = lambda c, k=1: ws.cell(row=c.row, column=c.column + k).value
    done = cells["Done"]
    ticks = [ws.cell(row=done.row + k, column=done.column).value is True for k in range(1, 7)]
    objs = []
    for label, c in cells.items():
        if label.startswith("Objective ") and label[10] in "123":
            objs.append(ws.cell(row=c.row + 1, column=c.column + 1).value or "")
    notes = {cp: bool(right(cells[cp + ": your note"]) or right(cells[cp + ": appraiser's note"])) for cp in ("Sep", "Mid", "Jul")}
    out[ws.title] = {"target": right(t), "ticks": ticks, "objectives": objs, "notes": notes}
print(json.dumps(out))
`;
  const r = spawnSync(PYTHON, ["-c", script, file], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Record<string, Independent>;
}

describe("the record in the demo workbook, through the package layer", () => {
  it("writes tick boxes, the 1-10 target list, notes with each level's examples, and A4 pages", () => {
    const book = openBook(readFileSync(join(dir, "demo.xlsx")), "demo.xlsx");
    const pkg = book.pkg!;
    const part = book.view!.sheets.find((s) => s.name === "Ryan Parker")!.part!;
    const xml = pkg.text(part) ?? "";
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape"');
    expect(xml).toMatch(
      /<dataValidation type="list"[^>]*sqref="H15"><formula1>&quot;1,2,3,4,5,6,7,8,9,10&quot;/,
    );
    expect(xml).toMatch(/<dataValidation type="list"[^>]*sqref="I27:I32"><formula1>&quot;TRUE,FALSE&quot;/);
    expect(xml).toContain('<c r="I27" s="'); // the tick box cells hold booleans
    expect(xml).toMatch(/<c r="I27" s="\d+" t="b"><v>1<\/v><\/c>/);
    const comments = pkg.rels(part).find((r) => r.type.endsWith("/comments"))!.part!;
    const text = pkg.text(comments) ?? "";
    expect(text).toContain("Examples (how do you know?):");
    expect(text).toContain("Governors/Trustees – Regular attendance at meetings.");
  });
});

describe("ladder check on the demo's year records", () => {
  it("finds the three record slips, each at its cell, in plain words", () => {
    const r = ladder("check", "demo.xlsx", "--json");
    const tabs = (JSON.parse(r.stdout) as { tabs: { tab: string; findings: StaffJson["findings"] }[] }).tabs;
    const record = new Set([
      "target-below-level",
      "star-step-skipped",
      "star-date-order",
      "objective-missing",
      "current-level-differs",
      "record-unreadable",
    ]);
    const found = tabs.flatMap((t) =>
      t.findings.filter((f) => record.has(f.rule)).map((f) => ({ tab: t.tab, ...f })),
    );
    expect(found.map((f) => `${f.tab} ${f.rule} ${f.cell} ${f.checkpoint ?? "-"}`)).toEqual([
      "Isla McKenzie objective-missing H23 Jul",
      "Ryan Parker star-step-skipped I30 -",
      "Michael Chen target-below-level H15 Sep",
    ]);
    for (const f of found) {
      expect(f.severity).toBe("warning");
      expect(f.message).toContain(f.cell);
      expect(f.message).toMatch(/\.$/);
      expect(f.message).not.toMatch(/target-below|star-step|objective-missing/); // no rule ids in words
    }
    const text = ladder("check", "demo.xlsx", "--tab", "Michael Chen").stdout;
    expect(text).toContain(
      "The target level for the year in H15 is 1, but the colours already show level 2 at Sep: choose a target of 2 or more",
    );
  });
});

describe.skipIf(!hasOpenpyxl)("the year roll-up against the workbook it came from", () => {
  it("each person's target, STAR step, objectives and reviews are what the tab holds", () => {
    const truth = readIndependently(join(dir, "demo.xlsx"));
    expect(Object.keys(truth).sort()).toEqual(staff.map((s) => s.tab).sort());
    for (const s of staff) {
      const t = truth[s.tab]!;
      expect(s.target, s.tab).toBe(typeof t.target === "number" ? t.target : null);
      const inOrder = t.ticks.findIndex((x) => !x);
      expect(s.star, s.tab).toBe(inOrder === -1 ? 6 : inOrder);
      expect(s.objectivesSet, s.tab).toBe(t.objectives.filter((o) => o !== "").length);
      expect(s.reviewed, s.tab).toEqual(t.notes);
    }
    // The demo's year is varied: several STAR steps reached, targets set and not, movement.
    expect(new Set(staff.map((s) => s.star)).size).toBeGreaterThanOrEqual(4);
    expect(staff.filter((s) => s.target === null).map((s) => s.name)).toEqual(["Ellie Fraser"]);
  });

  it("gap, movement since the last checkpoint and the school's counts follow from levels and targets", () => {
    const cps = ["Sep", "Mid", "Jul"];
    for (const s of staff) {
      const filled = cps.filter((cp) => s.levels[cp] !== null);
      const latest = filled.length > 0 ? s.levels[filled.at(-1)!]! : null;
      expect(s.gap, s.tab).toBe(s.target !== null && latest !== null ? s.target - latest : null);
      if (filled.length < 2) expect(s.sinceLast).toBeNull();
      else
        expect(s.sinceLast, s.tab).toEqual({
          from: filled.at(-2),
          to: filled.at(-1),
          change: latest! - s.levels[filled.at(-2)!]!,
        });
    }
    const withTarget = staff.filter((s) => s.target !== null);
    expect(year.withTarget).toBe(withTarget.length);
    expect(year.reachedTarget).toBe(withTarget.filter((s) => s.gap !== null && s.gap <= 0).length);
    for (const m of year.movement) {
      const both = staff.filter((s) => s.levels[m.from] !== null && s.levels[m.to] !== null);
      expect(m.up).toBe(both.filter((s) => s.levels[m.to]! > s.levels[m.from]!).length);
      expect(m.down).toBe(both.filter((s) => s.levels[m.to]! < s.levels[m.from]!).length);
      expect(m.up + m.same + m.down).toBe(both.length);
    }
    expect(year.movement.map((m) => `${m.from}-${m.to}`)).toEqual(["Sep-Mid", "Mid-Jul"]);
    expect(year.starReady.map((x) => x.name)).toEqual(staff.filter((s) => s.star >= 5).map((s) => s.name));
    expect(year.starReady.every((x) => x.title !== null && x.title.length > 0)).toBe(true);
  });

  it("the summary tab's year block says the same numbers, and lists the STAR projects by name", () => {
    const script = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["School summary"]
rows = [[c for c in r] for r in ws.iter_rows(values_only=True)]
print(json.dumps(rows, default=str))
`;
    const r = spawnSync(PYTHON, ["-c", script, join(dir, "demo.xlsx")], { encoding: "utf8" });
    const rows = JSON.parse(r.stdout) as (string | number | null)[][];
    const row = (label: string) => rows.find((x) => x[0] === label)!;
    expect(row("Target set")[1]).toBe(`${year.withTarget} of ${staff.length}`);
    expect(row("Target reached")[1]).toBe(`${year.reachedTarget} of ${year.withTarget}`);
    expect(row("STAR projects ready")[1]).toBe(String(year.starReady.length));
    expect(row("Sep to Mid").slice(1, 4)).toEqual([
      year.movement[0]!.up,
      year.movement[0]!.same,
      year.movement[0]!.down,
    ]);
    const ready = rows.findIndex((x) => x[0] === "STAR projects ready to share at SMART day");
    const listed = rows.slice(ready + 2, ready + 2 + year.starReady.length).map((x) => [x[0], x[2]]);
    expect(listed).toEqual(year.starReady.map((x) => [x.name, x.title]));
  });
});

describe("the demo's printed summary", () => {
  it("says the year in three lines, with the roll-up's own numbers", () => {
    const [sepMid, midJul] = year.movement;
    const moved = (m: YearJson["movement"][number]) =>
      `${m.from} to ${m.to}: ${m.up} up, ${m.same} the same, ${m.down} down`;
    expect(demoOut).toContain(
      `The year: ${year.withTarget} of ${staff.length} staff have a target level; ${year.reachedTarget} of them have reached it.\n` +
        `Movement: ${moved(sepMid!)}; ${moved(midJul!)}.\n` +
        `STAR projects ready to share at SMART day: ${year.starReady.length} projects (listed on the summary tab).\n`,
    );
  });
});

describe("the trust roll-up", () => {
  it("stays counts only: no names and no STAR project titles", () => {
    expect(ladder("trust", "demo.xlsx", "-o", "trust.xlsx").code).toBe(0);
    const book = openBook(readFileSync(join(dir, "trust.xlsx")), "trust.xlsx");
    const pkg = book.pkg!;
    const xml = book.view!.sheets.map((s) => pkg.text(s.part!) ?? "").join("");
    for (const x of year.starReady) {
      expect(xml).not.toContain(x.name);
      expect(xml).not.toContain(x.title!.slice(0, 20));
    }
  });
});

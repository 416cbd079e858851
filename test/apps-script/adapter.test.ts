/**
 * The adapter against the fake, module by module: a written tab reads back as core generated it,
 * strings stay text, tick boxes, rules, protection and notes land, and the call counts hold
 * (reading a tab is 3 data calls; writing a tab costs the same whatever its size).
 */
import { describe, expect, it } from "vitest";
import { planCreate, planRollup } from "../../core/app.js";
import { findTemplate } from "../../core/catalog.js";
import { ladderSheet } from "../../core/generate/ladder.js";
import { seriesColours, type CellValue, type SheetSpec } from "../../core/sheet.js";
import { parseRange } from "../../core/a1.js";
import { snapshotOf as specSnapshot } from "../../core/snapshot.js";
import type { LadderTemplate } from "../../core/template.js";
import {
  listTabs,
  readActiveTab,
  readSnapshot,
  readTabs,
  toCellValue,
  writeSheet,
} from "../../apps-script/adapter.js";
import { cellInput, MARKER_KEY, markerColumn, mergeBlocks, widthRuns } from "../../apps-script/write.js";
import { makeServer } from "../../apps-script/server.js";
import { createFakeGas } from "./fake/index.js";
import { FakeDeveloperMetadata } from "./fake/sheet.js";
import { markerOf, snapshotOf } from "./workbook.js";

const NOW = new Date("2026-11-23T10:00:00Z");
const ladder = findTemplate("leadership-ladder") as LadderTemplate;
const ANN = { name: "Ann Lee", band: "UPS1 TLR3", role: "Teacher", appraiser: "Sam Roe" };

/** '' and null both mean empty; trailing empty rows and cells dropped. */
function trim(values: readonly (readonly CellValue[])[]): CellValue[][] {
  const rows = values.map((r) => {
    const row = r.map((v) => (v === "" ? null : v));
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

function write(spec: SheetSpec) {
  const gas = createFakeGas();
  const m = gas.log.measure(() => writeSheet(gas.SpreadsheetApp, gas.ss, spec, gas.ss.sheets.length));
  return { gas, sheet: gas.ss.tab(spec.name), calls: m };
}

describe("writing a tab", () => {
  it("reads back exactly as core generated it (values and fills) through the adapter's 3 calls", () => {
    const spec = ladderSheet(ladder, ANN, { year: "2026-27", name: "Ann Lee" });
    const { gas, sheet } = write(spec);
    const m = gas.log.measure(() => readSnapshot(sheet, "Ann Lee", null));
    expect(m.total).toBe(3);
    expect(m.methods).toEqual({ "Sheet.getDataRange": 1, "Range.getValues": 1, "Range.getBackgrounds": 1 });
    const want = specSnapshot(spec);
    expect(trim(m.result.values)).toEqual(trim(want.values));
    const fills = (f: (string | null)[][]) => trim(f.map((r) => r.map((x) => x ?? null)));
    expect(fills(m.result.fills)).toEqual(fills(want.fills.slice(0, m.result.fills.length)));
  });

  it("stores every string as text: formulas, signs, @ and HTML in names stay what was typed", () => {
    const hostile = [
      '=HYPERLINK("http://x","y")',
      "+1",
      "-1+2",
      "@SUM(A1)",
      "<img src=x onerror=alert(1)>",
      "'quoted",
      "TRUE",
      "007",
    ];
    const gas = createFakeGas();
    const specs = planCreate(
      { templateId: "leadership-ladder", staff: hostile.map((name) => ({ ...ANN, name })), ticks: false },
      ["Sheet1"],
      NOW,
    );
    specs.forEach((s, i) => writeSheet(gas.SpreadsheetApp, gas.ss, s, 1 + i));
    hostile.forEach((name, i) => {
      const tab = gas.ss.tab(specs[i]!.name);
      const snap = snapshotOf(tab);
      const row = snap.values.findIndex((r) => r[0] === "Name");
      // Stored as text: behind an apostrophe when it starts like a formula, else as typed.
      const cell = tab.peek(row + 1, 2)!;
      expect(cell.value).toBe(/^[=+\-@]/.test(name) ? `'${name}` : name);
      expect(cell.formula).toBeUndefined();
      // Read back through the adapter: exactly what was typed.
      gas.ss.setActive(tab, null);
      expect(readActiveTab(gas.ss).snapshot.values[row]![1]).toBe(name);
    });
  });

  it("writes tick boxes, the two rules per checkpoint, warning-only protection and notes", () => {
    const spec = ladderSheet(ladder, ANN, { year: "2026-27", name: "Ann Lee", ticks: true });
    const { sheet } = write(spec);
    const first = spec.values.findIndex((r) => r[0] === "Level") + 2;
    expect(sheet.peek(first, 3)).toMatchObject({ value: false, validation: "checkbox" });
    expect(sheet.cfRules).toHaveLength(6);
    expect(sheet.protections).toHaveLength(1);
    expect(sheet.protections[0]).toMatchObject({ warningOnly: true });
    expect(sheet.peek(first, 1)?.note).toMatch(/^Level 1/);
    expect(markerOf(sheet)).toBe("ladder-sheets:leadership-ladder@1:staff:upto=8:ticks");
    // The marker is a text cell in row 1 of a hidden column, one empty column right of the content.
    const col = markerColumn(spec);
    expect(sheet.peek(1, col)?.value).toBe("ladder-sheets:leadership-ladder@1:staff:upto=8:ticks");
    expect([...sheet.hiddenColumns]).toEqual([col]);
    expect(sheet.metadata).toEqual([]);
    expect(sheet.frozenRows).toBe(spec.frozenRows);
  });

  it("costs the same number of calls whatever the tab's size", () => {
    const counts = [5, 6, 7, 8].flatMap((upTo) =>
      [false, true].map((ticks) => {
        const spec = ladderSheet(ladder, ANN, { year: "2026-27", name: "Ann", upTo, ticks });
        return { ticks, total: write(spec).calls.total };
      }),
    );
    const plain = new Set(counts.filter((c) => !c.ticks).map((c) => c.total));
    const ticked = new Set(counts.filter((c) => c.ticks).map((c) => c.total));
    expect(plain.size).toBe(1);
    expect(ticked.size).toBe(1);
    console.log(`create one ladder tab: ${[...plain][0]} calls; tick-box variant: ${[...ticked][0]} calls`);
  });

  it("writes the school summary with its native chart in a bounded number of calls", () => {
    const { sheets } = planRollup([], undefined, NOW);
    const summary = sheets[0]!;
    const { sheet, calls } = write(summary);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]!.options).toMatchObject({
      isStacked: true,
      title: "Staff in each zone per checkpoint",
    });
    // The same chart as Excel and the command line: zones (rows) as series, in the zones' colours.
    const chartSpec = summary.charts[0]!;
    expect(sheet.charts[0]!.transposed).toBe(true);
    const colours = seriesColours(summary, chartSpec);
    expect(colours).toHaveLength(parseRange(chartSpec.dataRange).rows - 1);
    expect(sheet.charts[0]!.options.colors).toEqual(colours);
    expect(new Set(colours).size).toBe(colours.length);
    const nonBuilder = calls.total - calls.kinds.builder;
    console.log(
      `write summary: ${calls.total} calls (${nonBuilder} touch the document, ${calls.kinds.builder} configure the chart in memory)`,
      calls.methods,
    );
    // The budget is 20: met by the calls that touch the spreadsheet. The chart's builder
    // (newChart, asColumnChart, 5 setOption, setTransposeRowsAndColumns, addRange, setPosition,
    // build) adds 11 in-memory calls.
    expect(nonBuilder).toBeLessThanOrEqual(20);
    expect(calls.total).toBeLessThanOrEqual(31);
    // Column widths: one call per run of equal width.
    expect(calls.methods["Sheet.setColumnWidths"]).toBe(widthRuns(summary.columnWidths).length);
    expect(calls.methods["Sheet.setColumnWidths"]).toBeLessThanOrEqual(2);
  });

  it("deletes a half-written tab when a call fails, and rethrows", () => {
    const spec = ladderSheet(ladder, ANN, { year: "2026-27", name: "Ann" });
    const gas = createFakeGas();
    gas.log.failAt = 5;
    gas.log.failMode = "once";
    expect(() => writeSheet(gas.SpreadsheetApp, gas.ss, spec, 1)).toThrow(/injected failure at call 5/);
    expect(gas.ss.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("reading tabs", () => {
  it("finds every marker with one finder and reads each tab in 3 data calls", () => {
    const gas = createFakeGas();
    const specs = planCreate(
      { templateId: "leadership-ladder", staff: [ANN, { ...ANN, name: "Bo" }], ticks: false },
      ["Sheet1"],
      NOW,
    );
    specs.forEach((s, i) => writeSheet(gas.SpreadsheetApp, gas.ss, s, 1 + i));
    const m = gas.log.measure(() => readTabs(listTabs(gas.ss)));
    expect(m.result.map((s) => s.marker)).toEqual([
      null,
      expect.stringMatching(/:staff:/),
      expect.stringMatching(/:staff:/),
    ]);
    expect(m.methods["DeveloperMetadataFinder.find"]).toBe(1);
    expect(m.methods["Range.getValues"]).toBe(3);
    expect(m.methods["Range.getBackgrounds"]).toBe(3);
    expect(m.methods["Sheet.getDataRange"]).toBe(3);
  });

  it("reads every tab for 4 calls a tab plus a constant: 10 and 100 tabs are 90 x 4 calls apart", () => {
    const read = (n: number) => {
      const gas = createFakeGas();
      const staff = Array.from({ length: n }, (_, i) => ({ ...ANN, name: `Staff ${i + 1}` }));
      const specs = planCreate({ templateId: "leadership-ladder", staff, ticks: false }, ["Sheet1"], NOW);
      specs.forEach((s, i) => writeSheet(gas.SpreadsheetApp, gas.ss, s, 1 + i));
      gas.log.reset();
      const m = gas.log.measure(() => readTabs(listTabs(gas.ss)));
      expect(m.result.filter((s) => s.marker !== null)).toHaveLength(n);
      return m;
    };
    const ten = read(10);
    const hundred = read(100);
    const perTab = (hundred.total - ten.total) / 90;
    console.log(
      `read all tabs: ${perTab} calls per tab + ${ten.total - perTab * 11} constant (10 tabs: ${ten.total}, 100 tabs: ${hundred.total})`,
      hundred.methods,
    );
    expect(hundred.total - ten.total).toBe(perTab * 90);
    // The floor: 3 cell reads and the name. Markers cost nothing: they come with the values.
    expect(perTab).toBeLessThanOrEqual(4);
    expect(hundred.methods["DeveloperMetadata.getValue"]).toBeUndefined();
  });

  it("still reads markers older versions kept in developer metadata, and prefers a marker cell", () => {
    const gas = createFakeGas();
    const specs = planCreate(
      { templateId: "leadership-ladder", staff: [ANN, { ...ANN, name: "Bo" }], ticks: false },
      ["Sheet1"],
      NOW,
    );
    specs.forEach((s, i) => writeSheet(gas.SpreadsheetApp, gas.ss, s, 1 + i));
    // Ann's tab as an older version wrote it: no marker cell, the marker in metadata.
    const ann = gas.ss.tab(specs[0]!.name);
    const col = markerColumn(specs[0]!);
    const text = ann.peek(1, col)!.value as string;
    ann.cells.at(1, col).value = "";
    ann.metadata.push(new FakeDeveloperMetadata(ann, MARKER_KEY, `${text}:ticks`));
    const snaps = readTabs(listTabs(gas.ss));
    expect(snaps.map((s) => s.marker)).toEqual([null, `${text}:ticks`, text]);
    expect(snaps[1]!.values.find((r) => r[0] === "Name")?.[1]).toBe("Ann Lee");
  });

  it("reads the active tab and its marker: 3 data calls plus the marker lookup", () => {
    const gas = createFakeGas();
    const spec = planCreate(
      { templateId: "leadership-ladder", staff: [ANN], ticks: false },
      ["Sheet1"],
      NOW,
    )[0]!;
    writeSheet(gas.SpreadsheetApp, gas.ss, spec, 1);
    const m = gas.log.measure(() => readActiveTab(gas.ss));
    expect(m.result.snapshot.marker).toMatch(/^ladder-sheets:leadership-ladder@1:staff/);
    console.log("check active tab (adapter):", m.total, m.methods);
    expect(m.methods["Range.getValues"]).toBe(1);
  });

  it("turns Sheets' '#ffffff' into no fill and Dates into yyyy-mm-dd", () => {
    const gas = createFakeGas();
    const s = gas.ss.tab("Sheet1");
    s.cells.at(1, 1).value = new Date("2026-09-01T00:00:00Z");
    s.cells.at(1, 2).value = "x";
    s.cells.at(1, 2).bg = "#b6d7a8";
    const snap = readSnapshot(s, "Sheet1", null);
    expect(snap.values).toEqual([["2026-09-01", "x"]]);
    expect(snap.fills).toEqual([[null, "#b6d7a8"]]);
  });
});

describe("write helpers", () => {
  it("prefixes strings with an apostrophe and leaves numbers and booleans alone", () => {
    expect([cellInput("=1"), cellInput(3), cellInput(false), cellInput(null), cellInput("")]).toEqual([
      "'=1",
      3,
      false,
      "",
      "",
    ]);
    // In a cell formatted as plain text Sheets stores the string as it is, so only what starts like a
    // formula keeps its apostrophe there (nothing documented promises "@" alone stops evaluation).
    expect(cellInput("Ann Lee", true)).toBe("Ann Lee");
    expect(["=1", "+44 1234", "-x", "@SUM(A1)"].map((v) => cellInput(v, true))).toEqual([
      "'=1",
      "'+44 1234",
      "'-x",
      "'@SUM(A1)",
    ]);
  });

  it("reads a formula-like string back from a plain-text cell without the apostrophe that kept it text", () => {
    expect(toCellValue('\'=HYPERLINK("http://x","y")')).toBe('=HYPERLINK("http://x","y")');
    expect(toCellValue("'+1")).toBe("+1");
    expect(toCellValue("'Ndiaye")).toBe("'Ndiaye"); // an apostrophe a person typed stays
    expect(toCellValue("Ann")).toBe("Ann");
  });
  it("joins single-row merges on consecutive rows into one mergeAcross block", () => {
    expect(mergeBlocks(["A1:E1", "A2:E2", "A3:E3", "B5:E5", "B6:E6", "A8:B9"])).toEqual([
      { a1: "A1:E3", across: true },
      { a1: "B5:E6", across: true },
      { a1: "A8:B9", across: false },
    ]);
  });
  it("sets equal neighbouring column widths in one call", () => {
    expect(widthRuns([56, 520, 64, 64, 64])).toEqual([
      [1, 1, 56],
      [2, 1, 520],
      [3, 3, 64],
    ]);
  });
});

describe("server functions on the fake", () => {
  const server = (gas: ReturnType<typeof createFakeGas>) =>
    makeServer({
      app: gas.SpreadsheetApp,
      html: gas.HtmlService,
      locks: gas.LockService,
      now: () => NOW,
    });

  it("readSelection returns the selected staff rows in 3 calls (spreadsheet, selection, values)", () => {
    const gas = createFakeGas();
    const s = gas.ss.tab("Sheet1");
    const rows = [
      ["Name", "Band", "Role", "Appraiser"],
      ["Ann Lee", "UPS1 TLR3", "Teacher", "Sam Roe"],
      ["Bo, Jr", 3, "TA", ""],
      ["", "", "", ""],
    ];
    rows.forEach((r, i) => r.forEach((v, j) => (s.cells.at(i + 1, j + 1).value = v)));
    gas.ss.setActive(s, { row: 1, col: 1, rows: 4, cols: 4 });
    const m = gas.log.measure(() => server(gas).readSelection());
    expect(m.total).toBe(3);
    expect(m.result.problems).toEqual([]);
    expect(m.result.staff).toEqual([
      { name: "Ann Lee", band: "UPS1 TLR3", role: "Teacher", appraiser: "Sam Roe" },
      { name: "Bo, Jr", band: "3", role: "TA", appraiser: "" },
    ]);
  });

  it("readSelection lists the problems of a bad selection and refuses an empty one", () => {
    const gas = createFakeGas();
    const s = gas.ss.tab("Sheet1");
    s.cells.at(1, 1).value = "Ann";
    s.cells.at(1, 2).value = "Band 99";
    gas.ss.setActive(s, { row: 1, col: 1, rows: 1, cols: 2 });
    const r = server(gas).readSelection();
    expect(r.staff).toEqual([]);
    expect(r.problems[0]).toMatch(/Band 99/);
    gas.ss.setActive(s, { row: 5, col: 5, rows: 2, cols: 2 });
    expect(() => server(gas).readSelection()).toThrow(/Select the staff rows first/);
  });

  it("createTabs looks up only the names it proposes, and survives a name that differs only in case", () => {
    const gas = createFakeGas();
    gas.ss.add("ann lee");
    gas.ss.add("Bo");
    const r = server(gas).createTabs({
      templateId: "leadership-ladder",
      staff: [ANN, { ...ANN, name: "Bo" }],
      ticks: false,
    });
    expect(r.created).toEqual(["Ann Lee (2)", "Bo (2)"]);
  });

  it("a roll-up leaves alone a school summary copied in from another spreadsheet", () => {
    const gas = createFakeGas();
    const api = server(gas);
    api.createTabs({ templateId: "leadership-ladder", staff: [ANN], ticks: false });
    api.rollupSchool();
    // The same summary as if copied from another file: its marker cell names another spreadsheet.
    gas.ss.id = "another-file";
    const second = api.rollupSchool();
    const summaries = gas.ss.sheets.filter((t) => markerOf(t)?.includes(":summary"));
    expect(summaries.map((t) => t.name).sort()).toEqual(["School summary", second.tabs[0]!].sort());
    expect(second.tabs[0]).not.toBe("School summary");
  });
});

// End to end through the Excel PanelApi and adapter on the fake: 30 tabs from a staff list, coloured
// by hand, checked, rolled up; the answers equal core's on the same data and the command line's on
// the same workbook written as .xlsx; staff tabs are identical before and after (full state).
import { describe, expect, it } from "vitest";
import { readWorkbook } from "../../cli/xlsx/read.js";
import { newBook, toBuffer } from "../../cli/xlsx/book.js";
import { writeSheet } from "../../cli/xlsx/write.js";
import { checkResult, planCreate, planRollup } from "../../core/app.js";
import { emptySheet, parseMarker } from "../../core/sheet.js";
import { parseA1, quoteTab } from "../../core/a1.js";
import { rollupJson, rollupSchool } from "../../core/rollup.js";
import { ExcelAdapter } from "../../office-addin/adapter.js";
import { createExcelApi } from "../../office-addin/api.js";
import { FakeExcel } from "./fake-excel.js";
import { cell, valuesGrid } from "./fake-state.js";
import { paintPlan, staffList, stateSnapshot, TODAY, type Paint } from "./school.js";

const STAFF = staffList(30);

async function school(fake = new FakeExcel()) {
  const api = createExcelApi(new ExcelAdapter({ run: fake.run }), { today: () => TODAY });
  const { created } = await api.createTabs({ templateId: "leadership-ladder", staff: STAFF, ticks: false });
  const specs = planCreate(
    { templateId: "leadership-ladder", staff: STAFF, ticks: false },
    ["Sheet1"],
    TODAY,
  );
  const paints = paintPlan(specs);
  for (const p of paints) fake.colour(p.tab, p.cell, p.hex);
  return { fake, api, created, specs, paints };
}

/** Every staff tab's full state (values, formats, fills, protection, everything), by name. */
function staffState(fake: FakeExcel) {
  return structuredClone(
    fake.state.sheets.filter((s) => parseMarker(stateSnapshot(s).marker)?.role === "staff"),
  );
}

async function cliRollup(specs: ReturnType<typeof planCreate>, paints: readonly Paint[]) {
  const book = newBook();
  writeSheet(book, emptySheet("Sheet1", 0, 0, null));
  // Each painted cell gets its own fill on top of the tab's styles, as when a person colours it.
  for (const s of specs) {
    const painted = paints.filter((p) => p.tab === s.name).map((p) => ({ range: p.cell, fill: p.hex }));
    writeSheet(book, { ...s, styles: [...s.styles, ...painted] });
  }
  const { snapshots } = await readWorkbook(await toBuffer(book), "school.xlsx");
  return rollupSchool(snapshots);
}

describe("Excel add-in, end to end on the fake", () => {
  it("creates 30 tabs from a list in 2 syncs, names and values stored as text", async () => {
    const fake = new FakeExcel();
    const api = createExcelApi(new ExcelAdapter({ run: fake.run }), { today: () => TODAY });
    const { created } = await api.createTabs({ templateId: "leadership-ladder", staff: STAFF, ticks: false });
    expect(fake.take().syncs).toBe(2); // tab names, then every tab written
    expect(created).toHaveLength(30);
    for (const [i, odd] of ['=HYPERLINK("http://x","y")', "+1", "-1+2", "@SUM(A1)", "007"].entries()) {
      const sheet = fake.sheet(created[i]!);
      const cells = [...sheet.cells.values()];
      expect(cells.some((c) => c.value === odd)).toBe(true);
      expect(cells.every((c) => c.formula === undefined)).toBe(true);
    }
  });

  it("checks a coloured tab exactly as core does", async () => {
    const { fake, api, created } = await school();
    fake.take();
    for (const tab of created.slice(0, 8)) {
      fake.state.activeId = fake.sheet(tab).id;
      const got = await api.checkActiveTab();
      expect(got).toEqual(checkResult(stateSnapshot(fake.sheet(tab))));
      expect(fake.take().syncs).toBe(3);
    }
    const errors: string[] = [];
    for (const t of created) {
      fake.state.activeId = fake.sheet(t).id;
      const r = await api.checkActiveTab();
      errors.push(...r.findings.filter((f) => f.severity === "error").map((f) => f.rule));
    }
    expect(new Set(errors.flat())).toEqual(
      new Set(["green-after-gap", "amber-before-gap", "unknown-colour"]),
    );
  });

  it("rolls up: same answer as core and the command line, staff tabs untouched, summary and native chart written", async () => {
    const { fake, api, specs, paints } = await school();
    const before = staffState(fake);
    fake.take();
    const result = await api.rollupSchool();
    const cost = fake.take();
    expect(cost.syncs).toBe(6); // list, sizes, values, fills | write, swap

    const own = (s: { marker: string | null }) =>
      ["summary", "chart"].includes(parseMarker(s.marker)?.role ?? "");
    const snaps = fake.state.sheets.map(stateSnapshot).filter((s) => !own(s));
    const core = rollupSchool(snaps);
    expect(result.staffCount).toBe(30);
    expect(result).toEqual({
      ...planRollup(snaps, undefined, TODAY).result,
      tabs: ["School summary", "Grade-band chart"],
    });
    expect(rollupJson(core).staff).toHaveLength(30);
    expect(rollupJson(await cliRollup(specs, paints))).toEqual(rollupJson(core));

    expect(staffState(fake)).toEqual(before);
    const plan = planRollup(snaps, undefined, TODAY);
    const summary = fake.sheet("School summary");
    expect(
      valuesGrid(summary)
        .slice(0, plan.sheets[0]!.values.length)
        .map((r) => r.slice(0, plan.sheets[0]!.values[0]!.length)),
    ).toEqual(plan.sheets[0]!.values);
    // The to-do list's tab names link to their tabs (Range.hyperlink, queued with the rest).
    const links = plan.sheets[0]!.links ?? [];
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      const { row, col } = parseA1(l.cell);
      const c = cell(summary, row, col);
      expect(c.value).toBe(l.tab);
      expect(c.hyperlink).toEqual({
        documentReference: `${quoteTab(l.tab)}!${l.at ?? "A1"}`,
        textToDisplay: l.tab,
      });
      expect(fake.sheet(l.tab), l.tab).toBeDefined();
    }
    expect(summary.charts).toHaveLength(1);
    expect(summary.charts[0]).toMatchObject({
      type: "ColumnStacked",
      seriesBy: "Rows",
      title: "Staff in each zone per checkpoint",
    });
    expect(fake.state.sheets.at(-2)!.name).toBe("School summary");
    expect(fake.sheet("Grade-band chart")).toBeDefined();
  });

  it("a second roll-up replaces the first (one summary, one chart), after colours changed", async () => {
    const { fake, api, specs } = await school();
    await api.rollupSchool();
    for (const p of paintPlan(specs, 3)) fake.colour(p.tab, p.cell, p.hex);
    await api.rollupSchool("Mid");
    const roles = fake.state.sheets.map((s) => parseMarker(stateSnapshot(s).marker)?.role ?? "none");
    expect(roles.filter((r) => r === "summary")).toHaveLength(1);
    expect(roles.filter((r) => r === "chart")).toHaveLength(1);
    expect(fake.state.sheets.map((s) => s.name)).toContain("School summary");
  });

  it("makes awkward tab names legal and unique in Excel's own rules (the fake refuses illegal ones)", async () => {
    const fake = new FakeExcel(["History (tab)"]);
    const api = createExcelApi(new ExcelAdapter({ run: fake.run }), { today: () => TODAY });
    const awkward = [
      "History",
      "A/B: [x]*?\\",
      "'quoted'",
      "An extremely long name that goes past thirty-one",
      "Sam Roe",
      "sam roe",
    ];
    const staff = awkward.map((name) => ({ name, band: "3", role: "", appraiser: "" }));
    const { created } = await api.createTabs({ templateId: "leadership-ladder", staff, ticks: true });
    expect(new Set(created.map((n) => n.toLowerCase())).size).toBe(awkward.length);
    expect(created.every((n) => n.length <= 31 && !/[[\]:*?/\\]/.test(n))).toBe(true);
    created.forEach((tab, i) => {
      const cells = [...fake.sheet(tab).cells.values()];
      expect(cells.some((c) => c.value === awkward[i])).toBe(true); // the Name cell says whose it is
    });
  });

  it("rolls up a trust from the school summary tabs in the workbook", async () => {
    const { fake, api } = await school();
    await api.rollupSchool();
    const trust = await api.rollupTrust();
    expect(trust).toMatchObject({ schools: 1, problems: [] });
    expect(trust.tabs).toHaveLength(1);
    expect(parseMarker(stateSnapshot(fake.sheet(trust.tabs[0]!)).marker)?.role).toBe("trust");
    await api.rollupTrust();
    expect(
      fake.state.sheets.filter((s) => parseMarker(stateSnapshot(s).marker)?.role === "trust"),
    ).toHaveLength(1);
  });
});

// The Excel host's leadershipReport (the panel's Report view) on the fake: 30 coloured tabs give
// the same zone counts as the task pane's roll-up, in a constant number of syncs, and nothing in
// the workbook changes.
import { describe, expect, it } from "vitest";
import { planCreate } from "../../core/app.js";
import { ExcelAdapter } from "../../office-addin/adapter.js";
import { createExcelApi } from "../../office-addin/api.js";
import { tableRows } from "../report/tables.js";
import { FakeExcel } from "./fake-excel.js";
import { paintPlan, staffList, TODAY } from "./school.js";

async function school(n: number) {
  const fake = new FakeExcel();
  const api = createExcelApi(new ExcelAdapter({ run: fake.run }), { today: () => TODAY });
  const staff = staffList(n);
  await api.createTabs({ templateId: "leadership-ladder", staff, ticks: false });
  const specs = planCreate({ templateId: "leadership-ladder", staff, ticks: false }, ["Sheet1"], TODAY);
  for (const p of paintPlan(specs)) fake.colour(p.tab, p.cell, p.hex);
  fake.take();
  return { fake, api };
}

describe("leadershipReport in Excel", () => {
  it("reports the roll-up's numbers, reads in bulk, writes nothing", async () => {
    const small = await school(5);
    await small.api.leadershipReport!();
    const smallSyncs = small.fake.take().syncs;

    const { fake, api } = await school(30);
    const before = structuredClone(fake.state.sheets);
    const html = await api.leadershipReport!();
    // The same syncs for 5 tabs as for 30: the workbook is read in bulk, not tab by tab.
    expect(fake.take().syncs).toBe(smallSyncs);
    expect(fake.state.sheets).toEqual(before);

    const zones = (await api.rollupSchool()).zones;
    const rows = tableRows(html, "zones");
    expect(rows).toHaveLength(3);
    for (const [cp, ...cells] of rows) {
      const z = zones[cp!]!;
      expect(cells.map(Number)).toEqual([z.below, z.entry, z.expected, z.beyond, z.none]);
    }
    expect(rows.some((r) => Number(r[3]) > 0)).toBe(true);
  });
});

// Round trips are what make an add-in slow: these pin the number of context.sync() calls and print
// the payload sizes (docs/excel.md quotes them). A roll-up costs the same syncs for 10 tabs as for
// 200; only a payload past the limit (forced small here) adds syncs, and the answer stays the same.
import { describe, expect, it } from "vitest";
import { planCreate, planRollup } from "../../core/app.js";
import { ExcelAdapter } from "../../office-addin/adapter.js";
import { createExcelApi } from "../../office-addin/api.js";
import { EXCEL_WEB_LIMITS } from "../../office-addin/read.js";
import { FakeExcel } from "./fake-excel.js";
import { paintPlan, staffList, TODAY } from "./school.js";

async function schoolOf(n: number, limit = EXCEL_WEB_LIMITS.maxBytes) {
  const fake = new FakeExcel();
  fake.limit = limit;
  const adapter = new ExcelAdapter({ run: fake.run, limits: { ...EXCEL_WEB_LIMITS, maxBytes: limit } });
  const specs = planCreate(
    { templateId: "leadership-ladder", staff: staffList(n), ticks: false },
    ["Sheet1"],
    TODAY,
  );
  await adapter.writeSheets(specs);
  for (const p of paintPlan(specs)) fake.colour(p.tab, p.cell, p.hex);
  const write = fake.take();
  return { fake, adapter, api: createExcelApi(adapter, { today: () => TODAY }), write };
}

const figures: Record<string, unknown> = {};

describe("sync counts", () => {
  it("reading 10 or 200 tabs costs 4 syncs either way", async () => {
    for (const n of [10, 200]) {
      const { fake, adapter } = await schoolOf(n);
      const { snapshots } = await adapter.readWorkbook();
      expect(snapshots).toHaveLength(n + 1);
      const cost = fake.take();
      expect(cost.syncs).toBe(4);
      figures[`read ${n}`] = cost;
    }
  });

  it("a roll-up of 10 tabs and of 200 tabs uses the same number of syncs (6)", async () => {
    const counts: number[] = [];
    for (const n of [10, 200]) {
      const { fake, api } = await schoolOf(n);
      const r = await api.rollupSchool();
      expect(r.staffCount).toBe(n);
      const cost = fake.take();
      counts.push(cost.syncs);
      figures[`roll-up ${n}`] = cost;
      expect(
        Math.max(...fake.log.map((l) => Math.max(l.requestBytes, l.responseBytes)), 0),
      ).toBeLessThanOrEqual(fake.limit);
    }
    expect(counts).toEqual([6, 6]);
  });

  it("a payload limit forced small splits the reads into more syncs, with the same result", async () => {
    const normal = await schoolOf(30);
    const expected = await normal.api.rollupSchool();
    const small = await schoolOf(30, 150_000);
    const got = await small.api.rollupSchool();
    const cost = small.fake.take();
    expect(got).toEqual(expected);
    expect(cost.syncs).toBeGreaterThan(6);
    expect(small.fake.log.every((l) => l.requestBytes <= 150_000 && l.responseBytes <= 150_000)).toBe(true);
    figures["roll-up 30 at 150 KB"] = cost;
  });

  it("a payload Excel refuses despite the estimate is halved and asked again", async () => {
    const { fake, adapter } = await schoolOf(12);
    const plain = await adapter.readWorkbook();
    // Estimates far too low: the first values request is refused and retried in halves.
    const lying = new ExcelAdapter({
      run: fake.run,
      limits: { maxBytes: 60_000, valueBytesPerCell: 1, fillBytesPerCell: 1 },
    });
    fake.limit = 60_000;
    fake.take();
    expect(await lying.readWorkbook()).toEqual(plain);
    expect(fake.take().syncs).toBeGreaterThan(4);
  });

  it("writes a generated tab in at most 2 syncs (1): plain, tick-box, summary with chart", async () => {
    const fake = new FakeExcel();
    const adapter = new ExcelAdapter({ run: fake.run });
    const one = (ticks: boolean) =>
      planCreate(
        { templateId: "leadership-ladder", staff: staffList(1), ticks },
        fake.state.sheets.map((s) => s.name),
        TODAY,
      );
    await adapter.writeSheets(one(false));
    figures["write 1 tab"] = fake.take();
    await adapter.writeSheets(one(true));
    expect(fake.take().syncs).toBeLessThanOrEqual(2);
    const { sheets } = planRollup([], undefined, TODAY);
    await adapter.writeSheets(sheets);
    const cost = fake.take();
    expect(cost.syncs).toBeLessThanOrEqual(2);
    expect((figures["write 1 tab"] as { syncs: number }).syncs).toBe(1);
    console.log("Excel add-in sync figures:", JSON.stringify(figures, null, 1));
  });
});

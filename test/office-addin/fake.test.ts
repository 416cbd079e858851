// The fake itself behaves like Excel where it matters to the adapter: nothing is read before
// load + sync, writes land at sync, failures and payload limits happen where Excel's would.
import { describe, expect, it } from "vitest";
import { FakeExcel } from "./fake-excel.js";

describe("fake Excel: load/sync semantics", () => {
  it("a property read before load + sync throws PropertyNotLoaded; after sync it reads", async () => {
    const fake = new FakeExcel(["A"]);
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("A");
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }) as Error);
      sheet.load("name");
      expect(() => sheet.name).toThrow(/not available/);
      await ctx.sync();
      expect(sheet.name).toBe("A");
      const props = sheet.getRange("A1").getCellProperties({ format: { fill: { color: true } } });
      expect(() => props.value).toThrow(/not available/);
      await ctx.sync();
      expect(props.value).toEqual([[{ format: { fill: { color: "#FFFFFF" } } }]]);
    });
    expect(fake.syncs).toBe(2);
  });

  it("writes are queued and applied in order at sync", async () => {
    const fake = new FakeExcel(["A"]);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("A").getRange("A1:B1");
      r.numberFormat = [["@", "General"]];
      r.values = [["=1+1", "=1+1"]];
      expect(fake.sheet("A").cells.size).toBe(0);
      await ctx.sync();
    });
    const cells = fake.sheet("A").cells;
    expect(cells.get("0,0")).toMatchObject({ value: "=1+1" });
    expect(cells.get("0,1")).toMatchObject({ formula: "=1+1" });
  });

  it("work queued but never synced is reported", async () => {
    const fake = new FakeExcel(["A"]);
    await expect(
      fake.run(async (ctx) => Promise.resolve(ctx.workbook.worksheets.getItem("A").activate())),
    ).rejects.toThrow(/never synced/);
  });

  it("fails on sync k: before (nothing applied), midway (first half), after (all applied, error)", async () => {
    for (const [mode, expected] of [
      ["before", 0],
      ["midway", 1],
      ["after", 2],
    ] as const) {
      const fake = new FakeExcel(["A"]);
      fake.fail = { onSync: 1, mode };
      await expect(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.add("B");
          ctx.workbook.worksheets.add("C");
          await ctx.sync();
        }),
      ).rejects.toThrow(/Injected failure/);
      expect(fake.state.sheets).toHaveLength(1 + expected);
    }
  });

  it("refuses a response past the payload limit, as Excel on the web does", async () => {
    const fake = new FakeExcel(["A"]);
    fake.limit = 1000;
    fake.type("A", "J100", "x");
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("A").getRange("A1:J100").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("keeps Excel's sheet-name rules and refuses writes to locked cells of a protected sheet", async () => {
    const fake = new FakeExcel(["A"]);
    await expect(
      fake.run(async (ctx) => (ctx.workbook.worksheets.add("a"), ctx.sync())),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(
      fake.run(async (ctx) => (ctx.workbook.worksheets.add("History"), ctx.sync())),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      fake.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("A");
        s.protection.protect({});
        s.getRange("A1").values = [["x"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

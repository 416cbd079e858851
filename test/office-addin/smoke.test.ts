import { describe, expect, it } from "vitest";
import { planCreate } from "../../core/app.js";
import { ExcelAdapter } from "../../office-addin/adapter.js";
import { FakeExcel } from "./fake-excel.js";
import { valuesGrid } from "./fake-state.js";

describe("smoke", () => {
  it("writes and reads a ladder", async () => {
    const fake = new FakeExcel();
    const ad = new ExcelAdapter({ run: fake.run });
    const specs = planCreate(
      {
        templateId: "leadership-ladder",
        staff: [{ name: '=HYPERLINK("x")', band: "3", role: "T", appraiser: "A" }],
        ticks: true,
      },
      ["Sheet1"],
      new Date("2026-11-23"),
    );
    await ad.writeSheets(specs);
    console.log(fake.take());
    const s = fake.sheet(specs[0]!.name);
    console.log(
      valuesGrid(s).slice(0, 12),
      s.charts,
      s.protection,
      s.conditionalFormats.length,
      s.validations.length,
    );
    const r = await ad.readWorkbook();
    console.log(
      fake.take(),
      r.snapshots.map((x) => [x.name, x.marker, x.values.length, x.fills.length]),
    );
    expect(r.snapshots[1]!.values).toEqual(specs[0]!.values);
  });
});

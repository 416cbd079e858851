/**
 * A stand-in for Office.js in the browser test: bundled by taskpane.browser.test.ts and served at
 * Office.js's CDN address, it defines `Office` and `Excel.run` over the typed fake (fake-excel.ts)
 * with a two-tab school already written through the real adapter, and exposes `__ladder` so the
 * test can colour cells like a person and look at the workbook (and the workbooks it opened with
 * Excel.createWorkbook).
 */
import { planCreate } from "../../core/app.js";
import { ExcelAdapter } from "../../office-addin/adapter.js";
import type { ExcelRunner } from "../../office-addin/excel-port.js";
import { FakeExcel } from "./fake-excel.js";
import { GREEN, staffList, TODAY } from "./school.js";

const fake = new FakeExcel();
const run: ExcelRunner = (batch) => fake.run(batch);
const specs = planCreate(
  { templateId: "leadership-ladder", staff: staffList(8).slice(6), ticks: false },
  ["Sheet1"],
  TODAY,
);
const header = specs[0]!.values.findIndex((r) => r[0] === "Level");

const ready = (async () => {
  await new ExcelAdapter({ run }).writeSheets(specs);
  for (const k of [0, 1, 2, 4]) fake.colour(specs[0]!.name, `C${header + 2 + k}`, GREEN); // green after a gap at C(header+6)
  fake.state.activeId = fake.sheet(specs[0]!.name).id;
})();

Object.assign(globalThis, {
  Office: {
    HostType: { Excel: "Excel" },
    onReady: async () => {
      await ready;
      return { host: "Excel", platform: "OfficeOnline" };
    },
    context: { requirements: { isSetSupported: () => false } },
  },
  Excel: { run, createWorkbook: fake.createWorkbook },
  __ladder: {
    firstTab: specs[0]!.name,
    header,
    colour: async (cell: string, hex: string) => {
      fake.colour(specs[0]!.name, cell, hex);
      await fake.fire("onFormatChanged", { worksheetId: fake.sheet(specs[0]!.name).id });
    },
    sheetNames: () => fake.state.sheets.map((s) => s.name),
    selection: () => fake.state.selection,
    /** The base64 .xlsx of every workbook the pane opened with Excel.createWorkbook. */
    created: () => fake.created,
  },
});

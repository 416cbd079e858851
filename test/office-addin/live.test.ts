// Live checking: Excel's change events re-check the active tab once things are quiet, and the
// panel's refresh between events costs no round trip.
import { describe, expect, it } from "vitest";
import { planCreate } from "../../core/app.js";
import { ExcelAdapter } from "../../office-addin/adapter.js";
import { createExcelApi } from "../../office-addin/api.js";
import { checkResult } from "../../core/app.js";
import { listen, LiveCheck, type Timers } from "../../office-addin/live.js";
import { FakeExcel } from "./fake-excel.js";
import { GREEN, staffList, TODAY } from "./school.js";

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn) => (pending.set(next, fn), next++),
    clearTimeout: (h) => pending.delete(h as number),
  };
  const flush = async () => {
    const fns = [...pending.values()];
    pending.clear();
    for (const fn of fns) fn();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { timers, flush, pending };
}

describe("live check", () => {
  it("twenty edits cause one re-read; asking again before the next edit costs nothing", async () => {
    const fake = new FakeExcel();
    const adapter = new ExcelAdapter({ run: fake.run });
    const [spec] = planCreate(
      { templateId: "leadership-ladder", staff: staffList(7).slice(6), ticks: false },
      ["Sheet1"],
      TODAY,
    );
    await adapter.writeSheets([spec!]);
    const { timers, flush, pending } = manualTimers();
    const live = new LiveCheck(async () => checkResult(await adapter.readActive()), 400, timers);
    const seen: number[] = [];
    live.onResult((r) => seen.push(r.levels?.Sep ?? -1));
    const api = createExcelApi(adapter, { live, today: () => TODAY });
    await listen(fake.run, () => live.changed());
    expect(fake.handlers.map((h) => h.event).sort()).toEqual(["onActivated", "onChanged", "onFormatChanged"]);

    const header = spec!.values.findIndex((r) => r[0] === "Level");
    for (let k = 0; k < 20; k++) {
      fake.colour(spec!.name, `C${header + 2 + k}`, GREEN);
      await fake.fire("onFormatChanged", { worksheetId: fake.sheet(spec!.name).id });
    }
    expect(pending.size).toBe(1);
    fake.take();
    await flush();
    expect(live.reads).toBe(1);
    expect(fake.take().syncs).toBe(3);
    expect(seen).toHaveLength(1);
    const r = await api.checkActiveTab();
    expect(fake.take().syncs).toBe(0);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    await fake.fire("onChanged", {});
    expect((await api.checkActiveTab()).tab).toBe(spec!.name);
    expect(fake.take().syncs).toBe(3);
  });
});

/**
 * Call budgets of the built bundle, counted on the fake (every call, by method and kind):
 * - rolling up 10, 50 and 200 staff tabs costs a constant plus the same number of calls per tab,
 *   of which exactly 3 read the tab's cells (getDataRange, getValues, getBackgrounds);
 * - checking the active tab (the sidebar's poll) reads the cells in 3 calls;
 * - creating N tabs costs the same per tab.
 * The figures are printed for docs/apps-script.md.
 */
import { describe, expect, it } from "vitest";
import type { RollupResult } from "../../../core/panel-api.js";
import { createFakeGas, type FakeGas } from "../fake/index.js";
import { colourSchool, createStaff, staffList } from "../scenario.js";
import { loadAddon, type Addon } from "../vm.js";

const CELL_READS = ["Sheet.getDataRange", "Range.getValues", "Range.getBackgrounds"];

function school(bundle: string, n: number): { gas: FakeGas; addon: Addon; tabs: string[] } {
  const gas = createFakeGas();
  const addon = loadAddon(gas, bundle);
  const tabs = createStaff(addon, staffList(n));
  colourSchool(gas, tabs);
  return { gas, addon, tabs };
}

export function countsSuite(bundle: () => string): void {
  describe("call counts of the built bundle", () => {
    it("rolls up 10, 50 and 200 tabs for a constant plus the same calls per tab, 3 of them cell reads", () => {
      const sizes = [10, 50, 200];
      const runs = sizes.map((n) => {
        const { gas, addon } = school(bundle(), n);
        const m = gas.log.measure(() => addon.call<RollupResult>("rollupSchool"));
        expect(m.result.staffCount).toBe(n);
        // Every tab (the n staff tabs and the spreadsheet's own Sheet1) is read in exactly 3 cell calls.
        for (const method of CELL_READS) expect(m.methods[method], method).toBe(n + 1);
        return { n, total: m.total, kinds: m.kinds };
      });
      const [a, b, c] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
      const perTab = (b.total - a.total) / (b.n - a.n);
      expect(Number.isInteger(perTab)).toBe(true);
      expect((c.total - b.total) / (c.n - b.n)).toBe(perTab);
      const constant = a.total - perTab * (a.n + 1);
      console.log(
        `roll-up: ${perTab} calls per tab (3 cell reads, the tab's name, 4 accessors on the marker the finder returned) + ${constant} constant;` +
          ` totals ${runs.map((r) => `${r.n} tabs: ${r.total}`).join(", ")}`,
      );
      expect(perTab).toBeLessThanOrEqual(8);
    });

    it("re-checks the active tab in 3 cell reads plus the tab's name and marker", () => {
      const { gas, addon, tabs } = school(bundle(), 3);
      gas.ss.setActive(gas.ss.tab(tabs[1]!), null);
      const m = gas.log.measure(() => addon.call("checkActiveTab"));
      for (const method of CELL_READS) expect(m.methods[method]).toBe(1);
      expect(m.kinds.write).toBe(0);
      console.log(`checkActiveTab: ${m.total} calls`, m.methods);
      expect(m.total).toBeLessThanOrEqual(9);
    });

    it("creates tabs for a constant per call plus the same calls per tab, whatever their number", () => {
      const sizes = [1, 10, 30];
      const totals = sizes.map((n) => {
        const gas = createFakeGas();
        const addon = loadAddon(gas, bundle());
        const m = gas.log.measure(() =>
          addon.call("createTabs", { templateId: "leadership-ladder", staff: staffList(n), ticks: false }),
        );
        return m.total;
      });
      const [one, ten, thirty] = totals as [number, number, number];
      const perTab = (ten - one) / 9;
      expect(Number.isInteger(perTab)).toBe(true);
      expect((thirty - ten) / 20).toBe(perTab);
      console.log(
        `createTabs: ${perTab} calls per tab + ${one - perTab} per call (lock, listing the tabs already there: one name each); 30 tabs in one call: ${thirty}`,
      );
      expect(perTab).toBeLessThanOrEqual(30);
    });
  });
}

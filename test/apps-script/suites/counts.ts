/**
 * Call budgets of the built bundle, counted on the fake (every call, by method and kind):
 * - rolling up 10, 50 and 200 staff tabs costs a constant plus 4 calls per tab: the 3 that read its
 *   cells (getDataRange, getValues, getBackgrounds; the marker cell comes with the values) and its
 *   name (Apps Script has no call that returns every tab's name at once);
 * - checking the active tab (the sidebar's poll) costs 6 calls;
 * - creating N tabs costs the same per tab, whatever is already in the spreadsheet.
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
    it("rolls up 10, 50 and 200 tabs for a constant plus 4 calls per tab, 3 of them cell reads", () => {
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
        `roll-up: ${perTab} calls per tab (3 cell reads, the tab's name) + ${constant} constant;` +
          ` totals ${runs.map((r) => `${r.n} tabs: ${r.total}`).join(", ")}`,
      );
      expect(perTab).toBe(4);
      // No marker accessors: the markers come with the values.
      for (const r of runs) expect(r.total).toBe(perTab * (r.n + 1) + constant);
    });

    it("re-checks the active tab in 6 calls: the spreadsheet, the tab, its name and 3 cell reads", () => {
      const { gas, addon, tabs } = school(bundle(), 3);
      gas.ss.setActive(gas.ss.tab(tabs[1]!), null);
      const m = gas.log.measure(() => addon.call("checkActiveTab"));
      for (const method of CELL_READS) expect(m.methods[method]).toBe(1);
      expect(m.kinds.write).toBe(0);
      console.log(`checkActiveTab: ${m.total} calls`, m.methods);
      expect(m.total).toBe(6);
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
        `createTabs: ${perTab} calls per tab + ${one - perTab} per call (lock, the spreadsheet, counting its tabs); 30 tabs in one call: ${thirty}`,
      );
      // 27 for the ladder itself; the year record beside it (issue 14) adds 20: 3 merge blocks, 5 more
      // column-width runs, its 2 drop-downs (5 calls each: Apps Script builds a rule in 4), and its
      // tick boxes (a range list and insertCheckboxes).
      expect(perTab).toBeLessThanOrEqual(47);
    });

    it("creates 10 and 100 tabs in the panel's batches for the same calls per tab (linear)", () => {
      const create = (n: number): number => {
        const gas = createFakeGas();
        const addon = loadAddon(gas, bundle());
        return gas.log.measure(() => createStaff(addon, staffList(n))).total;
      };
      const ten = create(10);
      const hundred = create(100);
      console.log(`createTabs in batches of 10: 10 tabs ${ten} calls, 100 tabs ${hundred} calls`);
      expect(hundred / 100).toBe(ten / 10);
    });
  });
}

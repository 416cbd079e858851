/**
 * A roll-up interrupted at every call k of its run, two ways: the execution dies at k (every call
 * from k on fails, as at the 6-minute limit) and a single call k fails. Whatever k, every staff tab
 * is unchanged and, for the summary and the chart, every tab carrying that marker is whole: the old
 * one or the new one (a half-built tab has no marker and a temporary name). The next roll-up then
 * leaves exactly one of each, the new one, and no temporary tabs.
 */
import { describe, expect, it } from "vitest";
import type { TabRole } from "../../../core/sheet.js";
import { isTempTab } from "../../../apps-script/replace.js";
import { createFakeGas } from "../fake/index.js";
import { colourSchool, content, createStaff, roleOf, staffList } from "../scenario.js";
import { loadAddon, type Addon } from "../vm.js";
import { fullState } from "../workbook.js";

const ROLES: TabRole[] = ["summary", "chart"];
const NAMES: Record<string, string> = { summary: "School summary", chart: "Grade-band chart" };

/**
 * A school rolled up once (the old summary), then coloured further so the next roll-up differs.
 * One loaded bundle serves every workbook (as one script serves every spreadsheet it is opened in).
 */
function school(addon: Addon) {
  const gas = createFakeGas();
  addon.use(gas);
  const tabs = createStaff(addon, staffList(4));
  colourSchool(gas, tabs);
  addon.call("rollupSchool");
  colourSchool(gas, tabs, 3);
  const old = Object.fromEntries(ROLES.map((r) => [r, content(gas.ss.tab(NAMES[r]!))]));
  gas.log.reset();
  return { gas, addon, tabs, old, staff: ["Sheet1", ...tabs] };
}

export function interruptSuite(bundle: () => string): void {
  describe("a roll-up interrupted at every call", () => {
    let shared: Addon | null = null;
    const addonOnce = (): Addon => (shared ??= loadAddon(createFakeGas(), bundle()));
    const reference = () => {
      const s = school(addonOnce());
      const m = s.gas.log.measure(() => s.addon.call("rollupSchool"));
      const fresh = Object.fromEntries(ROLES.map((r) => [r, content(s.gas.ss.tab(NAMES[r]!))]));
      return { calls: m.total, fresh };
    };

    for (const mode of ["from", "once"] as const)
      it(`keeps staff tabs and a whole summary and chart when ${mode === "from" ? "the execution dies at call k" : "call k fails"}, for every k`, async () => {
        const { calls, fresh } = reference();
        expect(calls).toBeGreaterThan(50);
        let threw = 0;
        for (let k = 1; k <= calls; k++) {
          // Let the test runner's messages through now and then: the whole loop takes seconds.
          if (k % 10 === 0) await new Promise((r) => setImmediate(r));
          const s = school(addonOnce());
          const before = fullState(s.gas.ss, s.staff);
          s.gas.log.failAt = k;
          s.gas.log.failMode = mode;
          try {
            s.addon.call("rollupSchool");
          } catch {
            threw++;
          }
          s.gas.log.failAt = null;
          s.gas.LockService.endExecution();

          const at = `failure at call ${k} (${mode})`;
          expect(fullState(s.gas.ss, s.staff), at).toEqual(before);
          for (const role of ROLES) {
            const marked = s.gas.ss.sheets.filter((t) => roleOf(t) === role);
            expect(marked.length, `${at}: a ${role} tab stands`).toBeGreaterThanOrEqual(1);
            for (const t of marked)
              expect([s.old[role], fresh[role]], `${at}: ${t.name} is whole`).toContain(content(t));
          }
          for (const t of s.gas.ss.sheets)
            if (!s.staff.includes(t.name) && roleOf(t) === null)
              expect(isTempTab(t.name), `${at}: stray tab ${t.name}`).toBe(true);

          // The next roll-up tidies up: one of each, the new one, under its own name.
          s.addon.call("rollupSchool");
          for (const role of ROLES) {
            const marked = s.gas.ss.sheets.filter((t) => roleOf(t) === role);
            expect(
              marked.map((t) => t.name),
              at,
            ).toEqual([NAMES[role]]);
            expect(content(marked[0]!), at).toBe(fresh[role]);
          }
          expect(
            s.gas.ss.sheets.filter((t) => isTempTab(t.name)),
            at,
          ).toEqual([]);
          expect(fullState(s.gas.ss, s.staff), at).toEqual(before);
        }
        expect(threw).toBeGreaterThanOrEqual(calls - 1);
        console.log(
          `roll-up interrupted at each of ${calls} calls (${mode}): old or new summary whole every time`,
        );
      });
  });
}

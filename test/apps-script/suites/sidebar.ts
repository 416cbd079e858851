/**
 * The BUILT dist/apps-script/Sidebar.html in headless Chromium, over a stubbed google.script.run
 * whose server is the BUILT Code.js in a vm with the fake spreadsheet (through page.exposeFunction):
 * the page loads without errors, creates a tab (a hostile name stays text on both sides), checks the
 * active tab, selects a finding's cell, and rolls up the school.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, RESULTS } from "../../ui/browser.js";
import { openBuiltSidebar } from "../sidebar-page.js";
import { createFakeGas } from "../fake/index.js";
import { colour, roleOf } from "../scenario.js";
import { DIST, loadAddon } from "../vm.js";
import { snapshotOf } from "../workbook.js";

export function sidebarSuite(bundle: () => string): void {
  describe("the built Sidebar.html in Chromium, served by the built Code.js", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("loads, creates a tab, checks it, selects a finding's cell and rolls up the school", async () => {
      const gas = createFakeGas(DIST);
      const addon = loadAddon(gas, bundle());
      const { watch, page } = await openBuiltSidebar(browser, addon);
      await page.getByRole("button", { name: "Create tab" }).waitFor();
      expect(await page.locator("select[name=template] option").count()).toBeGreaterThan(3);
      expect(await page.locator("select[name=band] option").count()).toBe(8);

      const evil = '=HYPERLINK("http://x","<img src=x onerror=alert(1)>")';
      await page.getByLabel("Name").fill(evil);
      await page.getByLabel("Grade band").selectOption("3");
      await page.getByRole("button", { name: "Create tab" }).click();
      await expect.poll(() => gas.ss.sheets.length).toBe(2);
      const tab = gas.ss.sheets[1]!;
      await expect.poll(() => page.getByLabel("Tabs made").textContent()).toBe(tab.name);
      const snap = snapshotOf(tab);
      expect(snap.values[snap.values.findIndex((r) => r[0] === "Name")]![1]).toBe(evil);
      expect(gas.ss.active).toBe(tab);

      colour(tab, "Sep", 3, { mistake: true });
      await page.getByRole("button", { name: "Check this tab" }).click();
      const findings = page.locator("button.finding");
      await expect.poll(() => findings.count()).toBeGreaterThan(0);
      await findings.first().click();
      await expect.poll(() => gas.ss.activeRange?.col).toBe(3);

      await page.locator("summary", { hasText: "Roll up" }).click();
      await page.getByRole("button", { name: "Roll up the school" }).click();
      await expect
        .poll(() => gas.ss.sheets.some((s) => roleOf(s) === "summary"), { timeout: 10_000 })
        .toBe(true);
      await page.screenshot({ path: `${RESULTS}/apps-script-sidebar.png`, fullPage: true });
      expect(await page.locator("img").count()).toBe(0);
      expect(watch.dialogs).toEqual([]);
      expect(watch.errors).toEqual([]);
      await page.close();
    }, 60_000);
  });
}

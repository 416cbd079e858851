/**
 * Helpers for browser tests on the preview page (a Page opened at the preview server): the panel,
 * its status area, the tab strip and the grid's cells, and a few steps a person takes.
 */
import { expect } from "vitest";
import type { Page } from "playwright-core";

export function on(page: Page) {
  const panel = () => page.locator("aside.panel-frame");
  const status = () => panel().locator(".status");
  const message = () => status().locator(".status-message").textContent();
  const tabNames = () => page.locator(".tabstrip [role=tab]").allTextContents();
  const cell = (ref: string) => page.locator(`.grid [data-cell="${ref}"]`);
  const section = (title: string) =>
    panel().locator("details.section", { has: page.locator("summary h2", { hasText: title }) });
  /** Open a panel section (a <details>) if it is folded away. */
  const openSection = async (title: string) => {
    if ((await section(title).getAttribute("open")) === null)
      await section(title).locator("summary").first().click();
  };
  /** What has focus, as a short piece of its HTML. */
  const focused = () => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160) ?? "");
  const focusedCell = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell);
  /** Fill in the one-person form and press Create tab (the result is left to the caller). */
  const fillOne = async (name: string, band = 3) => {
    await openSection("Make staff tabs");
    await panel().getByLabel("One person").check();
    await panel().getByLabel("Name").fill(name);
    await panel().getByLabel("Grade band").selectOption(String(band));
    await panel().getByRole("button", { name: "Create tab", exact: true }).click();
  };
  const pasteList = async (text: string) => {
    await openSection("Make staff tabs");
    await panel().getByLabel("A staff list (paste it)").check();
    await panel().getByRole("textbox", { name: "Staff list" }).fill(text);
  };
  const rollUp = async () => {
    await openSection("Roll up");
    await panel().getByRole("button", { name: "Roll up the school" }).click();
    await panel().locator("table.zones").waitFor();
    await expect.poll(() => status().getAttribute("data-tone")).not.toBe("busy");
  };
  return {
    panel,
    status,
    message,
    tabNames,
    cell,
    section,
    openSection,
    focused,
    focusedCell,
    fillOne,
    pasteList,
    rollUp,
  };
}

/**
 * axe-core (Deque's accessibility engine, run in Chromium) over the preview in the states a person
 * meets: first load; every section open after a check and a roll-up (the to-do list's by-appraiser
 * view unfolded); the summary tab shown; a staff-list error; the panel asking before a second tab.
 * Every violation is listed by rule and node, so a failure says what to fix.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { previewSession } from "./preview-session.js";
import { axeViolations } from "./browser.js";

const session = previewSession();

async function open(): Promise<Page> {
  return (await session.open()).page;
}

describe("accessibility (axe-core) in the preview", () => {
  it("first load: no violations", async () => {
    const page = await open();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("after a check and a roll-up, with every section open: no violations", async () => {
    const page = await open();
    const panel = page.locator("aside.panel-frame");
    await panel.getByRole("button", { name: "Check this tab" }).click();
    await panel.locator(".check-summary p").first().waitFor();
    for (const name of ["Roll up", "More"]) await panel.locator("summary", { hasText: name }).first().click();
    await panel.getByRole("button", { name: "Roll up the school" }).click();
    await panel.locator("table.zones").waitFor();
    // The leader's to-do list with its by-appraiser view unfolded too.
    await panel.locator(".chase details.by-appraiser summary").click();
    await panel.locator(".chase .appraisees").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The school summary tab shown in the workbook grid.
    await page.locator(".tabstrip [role=tab]", { hasText: "School summary" }).click();
    await expect.poll(() => page.locator(".grid").textContent()).toContain("Not filled in / no band");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("a staff-list error: no violations", async () => {
    const page = await open();
    const panel = page.locator("aside.panel-frame");
    await panel.getByLabel("A staff list (paste it)").check();
    await panel.getByRole("textbox", { name: "Staff list" }).fill("name,band\nPat One,3\n,4\n");
    await panel.locator(".list-check .bad").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("the panel asking before a second tab for someone who has one: no violations", async () => {
    const page = await open();
    const panel = page.locator("aside.panel-frame");
    await panel.getByLabel("Name").fill("Ann Lee");
    await panel.getByLabel("Grade band").selectOption("3");
    await panel.getByRole("button", { name: "Create tab", exact: true }).click();
    await panel.locator(".ask").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

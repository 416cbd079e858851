// The preview in a real browser (Debian's chromium): create, colour, check, roll up and save by
// mouse; a hostile staff name stays text. By keyboard alone: keyboard.browser.test.ts; the panel's
// states (questions, the to-do list, honest status): panel-states.browser.test.ts.
import { readFile } from "node:fs/promises";
import { beforeEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { readWorkbook } from "../../cli/xlsx/read.js";
import { RESULTS, screenshot } from "./browser.js";
import { pagePerTest, previewSession, type Watched } from "./preview-session.js";

const current = pagePerTest(previewSession(), false);
let page: Page;
let watch: Watched;
beforeEach(() => {
  ({ page, watch } = current);
});

const panel = () => page.locator("aside.panel-frame");
const status = () => panel().locator(".status");
const tabNames = () => page.locator(".tabstrip [role=tab]").allTextContents();
const cell = (ref: string) => page.locator(`.grid [data-cell="${ref}"]`);

/** Open a panel section (a <details>) if it is folded away. */
async function openSection(title: string) {
  const details = panel().locator("details.section", { has: page.locator("summary h2", { hasText: title }) });
  if ((await details.getAttribute("open")) === null) await details.locator("summary").first().click();
}

/** Create one ladder tab for `name` with the panel (band by its label). */
async function createOne(name: string, band = 3) {
  await openSection("Make staff tabs");
  await panel().getByLabel("Name").fill(name);
  await panel().getByLabel("Grade band").selectOption(String(band));
  await panel().getByRole("button", { name: "Create tab" }).click();
  await expect.poll(() => status().textContent()).toMatch(/Done: Made the tab/);
}

function noHarm() {
  expect(watch.dialogs).toEqual([]);
  expect(watch.errors).toEqual([]);
}

describe("preview", () => {
  it("opens with demo tabs and the panel, with no errors and no policy violations", async () => {
    expect(await tabNames()).toEqual(["Ann Lee", "Ben Okafor", "Eve Brown", "Cara Singh"]);
    await screenshot(page, "preview-start", false);
    noHarm();
    expect(watch.cspViolations).toEqual([]);
  });

  it("lists every missing field at once, and clears the form after a create so Enter twice makes one tab", async () => {
    await panel().getByRole("button", { name: "Create tab" }).click();
    await expect
      .poll(() => status().locator(".status-message").textContent())
      .toBe("Problem: Give a name and a grade band first.");
    expect(await panel().getByLabel("Name").getAttribute("aria-invalid")).toBe("true");
    expect(await panel().getByLabel("Grade band").getAttribute("aria-invalid")).toBe("true");
    const before = (await tabNames()).length;
    await createOne("Kay Board");
    // The section folds away once its job is done, with focus on its heading.
    expect(await panel().locator("details.section").first().getAttribute("open")).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Make staff tabs");
    await openSection("Make staff tabs");
    expect(await panel().getByLabel("Name").inputValue()).toBe("");
    await panel().getByRole("button", { name: "Create tab" }).click();
    await expect.poll(() => status().textContent()).toMatch(/Give a name/);
    expect((await tabNames()).filter((n) => n.startsWith("Kay Board"))).toEqual(["Kay Board"]);
    expect((await tabNames()).length).toBe(before + 1);
  });

  it("creates a tab, colours cells by clicking, checks it and goes to a finding's cell", async () => {
    await createOne("Dana Green");
    expect(await tabNames()).toContain("Dana Green");
    await expect.poll(() => page.locator(".grid").textContent()).toContain("Dana Green");
    // Sep: first statement green, second blank, third green: a green below a gap.
    await cell("C12").click();
    await cell("C14").click();
    expect(await cell("C14").textContent()).toBe("G");
    await panel().getByRole("button", { name: "Check this tab" }).click();
    const finding = panel().locator("button.finding", { hasText: "C14" });
    await finding.waitFor();
    expect(await finding.textContent()).toMatch(/Error C14 · Sep/);
    // Honest status: an error is never "Done"; it says how many and where, and focus is on the finding.
    await expect
      .poll(() => status().locator(".status-message").textContent())
      .toBe(
        "Needs attention: 'Dana Green' has 1 colouring error; the first is at C14 (Sep). Choose a finding below to go to its cell.",
      );
    expect(await status().getAttribute("data-tone")).toBe("warn");
    expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toMatch(/C14/);
    await finding.click();
    await expect.poll(() => page.locator("td.selected [data-cell]").getAttribute("data-cell")).toBe("C14");
    await screenshot(page, "preview-check", false);
    noHarm();
  });

  it("validates a pasted staff list with line numbers, sends nothing while a row is bad, then makes them all", async () => {
    const before = (await tabNames()).length;
    await panel().getByLabel("A staff list (paste it)").check();
    const list = panel().getByRole("textbox", { name: "Staff list" });
    await list.fill("name,band,role\nPat One,3,Teacher\nPat Two,Band 12,TA\n,4,Clerk\n");
    await expect
      .poll(() => panel().locator(".list-check").textContent())
      .toMatch(/2 problems to fix first.*Line 3:.*Band 12/);
    expect(await panel().locator(".list-check").textContent()).toMatch(/Line 4: the name is empty\./);
    await panel().screenshot({ path: `${RESULTS}/preview-300-staff-list-errors.png` });
    await panel().getByRole("button", { name: "Create tabs" }).click();
    await expect
      .poll(() => status().textContent())
      .toMatch(/Problem:.*2 problems\. Fix the list and try again:/);
    expect(await status().textContent()).not.toMatch(/try again.*try again/);
    expect((await tabNames()).length).toBe(before);

    const rows = Array.from({ length: 23 }, (_, i) => `Staff ${i + 1},${(i % 7) + 1},Teacher`);
    await list.fill(["name,band,role", ...rows].join("\n"));
    await expect.poll(() => panel().locator(".list-check").textContent()).toMatch(/23 staff ready/);
    await panel().getByRole("button", { name: "Create tabs" }).click();
    await expect.poll(() => panel().locator(".progress-text").textContent()).toBe("23 of 23 tabs");
    await expect.poll(() => status().textContent()).toMatch(/Made 23 tabs/);
    expect((await tabNames()).length).toBe(before + 23);
    noHarm();
  });

  it("rolls up the school into one summary and one chart tab, with zones in words and symbols", async () => {
    await panel().locator("summary", { hasText: "Roll up" }).click();
    const button = panel().getByRole("button", { name: "Roll up the school" });
    await button.click();
    const table = panel().locator("table.zones");
    await table.waitFor();
    const text = (await table.textContent()) ?? "";
    for (const word of ["▼ Below", "◇ Entry", "● Expected", "▲ Beyond", "No level yet", "Sep", "Mid", "Jul"])
      expect(text).toContain(word);
    expect(await panel().locator(".rollup-result").first().textContent()).toMatch(/4 staff rolled up/);
    await button.click();
    await expect.poll(() => status().textContent()).toMatch(/Rolled up 4 staff/);
    // The tab with the colouring error is named in the status and is a button to its first error.
    // The preview's demo workbook has tabs with colouring mistakes.
    const tone = await status().getAttribute("data-tone");
    const errorTabs = panel().locator(".error-tabs button");
    expect(await errorTabs.count()).toBeGreaterThan(0);
    expect(tone).toBe("warn");
    expect(await status().textContent()).toMatch(
      /^Needs attention: Rolled up 4 staff, but \d+ tabs? ha(s|ve) colouring errors: /,
    );
    expect(await status().textContent()).not.toMatch(/Done/);
    await errorTabs.first().click();
    const [tab, cellRef] = /^(.*) \((\w+\d+)\)$/
      .exec((await errorTabs.first().textContent()) ?? "")!
      .slice(1);
    await expect.poll(() => page.locator("td.selected [data-cell]").getAttribute("data-cell")).toBe(cellRef);
    expect(tab).toBeTruthy();
    const names = await tabNames();
    expect(names.filter((n) => n === "School summary")).toHaveLength(1);
    expect(names.filter((n) => n === "Grade-band chart")).toHaveLength(1);
    await panel().getByRole("button", { name: "Roll up the trust" }).click();
    await expect.poll(() => status().textContent()).toMatch(/Trust summary made from 1 school/);
    await panel().screenshot({ path: `${RESULTS}/preview-300-rollup.png` });
    noHarm();
  });

  it("ticks boxes in a tick-box tab and the tab colours itself", async () => {
    await page.locator(".tabstrip [role=tab]", { hasText: "Cara Singh" }).click();
    const box = page.locator('.grid [role=checkbox][aria-checked="false"]').first();
    const ref = await box.getAttribute("data-cell");
    await box.click();
    await expect.poll(() => cell(ref!).getAttribute("aria-checked")).toBe("true");
    noHarm();
  });

  it("saves the workbook as an .xlsx that reads back with every tab", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Save as .xlsx" }).click();
    const file = await (await download).path();
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const { snapshots } = await readWorkbook(new Uint8Array(bytes), "saved.xlsx");
    expect(snapshots.map((s) => s.name)).toEqual(["Ann Lee", "Ben Okafor", "Eve Brown", "Cara Singh"]);
    noHarm();
  });

  it("shows a staff name written as HTML as text, and runs nothing", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    await createOne(evil);
    expect(await tabNames()).toContain(evil);
    await expect.poll(() => page.locator(".grid").textContent()).toContain(evil);
    await panel().getByRole("button", { name: "Check this tab" }).click();
    await expect.poll(() => panel().locator(".check-summary").textContent()).toContain(evil);
    expect(await page.locator("img").count()).toBe(0);
    await page.waitForTimeout(300);
    noHarm();
  });
});

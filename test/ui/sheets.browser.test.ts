// The Sheets sidebar page (ui/main-sheets.ts, built as Apps Script gets it: no <meta> policy) in a
// real browser, over a stubbed google.script.run whose answers come back asynchronously and out of
// order. The "server" behind the stub is the preview's in-memory workbook, run in Node through
// page.exposeFunction, and it throws errors the way the Apps Script side does (encodePanelError).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildPanelHtml } from "../../ui/build.mjs";
import { encodePanelError } from "../../ui/panel/errors.js";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook.js";
import { ladderLayout, seedDemo } from "../../ui/preview/seed.js";
import { LadderError } from "../../core/errors.js";
import { CLASS_FILL } from "../../core/colour.js";
import { selectionResult } from "../../core/app.js";
import type { CellValue } from "../../core/sheet.js";
import { gasRunStub, launch, newPage, RESULTS } from "./browser.js";

const URL = "http://sheets.test/sidebar";

/** google.script.run look-alike: runs the call in Node now, answers after the next queued delay. */
const STUB = gasRunStub("__server", 20);

let browser: Browser;
let html: string;
beforeAll(async () => {
  browser = await launch();
  html = await buildPanelHtml({
    entry: "ui/main-sheets.ts",
    title: "Leadership Ladder",
    csp: { mode: "runtime" },
  });
});
afterAll(async () => {
  await browser?.close();
});

let page: Page;
let watch: Awaited<ReturnType<typeof newPage>>;
let wb: MemoryWorkbook;
let failNext = new Map<string, LadderError>();
/** What the person has "selected" in the spreadsheet (readSelection answers from it, as server.ts does). */
let selection: CellValue[][] = [];

beforeEach(async () => {
  wb = new MemoryWorkbook();
  seedDemo(wb);
  failNext = new Map();
  selection = [];
  watch = await newPage(browser, 300, 900);
  page = watch.page;
  await page.exposeFunction("__server", async (method: string, argsJson: string) => {
    const planned = failNext.get(method);
    if (planned) {
      failNext.delete(method);
      throw new Error(encodePanelError(planned));
    }
    try {
      if (method === "readSelection") return JSON.stringify(selectionResult(selection));
      const fn = (wb as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!;
      return JSON.stringify((await fn.apply(wb, JSON.parse(argsJson) as unknown[])) ?? null);
    } catch (e) {
      throw new Error(encodePanelError(e));
    }
  });
  await page.addInitScript(STUB);
  await page.route("http://sheets.test/**", (route) =>
    route.request().url() === URL
      ? route.fulfill({ contentType: "text/html; charset=utf-8", body: html })
      : route.fulfill({ status: 404, body: "" }),
  );
});
afterEach(async () => {
  await page?.close();
});

async function open(delays: Record<string, number[]> = {}) {
  await page.addInitScript(
    (d) => Object.assign((window as unknown as { __delays: object }).__delays, d),
    delays,
  );
  await page.goto(URL);
  await page.getByRole("button", { name: "Create tab" }).waitFor();
}

const status = () => page.locator(".status");
const calls = () => page.evaluate(() => (window as unknown as { __calls: string[] }).__calls);

function noHarm() {
  expect(watch.dialogs).toEqual([]);
  expect(watch.errors).toEqual([]);
}

describe("Sheets sidebar over a stubbed google.script.run", () => {
  it("loads when the template and band lists come back in the opposite order", async () => {
    await open({ listTemplates: [400], listBands: [5] });
    expect(await page.locator("select[name=template] option").count()).toBeGreaterThan(3);
    expect(await page.locator("select[name=band] option").count()).toBe(8);
    expect(await page.locator(".ladder-panel.host-sheets").count()).toBe(1);
    await page.screenshot({ path: `${RESULTS}/sheets-300-start.png`, fullPage: true });
    noHarm();
  });

  it("creates a tab through the server function of the same name", async () => {
    await open();
    await page.getByLabel("Name").fill("Ola Nordmann");
    await page.getByLabel("Grade band").selectOption("4");
    await page.getByRole("button", { name: "Create tab" }).click();
    await expect.poll(() => status().textContent()).toMatch(/Made the tab 'Ola Nordmann'/);
    expect(await calls()).toContain("createTabs");
    expect(wb.names).toContain("Ola Nordmann");
    noHarm();
  });

  it("fills the staff list from the selected rows, then creates one tab per person", async () => {
    selection = [
      ["Name", "Band", "Role", "Appraiser"],
      // Not in the demo school, so Create makes it without asking (asking is tested in the preview).
      ["Kim Lee", "UPS1 TLR3", "Teacher", "Head"],
      ['=HYPERLINK("http://x","y")', "Band 2", "TA", ""],
    ];
    await open();
    await page.getByLabel("A staff list (paste it)").check();
    await page.getByRole("button", { name: "Use the selected rows" }).click();
    await expect.poll(() => page.locator(".list-check").textContent()).toMatch(/2 staff ready/);
    expect(await page.locator("textarea[name=staffList]").inputValue()).toContain("Kim Lee\tUPS1 TLR3");
    expect(await calls()).toContain("readSelection");
    await page.getByRole("button", { name: "Create tabs" }).click();
    await expect.poll(() => status().textContent()).toMatch(/Made 2 tabs/);
    expect(wb.names).toContain("Kim Lee");
    noHarm();
  });

  it("says what to do when the selected rows are not a staff list", async () => {
    selection = [["Ann Lee", "no such band"]];
    await open();
    await page.getByLabel("A staff list (paste it)").check();
    await page.getByRole("button", { name: "Use the selected rows" }).click();
    await expect.poll(() => status().textContent()).toMatch(/not a staff list yet/);
    expect(await page.locator(".list-check").textContent()).toMatch(/problem/);
    expect(await page.locator("textarea[name=staffList]").getAttribute("aria-invalid")).toBe("true");
    selection = [];
    await page.getByRole("button", { name: "Use the selected rows" }).click();
    await expect.poll(() => status().textContent()).toMatch(/Select the staff rows first/);
    noHarm();
  });

  it("never shows an older check answer over a newer one", async () => {
    wb.setActive("Ben Okafor");
    // The first live poll answers slowly (with Ben's two errors); meanwhile Ben fixes his Sep column
    // and presses Check, which answers fast. The slow, stale answer must not win.
    await open({ checkActiveTab: [2500, 10] });
    await expect.poll(() => calls(), { timeout: 10_000 }).toContain("checkActiveTab");
    const ben = wb.find("Ben Okafor")!;
    const { rows, cols } = ladderLayout(ben);
    wb.setFill(ben, rows[11]!, cols.Sep!, null);
    wb.setFill(ben, rows[9]!, cols.Mid!, CLASS_FILL.green);
    await page.getByRole("button", { name: "Check this tab" }).click();
    // Fixed: no colouring errors; the one warning left is the year record's (Mid is coloured and
    // Ben has not written his objectives yet).
    const fixed = /0 errors, 1 warning/;
    await expect.poll(() => page.locator(".check-summary").textContent()).toMatch(fixed);
    await page.waitForTimeout(3000);
    expect(await page.locator(".check-summary").textContent()).toMatch(fixed);
    expect(await page.locator("button.finding").count()).toBe(1);
    noHarm();
  });

  it("lists findings as buttons that select their cell, and re-checks live without taking focus", async () => {
    wb.setActive("Ben Okafor");
    await open();
    await page.getByRole("button", { name: "Check this tab" }).click();
    const findings = page.locator("button.finding");
    // Two colouring errors, then the year record's warning (objectives still empty at Mid).
    await expect.poll(() => findings.count()).toBe(3);
    await page.screenshot({ path: `${RESULTS}/sheets-300-findings.png`, fullPage: true });
    await findings.nth(1).click();
    await expect.poll(() => wb.selected?.cell).toMatch(/^D\d+$/);
    // Focus is on the second finding; a live re-check that changes nothing leaves it there, and
    // one that removes the first finding keeps focus on the same finding.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowDown");
    const key = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.key);
    const ben = wb.find("Ben Okafor")!;
    const { rows, cols } = ladderLayout(ben);
    wb.setFill(ben, rows[11]!, cols.Sep!, null);
    await expect.poll(() => findings.count(), { timeout: 12_000 }).toBe(2);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.key)).toBe(key);
    noHarm();
  });

  it("says what went wrong in plain words, with the detail lines behind Details", async () => {
    await open();
    failNext.set(
      "rollupSchool",
      new LadderError("host-failed", "Google Sheets stopped the roll-up after 6 minutes.", [
        "Read 40 of 120 tabs.",
        "Nothing was written.",
      ]),
    );
    await page.locator("summary", { hasText: "Roll up" }).click();
    await page.getByRole("button", { name: "Roll up the school" }).click();
    await expect.poll(() => status().textContent()).toMatch(/Problem:.*stopped the roll-up after 6 minutes/);
    expect(await status().getAttribute("aria-live")).toBe("polite");
    await status().locator("summary", { hasText: "Details" }).click();
    expect(await status().locator("li").allTextContents()).toEqual([
      "Read 40 of 120 tabs.",
      "Nothing was written.",
    ]);
    await page.screenshot({ path: `${RESULTS}/sheets-300-error.png`, fullPage: true });
    noHarm();
  });

  it("shows a staff name written as HTML as text, and runs nothing", async () => {
    await open();
    const evil = "<img src=x onerror=alert(1)>";
    await page.getByLabel("Name").fill(evil);
    await page.getByLabel("Grade band").selectOption("2");
    await page.getByRole("button", { name: "Create tab" }).click();
    await expect.poll(() => page.getByLabel("Tabs made").textContent()).toBe(evil);
    await page.getByRole("button", { name: "Check this tab" }).click();
    await expect.poll(() => page.locator(".check-summary").textContent()).toContain(evil);
    expect(await page.locator("img").count()).toBe(0);
    await page.waitForTimeout(300);
    noHarm();
  });

  it("refuses inline handlers even in markup injected into the page (the policy set at run time)", async () => {
    await open();
    expect(await page.locator("meta#ladder-runtime-csp").getAttribute("content")).toContain(
      "script-src-attr 'none'",
    );
    await page.evaluate(() => {
      const d = document.createElement("div");
      // Simulates a bug elsewhere writing data as markup: the handler must still not run.
      d.innerHTML = '<img src="x" onerror="window.__pwned = 1">';
      document.body.append(d);
    });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(watch.cspViolations.join("\n")).toMatch(/script-src-attr/);
  });

  it("loads in a 300 px sidebar without sideways scrolling, and looks like Excel with host-excel", async () => {
    await open();
    for (const s of ["Roll up", "More"]) await page.locator("summary", { hasText: s }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    await page.screenshot({ path: `${RESULTS}/sheets-300-all-open.png`, fullPage: true });
    await page.evaluate(() => {
      const root = document.querySelector(".ladder-panel")!;
      root.classList.replace("host-sheets", "host-excel");
    });
    const font = await page.evaluate(
      () => getComputedStyle(document.querySelector(".ladder-panel")!).fontFamily,
    );
    expect(font).toMatch(/Segoe UI/);
    const blue = await page.evaluate(
      () => getComputedStyle(document.querySelector("button.primary")!).backgroundColor,
    );
    expect(blue).toBe("rgb(15, 108, 189)");
    await page.screenshot({ path: `${RESULTS}/excel-300-all-open.png`, fullPage: true });
  });
});

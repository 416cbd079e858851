// Keyboard only, in a real browser (the preview, Debian's chromium): a leader's whole round from
// Create to Roll up without the mouse, with every key press counted. Issue 15 found 225 Tab stops per
// ladder tab (230 presses from a cell back to Check); the grid is now one Tab stop with arrow keys
// inside it, a skip link and Escape go back to the panel, and Enter on a finding puts focus on its
// cell. The walk must take fewer than 40 presses (letters typed into the Name box counted apart).
import { beforeEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { on } from "./preview-helpers.js";
import { pagePerTest, previewSession } from "./preview-session.js";

const current = pagePerTest(previewSession(), true);
let page: Page;
let p: ReturnType<typeof on>;
beforeEach(() => {
  page = current.page;
  p = on(page);
});

/** What has focus, in words: a cell's reference, else the element's accessible text. */
function focusName(pg: Page): Promise<string> {
  return pg.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "(page)";
    if (el.dataset.cell) return `cell ${el.dataset.cell}`;
    const label =
      el.getAttribute("aria-label") ??
      (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
      el.textContent ??
      "";
    return `${el.tagName.toLowerCase()} ${label.trim().slice(0, 40)}`;
  });
}

/** Key presses, counted; `trail` records where focus went after each, for the failure message. */
function keys(pg: Page) {
  let count = 0;
  const trail: string[] = [];
  const press = async (key: string, times = 1): Promise<string> => {
    for (let i = 0; i < times; i++) {
      await pg.keyboard.press(key);
      count += 1;
      trail.push(`${key} -> ${await focusName(pg)}`);
    }
    return focusName(pg);
  };
  /** Press Tab (or Shift+Tab) until focus is on `want`, at most `max` times. */
  const tabTo = async (want: RegExp, back = false, max = 12): Promise<string> => {
    for (let i = 0; i < max; i++) {
      const now = await press(back ? "Shift+Tab" : "Tab");
      if (want.test(now)) return now;
    }
    throw new Error(`Focus never reached ${String(want)}:\n${trail.join("\n")}`);
  };
  return { press, tabTo, trail, count: () => count };
}

describe("keyboard only, from Create to Roll up", () => {
  it("makes a tab, colours it, checks it, fixes the error from its finding and rolls up in under 40 presses", async () => {
    const k = keys(page);
    // The skip link is the first thing on the page and takes focus into the panel.
    expect(await k.press("Tab")).toBe("a Skip to the panel");
    await k.press("Enter");
    expect(await focusName(page)).toMatch(/^aside/);

    // Make a tab for one person: Name (typed), a band by arrow key, Create.
    await k.tabTo(/^input Name$/);
    await page.keyboard.type("Kay Board"); // typed text, not counted as presses
    await k.press("Tab");
    expect(await focusName(page)).toBe("select Grade band");
    await k.press("ArrowDown", 3);
    await k.tabTo(/^button Create tab$/);
    await k.press("Enter");
    await expect.poll(p.message).toBe("Done: Made the tab 'Kay Board'.");
    // The section folds away and focus stays on its heading.
    expect(await focusName(page)).toBe("summary Make staff tabs");
    expect(await page.locator('.tabstrip [aria-selected="true"]').textContent()).toBe("Kay Board");

    // Back to the workbook: the grid is a single Tab stop, reached going backwards from the panel.
    const first = await k.tabTo(/^cell /, true);
    expect(first).toBe("cell C12");
    // Colour Sep's first statement, skip one, colour the third: a green below a gap.
    await k.press("Enter");
    expect(await k.press("ArrowDown", 2)).toBe("cell C14");
    await k.press("Enter");
    expect(await page.locator('.grid [data-cell="C14"]').getAttribute("aria-label")).toMatch(/green/);
    // Escape goes back to where the person was in the panel.
    expect(await k.press("Escape")).toBe("summary Make staff tabs");

    // Check: the error's finding gets focus, Enter takes focus to its cell in the grid.
    await k.tabTo(/^button Check this tab$/);
    await k.press("Enter");
    await expect.poll(p.message).toMatch(/^Needs attention: 'Kay Board' has 1 colouring error/);
    expect(await focusName(page)).toMatch(/^button .*C14/);
    await k.press("Enter");
    await expect.poll(() => focusName(page)).toBe("cell C14");
    // Fill the gap above it instead: the colouring is right again.
    expect(await k.press("ArrowUp")).toBe("cell C13");
    await k.press("Enter");

    // Back to the panel, open Roll up and roll up the school.
    await k.press("Escape");
    await k.tabTo(/^summary Roll up$/);
    await k.press("Enter");
    await k.tabTo(/^button Roll up the school$/);
    await k.press("Enter");
    await panelSettled(page);
    expect(await p.message()).toMatch(
      /^Needs attention: Rolled up 5 staff, but 1 tab has colouring errors: Ben Okafor\./,
    );
    expect(await p.panel().locator(".chase .error-tabs li").allTextContents()).toEqual([
      expect.stringMatching(/^Ben Okafor /) as string,
    ]);

    const presses = k.count();
    console.log(`keyboard walk, Create to Roll up: ${presses} presses`);
    expect(presses, k.trail.join("\n")).toBeLessThan(40);
  });
});

describe("the grid is one Tab stop", () => {
  it("has one tabbable cell; arrows, Home and End move inside it; Tab leaves it; coming back lands where you were", async () => {
    const k = keys(page);
    const tabbable = () =>
      page
        .locator(".grid [data-cell]")
        .evaluateAll((els) => els.filter((e) => (e as HTMLElement).tabIndex >= 0).length);
    expect(await page.locator(".grid [data-cell]").count()).toBeGreaterThan(100);
    expect(await tabbable()).toBe(1);
    await page.locator(".book-bar button", { hasText: "Save as .xlsx" }).focus();
    expect(await k.tabTo(/^cell /)).toBe("cell C12");
    expect(await k.press("ArrowRight")).toBe("cell D12");
    expect(await k.press("ArrowDown")).toBe("cell D13");
    expect(await k.press("End")).toBe("cell E13");
    expect(await k.press("Home")).toBe("cell C13");
    expect(await k.press("ArrowLeft")).toBe("cell C13"); // the first column: nowhere further left
    expect(await tabbable()).toBe(1);
    // One Tab leaves the grid (to the tab strip), one Shift+Tab comes back to the same cell.
    expect(await k.press("Tab")).toMatch(/^button /);
    expect(await k.press("Shift+Tab")).toBe("cell C13");
    expect(k.count()).toBe(8);
    // A cell clicked with the mouse becomes the Tab stop instead.
    await page.locator('.grid [data-cell="D15"]').click();
    expect(await tabbable()).toBe(1);
    expect(await page.locator('.grid [data-cell="D15"]').getAttribute("tabindex")).toBe("0");
  });
});

async function panelSettled(pg: Page): Promise<void> {
  const status = pg.locator("aside.panel-frame .status");
  await pg.locator("aside.panel-frame table.zones").waitFor();
  await expect.poll(() => status.getAttribute("data-tone")).not.toBe("busy");
}

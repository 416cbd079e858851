/**
 * The panel's Report view in the preview (Chromium): "Make the leadership report" offers an .html
 * file to save; opened from disk it shows the same zone counts the panel's own roll-up shows, styled
 * by its own inline stylesheet; the panel has no axe-core violations with the view open.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { tempDir } from "../cli/run.js";
import { axeViolations, newPage, screenshot } from "./browser.js";
import { previewSession } from "./preview-session.js";

const session = previewSession();

describe("the Report view in the panel", () => {
  it("opens the report with the roll-up's numbers, offers it as a file, and stays accessible", async () => {
    const { page, errors } = await session.open();
    const panel = page.locator("aside.panel-frame");
    await panel.locator("summary", { hasText: "Roll up" }).first().click();

    // The panel's own roll-up: staff per zone (rows) per checkpoint (columns).
    await panel.getByRole("button", { name: "Roll up the school" }).click();
    await panel.locator("table.zones").waitFor();
    const panelZones = await panel
      .locator("table.zones tbody tr")
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll("td")].map((c) => Number(c.textContent))),
      );

    await panel.getByRole("button", { name: "Make the leadership report" }).click();
    const save = panel.getByRole("link", { name: "Save the report (HTML)" });
    await save.waitFor();
    expect(await save.getAttribute("download")).toBe("leadership-report.html");
    const [download] = await Promise.all([page.waitForEvent("download"), save.click()]);
    expect(download.suggestedFilename()).toBe("leadership-report.html");
    const file = join(tempDir("report-panel"), download.suggestedFilename());
    await download.saveAs(file);
    const { page: popup } = await newPage(session.browser);
    await popup.goto(pathToFileURL(file).href);
    const reportZones = await popup
      .locator("table#zones tbody tr")
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll("td")].slice(1).map((c) => Number(c.textContent))),
      );
    // The report has one row per checkpoint (zones then "not filled in"); the panel one row per zone.
    const transposed = reportZones[0]!.map((_, z) => reportZones.map((row) => row[z]!));
    expect(transposed).toEqual(panelZones);
    expect(panelZones.flat().some((n) => n > 0)).toBe(true);
    // Styled: the inline stylesheet applied (a heading rule drawn under each section's title).
    const rule = await popup
      .locator("h2")
      .first()
      .evaluate((e) => getComputedStyle(e).borderBottomStyle);
    expect(rule).toBe("solid");
    await screenshot(popup, "report-from-panel");
    await popup.close();

    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

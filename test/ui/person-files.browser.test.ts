// One file per person in the preview, in Chromium: make 3 person files from a pasted staff list,
// save them with their links, pick them back (with one file that is not a workbook) and roll up;
// the summary names the 3 staff, the bad file is listed with its reason, and axe-core finds no
// violation in the section.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../cli/xlsx/read.js";
import { parseMarker } from "../../core/sheet.js";
import { axeViolations, screenshot } from "./browser.js";
import { previewSession } from "./preview-session.js";

const STAFF = ["Ann Lee", "Bob Cray", "Cy Dunn"];

const session = previewSession();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "preview-person-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("one file per person in the preview", () => {
  it("makes 3 files, picks them back and rolls them up, listing a file it cannot read", async () => {
    const { page, errors, cspViolations } = await session.open();
    const section = page.locator("details.section", {
      has: page.locator("summary h2", { hasText: "One file per person" }),
    });
    await section.locator("summary").first().click();
    await section
      .getByLabel("Staff list")
      .fill(STAFF.map((n, i) => `${n},${i + 1},Teacher,Kay Board`).join("\n"));
    await section.getByRole("button", { name: "Make the files" }).click();
    const links = section.getByRole("link", { name: /^Save / });
    await expect.poll(() => links.count()).toBe(3);
    await expect.poll(() => section.locator(".files-progress").first().textContent()).toBe("3 files made.");
    expect(await page.locator(".status").textContent()).toMatch(/They are listed on the 'Register' tab/);
    // The leaders' workbook lists each person and their file on its Register tab.
    await page.locator(".tabstrip [role=tab]", { hasText: "Register" }).click();
    const register = await page.locator(".grid").textContent();
    for (const n of STAFF) expect(register).toContain(`${n} ${yearOf(new Date())}.xlsx`);

    const paths: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [download] = await Promise.all([page.waitForEvent("download"), links.nth(i).click()]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      paths.push(path);
    }
    expect(paths.map((p) => p.slice(dir.length + 1))).toEqual(
      STAFF.map((n) => `${n} ${yearOf(new Date())}.xlsx`),
    );
    // Each saved file is a real workbook holding that person's tab only.
    for (const [i, p] of paths.entries()) {
      const { snapshots } = await readWorkbook(p);
      expect(snapshots.map((s) => s.name)).toEqual([STAFF[i]]);
      expect(parseMarker(snapshots[0]!.marker)?.role).toBe("staff");
    }

    const bad = join(dir, "minutes.xlsx");
    await writeFile(bad, "these are the meeting minutes, not a workbook");
    await section.getByLabel("Person files (.xlsx)").setInputFiles([...paths, bad]);
    await section.getByRole("button", { name: "Roll up the picked files" }).click();
    const result = section.locator(".rollup-result");
    await result.locator("p").first().waitFor();
    expect(await result.locator("p").first().textContent()).toMatch(
      /^3 staff from 3 files rolled up into 'School summary'/,
    );
    expect(await section.locator(".files-progress").nth(1).textContent()).toBe("Read 4 files.");
    expect(await result.locator(".unread li").allTextContents()).toEqual([
      expect.stringMatching(/^minutes\.xlsx: \S/),
    ]);
    expect(await page.locator(".status").textContent()).toMatch(
      /Needs attention: Rolled up 3 staff, but 1 file could not be read/,
    );

    // The to-do list names each person with their file (the tabs are not in this workbook).
    expect(await result.locator(".chase ul.late li").allTextContents()).toEqual(
      STAFF.map((n) => `${n} (${n} ${yearOf(new Date())}.xlsx)`),
    );

    // The summary tab is in the workbook, naming the 3 staff.
    await page.locator(".tabstrip [role=tab]", { hasText: "School summary" }).click();
    const grid = await page.locator(".grid").textContent();
    for (const n of STAFF) expect(grid).toContain(n);

    // Picking only two of the three files on the register: the third person is named as missing.
    await section.getByLabel("Person files (.xlsx)").setInputFiles([paths[0]!, paths[2]!]);
    await section.getByRole("button", { name: "Roll up the picked files" }).click();
    await expect
      .poll(() => page.locator(".status").textContent())
      .toMatch(/Rolled up 2 staff, but 1 person on the register is missing: their file was not picked/);
    expect(await result.locator(".unread").textContent()).toContain(`${STAFF[1]}. Pick their files too`);

    await screenshot(page, "person-files-preview");
    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);

    expect(await axeViolations(page, "One file per person")).toEqual([]);
    await page.close();
  });

  it("is reachable and usable by keyboard: Tab to the file picker and the buttons, Enter makes files", async () => {
    const { page } = await session.open();
    const summary = page.locator("details.section summary", { hasText: "One file per person" });
    await summary.focus();
    await page.keyboard.press("Enter");
    const section = page.locator("details.section[open]", {
      has: page.locator("summary", { hasText: "One file per person" }),
    });
    await section.getByLabel("Staff list").focus();
    await page.keyboard.type("Dee Ek,2,Teacher,Kay Board");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Make the files");
    await page.keyboard.press("Enter");
    await expect.poll(() => section.getByRole("link", { name: /^Save Dee Ek/ }).count()).toBe(1);
    // Then the list of files made (its fold, then the file's link), then the file picker.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Show the list of files");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Save Dee Ek/);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe("file");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Roll up the picked files");
    await page.keyboard.press("Enter");
    expect(await page.locator(".status").textContent()).toMatch(/Problem: Pick the person files first/);
    await page.close();
  });
});

function yearOf(d: Date): string {
  const y = d.getUTCFullYear();
  const start = d.getUTCMonth() >= 8 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

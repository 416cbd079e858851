/**
 * "One file per person" in the BUILT Sidebar.html in Chromium, over a stubbed google.script.run
 * whose server is the BUILT Code.js in a vm with the fake spreadsheet and the fake advanced Sheets
 * and Drive services: the leader pastes 40 people with email addresses, chooses to share, and makes
 * the files (two server calls of at most 25 people, the folder from the first passed to the second);
 * each file is shared with the person and their appraiser; the register tab lists them; then the
 * roll-up reads the register in two calls (30 files, then 10, the parts carried back by the
 * sidebar), lists a deleted file and a file the add-on cannot open, and writes the summary.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { readRegisterTab } from "../../../core/register.js";
import { axeViolations, launch, RESULTS } from "../../ui/browser.js";
import { openBuiltSidebar } from "../sidebar-page.js";
import { createFakeGas } from "../fake/index.js";
import { roleOf } from "../scenario.js";
import { DIST, loadAddon, type Addon } from "../vm.js";
import { snapshotsOf } from "../workbook.js";

const FOLDER_MIME = "application/vnd.google-apps.folder";

const person = (i: number) => `Person ${String(i).padStart(3, "0")}`;
const LIST = [
  "Name,Band,Role,Appraiser,Email,Appraiser email",
  ...Array.from(
    { length: 40 },
    (_, i) =>
      `${person(i + 1)},${(i % 7) + 1},Teacher,Sam Roe,person${i + 1}@school.example,sam.roe@school.example`,
  ),
].join("\n");

/** The sidebar, with "One file per person" open. */
async function openSidebar(browser: Browser, addon: Addon) {
  const { watch, page, calls } = await openBuiltSidebar(browser, addon, 320, 1000);
  const section = page.locator("details.section", {
    has: page.locator("summary h2", { hasText: "One file per person" }),
  });
  await section.locator("summary").first().click();
  return { watch, page, section, calls };
}

const statusOf = (page: Page) => page.locator(".status").textContent();

export function sidebarPersonFilesSuite(bundle: () => string): void {
  describe("one file per person in the built Sidebar.html, served by the built Code.js", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("makes 40 files in a Drive folder in two calls, shares them, lists them on the register, and rolls them up in two calls", async () => {
      const gas = createFakeGas(DIST);
      const addon = loadAddon(gas, bundle());
      const { watch, page, section, calls } = await openSidebar(browser, addon);
      const log = gas.apis.log;

      // The staff list can come from rows selected in the spreadsheet, email columns and all.
      const sheet1 = gas.ss.tab("Sheet1");
      [
        ["Name", "Band", "Role", "Appraiser", "Email", "Appraiser email"],
        ["Ann Lee", "3", "Teacher", "Sam Roe", "ann@school.example", "sam.roe@school.example"],
      ].forEach((r, i) => r.forEach((v, j) => (sheet1.cells.at(i + 1, j + 1).value = v)));
      gas.ss.setActive(sheet1, { row: 1, col: 1, rows: 2, cols: 6 });
      await section.getByRole("button", { name: "Use the selected rows" }).click();
      await expect.poll(() => statusOf(page)).toMatch(/Read 1 person from the selected rows/);
      expect(await section.getByLabel("Staff list").inputValue()).toContain("ann@school.example");

      // Sharing without addresses is refused before anything is made.
      await section.getByLabel("Staff list").fill("Ann Lee,3,Teacher,Sam Roe");
      await section.getByLabel("Sharing").selectOption("silent");
      await section.getByRole("button", { name: "Make the files" }).click();
      await expect.poll(() => statusOf(page)).toMatch(/needs email addresses/);
      expect(calls.filter((c) => c.method === "createPersonFiles")).toEqual([]);
      expect(log.count).toBe(0);

      await section.getByLabel("Staff list").fill(LIST);
      await section.getByLabel(/^Tick boxes/).check();
      await section.getByRole("button", { name: "Make the files" }).click();
      await expect.poll(() => statusOf(page), { timeout: 20_000 }).toMatch(/Made 40 person files/);
      expect(await statusOf(page)).toMatch(/listed on the 'Register' tab/);

      // Two calls (25 + 15 people); the folder the first made is where the second puts its files.
      const creates = calls.filter((c) => c.method === "createPersonFiles");
      expect(creates.map((c) => (c.args[0] as { staff: unknown[] }).staff.length)).toEqual([25, 15]);
      expect(creates.map((c) => (c.args[0] as { ticks: boolean }).ticks)).toEqual([true, true]);
      const folders = [...gas.apis.files.values()].filter((f) => f.mimeType === FOLDER_MIME);
      expect(folders).toHaveLength(1);
      const folderId = folders[0]!.id;
      expect((creates[0]!.args[0] as { folderId?: string }).folderId).toBeUndefined();
      expect((creates[1]!.args[0] as { folderId?: string }).folderId).toBe(folderId);
      // Per person: the file, its whole tab in one batchUpdate, and a share each with them and their
      // appraiser; once, looking for this year's folder and making it.
      expect(Object.fromEntries(log.byMethod)).toEqual({
        "Drive.Files.list": 1,
        "Drive.Files.create": 41,
        "Sheets.Spreadsheets.batchUpdate": 40,
        "Drive.Permissions.create": 80,
      });
      const files = [...gas.apis.files.values()].filter((f) => f.mimeType !== FOLDER_MIME);
      expect(files.every((f) => f.parents[0] === folderId)).toBe(true);
      expect(files[0]!.permissions.map((p) => [p.emailAddress, p.role, p.notify])).toEqual([
        ["person1@school.example", "writer", false],
        ["sam.roe@school.example", "writer", false],
      ]);

      const made = section.getByLabel("Person files made").locator("li");
      expect(await made.count()).toBe(40);
      // A long list is folded under one line, to open when wanted.
      expect(await made.first().isVisible()).toBe(false);
      await section.getByText("Show the list of files").click();
      expect(await made.first().isVisible()).toBe(true);
      expect(await made.first().textContent()).toBe(
        `${person(1)} (shared with person1@school.example and sam.roe@school.example)`,
      );
      expect(await made.first().locator("a").getAttribute("href")).toBe(
        `https://docs.google.com/spreadsheets/d/${files[0]!.id}/edit`,
      );
      expect(await section.getByRole("link", { name: "this Drive folder" }).getAttribute("href")).toBe(
        `https://drive.google.com/drive/folders/${folderId}`,
      );
      expect(await section.locator(".files-progress").first().textContent()).toBe("40 files made.");
      // A second run goes to the same folder: the field now holds its link.
      expect(await section.getByLabel("Folder").inputValue()).toBe(
        `https://drive.google.com/drive/folders/${folderId}`,
      );

      const register = readRegisterTab(snapshotsOf(gas.ss))!;
      expect(register.entries.map((e) => e.name)).toEqual(
        Array.from({ length: 40 }, (_, i) => person(i + 1)),
      );
      expect(register.entries[0]!.file).toBe(`https://docs.google.com/spreadsheets/d/${files[0]!.id}/edit`);

      // One file deleted, one the add-on can no longer open: listed, and the other 38 roll up.
      gas.apis.files.delete(files[4]!.id);
      gas.apis.file(files[8]!.id).access = false;
      const before = log.method("Sheets.Spreadsheets.get");
      await section.getByRole("button", { name: "Roll up the files on the register" }).click();
      await expect.poll(() => statusOf(page), { timeout: 20_000 }).toMatch(/Rolled up 38 staff, but 2 files/);
      const rolls = calls.filter((c) => c.method === "rollupPersonFiles");
      expect(rolls.map((c) => (c.args[0] as { startAt: number }).startAt)).toEqual([0, 30]);
      expect((rolls[1]!.args[0] as { parts: unknown[] }).parts).toHaveLength(30);
      // Exactly one request per file on the register.
      expect(log.method("Sheets.Spreadsheets.get") - before).toBe(40);
      const unread = await section.locator(".unread li").allTextContents();
      expect(unread).toHaveLength(2);
      expect(unread[0]).toMatch(/^Person 005's file: cannot be found/);
      expect(unread[1]).toMatch(/^Person 009's file: cannot be opened by the add-on/);
      expect(await section.locator(".rollup-result p").first().textContent()).toMatch(
        /^38 staff from 38 files rolled up into 'School summary' and 'Grade-band chart'/,
      );
      expect(await section.locator(".files-progress").nth(1).textContent()).toBe("Read 40 files.");
      // The to-do list names the people to chase, each a link to their own file (not a tab here).
      const late = section.locator(".chase ul.late li");
      expect(await late.count()).toBe(38);
      expect(await late.first().locator("a").getAttribute("href")).toBe(
        `https://docs.google.com/spreadsheets/d/${files[0]!.id}/edit`,
      );
      expect(await section.locator(".chase button").count()).toBe(0);
      expect(gas.ss.sheets.some((s) => roleOf(s) === "summary")).toBe(true);

      expect(await axeViolations(page, "One file per person")).toEqual([]);
      await page.screenshot({ path: `${RESULTS}/apps-script-person-files.png`, fullPage: true });
      expect(watch.errors).toEqual([]);
      expect(watch.dialogs).toEqual([]);
      await page.close();
    }, 90_000);
  });
}

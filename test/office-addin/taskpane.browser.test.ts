// The built task pane (dist/office-addin/taskpane.html, from `npm run excel:build`) in headless
// Chromium: Office.js's CDN request is intercepted, either refused (the panel still shows and says
// to open it in Excel) or answered with a fake Office/Excel (the panel checks, goes to a finding's
// cell, re-checks live on a format change, rolls up). No other network request is made.
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import * as esbuild from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, newPage, screenshot } from "../ui/browser.js";

const ROOT = resolve(import.meta.dirname, "../..");
const DIST = resolve(ROOT, "dist/office-addin");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let browser: Browser;
let fakeOffice: string;

beforeAll(async () => {
  execFileSync(process.execPath, [resolve(ROOT, "scripts/build-office.mjs")], { cwd: ROOT, stdio: "pipe" });
  expect(await readFile(resolve(DIST, "taskpane.html"), "utf8")).not.toMatch(
    /\beval\s*\(|\bnew\s+Function\b/,
  );
  const out = await esbuild.build({
    entryPoints: [resolve(import.meta.dirname, "browser-office.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  fakeOffice = out.outputFiles[0]!.text;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(office: "blocked" | "fake") {
  const w = await newPage(browser, 360, 900);
  const requests: string[] = [];
  await w.page.route("**/*", async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url === OFFICE_JS)
      return office === "fake"
        ? route.fulfill({ contentType: "text/javascript", body: fakeOffice })
        : route.abort();
    if (url.startsWith("https://localhost:3000/")) {
      const file = resolve(DIST, new URL(url).pathname.slice(1));
      const type = extname(file) === ".html" ? "text/html" : "application/octet-stream";
      return route.fulfill({ contentType: type, body: await readFile(file) });
    }
    return route.abort();
  });
  await w.page.goto("https://localhost:3000/taskpane.html");
  await w.page.getByRole("button", { name: "Check this tab" }).waitFor();
  return { ...w, requests };
}

const ladder = (page: Page, expr: string) => page.evaluate(`globalThis.__ladder.${expr}`);

describe("the Excel task pane in Chromium", () => {
  it("shows the panel when Office.js is blocked, and says to open it in Excel", async () => {
    const { page, errors, cspViolations, requests } = await open("blocked");
    await expect.poll(() => page.locator("select, input").count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Check this tab" }).click();
    await expect
      .poll(() => page.locator(".status").textContent())
      .toMatch(/open Leadership Ladder from Excel/);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(new Set(requests)).toEqual(new Set(["https://localhost:3000/taskpane.html", OFFICE_JS]));
    await page.close();
  });

  it("lets Office.js add inline styles (as it does on Excel on the web) but no inline script", async () => {
    const html = await readFile(resolve(DIST, "taskpane.html"), "utf8");
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "";
    expect(csp).toMatch(/style-src 'unsafe-inline'(;|$)/);
    expect(csp).toMatch(/script-src 'sha256-[^;]*https:\/\/appsforoffice\.microsoft\.com;/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("script-src-attr 'none'");
    const { page, cspViolations } = await open("fake");
    const applied = await page.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = "#office-probe { width: 123px }";
      document.head.append(style);
      const div = document.createElement("div");
      div.id = "office-probe";
      div.setAttribute("style", "height: 45px");
      document.body.append(div);
      const cs = getComputedStyle(div);
      return `${cs.width} ${cs.height}`;
    });
    expect(applied).toBe("123px 45px");
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("with Excel faked: checks, goes to a finding's cell, re-checks live, rolls up", async () => {
    const { page, errors, cspViolations, requests } = await open("fake");
    await page.getByRole("button", { name: "Check this tab" }).click();
    const findings = page.locator("button.finding.error");
    await expect.poll(() => findings.count()).toBe(1);
    await findings.first().click();
    const header = (await ladder(page, "header")) as number;
    await expect
      .poll(() => ladder(page, "selection()"))
      .toMatchObject({ address: JSON.stringify({ row: header + 5, col: 2, rows: 1, cols: 1 }) });

    // Colour the gap: the live check (Excel's format event, debounced) clears the error by itself.
    await ladder(page, `colour("C${header + 5}", "#00B050")`);
    await expect.poll(() => findings.count(), { timeout: 5000 }).toBe(0);
    await expect.poll(() => page.locator(".check-summary").textContent()).toMatch(/[Ll]evel \d+ in Sep/);

    await page.getByText("Roll up", { exact: true }).click();
    await page.getByRole("button", { name: "Roll up the school" }).click();
    await expect
      .poll(() => ladder(page, "sheetNames()"), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(["School summary", "Grade-band chart"]));
    await screenshot(page, "excel-taskpane", true);
    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(requests.every((u) => u.startsWith("https://localhost:3000/") || u === OFFICE_JS)).toBe(true);
    await page.close();
  });

  it("with Excel faked: makes a workbook per person with createWorkbook, then rolls up the picked files", async () => {
    const { page, errors, cspViolations } = await open("fake");
    await page.getByText("One file per person", { exact: true }).click();
    const section = page.locator(".person-files");
    await section.getByLabel("Staff list").fill("Ann Lee,1,Teacher,Kay Board\nBob Cray,2,Teacher,Kay Board");
    await section.getByRole("button", { name: "Make the files" }).click();
    await expect.poll(() => page.locator(".status").textContent()).toMatch(/Done: Made 2 person files/);
    const created = (await ladder(page, "created()")) as string[];
    expect(created).toHaveLength(2);

    const dir = await mkdtemp(join(tmpdir(), "pane-person-"));
    const paths = created.map((_, i) => join(dir, `person ${i}.xlsx`));
    for (const [i, p] of paths.entries()) await writeFile(p, Buffer.from(created[i]!, "base64"));
    await section.getByLabel("Person files (.xlsx)").setInputFiles(paths);
    await section.getByRole("button", { name: "Roll up the picked files" }).click();
    await expect
      .poll(() => page.locator(".status").textContent())
      .toMatch(/Done: Rolled up 2 staff from 2 files/);
    expect(await ladder(page, "sheetNames()")).toEqual(
      expect.arrayContaining(["School summary", "Grade-band chart"]),
    );
    await rm(dir, { recursive: true, force: true });
    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.close();
  });
});

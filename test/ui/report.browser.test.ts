/**
 * The demo school's leadership report in Chromium, as a leader would open it from a file: it renders
 * (screenshot into test-results/), axe-core finds no violations, no request leaves the page, and it
 * prints to A4 PDF with a sane number of pages whose text carries the report's own numbers (read
 * back with poppler's pdftotext; the numbers are taken from the report's tables, not written here).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, runCli, tempDir } from "../cli/run.js";
import { tableRows } from "../report/tables.js";
import { axeViolations, launch, newPage, screenshot } from "./browser.js";

let browser: Browser;
let dir = "";
let html = "";
let page: Page;
const requests: string[] = [];
beforeAll(async () => {
  const cli = buildCli("report-browser");
  dir = tempDir("report-browser");
  expect(runCli(cli, dir, ["demo", "demo.xlsx"]).code).toBe(0);
  expect(runCli(cli, dir, ["report", "demo.xlsx", "-o", "demo.html"]).code).toBe(0);
  html = readFileSync(join(dir, "demo.html"), "utf8");
  browser = await launch();
  const p = await newPage(browser, 1000, 900);
  page = p.page;
  page.on("request", (r) => {
    if (!r.url().startsWith("file:")) requests.push(r.url());
  });
  await page.goto(pathToFileURL(join(dir, "demo.html")).href);
  expect(p.errors).toEqual([]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

describe("the leadership report in Chromium", () => {
  it("renders every chart with its table, and makes no request", async () => {
    await screenshot(page, "report-demo");
    expect(await page.locator("svg[role=img]").count()).toBe(3);
    for (const id of ["zones", "movement", "bands", "band-levels", "targets", "movement-people"])
      expect(await page.locator(`table#${id} caption`).count()).toBe(1);
    // Each checkpoint's stacked bar is one full length: its zone segments sum to the same width.
    const rects = await page
      .locator("#zones-section svg rect")
      .evaluateAll((rs) =>
        rs.map((r) => [Number(r.getAttribute("y")), Number(r.getAttribute("width"))] as const),
      );
    const perBar = new Map<number, number>();
    for (const [y, w] of rects) perBar.set(y, (perBar.get(y) ?? 0) + w);
    expect(perBar.size).toBe(3);
    for (const total of perBar.values()) expect(total).toBeCloseTo(380, 0);
    expect(requests).toEqual([]);
  });

  it("axe-core: no violations of any impact", async () => {
    const violations = await axeViolations(page);
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    expect(violations).toEqual([]);
  });

  it("prints to A4: a sane page count, and the report's numbers in the PDF's text", async () => {
    const pdf = join(dir, "demo.pdf");
    writeFileSync(pdf, await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true }));
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    // Five sections, each starting a page; the two 40-row tables take a second page each at most.
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(12);
    expect(info).toMatch(/Page size:\s+59[45]\.\d* x 841\.\d* pts \(A4\)/);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    const squash = (s: string): string => s.replace(/\s+/g, " ");
    for (const [cp, ...counts] of tableRows(html, "zones"))
      expect(squash(text)).toContain(squash(`${cp} ${counts.join(" ")}`));
    for (const [between, ...counts] of tableRows(html, "movement"))
      expect(squash(text)).toContain(squash(`${between} ${counts.join(" ")}`));
    expect(text).toContain("Still to fix");
  });
});

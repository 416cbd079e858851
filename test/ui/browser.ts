/**
 * Browser tests' shared set-up: Debian's chromium driven by playwright-core (browsers cannot be
 * downloaded here), the preview server on a free port, and screenshots into test-results/.
 *
 * If /usr/bin/chromium is missing the tests FAIL with a message saying how to install it: a browser
 * test that silently passes without a browser would prove nothing. CI installs chromium with apt.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const RESULTS = resolve(import.meta.dirname, "../../test-results");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM} (or set CHROMIUM_PATH). Install it with: apt-get update && apt-get install -y chromium`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A page that records dialogs, page errors and console errors, so tests can assert there were none. */
export async function newPage(browser: Browser, width = 1280, height = 900) {
  const page = await browser.newPage({ viewport: { width, height } });
  const dialogs: string[] = [];
  const errors: string[] = [];
  const cspViolations: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    else errors.push(m.text());
  });
  return { page, dialogs, errors, cspViolations };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  await mkdir(RESULTS, { recursive: true });
  const path = resolve(RESULTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * A google.script.run look-alike for a page's init script: every server call goes to the page's
 * exposed function `window[server](method, argsJson)` (run in Node) and is answered asynchronously,
 * after the next delay queued in `window.__delays[method]` or `delayMs`, so answers can arrive out of
 * order. Each call's name is recorded in `window.__calls`.
 */
export function gasRunStub(server: string, delayMs: number): string {
  return `(() => {
  window.__calls = [];
  window.__delays = {};
  const make = (ok, fail, tag) => new Proxy({}, {
    get(_t, prop) {
      if (prop === "withSuccessHandler") return (f) => make(f, fail, tag);
      if (prop === "withFailureHandler") return (f) => make(ok, f, tag);
      if (prop === "withUserObject") return (t) => make(ok, fail, t);
      if (typeof prop !== "string") return undefined;
      return (...args) => {
        window.__calls.push(prop);
        const delay = (window.__delays[prop] || []).shift() ?? ${delayMs};
        window[${JSON.stringify(server)}](prop, JSON.stringify(args)).then(
          (json) => setTimeout(() => ok && ok(JSON.parse(json), tag), delay),
          (e) => setTimeout(() => fail && fail(new Error(String(e.message).replace(/^Error: /, "")), tag), delay),
        );
      };
    },
  });
  window.google = { script: { run: make() } };
})();`;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  /** Each failing node's selector, with axe's summary of what to fix. */
  nodes: string[];
}

/**
 * axe-core's violations of any impact on `page`, or only inside the panel section whose heading
 * contains `section`. Evaluated through the DevTools protocol, outside the page's CSP.
 * @example expect(await axeViolations(page, "One file per person")).toEqual([])
 */
export async function axeViolations(page: Page, section?: string): Promise<AxeViolation[]> {
  const target =
    section === undefined
      ? "document"
      : `[...document.querySelectorAll("details.section")].find((d) => d.querySelector("summary").textContent.includes(${JSON.stringify(section)}))`;
  const json = await page.evaluate<string>(
    `(async () => { ${AXE}; const r = await axe.run(${target}); return JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary) }))); })()`,
  );
  return JSON.parse(json) as AxeViolation[];
}

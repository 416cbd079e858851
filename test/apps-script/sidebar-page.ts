/**
 * The BUILT dist/apps-script/Sidebar.html opened in Chromium over a stubbed google.script.run whose
 * server is the BUILT Code.js in a vm (through page.exposeFunction): each call runs in Node and
 * answers asynchronously, as google.script.run does. Every call is recorded with its arguments.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { gasRunStub, newPage } from "../ui/browser.js";
import { DIST, type Addon } from "./vm.js";

const URL = "http://sheets.test/Sidebar";
const STUB = gasRunStub("__gas", 5);

export interface ServerCall {
  method: string;
  args: unknown[];
}

/** Open the sidebar page, `width` x `height`, served by `addon`; `calls` collects each server call. */
export async function openBuiltSidebar(browser: Browser, addon: Addon, width = 300, height = 900) {
  const html = readFileSync(resolve(DIST, "Sidebar.html"), "utf8");
  const watch = await newPage(browser, width, height);
  const calls: ServerCall[] = [];
  const { page } = watch;
  await page.exposeFunction("__gas", (method: string, argsJson: string) => {
    const args = JSON.parse(argsJson) as unknown[];
    calls.push({ method, args });
    return JSON.stringify(addon.call(method, ...args) ?? null);
  });
  await page.addInitScript(STUB);
  await page.route("http://sheets.test/**", (route) =>
    route.request().url() === URL
      ? route.fulfill({ contentType: "text/html; charset=utf-8", body: html })
      : route.fulfill({ status: 404, body: "" }),
  );
  await page.goto(URL);
  return { watch, page, calls };
}

/**
 * The bound-script build (issue 15, "a single school without an admin"): `npm run gas:build -- --bound`
 * writes the add-on as the script of a template spreadsheet, so "Make a copy" of the template installs
 * it. Built here once, then its Code.js is loaded in a Node vm over the fake services as Apps Script
 * would load it (test/apps-script/vm.ts), and its appsscript.json is held to the documented scopes.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BOUND_OUT_DIR, buildGas, MANIFEST } from "../../scripts/build-gas.mjs";
import { createFakeGas } from "../apps-script/fake/index.js";
import { colour, createStaff, staffList } from "../apps-script/scenario.js";
import { ADDON_GLOBALS, loadAddon } from "../apps-script/vm.js";

const ROOT = resolve(import.meta.dirname, "../..");

/**
 * The scopes docs/install.md and docs/apps-script.md explain, and no others. Adding a scope to the
 * build makes this test fail until the list here and the documentation say why.
 */
const DOCUMENTED_SCOPES = [
  "https://www.googleapis.com/auth/drive.file",
  "https://www.googleapis.com/auth/script.container.ui",
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
];

let code = "";
let manifest: Record<string, unknown> = {};

beforeAll(async () => {
  await buildGas({ quiet: true, bound: true });
  code = readFileSync(resolve(BOUND_OUT_DIR, "Code.js"), "utf8");
  manifest = JSON.parse(readFileSync(resolve(BOUND_OUT_DIR, "appsscript.json"), "utf8")) as Record<
    string,
    unknown
  >;
}, 120_000);

describe("the bound script's appsscript.json", () => {
  it("asks for exactly the documented scopes, on V8, with no addOns section", () => {
    expect(manifest.runtimeVersion).toBe("V8");
    expect([...(manifest.oauthScopes as string[])].sort()).toEqual(DOCUMENTED_SCOPES);
    expect(manifest).not.toHaveProperty("addOns");
    expect(Object.keys(manifest).sort()).toEqual(
      ["dependencies", "exceptionLogging", "oauthScopes", "runtimeVersion", "timeZone"].sort(),
    );
  });

  it("asks for the same as the Marketplace add-on", () => {
    expect([...(manifest.oauthScopes as string[])].sort()).toEqual([...MANIFEST.oauthScopes].sort());
  });

  it("matches the scopes docs/install.md lists, and the install guide lists no other", () => {
    const doc = readFileSync(resolve(ROOT, "docs/install.md"), "utf8");
    const listed = [...new Set(doc.match(/https:\/\/www\.googleapis\.com\/auth\/[\w.]+/g) ?? [])].sort();
    expect(listed).toEqual(DOCUMENTED_SCOPES);
  });
});

describe("the bound script's Code.js, loaded as Apps Script loads it", () => {
  it("has no eval or new Function and runs with code generation from strings switched off", () => {
    expect(code).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
    expect(code.startsWith("// ladder-sheets: the Leadership Ladder script of a template spreadsheet.")).toBe(
      true,
    );
    expect(loadAddon(createFakeGas(), code).call<unknown[]>("listTemplates").length).toBeGreaterThan(5);
  });

  it("declares the add-on's globals: onOpen, the menu's functions and every panel method", () => {
    const globals = loadAddon(createFakeGas(), code).globals().sort();
    expect(globals).toEqual(ADDON_GLOBALS);
  });

  it("onOpen adds a Leadership Ladder menu to the menu bar, reading nothing (it runs before authorisation)", () => {
    const gas = createFakeGas();
    const script = loadAddon(gas, code);
    const m = gas.log.measure(() => script.call("onOpen", { authMode: "LIMITED" }));
    expect(gas.ui.menus).toEqual([
      {
        title: "Leadership Ladder",
        items: [
          { caption: "Open sidebar", functionName: "showSidebar" },
          { caption: "Check this tab", functionName: "menuCheckTab" },
          { caption: "Roll up school", functionName: "menuRollupSchool" },
        ],
        added: true,
      },
    ]);
    expect(m.kinds.read + m.kinds.write).toBe(0);
    expect(code).not.toContain("createAddonMenu");
    for (const item of gas.ui.menus[0]!.items) expect(script.globals()).toContain(item.functionName);
  });

  it("each menu item works: the sidebar opens from the built Sidebar.html, check and roll-up answer", () => {
    const gas = createFakeGas(BOUND_OUT_DIR);
    const script = loadAddon(gas, code);
    script.call("onOpen");
    script.call(gas.ui.menus[0]!.items[0]!.functionName);
    expect(gas.ui.sidebars).toHaveLength(1);
    expect(gas.ui.sidebars[0]!.title).toBe("Leadership Ladder");
    expect(gas.ui.sidebars[0]!.content).toMatch(/^<!doctype html>/);

    const tabs = createStaff(script, staffList(3));
    expect(tabs).toHaveLength(3);
    colour(gas.ss.tab(tabs[0]!), "Sep", 3, { mistake: true });
    gas.ss.setActive(gas.ss.tab(tabs[0]!), null);
    script.call(gas.ui.menus[0]!.items[1]!.functionName);
    script.call(gas.ui.menus[0]!.items[2]!.functionName);
    expect(gas.ui.alerts).toHaveLength(2);
    expect(gas.ui.alerts[0]).toContain(`'${tabs[0]!}'`);
    expect(gas.ui.alerts[0]).toMatch(/1 error/);
    expect(gas.ui.alerts[1]).toMatch(/^Rolled up 3 staff tabs into 'School summary' and 'Grade-band chart'/);
  });
});

/**
 * Every global the sidebar and the menu call, run end to end in the built bundle over the fake:
 * menu, sidebar, create 30 tabs from a list, colour, check, select a finding's cell, roll up (summary
 * equal to core's on the same tabs, staff tabs unchanged), feedback form, grade-band chart, trust
 * roll-up, hostile names, malformed requests, a held lock, and the menu's alerts.
 */
import { describe, expect, it } from "vitest";
import { planRollup } from "../../../core/app.js";
import type { CheckResult, RollupResult, TemplateInfo, TrustResult } from "../../../core/panel-api.js";
import { rollupSchool } from "../../../core/rollup.js";
import type { CellValue } from "../../../core/sheet.js";
import { snapshotOf as specSnapshot } from "../../../core/snapshot.js";
import { isTempTab } from "../../../apps-script/replace.js";
import { createFakeGas } from "../fake/index.js";
import { colour, colourSchool, createStaff, roleOf, staffList } from "../scenario.js";
import { DIST, loadAddon, panelError } from "../vm.js";
import { fullState, snapshotOf, snapshotsOf } from "../workbook.js";

const DATE = /\d{4}-\d{2}-\d{2}/g;
function tidy(values: readonly (readonly CellValue[])[]): CellValue[][] {
  const rows = values.map((r) => {
    const row = r.map((v) => (v === "" ? null : typeof v === "string" ? v.replace(DATE, "<date>") : v));
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

function expectError(fn: () => unknown, code: string, message: RegExp): void {
  let thrown: unknown = null;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, "expected an error").not.toBeNull();
  const err = panelError(thrown);
  expect(err.code).toBe(code);
  expect(err.message).toMatch(message);
}

export function e2eSuite(bundle: () => string): void {
  describe("the panel functions, end to end in the built bundle", () => {
    it("onOpen builds the add-on menu and reads nothing (it may run before authorisation)", () => {
      const gas = createFakeGas();
      const addon = loadAddon(gas, bundle());
      const m = gas.log.measure(() => addon.call("onOpen", { authMode: "NONE" }));
      expect(gas.ui.menus).toEqual([
        {
          items: [
            { caption: "Open sidebar", functionName: "showSidebar" },
            { caption: "Check this tab", functionName: "menuCheckTab" },
            { caption: "Roll up school", functionName: "menuRollupSchool" },
          ],
          added: true,
        },
      ]);
      expect(m.kinds.read + m.kinds.write).toBe(0);
      for (const item of gas.ui.menus[0]!.items) expect(addon.globals()).toContain(item.functionName);
    });

    it("showSidebar serves the built Sidebar.html under the panel's title", () => {
      const gas = createFakeGas(DIST);
      loadAddon(gas, bundle()).call("showSidebar");
      expect(gas.ui.sidebars).toHaveLength(1);
      expect(gas.ui.sidebars[0]!.title).toBe("Leadership Ladder");
      expect(gas.ui.sidebars[0]!.content).toMatch(/^<!doctype html>/);
    });

    it("creates 30 tabs from a list, checks a coloured tab, selects a finding's cell and rolls up the school", () => {
      const gas = createFakeGas();
      const addon = loadAddon(gas, bundle());
      const templates = addon.call<TemplateInfo[]>("listTemplates");
      expect(templates.map((t) => t.id)).toContain("leadership-ladder");
      expect(addon.call<unknown[]>("listBands")).toHaveLength(7);

      const tabs = createStaff(addon, staffList(30));
      expect(tabs).toHaveLength(30);
      expect(new Set(tabs).size).toBe(30);
      expect(gas.ss.sheets.map((s) => s.name)).toEqual(["Sheet1", ...tabs]);
      colourSchool(gas, tabs);

      // Check the tab the person is looking at: a colouring mistake is found and its cell selectable.
      const target = gas.ss.tab(tabs[5]!);
      colour(target, "Jul", 4, { mistake: true });
      gas.ss.setActive(target, null);
      const check = addon.call<CheckResult>("checkActiveTab");
      expect(check.tab).toBe(tabs[5]);
      expect(check.kind).toBe("ladder");
      expect(check.levels).toMatchObject({ Jul: expect.any(Number) as number });
      const wrong = check.findings.find((f) => f.rule === "green-after-gap" && f.checkpoint === "Jul")!;
      expect(wrong).toBeDefined();
      addon.call("selectCell", tabs[5], wrong.cell);
      expect(gas.ss.active.name).toBe(tabs[5]);
      expect(gas.ss.activeRange).toMatchObject({ col: 5 });

      // Roll up: summary and chart written, staff tabs identical, numbers as core computes them.
      const before = fullState(gas.ss, ["Sheet1", ...tabs]);
      const snaps = snapshotsOf(gas.ss);
      const result = addon.call<RollupResult>("rollupSchool");
      expect(fullState(gas.ss, ["Sheet1", ...tabs])).toEqual(before);
      expect(result.tabs).toEqual(["School summary", "Grade-band chart"]);
      expect(result.staffCount).toBe(30);
      const core = rollupSchool(snaps);
      for (const cp of core.checkpoints) expect(result.zones[cp]).toEqual(core.distribution[cp]!.byZone);
      const want = planRollup(snaps, undefined, new Date());
      for (const [i, name] of result.tabs.entries()) {
        const tab = gas.ss.tab(name);
        expect(tidy(snapshotOf(tab).values)).toEqual(tidy(specSnapshot(want.sheets[i]!).values));
      }
      expect(roleOf(gas.ss.tab("School summary"))).toBe("summary");
      expect(roleOf(gas.ss.tab("Grade-band chart"))).toBe("chart");
      expect(gas.ss.tab("School summary").charts).toHaveLength(1);

      // A second roll-up replaces them (one of each), at a chosen checkpoint.
      colour(gas.ss.tab(tabs[0]!), "Jul", 12);
      const again = addon.call<RollupResult>("rollupSchool", "Jul");
      expect(again.chartCheckpoint).toBe("Jul");
      expect(gas.ss.sheets.filter((s) => roleOf(s) === "summary").map((s) => s.name)).toEqual([
        "School summary",
      ]);
      expect(gas.ss.sheets.filter((s) => roleOf(s) === "chart").map((s) => s.name)).toEqual([
        "Grade-band chart",
      ]);
      expect(gas.ss.sheets.some((s) => isTempTab(s.name))).toBe(false);
      expect(fullState(gas.ss, tabs.slice(1))).toEqual(
        Object.fromEntries(Object.entries(before).filter(([k]) => tabs.slice(1).includes(k))),
      );
    });

    it("makes the feedback form, the grade-band chart and the trust roll-up from the summaries present", () => {
      const gas = createFakeGas();
      const addon = loadAddon(gas, bundle());
      const tabs = createStaff(addon, staffList(6));
      colourSchool(gas, tabs);
      const fb = addon.call<{ tab: string }>("createFeedbackForm", {
        Meeting: "Governors",
        Date: "2026-11-23",
      });
      expect(roleOf(gas.ss.tab(fb.tab))).toBe("feedback");
      expect(gas.ss.active.name).toBe(fb.tab);
      const chart = addon.call<{ tab: string }>("createGradeBandChart");
      expect(roleOf(gas.ss.tab(chart.tab))).toBe("chart");

      expectError(() => addon.call("rollupTrust"), "summary-invalid", /no school summary tabs/);
      addon.call("rollupSchool");
      const trust = addon.call<TrustResult>("rollupTrust");
      expect(trust).toMatchObject({ schools: 1, tabs: ["Trust summary"] });
      expect(roleOf(gas.ss.tab("Trust summary"))).toBe("trust");
      addon.call("rollupTrust");
      expect(gas.ss.sheets.filter((s) => roleOf(s) === "trust")).toHaveLength(1);
    });

    it("stores hostile staff names as text, and keeps tab names legal and unique", () => {
      const gas = createFakeGas();
      const addon = loadAddon(gas, bundle());
      const names = [
        '=HYPERLINK("http://x","y")',
        "+1",
        "-1+2",
        "@SUM(A1)",
        "<img src=x onerror=alert(1)>",
        "\t=1+1",
        "+1",
      ];
      const created = addon.call<{ created: string[] }>("createTabs", {
        templateId: "leadership-ladder",
        staff: names.map((name) => ({ name, band: "3", role: "=cmd|' /C calc'!A0", appraiser: "@me" })),
        ticks: true,
      }).created;
      expect(new Set(created.map((n) => n.toLowerCase())).size).toBe(names.length);
      created.forEach((tab, i) => {
        expect(tab).toMatch(/^[^[\]:*?/\\]{1,31}$/);
        const sheet = gas.ss.tab(tab);
        const snap = snapshotOf(sheet);
        const row = snap.values.findIndex((r) => r[0] === "Name");
        expect(snap.values[row]![1]).toBe(names[i]!.trim());
        expect(snap.values[row + 1]![1]).toBe("=cmd|' /C calc'!A0");
        expect(snap.values[row + 3]![1]).toBe("@me");
        for (let c = 1; c <= 5; c++)
          for (let r = 1; r <= snap.values.length; r++)
            if (sheet.peek(r, c)?.formula)
              throw new Error(`${tab}: a formula at R${r}C${c}: ${sheet.peek(r, c)!.formula}`);
      });
      gas.ss.setActive(gas.ss.tab(created[0]!), null);
      expect(
        addon.call<CheckResult>("checkActiveTab").findings.filter((f) => f.severity === "error"),
      ).toEqual([]);
    });

    it("answers a malformed request with a message and writes nothing", () => {
      const gas = createFakeGas();
      const addon = loadAddon(gas, bundle());
      expectError(() => addon.call("createTabs", { templateId: 3 }), "argument-invalid", /create request/);
      expectError(
        () =>
          addon.call("createTabs", {
            templateId: "leadership-ladder",
            staff: [{ name: "A", band: "99" }],
            ticks: false,
          }),
        "staff-list-invalid",
        /Nothing was created/,
      );
      expectError(
        () => addon.call("createTabs", { templateId: "nope", staff: [{ name: "A", band: "3" }] }),
        "template-unknown",
        /nope/,
      );
      expectError(() => addon.call("rollupSchool", "June"), "argument-invalid", /checkpoint/);
      expectError(
        () => addon.call("selectCell", "Sheet1", "A1:B2; drop"),
        "argument-invalid",
        /cell reference/,
      );
      expectError(() => addon.call("selectCell", "Nobody", "A1"), "argument-invalid", /no tab called/);
      expect(gas.ss.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    });

    it("refuses to write while another run holds the document lock, and says why", () => {
      const gas = createFakeGas();
      const addon = loadAddon(gas, bundle());
      gas.LockService.holdElsewhere();
      expectError(() => addon.call("rollupSchool"), "host-failed", /try again in a minute/);
      expectError(
        () =>
          addon.call("createTabs", { templateId: "leadership-ladder", staff: staffList(1), ticks: false }),
        "host-failed",
        /try again/,
      );
      expect(gas.ss.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
      gas.LockService.endExecution();
      expect(addon.call<RollupResult>("rollupSchool").tabs).toHaveLength(2);
    });

    it("menu actions answer in an alert, problems included", () => {
      const gas = createFakeGas();
      const addon = loadAddon(gas, bundle());
      addon.call("menuCheckTab");
      expect(gas.ui.alerts[0]).toMatch(/'Sheet1' was not checked/);
      const [tab] = createStaff(addon, staffList(1));
      colour(gas.ss.tab(tab!), "Sep", 3, { mistake: true });
      addon.call("menuCheckTab");
      expect(gas.ui.alerts[1]).toMatch(/1 error/);
      // Levels in the words every host uses (core/words.ts), not "Sep level 3, Mid not filled in".
      expect(gas.ui.alerts[1]).toMatch(
        /: (below level 1|level \d+) in Sep; Mid and Jul not filled in yet\. /,
      );
      expect(gas.ui.alerts[1]).toMatch(/\n• ([A-Z]+\d+) \(Sep\): \1 is green below [A-Z]+\d+/);
      addon.call("menuRollupSchool");
      expect(gas.ui.alerts[2]).toMatch(/Rolled up 1 staff tab into 'School summary' and 'Grade-band chart'/);
      gas.LockService.holdElsewhere();
      addon.call("menuRollupSchool");
      expect(gas.ui.alerts[3]).toMatch(/^Someone else is/);
    });
  });
}

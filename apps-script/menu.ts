/**
 * The add-on menu, the sidebar, and the two menu actions that work without it (check this tab, roll
 * up the school), which answer in a short alert. onOpen may run before the person has authorised the
 * add-on (AuthMode.NONE), so buildMenu touches nothing but the menu: no reads, no HtmlService.
 */
import type { CheckResult, RollupResult } from "../core/panel-api.js";
import { levelsText } from "../core/words.js";
import type { GSpreadsheetApp, Services } from "./ports.js";

export const SIDEBAR_FILE = "Sidebar";
export const SIDEBAR_TITLE = "Leadership Ladder";

/** [caption, global function] */
export const MENU_ITEMS: readonly (readonly [string, string])[] = [
  ["Open sidebar", "showSidebar"],
  ["Check this tab", "menuCheckTab"],
  ["Roll up school", "menuRollupSchool"],
];

export function buildMenu(app: GSpreadsheetApp): void {
  let menu = app.getUi().createAddonMenu();
  for (const [caption, fn] of MENU_ITEMS) menu = menu.addItem(caption, fn);
  menu.addToUi();
}

export function showSidebar(svc: Services): void {
  const html = svc.html.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE);
  svc.app.getUi().showSidebar(html);
}

const MAX_LISTED = 8;

/** The alert text for "Check this tab". */
export function checkText(r: CheckResult): string {
  if (r.skipped !== null) return `'${r.tab}' was not checked: ${r.skipped}.`;
  const levels = levelsText(r.levels);
  const errors = r.findings.filter((f) => f.severity === "error");
  const head =
    `'${r.tab}' (${r.templateTitle ?? r.kind ?? "tab"})${levels ? `: ${levels}` : ""}. ` +
    (r.findings.length === 0
      ? "The colouring follows the rule."
      : `${errors.length} error${errors.length === 1 ? "" : "s"}, ${r.findings.length - errors.length} warning${r.findings.length - errors.length === 1 ? "" : "s"}:`);
  const lines = r.findings
    .slice(0, MAX_LISTED)
    .map((f) => `• ${f.cell}${f.checkpoint ? ` (${f.checkpoint})` : ""}: ${f.message}`);
  if (r.findings.length > MAX_LISTED)
    lines.push(`… and ${r.findings.length - MAX_LISTED} more: open the sidebar to see them all.`);
  return [head, ...lines].join("\n");
}

/** The alert text for "Roll up school". */
export function rollupText(r: RollupResult): string {
  const zones = r.zones[r.chartCheckpoint] ?? {};
  const key = r.zoneKey ?? [];
  const counts = key.map((z) => `${z.symbol} ${z.label}: ${zones[z.zone] ?? 0}`).join(", ");
  return [
    `Rolled up ${r.staffCount} staff tab${r.staffCount === 1 ? "" : "s"} into ${r.tabs.map((t) => `'${t}'`).join(" and ")}.`,
    counts ? `At ${r.chartCheckpoint}: ${counts}.` : "",
    `${r.errors} colouring error${r.errors === 1 ? "" : "s"} and ${r.warnings} warning${r.warnings === 1 ? "" : "s"} found.`,
    r.skipped.length ? `Skipped: ${r.skipped.map((s) => `'${s.tab}' (${s.reason})`).join("; ")}.` : "",
  ]
    .filter((l) => l !== "")
    .join("\n");
}

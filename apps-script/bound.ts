/**
 * Entry for the bound-script build (scripts/build-gas.mjs --bound): the same add-on, as the script of
 * a template spreadsheet, so that "Make a copy" of the template installs it for a school that has no
 * Workspace admin to install the Marketplace listing (docs/install.md).
 *
 * Everything main.ts exports is exported unchanged, except onOpen: a bound script's menu is its own
 * menu in the menu bar (Ui.createMenu, "Leadership Ladder"), not the add-on submenu under Extensions
 * (Ui.createAddonMenu, which in a bound script would take the script project's name). The items and
 * the functions they call are the add-on's (MENU_ITEMS). onOpen runs as a simple trigger, before the
 * person has authorised anything, so it only builds the menu.
 */
import { MENU_ITEMS, SIDEBAR_TITLE } from "./menu.js";
import type { GSpreadsheetApp } from "./ports.js";

export * from "./main.js";

function buildBoundMenu(app: GSpreadsheetApp): void {
  let menu = app.getUi().createMenu(SIDEBAR_TITLE);
  for (const [caption, fn] of MENU_ITEMS) menu = menu.addItem(caption, fn);
  menu.addToUi();
}

export function onOpen(_e?: unknown): void {
  buildBoundMenu(SpreadsheetApp);
}

/** Apps Script calls onInstall only for add-ons; kept so the globals match the add-on's. */
export function onInstall(e?: unknown): void {
  onOpen(e);
}

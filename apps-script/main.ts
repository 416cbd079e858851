/**
 * Entry for the Apps Script bundle: only the global functions Apps Script calls. Menus, triggers and
 * google.script.run can call only top-level functions, so scripts/build-gas.mjs bundles this file as
 * an IIFE (global `LadderSheets`) and writes one top-level `function name(...)` stub per export that
 * delegates to it. The panel functions have the PanelApi method names (ui/bridges/gas.ts).
 *
 * Errors leave here and nowhere else: panel functions rethrow them encoded for the panel (code,
 * message, details survive google.script.run); menu actions show them in an alert.
 */
import * as z from "zod";
import { encodePanelError, toPanelError } from "../ui/panel/errors.js";
import { buildMenu, checkText, rollupText, showSidebar as openSidebar } from "./menu.js";
import type { AdvancedServices } from "./advanced.js";
import { makePersonFiles } from "./person-files.js";
import type { Services } from "./ports.js";
import { makeServer, type ServerApi } from "./server.js";

// Never generate code from strings (zod would otherwise probe for `new Function`).
z.config({ jitless: true });

function services(): Services {
  return { app: SpreadsheetApp, html: HtmlService, locks: LockService, now: () => new Date() };
}

function server(): ServerApi {
  return makeServer(services());
}

/** The advanced services, or undefined when the project does not have them switched on. */
function advanced(): AdvancedServices {
  return {
    sheets: typeof Sheets === "undefined" ? undefined : Sheets,
    drive: typeof Drive === "undefined" ? undefined : Drive,
  };
}

/** A per-person function (apps-script/person-files.ts): plain JSON in and out, errors encoded. */
function personFiles(name: "createPersonFiles" | "rollupPersonFiles"): (request: unknown) => unknown {
  return (request: unknown) => {
    try {
      return makePersonFiles(services(), advanced())[name](request);
    } catch (e) {
      throw new Error(encodePanelError(e));
    }
  };
}

/** A panel function: plain JSON in and out, errors encoded for the panel. */
function panel<K extends keyof ServerApi>(name: K): ServerApi[K] {
  const fn = (...args: unknown[]): unknown => {
    try {
      return (server()[name] as (...a: unknown[]) => unknown)(...args);
    } catch (e) {
      throw new Error(encodePanelError(e));
    }
  };
  return fn as ServerApi[K];
}

function alertAction(run: (api: ServerApi) => string): void {
  const ui = SpreadsheetApp.getUi();
  let text: string;
  try {
    text = run(server());
  } catch (e) {
    const err = toPanelError(e);
    text = [err.message, ...err.details.slice(0, 5)].join("\n");
  }
  ui.alert(text);
}

export function onOpen(_e?: unknown): void {
  buildMenu(SpreadsheetApp);
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

export function showSidebar(): void {
  openSidebar(services());
}

export function menuCheckTab(): void {
  alertAction((api) => checkText(api.checkActiveTab()));
}

export function menuRollupSchool(): void {
  alertAction((api) => rollupText(api.rollupSchool()));
}

export const listTemplates = panel("listTemplates");
export const listBands = panel("listBands");
export const createTabs = panel("createTabs");
export const createFeedbackForm = panel("createFeedbackForm");
export const createGradeBandChart = panel("createGradeBandChart");
export const checkActiveTab = panel("checkActiveTab");
export const selectCell = panel("selectCell");
export const rollupSchool = panel("rollupSchool");
export const rollupTrust = panel("rollupTrust");
export const leadershipReport = panel("leadershipReport");
/** Sheets only until the panel API has it: the selected staff rows, for creating tabs from them. */
export const readSelection = panel("readSelection");
/** One file per person (issue 13): the sidebar calls these until the panel API lists them. */
export const createPersonFiles = personFiles("createPersonFiles");
export const rollupPersonFiles = personFiles("rollupPersonFiles");

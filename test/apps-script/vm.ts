/**
 * Load the BUILT add-on (dist/apps-script/Code.js) into a Node vm context whose globals are the fake
 * services, as Apps Script would: top-level functions become globals, and code generation from
 * strings is switched off, so any eval or new Function in the bundle would throw.
 *
 * `call` crosses the boundary as google.script.run does: arguments and results as JSON, errors as
 * their message only.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import vm from "node:vm";
import type { FakeGas } from "./fake/index.js";
import { PANEL_METHODS } from "../../ui/bridges/gas.js";

export const DIST = resolve(import.meta.dirname, "../../dist/apps-script");

/**
 * The top-level functions the add-on's bundle (and the bound-script build) must declare: one per
 * panel method and per menu, trigger or person-files entry, and nothing else. readSelection is a
 * Sheets-only server function until the panel API lists it (then the Set keeps one copy).
 */
export const ADDON_GLOBALS: readonly string[] = [
  ...new Set<string>([
    ...PANEL_METHODS,
    "readSelection",
    "onOpen",
    "onInstall",
    "showSidebar",
    "menuCheckTab",
    "menuRollupSchool",
    "createPersonFiles",
    "rollupPersonFiles",
  ]),
].sort();

export interface Addon {
  context: vm.Context;
  /** Point the bundle at another fake spreadsheet (as if opened in another file). */
  use(gas: FakeGas): void;
  /** A global function called as google.script.run calls it; T is what the caller expects back. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the result crosses JSON, as in the panel's bridge
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** The names of the bundle's top-level functions. */
  globals(): string[];
}

export class AddonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AddonError";
  }
}

export function loadAddon(gas: FakeGas, code = readFileSync(resolve(DIST, "Code.js"), "utf8")): Addon {
  const context = vm.createContext({ console }, { codeGeneration: { strings: false, wasm: false } });
  const use = (g: FakeGas): void => {
    context.SpreadsheetApp = g.SpreadsheetApp;
    context.HtmlService = g.HtmlService;
    context.LockService = g.LockService;
    context.Sheets = g.apis.Sheets;
    context.Drive = g.apis.Drive;
  };
  use(gas);
  vm.runInContext(code, context, { filename: "Code.js" });
  const json = vm.runInContext("JSON", context) as JSON;
  return {
    context,
    use,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- see Addon.call
    call<T>(name: string, ...args: unknown[]): T {
      const fn: unknown = context[name];
      if (typeof fn !== "function") throw new AddonError(`Script function not found: ${name}`);
      const inside = json.parse(JSON.stringify(args)) as unknown[];
      let result: unknown;
      try {
        result = (fn as (...a: unknown[]) => unknown)(...inside);
      } catch (e) {
        throw new AddonError(
          typeof e === "object" && e !== null && "message" in e ? String(e.message) : String(e),
        );
      }
      return (result === undefined ? null : JSON.parse(json.stringify(result))) as T;
    },
    globals(): string[] {
      return [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]!);
    },
  };
}

/** The panel's error, decoded from the message google.script.run carries. */
export function panelError(e: unknown): { code: string | null; message: string; details: string[] } {
  const message = e instanceof Error ? e.message : String(e);
  const at = message.indexOf("ladder-sheets-error:");
  if (at < 0) return { code: null, message, details: [] };
  return JSON.parse(message.slice(at + "ladder-sheets-error:".length)) as ReturnType<typeof panelError>;
}

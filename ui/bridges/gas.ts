/**
 * The Sheets bridge: PanelApi over google.script.run. Each method calls the Apps Script global
 * function of the same name (PANEL_METHODS; the add-on must declare exactly these), wrapped in a
 * promise with withSuccessHandler / withFailureHandler.
 *
 * Calls may finish out of order (each one reloads the server script, and several run at once), so
 * every call carries a tag (withUserObject) with its sequence number. For checkActiveTab, an answer
 * that arrives after a newer call's answer has already been delivered resolves to that newer answer:
 * a stale check never overwrites a newer one. The panel numbers its checks too (belt and braces).
 *
 * It does not retry, and it does not know what the server does: errors arrive as the server threw
 * them (see panel/errors.ts: encodePanelError keeps the code and detail lines across the wire).
 */
import type { PanelApi } from "../api.js";

/** Every PanelApi method, by name: the Apps Script globals the sidebar calls. */
export const PANEL_METHODS = [
  "listTemplates",
  "listBands",
  "createTabs",
  "createFeedbackForm",
  "createGradeBandChart",
  "checkActiveTab",
  "selectCell",
  "rollupSchool",
  "rollupTrust",
  "readSelection",
  "leadershipReport",
] as const satisfies readonly (keyof PanelApi)[];

type Missing = Exclude<keyof PanelApi, (typeof PANEL_METHODS)[number]>;
/** Fails to compile if PanelApi gains a method PANEL_METHODS does not list. */
export const PANEL_METHODS_COMPLETE: [Missing] extends [never] ? true : never = true;

interface Tag {
  method: string;
  seq: number;
}

/** The parts of google.script.run this bridge uses. */
export interface GasRunner {
  withSuccessHandler(fn: (value: unknown, tag?: unknown) => void): GasRunner;
  withFailureHandler(fn: (error: unknown, tag?: unknown) => void): GasRunner;
  withUserObject(tag: unknown): GasRunner;
}

interface GasWindow {
  google?: { script?: { run?: GasRunner } };
}

function defaultRunner(): GasRunner {
  const run = (globalThis as GasWindow).google?.script?.run;
  if (!run)
    throw new Error(
      "This panel talks to Google Sheets, but google.script.run is missing: open it from the add-on's menu in a spreadsheet.",
    );
  return run;
}

/** Methods whose newest answer is the only one that matters. */
const LATEST_WINS = new Set<string>(["checkActiveTab"]);

/**
 * Call an Apps Script global function by name through google.script.run, as a promise: the
 * caller behind createGasApi, and behind the sidebar's other server calls (one file per person).
 */
export function gasCaller(
  getRunner: () => GasRunner = defaultRunner,
): (method: string, args: unknown[]) => Promise<unknown> {
  let seq = 0;
  const delivered = new Map<string, { seq: number; value: unknown }>();

  const call = (method: string, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const tag: Tag = { method, seq: ++seq };
      const onSuccess = (value: unknown, back?: unknown): void => {
        const t = (back as Tag | undefined) ?? tag;
        if (LATEST_WINS.has(method)) {
          const newest = delivered.get(method);
          if (newest && newest.seq > t.seq) {
            resolve(newest.value);
            return;
          }
          delivered.set(method, { seq: t.seq, value });
        }
        resolve(value);
      };
      const onFailure = (error: unknown): void => {
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      try {
        const runner = getRunner()
          .withSuccessHandler(onSuccess)
          .withFailureHandler(onFailure)
          .withUserObject(tag);
        const fn = (runner as unknown as Record<string, ((...a: unknown[]) => void) | undefined>)[method];
        if (typeof fn !== "function") throw new Error(`The add-on has no server function '${method}'.`);
        fn.apply(runner, args);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });

  return call;
}

/**
 * A PanelApi that calls the Apps Script globals.
 * @example mountPanel(root, createGasApi(), { host: "sheets" })
 */
export function createGasApi(getRunner: () => GasRunner = defaultRunner): PanelApi {
  const call = gasCaller(getRunner);
  return {
    listTemplates: () => call("listTemplates", []) as ReturnType<PanelApi["listTemplates"]>,
    listBands: () => call("listBands", []) as ReturnType<PanelApi["listBands"]>,
    createTabs: (req) => call("createTabs", [req]) as ReturnType<PanelApi["createTabs"]>,
    createFeedbackForm: (fields) =>
      call("createFeedbackForm", [fields]) as ReturnType<PanelApi["createFeedbackForm"]>,
    createGradeBandChart: () =>
      call("createGradeBandChart", []) as ReturnType<PanelApi["createGradeBandChart"]>,
    checkActiveTab: () => call("checkActiveTab", []) as ReturnType<PanelApi["checkActiveTab"]>,
    selectCell: async (tab, cell) => {
      await call("selectCell", [tab, cell]);
    },
    rollupSchool: (checkpoint) =>
      call("rollupSchool", checkpoint === undefined ? [] : [checkpoint]) as ReturnType<
        PanelApi["rollupSchool"]
      >,
    rollupTrust: () => call("rollupTrust", []) as ReturnType<PanelApi["rollupTrust"]>,
    readSelection: () => call("readSelection", []) as ReturnType<NonNullable<PanelApi["readSelection"]>>,
    leadershipReport: () =>
      call("leadershipReport", []) as ReturnType<NonNullable<PanelApi["leadershipReport"]>>,
  };
}

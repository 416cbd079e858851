/**
 * mountPanel: the one panel for every host. The host passes its PanelApi (google.script.run bridge in
 * Sheets, the Office adapter in Excel, the in-memory workbook in the preview) and its name; the panel
 * never names a host API itself, so one page serves all three.
 *
 * It does not poll unless asked: the Sheets host calls startLiveCheck, since Sheets has no change
 * event a sidebar can hear.
 */
import "./panel/panel.css";
import type { BandInfo, PanelApi, TemplateInfo } from "./api.js";
import { checkSection } from "./panel/check.js";
import { makeCtx, type Ctx, type Host } from "./panel/context.js";
import { createSection } from "./panel/create.js";
import { ensureRuntimeCsp } from "./panel/csp.js";
import { h, replace } from "./panel/dom.js";
import { chartSection, feedbackSection } from "./panel/extras.js";
import { reportSection } from "./panel/report.js";
import { rollupSection, trustSection } from "./panel/rollup.js";
import { Status } from "./panel/status.js";

export type { Host } from "./panel/context.js";

export interface PanelOptions {
  host: Host;
  /**
   * Hosts that can make and read .xlsx files (Excel, the preview) pass the "One file per person"
   * section (panel/person-files.ts bound to their host); the Sheets sidebar does not, so its bundle
   * carries none of that section's code.
   */
  personFiles?: (ctx: Ctx, templates: readonly TemplateInfo[], bands: readonly BandInfo[]) => HTMLElement;
}

export interface PanelHandle {
  /** Re-check the active tab every `intervalMs` (at least 1000) while the panel is visible. */
  startLiveCheck(intervalMs: number): void;
  stopLiveCheck(): void;
  /** Resolves once templates and bands have loaded and the sections are shown. */
  ready: Promise<void>;
}

function disclosure(title: string, open: boolean, ...body: HTMLElement[]): HTMLDetailsElement {
  return h("details", { class: "section", open }, h("summary", {}, h("h2", {}, title)), ...body);
}

/**
 * Build the panel inside `root`.
 * @example mountPanel(document.getElementById("app")!, createGasApi(), { host: "sheets" }).startLiveCheck(5000)
 */
export function mountPanel(root: HTMLElement, api: PanelApi, opts: PanelOptions): PanelHandle {
  ensureRuntimeCsp(root.ownerDocument);
  root.classList.add("ladder-panel", `host-${opts.host}`);
  const status = new Status();
  const ctx = makeCtx(api, status, opts.host);
  const check = checkSection(ctx);
  const body = h("div", { class: "panel-body" }, h("p", { class: "loading" }, "Loading templates…"));
  replace(
    root,
    h("header", { class: "panel-head" }, h("h1", {}, "Leadership Ladder")),
    status.el,
    // The panel is the page in Sheets and Excel, so its body is the page's <main>; in the preview it
    // sits inside the page's panel <aside>, where a <main> would be a landmark inside a landmark.
    opts.host === "preview" ? h("div", { class: "panel-main" }, body) : h("main", {}, body),
  );

  const load = async (): Promise<void> => {
    try {
      const [templates, bands] = await Promise.all([api.listTemplates(), api.listBands()]);
      status.clear();
      replace(
        body,
        disclosure("Make staff tabs", true, createSection(ctx, templates, bands)),
        disclosure("Check this tab", true, check.el),
        disclosure("Roll up", false, rollupSection(ctx), trustSection(ctx), ...reportSection(ctx)),
        opts.personFiles
          ? disclosure("One file per person", false, opts.personFiles(ctx, templates, bands))
          : null,
        disclosure("More", false, feedbackSection(ctx), chartSection(ctx)),
      );
    } catch (e) {
      status.error(e, "The panel could not load its templates.");
      const retry = h("button", { type: "button" }, "Try again");
      retry.addEventListener("click", () => void load());
      replace(body, retry);
    }
  };
  const ready = load();
  return {
    startLiveCheck: (ms) => check.startLive(ms),
    stopLiveCheck: () => check.stopLive(),
    ready,
  };
}

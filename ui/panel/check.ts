/**
 * "Check this tab": the colouring rule on the tab the person is looking at, with each finding a
 * button that selects its cell. The list is one tab stop (roving tabindex): arrow keys, Home and End
 * move along it, Enter or Space selects the cell.
 *
 * Live re-check (the Sheets host turns it on): polls checkActiveTab every few seconds, only while
 * the panel is visible (document.visibilityState) and no check is in flight. Results are numbered,
 * so an older answer that arrives late never replaces a newer one; an unchanged answer changes
 * nothing in the page; a changed one keeps focus on the same finding if it is still there, and
 * never moves focus into the list otherwise.
 */
import type { CheckResult } from "../api.js";
import type { Finding } from "../../core/findings.js";
import { levelsText, upperFirst } from "../../core/words.js";
import type { Ctx } from "./context.js";
import { h, replace, uid } from "./dom.js";

const SEVERITY_WORD = { error: "Error", warning: "Warning" } as const;
const SEVERITY_SYMBOL = { error: "✖", warning: "⚠" } as const;

function findingKey(f: Finding): string {
  return `${f.rule}|${f.cell}|${f.checkpoint ?? ""}`;
}

function countText(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export interface CheckSection {
  el: HTMLElement;
  startLive(intervalMs: number): void;
  stopLive(): void;
}

export function checkSection(ctx: Ctx): CheckSection {
  const button = h("button", { type: "button", class: "primary" }, "Check this tab");
  const liveBox = h("input", { type: "checkbox", id: uid("live"), checked: true });
  const live = h(
    "div",
    { class: "check", hidden: true },
    liveBox,
    h("label", { for: liveBox.id }, "Re-check as I edit (every few seconds)"),
  );
  const summary = h("div", { class: "check-summary", "aria-live": "polite" });
  const list = h("ul", { class: "findings", "aria-label": "Findings" });

  let requested = 0;
  let shown = 0;
  let inFlight = false;
  let lastJson = "";

  const buttons = (): HTMLButtonElement[] => [...list.querySelectorAll<HTMLButtonElement>("button.finding")];
  const rove = (to: HTMLButtonElement): void => {
    for (const b of buttons()) b.tabIndex = b === to ? 0 : -1;
  };
  list.addEventListener("keydown", (ev) => {
    const all = buttons();
    const at = all.indexOf(ev.target as HTMLButtonElement);
    if (at < 0) return;
    const to =
      ev.key === "ArrowDown"
        ? Math.min(at + 1, all.length - 1)
        : ev.key === "ArrowUp"
          ? Math.max(at - 1, 0)
          : ev.key === "Home"
            ? 0
            : ev.key === "End"
              ? all.length - 1
              : null;
    if (to === null) return;
    ev.preventDefault();
    rove(all[to]!);
    all[to]!.focus();
  });

  const render = (r: CheckResult): void => {
    const hadFocus = list.contains(document.activeElement);
    const focusedKey = hadFocus ? (document.activeElement as HTMLElement).dataset.key : undefined;
    const errors = r.findings.filter((f) => f.severity === "error").length;
    const warnings = r.findings.length - errors;
    const title = r.templateTitle ? ` (${r.templateTitle})` : "";
    replace(
      summary,
      h("p", {}, h("strong", {}, r.tab), title),
      r.skipped !== null
        ? h("p", {}, `Not checked: ${r.skipped}.`)
        : h(
            "p",
            {},
            r.levels ? `${upperFirst(levelsText(r.levels))}. ` : "",
            r.findings.length === 0
              ? "✓ No problems found."
              : `${countText(errors, "error")}, ${countText(warnings, "warning")}. Choose one to go to its cell.`,
          ),
    );
    replace(
      list,
      ...r.findings.map((f) => {
        const b = h(
          "button",
          { type: "button", class: `finding ${f.severity}`, "data-key": findingKey(f), tabindex: -1 },
          h(
            "span",
            { class: "where" },
            h("span", { class: "sev" }, `${SEVERITY_SYMBOL[f.severity]} ${SEVERITY_WORD[f.severity]}`),
            ` ${f.cell}${f.checkpoint ? ` · ${f.checkpoint}` : ""}`,
          ),
          h("span", { class: "msg" }, f.message),
        );
        b.addEventListener("click", () => {
          rove(b);
          ctx.api
            .selectCell(r.tab, f.cell)
            .catch((e: unknown) => ctx.status.error(e, "Could not go to the cell."));
        });
        return h("li", {}, b);
      }),
    );
    const all = buttons();
    const keep = all.find((b) => b.dataset.key === focusedKey);
    if (all.length) rove(keep ?? all[0]!);
    if (hadFocus) (keep ?? all[0] ?? button).focus();
  };

  /** One check; `quiet` (live) checks say nothing in the status area unless the tab changed. */
  const run = async (quiet: boolean): Promise<void> => {
    const seq = ++requested;
    inFlight = true;
    try {
      const r = await ctx.api.checkActiveTab();
      if (seq < shown) return;
      shown = seq;
      const json = JSON.stringify(r);
      if (json === lastJson) return;
      lastJson = json;
      render(r);
      if (!quiet) {
        const errs = r.findings.filter((f) => f.severity === "error");
        const warns = r.findings.length - errs.length;
        if (errs.length > 0) {
          // Honest status: errors are never "Done". Say how many, where the first is, and take the
          // person there: the first error's finding gets focus (Enter goes to its cell).
          ctx.status.show(
            "warn",
            `'${r.tab}' has ${countText(errs.length, "colouring error")}; the first is at ${errs[0]!.cell}${errs[0]!.checkpoint ? ` (${errs[0]!.checkpoint})` : ""}. Choose a finding below to go to its cell.`,
          );
          const first = buttons().find((b) => b.classList.contains("error"));
          if (first) {
            rove(first);
            first.focus();
            first.scrollIntoView?.({ block: "nearest" });
          }
        } else {
          ctx.status.show(
            "ok",
            warns > 0
              ? `Checked '${r.tab}': no colouring errors, ${countText(warns, "warning")} worth a look.`
              : `Checked '${r.tab}': no problems found.`,
          );
          summary.scrollIntoView?.({ block: "nearest" });
        }
      }
    } finally {
      inFlight = false;
    }
  };

  button.addEventListener("click", () => {
    lastJson = "";
    void ctx.act(button, "Checking…", "The check did not finish.", () => run(false));
  });

  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = (): void => {
    if (document.visibilityState !== "visible" || inFlight || !liveBox.checked) return;
    run(true).catch(() => {
      // A failed background poll says nothing: the next one tries again, and Check shows errors.
    });
  };
  const onVisible = (): void => {
    if (document.visibilityState === "visible") tick();
  };

  const el = h(
    "div",
    { class: "section-body" },
    h("p", { class: "hint" }, "Checks the colouring rule on the tab you are looking at."),
    h("div", { class: "actions" }, button),
    live,
    summary,
    list,
  );
  return {
    el,
    startLive(intervalMs) {
      clearInterval(timer);
      live.hidden = false;
      timer = setInterval(tick, Math.max(1000, intervalMs));
      document.addEventListener("visibilitychange", onVisible);
    },
    stopLive() {
      clearInterval(timer);
      timer = undefined;
      live.hidden = true;
      document.removeEventListener("visibilitychange", onVisible);
    },
  };
}

/**
 * "Roll up the school" and "Roll up the trust". The school roll-up writes the summary and grade-band
 * chart tabs (the host replaces earlier ones) and shows staff per zone per checkpoint as a table
 * whose zone cells carry the zone's word and symbol beside its colour, so colour is never the only
 * signal. Tabs that could not be read are listed with the reason, and the leader's to-do list
 * (chase.ts) names who to chase. Errors make the status "Needs attention", naming the tabs, and
 * focus moves to the first one's button; trust problems are never "Done" either.
 */
import type { RollupResult } from "../api.js";
import { chaseSentence } from "../../core/chase-words.js";
import { chaseView } from "./chase.js";
import type { Ctx } from "./context.js";
import { field, h, replace } from "./dom.js";

/** The checkpoints of every built-in template (design §2); the result names the ones found. */
const CHECKPOINTS = ["Sep", "Mid", "Jul"];

/** Used until a roll-up result brings the chart's own key. */
const DEFAULT_KEY: NonNullable<RollupResult["zoneKey"]> = [
  { zone: "below", label: "Below", symbol: "▼", fill: "#f4cccc" },
  { zone: "entry", label: "Entry", symbol: "◇", fill: "#e6d3b3" },
  { zone: "expected", label: "Expected", symbol: "●", fill: "#ffd966" },
  { zone: "beyond", label: "Beyond", symbol: "▲", fill: "#b6d7a8" },
];

export function zoneTable(r: RollupResult): HTMLTableElement {
  const cps = Object.keys(r.zones);
  const key = [...(r.zoneKey ?? DEFAULT_KEY), { zone: "none", label: "No level yet", symbol: "–", fill: "" }];
  const swatch = (fill: string): HTMLElement => {
    const s = h("span", { class: "swatch", "aria-hidden": "true" });
    if (fill) s.style.backgroundColor = fill;
    return s;
  };
  return h(
    "table",
    { class: "zones" },
    h("caption", {}, "Staff in each zone"),
    h(
      "thead",
      {},
      h("tr", {}, h("th", { scope: "col" }, "Zone"), ...cps.map((cp) => h("th", { scope: "col" }, cp))),
    ),
    h(
      "tbody",
      {},
      ...key.map((z) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, swatch(z.fill), `${z.symbol} ${z.label}`),
          ...cps.map((cp) => h("td", {}, String(r.zones[cp]?.[z.zone] ?? 0))),
        ),
      ),
    ),
  );
}

export function rollupSection(ctx: Ctx): HTMLElement {
  const checkpoint = h(
    "select",
    { name: "checkpoint" },
    h("option", { value: "" }, "The latest most staff have filled in"),
    ...CHECKPOINTS.map((cp) => h("option", { value: cp }, cp)),
  );
  const button = h("button", { type: "button", class: "primary" }, "Roll up the school");
  const out = h("div", { class: "rollup-result" });

  button.addEventListener("click", () => {
    void ctx.act(button, "Rolling up…", "The roll-up did not finish.", async () => {
      const r = await ctx.api.rollupSchool(checkpoint.value || undefined);
      const bad = r.errorTabs ?? [];
      const found =
        r.errors > 0
          ? `${bad.length} staff tab${bad.length === 1 ? " has" : "s have"} colouring errors (listed below).`
          : r.warnings > 0
            ? `No colouring errors; ${r.warnings} warning${r.warnings === 1 ? "" : "s"} worth a look.`
            : "No problems found in staff tabs.";
      // Hosts older than the to-do list send only errorTabs: each is still a button to its first error.
      const goTo = bad.map(({ tab, cell }) => {
        const b = h("button", { type: "button", class: "link" }, `${tab} (${cell})`);
        b.addEventListener("click", () => {
          ctx.api
            .selectCell(tab, cell)
            .catch((e: unknown) => ctx.status.error(e, "Could not go to the tab."));
        });
        return h("li", {}, b);
      });
      replace(
        out,
        h(
          "p",
          {},
          `${r.staffCount} staff rolled up into ${r.tabs.map((t) => `'${t}'`).join(" and ")}. The grade-band chart counts ${r.chartCheckpoint}: ${r.chartReason ?? ""} ${found}`,
        ),
        r.chase
          ? chaseView(ctx, r.chase)
          : goTo.length
            ? h("ul", { class: "error-tabs", "aria-label": "Tabs with colouring errors" }, ...goTo)
            : null,
        zoneTable(r),
        r.skipped.length
          ? h(
              "details",
              {},
              h("summary", {}, `${r.skipped.length} tab${r.skipped.length === 1 ? "" : "s"} not read`),
              h("ul", {}, ...r.skipped.map((s) => h("li", {}, h("strong", {}, s.tab), `: ${s.reason}`))),
            )
          : null,
      );
      const todo = r.chase ? chaseSentence(r.chase) : null;
      if (bad.length > 0) {
        ctx.status.show(
          "warn",
          `Rolled up ${r.staffCount} staff, but ${bad.length} tab${bad.length === 1 ? " has" : "s have"} colouring errors: ${bad
            .slice(0, 5)
            .map((b) => b.tab)
            .join(
              ", ",
            )}${bad.length > 5 ? ` and ${bad.length - 5} more` : ""}. The roll-up counts their levels as coloured; fix them and roll up again.`,
        );
        // Take the leader to the first one: focus its button (Enter goes to the cell).
        out.querySelector<HTMLButtonElement>(".error-tabs button")?.focus();
      } else {
        ctx.status.show(
          "ok",
          `Rolled up ${r.staffCount} staff.${todo ? ` To do: ${todo} See the list under Roll up.` : ""}`,
        );
        out.scrollIntoView?.({ block: "nearest" });
      }
    });
  });

  return h(
    "div",
    { class: "section-body" },
    h(
      "p",
      { class: "hint" },
      "Reads every staff tab and writes the school summary and grade-band chart tabs.",
    ),
    field("Checkpoint for the chart", checkpoint),
    h("div", { class: "actions" }, button),
    out,
  );
}

export function trustSection(ctx: Ctx): HTMLElement {
  const button = h("button", { type: "button" }, "Roll up the trust");
  const out = h("div", { class: "rollup-result" });
  button.addEventListener("click", () => {
    void ctx.act(button, "Rolling up the trust…", "The trust roll-up did not finish.", async () => {
      const r = await ctx.api.rollupTrust();
      replace(
        out,
        h(
          "p",
          {},
          `${r.schools} school${r.schools === 1 ? "" : "s"} rolled up into ${r.tabs.map((t) => `'${t}'`).join(", ")}.`,
        ),
        r.problems.length ? h("ul", { class: "problems" }, ...r.problems.map((p) => h("li", {}, p))) : null,
      );
      const made = `Trust summary made from ${r.schools} school${r.schools === 1 ? "" : "s"}`;
      const n = r.problems.length;
      if (n > 0)
        ctx.status.show(
          "warn",
          n === 1
            ? `${made}. ${r.problems[0]!}`
            : `${made}, with ${n} problems (listed under Trust roll-up).`,
        );
      else ctx.status.show("ok", `${made}.`);
      out.scrollIntoView?.({ block: "nearest" });
    });
  });
  return h(
    "div",
    { class: "subsection" },
    h("h3", {}, "Trust roll-up"),
    h(
      "p",
      { class: "hint" },
      "Counts staff per zone from every school summary tab in this workbook (copy each school's summary tab in first). No names are copied.",
    ),
    h("div", { class: "actions" }, button),
    out,
  );
}

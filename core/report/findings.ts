/**
 * The report's "still to fix" section: each staff tab with colouring errors, its levels in the same
 * words as `ladder check` (core/words.ts), and its first few findings with the cell, the checkpoint
 * and the check's own sentence (what is wrong and what to do). Warnings are counted, not listed: the
 * report is for leaders, and `ladder check` gives every line.
 */
import type { SchoolRollup } from "../rollup.js";
import { levelsText, plural, upperFirst } from "../words.js";
import { esc } from "./html.js";

/** How many findings to show per tab before "and N more". */
export const FIRST_FINDINGS = 3;

/** Tabs with errors, with their first errors, and the totals. */
export function findingsSection(r: SchoolRollup): string {
  const withErrors = r.staff.filter((s) => s.findings.some((f) => f.severity === "error"));
  const warnings = r.staff.reduce((n, s) => n + s.findings.filter((f) => f.severity === "warning").length, 0);
  const errors = withErrors.reduce((n, s) => n + s.findings.filter((f) => f.severity === "error").length, 0);
  const summary =
    errors === 0
      ? `No colouring errors on any staff tab. ${upperFirst(plural(warnings, "warning"))} (run ladder check to see them).`
      : `${upperFirst(plural(errors, "colouring error"))} on ${plural(withErrors.length, "staff tab")}, and ${plural(warnings, "warning")}. The first cells to fix on each tab are below; ladder check lists every one.`;
  const items = withErrors.map((s) => {
    const errs = s.findings.filter((f) => f.severity === "error");
    const lv = levelsText(s.levels);
    const lines = errs
      .slice(0, FIRST_FINDINGS)
      .map(
        (f) =>
          `<li><strong>${esc(f.cell)}</strong>${f.checkpoint ? ` (${esc(f.checkpoint)})` : ""}: ${esc(f.message)}</li>`,
      );
    const more = errs.length > FIRST_FINDINGS ? `<li>and ${errs.length - FIRST_FINDINGS} more.</li>` : "";
    return `<li class="tab-findings"><p><strong>${esc(s.tab)}</strong>${lv ? `: ${esc(lv)}` : ""}. ${plural(errs.length, "error")}:</p><ul>${lines.join("")}${more}</ul></li>`;
  });
  const stop = (t: string): string => (/[.?!:]$/.test(t.trimEnd()) ? t.trimEnd() : `${t.trimEnd()}.`);
  const skipped = r.skipped.map((s) => `<li><strong>${esc(s.tab)}</strong>: ${esc(stop(s.reason))}</li>`);
  return `<section id="findings-section"><h2>Still to fix</h2><p id="findings-summary">${esc(summary)}</p>${items.length ? `<ul class="findings">${items.join("")}</ul>` : ""}${skipped.length ? `<h3>Tabs not read</h3><ul>${skipped.join("")}</ul>` : ""}</section>`;
}

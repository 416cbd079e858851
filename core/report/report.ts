/**
 * The leadership report (issue 14) for one school, as one self-contained HTML document (page.ts):
 * staff per zone per checkpoint, movement between checkpoints, level against target per person,
 * the grade-band chart band by band, and the findings still to fix. Every number comes from the
 * school roll-up handed in; the report reads nothing else.
 */
import { planRollup } from "../app.js";
import type { SchoolRollup, StaffEntry } from "../rollup.js";
import type { TabSnapshot } from "../sheet.js";
import { bandsSection } from "./bands.js";
import { findingsSection } from "./findings.js";
import { esc, row } from "./html.js";
import { movementSection } from "./movement.js";
import { page } from "./page.js";
import { zoneSection } from "./zones.js";

/** The level at the latest checkpoint filled in, or null. */
export function latestLevel(s: Pick<StaffEntry, "levels">, checkpoints: readonly string[]): number | null {
  for (let i = checkpoints.length - 1; i >= 0; i--) {
    const v = s.levels[checkpoints[i] ?? ""];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

function gapText(gap: number | null): string {
  if (gap === null) return "not set";
  if (gap === 0) return "● reached";
  return gap > 0 ? `▲ ${gap} to go` : `✓ ${-gap} above target`;
}

/**
 * Level against target per person: the latest level, the target (the year roll-up's `target`; a
 * staff entry without it has no target set), and the gap in words.
 */
export function targetSection(r: SchoolRollup): string {
  const head = row(["Person", "Band", "Expected levels", "Latest level", "Target", "Gap to target"], "th");
  const body = r.staff.map((s) => {
    const level = latestLevel(s, r.checkpoints);
    const target = s.target ?? null;
    const gap = target !== null && level !== null ? target - level : null;
    return row([
      s.name,
      s.band === null ? "not known" : `Band ${s.band}`,
      s.expected ?? "not known",
      level ?? "not filled in",
      target ?? "not set",
      target === null ? "not set" : level === null ? "no level yet" : gapText(gap),
    ]);
  });
  const withTarget = r.staff.filter((s) => s.target !== null && s.target !== undefined);
  const reached = withTarget.filter((s) => (latestLevel(s, r.checkpoints) ?? -1) >= s.target!).length;
  const said =
    withTarget.length === 0
      ? ""
      : ` ${reached} of them ${reached === 1 ? "has" : "have"} reached it at their latest checkpoint.`;
  return `<section id="targets-section"><h2>Level against target</h2><p id="targets-summary">${withTarget.length} of ${r.staff.length} staff have set a target level for the year.${said}</p><table id="targets"><caption>Latest level and target per person</caption><thead>${head}</thead><tbody>${body.join("")}</tbody></table></section>`;
}

/** The whole report for one school. */
export function schoolReport(r: SchoolRollup, title: string): string {
  const intro = `<p>${r.staff.length} staff tabs rolled up. Checkpoints: ${r.checkpoints.map(esc).join(", ")}.</p>`;
  return page(
    title,
    `${intro}${zoneSection(r)}${movementSection(r)}${targetSection(r)}${bandsSection(r)}${findingsSection(r)}`,
  );
}

/**
 * The report for the tabs a host read (the panel's "Report" view): the same roll-up as the command
 * line, in memory; nothing is written to the workbook.
 * @example reportFromSnapshots(snapshots, new Date(), "Oak Primary").startsWith("<!doctype html>")
 */
export function reportFromSnapshots(snapshots: readonly TabSnapshot[], today: Date, school = ""): string {
  const { rollup } = planRollup(snapshots, undefined, today);
  return schoolReport(rollup, school ? `Leadership report: ${school}` : "Leadership report");
}

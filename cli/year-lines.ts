/**
 * The appraisal year in a few plain lines for `ladder rollup` and `ladder demo` (issue 14): how
 * many set a target and reached it, movement between checkpoints, and how many STAR projects are
 * ready to share at SMART day. Counts only: names and titles stay in the workbook's summary tab.
 * Nothing is printed when no tab has a year record with anything in it.
 */
import type { SchoolRollup } from "../core/rollup.js";
import { plural } from "./format.js";

/** @example yearLines(rollup) // ["The year: 38 of 40 staff have a target; 24 of them have reached it.", ...] */
export function yearLines(rollup: SchoolRollup): string[] {
  const year = rollup.year;
  if (!year) return [];
  const started = rollup.staff.some((s) => (s.objectivesSet ?? 0) > 0 || (s.star ?? 0) > 0);
  if (year.withTarget === 0 && !started) return [];
  const n = rollup.staff.length;
  const moves = year.movement
    .filter((m) => m.up + m.same + m.down > 0)
    .map((m) => `${m.from} to ${m.to}: ${m.up} up, ${m.same} the same, ${m.down} down`);
  return [
    `The year: ${year.withTarget} of ${n} staff have a target level; ${year.reachedTarget} of them have reached it.`,
    ...(moves.length > 0 ? [`Movement: ${moves.join("; ")}.`] : []),
    `STAR projects ready to share at SMART day: ${plural(year.starReady.length, "project")} (listed on the summary tab).`,
  ];
}

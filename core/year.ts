/**
 * The year in the roll-up (issue 14): per person the target level, the gap to it, the STAR steps
 * done and the project's title, the objectives written and which checkpoints were reviewed; per
 * school how many set a target and reached it, movement between checkpoints, and the STAR projects
 * ready to share at SMART day. Names and titles stay in the school roll-up (the leaders' file); the
 * trust roll-up reads only counts from the school summary's staff table.
 */
import type { YearRecord } from "./read/record.js";
import { latestLevel } from "./rules-record.js";

export interface StaffYear {
  target: number | null;
  gap: number | null;
  /** The latest filled checkpoint's level minus the one filled before it; null with fewer than two. */
  sinceLast: { from: string; to: string; change: number } | null;
  star: number;
  starTitle: string | null;
  objectivesSet: number;
  reviewed: Record<string, boolean>;
}

export interface SchoolYear {
  withTarget: number;
  reachedTarget: number;
  starReady: { name: string; tab: string; title: string | null }[];
  movement: { from: string; to: string; up: number; same: number; down: number }[];
}

/** STAR steps 1-5 done (evaluated with the appraiser): ready to share at SMART day, step 6. */
export const STAR_READY = 5;

/**
 * One person's year from the record on their tab (none: nothing set) and their levels.
 * @example staffYear(record, { Sep: 3, Mid: 4, Jul: null }, ["Sep", "Mid", "Jul"]).gap // target 5 -> 1
 */
export function staffYear(
  record: YearRecord | null | undefined,
  levels: Record<string, number | null>,
  checkpoints: readonly string[],
): StaffYear {
  const target = record?.target?.value ?? null;
  const latest = latestLevel(levels, checkpoints);
  const title = record?.objectives.find((o) => o.n === 2)?.objective.value ?? "";
  const reviewed: Record<string, boolean> = {};
  for (const cp of checkpoints) {
    const r = record?.reviews[cp];
    reviewed[cp] = (r?.person?.value ?? "") !== "" || (r?.appraiser?.value ?? "") !== "";
  }
  const filled = checkpoints.flatMap((cp) => {
    const level = levels[cp];
    return level === null || level === undefined ? [] : [{ cp, level }];
  });
  const [prev, last] = filled.slice(-2);
  return {
    target,
    gap: target !== null && latest ? target - latest.level : null,
    sinceLast:
      prev && last && filled.length >= 2
        ? { from: prev.cp, to: last.cp, change: last.level - prev.level }
        : null,
    star: starReached(record),
    starTitle: title === "" ? null : title,
    objectivesSet: record?.objectives.filter((o) => o.objective.value !== "").length ?? 0,
    reviewed,
  };
}

/**
 * The STAR step reached: steps done in order from step 1 (a step ticked below an unticked one does
 * not count yet, and `ladder check` says so), so 5 means steps 1-5 are all done.
 * @example starReached(record) // steps 1, 2 and 4 ticked -> 2
 */
export function starReached(record: YearRecord | null | undefined): number {
  const done = new Set(record?.steps.filter((s) => s.done).map((s) => s.step) ?? []);
  let n = 0;
  while (done.has(n + 1)) n++;
  return n;
}

/**
 * The school's year from its staff entries.
 * @example yearRollup(staff, ["Sep", "Mid", "Jul"]).movement[0] // { from: "Sep", to: "Mid", up: 12, same: 20, down: 1 }
 */
/** up / same / down from one level to the next; "none" when either is not filled in. */
export function moveOf(
  from: number | null | undefined,
  to: number | null | undefined,
): "up" | "same" | "down" | "none" {
  if (from === null || from === undefined || to === null || to === undefined) return "none";
  return to > from ? "up" : to < from ? "down" : "same";
}

/**
 * How many moved up, stayed or moved down between each neighbouring pair of checkpoints, counting
 * only staff with a level at both (the report and the roll-up's JSON both use this).
 * @example yearMovement(staff, ["Sep", "Mid", "Jul"])[0] // { from: "Sep", to: "Mid", up: 12, same: 20, down: 1 }
 */
export function yearMovement(
  staff: readonly { levels: Record<string, number | null> }[],
  checkpoints: readonly string[],
): { from: string; to: string; up: number; same: number; down: number }[] {
  return checkpoints.slice(1).map((to, i) => {
    const from = checkpoints[i]!;
    const m = { from, to, up: 0, same: 0, down: 0 };
    for (const s of staff) {
      const move = moveOf(s.levels[from], s.levels[to]);
      if (move !== "none") m[move]++;
    }
    return m;
  });
}

export function yearRollup(
  staff: readonly (Partial<StaffYear> & {
    name: string;
    tab: string;
    levels: Record<string, number | null>;
  })[],
  checkpoints: readonly string[],
): SchoolYear {
  const withTarget = staff.filter((s) => s.target !== null && s.target !== undefined);
  const movement = yearMovement(staff, checkpoints);
  return {
    withTarget: withTarget.length,
    reachedTarget: withTarget.filter((s) => s.gap !== null && s.gap !== undefined && s.gap <= 0).length,
    starReady: staff
      .filter((s) => (s.star ?? 0) >= STAR_READY)
      .map((s) => ({ name: s.name, tab: s.tab, title: s.starTitle ?? null })),
    movement,
  };
}

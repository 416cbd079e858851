/**
 * Warnings about the appraisal year record beside a ladder (issue 14), once the levels are known:
 * a target below the level the year began at, a STAR step ticked while a step above it is not (or
 * dated before it), objectives still empty at Mid or Jul (one warning per tab), and (colour tabs) a current level typed
 * that differs from what the colours show. All warnings: the record is for the appraisal
 * conversation, and the colouring rule alone decides the level.
 */
import { finding, type Finding } from "./findings.js";
import { dayText } from "./read/dates.js";
import type { LadderRead } from "./read/ladder.js";
import type { YearRecord } from "./read/record.js";
import { CHECKPOINTS } from "./template.js";

type Levels = Record<string, number | null>;

/** The latest checkpoint with a level, in the tab's checkpoint order. */
export function latestLevel(
  levels: Levels,
  checkpoints: readonly string[],
): { checkpoint: string; level: number } | null {
  for (let i = checkpoints.length - 1; i >= 0; i--) {
    const level = levels[checkpoints[i]!];
    if (level !== null && level !== undefined) return { checkpoint: checkpoints[i]!, level };
  }
  return null;
}

/** The first checkpoint with a level, in the tab's checkpoint order. */
function earliestLevel(
  levels: Levels,
  checkpoints: readonly string[],
): { checkpoint: string; level: number } | null {
  for (const cp of checkpoints) {
    const level = levels[cp];
    if (level !== null && level !== undefined) return { checkpoint: cp, level };
  }
  return null;
}

/** Short names for the objectives in messages ("Objective 2 (the STAR project)"). */
const OBJECTIVE_NAME: Record<number, string> = {
  1: "Objective 1 (your main role)",
  2: "Objective 2 (the STAR project)",
  3: "Objective 3 (leadership)",
};

/**
 * The record's warnings for a read ladder tab and its levels per checkpoint.
 * @example recordFindings(read, { Sep: 4, Mid: null, Jul: null }) // target 3 -> one "target-below-level"
 */
export function recordFindings(read: LadderRead, levels: Levels): Finding[] {
  const rec = read.record;
  if (!rec) return [];
  // In the template's order (Sep, Mid, Jul), whatever order the tab's columns are in.
  const order: readonly string[] = read.template?.checkpoints ?? CHECKPOINTS;
  const cps = [...read.header.checkpoints.map((c) => c.name)].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  return [
    ...currentDiffers(rec, levels, read.ticks),
    ...targetBelow(rec, levels, cps),
    ...starOrder(rec),
    ...objectivesMissing(rec, levels, cps),
  ];
}

function currentDiffers(rec: YearRecord, levels: Levels, ticks: boolean): Finding[] {
  if (ticks) return []; // a formula works it out from the ticks
  return Object.entries(rec.current).flatMap(([cp, c]) => {
    const level = levels[cp];
    if (c.value === null || level === null || level === undefined || c.value === level) return [];
    return [
      finding(
        "current-level-differs",
        c.cell,
        cp,
        `${c.cell} gives your current level at ${cp} as ${c.value}, but the colours in the ${cp} column show level ${level}: pick ${level}, or check the colours with your appraiser.`,
      ),
    ];
  });
}

/**
 * The target is chosen at the appraisal, against the level the year began at (the first checkpoint
 * filled in): a target below that level is a slip. Going past the target later in the year is
 * reaching it, which the roll-up counts, not something to fix.
 */
function targetBelow(rec: YearRecord, levels: Levels, cps: readonly string[]): Finding[] {
  const target = rec.target;
  const first = earliestLevel(levels, cps);
  if (!target || target.value === null || !first || first.level <= target.value) return [];
  return [
    finding(
      "target-below-level",
      target.cell,
      first.checkpoint,
      `The target level for the year in ${target.cell} is ${target.value}, but the colours already show level ${first.level} at ${first.checkpoint}: choose a target of ${first.level} or more (the same level is fine if you do not wish to develop this area).`,
    ),
  ];
}

function starOrder(rec: YearRecord): Finding[] {
  const out: Finding[] = [];
  const steps = rec.steps;
  const open = steps.find((s) => !s.done);
  const after = open ? steps.find((s) => s.step > open.step && s.done) : undefined;
  if (open && after)
    out.push(
      finding(
        "star-step-skipped",
        after.tick,
        null,
        `STAR step ${after.step} is ticked (${after.tick}) but step ${open.step} above it is not (${open.tick}): tick step ${open.step} when it is done, or untick step ${after.step}.`,
      ),
    );
  let previous: (typeof steps)[number] | null = null;
  for (const s of steps) {
    if (!s.done || s.day === null) continue;
    if (previous && previous.day !== null && s.day < previous.day && s.date)
      out.push(
        finding(
          "star-date-order",
          s.date.cell,
          null,
          `STAR step ${s.step} is dated ${dayText(s.day)} (${s.date.cell}), before step ${previous.step} (${dayText(previous.day)}): the steps are done in order, so check the dates.`,
        ),
      );
    previous = s;
  }
  return out;
}

function objectivesMissing(rec: YearRecord, levels: Levels, cps: readonly string[]): Finding[] {
  // The latest of Mid and Jul that has been reached: coloured in, or a review note written.
  const reached = cps
    .filter((cp) => cp !== cps[0])
    .filter((cp) => {
      const r = rec.reviews[cp];
      return (
        (levels[cp] ?? null) !== null || (r?.person?.value ?? "") !== "" || (r?.appraiser?.value ?? "") !== ""
      );
    })
    .at(-1);
  if (reached === undefined) return [];
  const empty = rec.objectives.filter((o) => o.objective.value === "");
  if (empty.length === 0) return [];
  // One warning for the tab (at the first empty objective), naming each one and its cell.
  const names = empty.map((o) => `${OBJECTIVE_NAME[o.n] ?? `Objective ${o.n}`} (${o.objective.cell})`);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`;
  return [
    finding(
      "objective-missing",
      empty[0]!.objective.cell,
      reached,
      `${list} ${empty.length === 1 ? "is" : "are"} empty and ${reached} is filled in: write the objective${empty.length === 1 ? "" : "s"} agreed at your appraisal, and how you will know ${empty.length === 1 ? "it is" : "they are"} met.`,
    ),
  ];
}

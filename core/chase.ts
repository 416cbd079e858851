/**
 * The leader's to-do list (the "chase list"), from a school roll-up: who has not filled in the
 * current checkpoint, which staff tabs have colouring errors, and everyone grouped by appraiser with
 * their state, so a leader can chase each appraiser about their own people.
 *
 * "Current" is the latest checkpoint most staff have filled in: the same choice as the grade-band
 * chart's default (rollup.ts chooseCheckpoint), so one tab of seven with Jul ticks does not make the
 * other six "late". Whatever checkpoint a person asked the chart to count, the to-do list chases the
 * current one.
 *
 * Pure: a SchoolRollup in, plain values out. The panel shows it after a roll-up (each person a
 * button to their tab) and the school summary tab writes it as blocks (core/generate/chase-blocks.ts).
 */
import { chooseCheckpoint, type SchoolRollup, type StaffEntry } from "./rollup.js";
import { plural } from "./words.js";

// The sentence lives in its own module so the panels can import it without the roll-up code.
export { chaseSentence } from "./chase-words.js";

/** What a person still has to do, most urgent first: fix errors, then fill in the checkpoint. */
export type ChaseState = "errors" | "not-filled-in" | "filled-in";

export interface ChasePerson {
  tab: string;
  name: string;
  /** As written on the tab; "" when the tab names none. */
  appraiser: string;
  state: ChaseState;
  /** Colouring errors on the tab (warnings are not chased). */
  errors: number;
  /** Where to take the leader: the first error's cell, else A1 (the top of the tab). */
  cell: string;
  /** Their level at the current checkpoint; null when they have not filled it in. */
  level: number | null;
  /** Their state in words, for example "2 colouring errors, the first at D20." */
  text: string;
  /** Rolling up across files: the person's file (a name or a link), where the tab is. */
  file?: string;
}

export interface AppraiserGroup {
  /** The appraiser as first written on a tab, or NO_APPRAISER. */
  appraiser: string;
  people: ChasePerson[];
}

export interface ChaseList {
  /** The checkpoint being chased: the latest most staff have filled in. */
  checkpoint: string;
  /** Why that checkpoint, in a sentence. */
  reason: string;
  /** Staff with no colour at the current checkpoint, by name. */
  notFilledIn: ChasePerson[];
  /** Staff tabs with at least one colouring error, by name. */
  withErrors: ChasePerson[];
  /** Every member of staff once, grouped by appraiser (A to Z; staff with none named last). */
  byAppraiser: AppraiserGroup[];
}

export const NO_APPRAISER = "No appraiser named";

const STATE_ORDER: Record<ChaseState, number> = { errors: 0, "not-filled-in": 1, "filled-in": 2 };

function byName(a: ChasePerson, b: ChasePerson): number {
  return a.name.localeCompare(b.name) || a.tab.localeCompare(b.tab);
}

/** Appraisers are the same person whatever the case or spacing ("jo head", "Jo  Head"). */
function appraiserKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, " ").trim();
}

function person(s: StaffEntry, checkpoint: string): ChasePerson {
  const errors = s.findings.filter((f) => f.severity === "error");
  const level = s.levels[checkpoint] ?? null;
  const state: ChaseState = errors.length > 0 ? "errors" : level === null ? "not-filled-in" : "filled-in";
  const levelWords =
    level === null
      ? `${checkpoint} not filled in yet`
      : level === 0
        ? `below level 1 in ${checkpoint}`
        : `level ${level} in ${checkpoint}`;
  const text =
    errors.length > 0
      ? `${plural(errors.length, "colouring error")}, the first at ${errors[0]!.cell}; ${levelWords}.`
      : `${levelWords.charAt(0).toUpperCase()}${levelWords.slice(1)}.`;
  return {
    tab: s.tab,
    name: s.name,
    appraiser: s.appraiser.trim(),
    state,
    errors: errors.length,
    cell: errors[0]?.cell ?? "A1",
    level,
    ...(s.file !== undefined ? { file: s.file } : {}),
    text,
  };
}

/**
 * The to-do list for a school roll-up.
 * @example chaseList(rollupSchool(snapshots)).notFilledIn.map((p) => p.name) // ["Eve Brown"]
 */
export function chaseList(r: Pick<SchoolRollup, "staff" | "checkpoints">): ChaseList {
  const { checkpoint, reason } = chooseCheckpoint(r.staff, r.checkpoints);
  const people = r.staff.map((s) => person(s, checkpoint));
  const groups = new Map<string, AppraiserGroup>();
  for (const p of people) {
    const key = appraiserKey(p.appraiser);
    const g = groups.get(key) ?? { appraiser: key === "" ? NO_APPRAISER : p.appraiser, people: [] };
    g.people.push(p);
    groups.set(key, g);
  }
  const byAppraiser = [...groups.entries()]
    .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)))
    .map(([, g]) => ({
      appraiser: g.appraiser,
      people: g.people.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || byName(a, b)),
    }));
  return {
    checkpoint,
    reason,
    notFilledIn: people.filter((p) => p.level === null).sort(byName),
    withErrors: people.filter((p) => p.errors > 0).sort(byName),
    byAppraiser,
  };
}

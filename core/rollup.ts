/**
 * The school roll-up: every staff ladder tab -> per staff band, expected levels, level and zone per
 * checkpoint, movement and findings; the distribution by level and by zone per checkpoint; and staff
 * counts in each band x level cell of the grade-band chart. `rollupJson` is the JSON described in
 * docs/cli.md.
 */
import { builtinTemplates, gradeBands } from "./catalog.js";
import { checkTab } from "./check.js";
import { colourClass } from "./colour.js";
import type { Finding } from "./findings.js";
import type { TabSnapshot } from "./sheet.js";
import { ZONES, type Template, type Zone } from "./template.js";
import { CHECKPOINTS } from "./template.js";
import { staffYear, yearRollup } from "./year.js";
import { expectedText, resolveBand, zoneOf } from "./zones.js";

export interface StaffEntry {
  tab: string;
  /** The file the tab came from, when rolling up across files (one file per person). */
  file?: string;
  name: string;
  role: string;
  appraiser: string;
  /** Band number, or null when the tab names no known band. */
  band: number | null;
  /** The band as written on the tab. */
  bandText: string;
  /** Expected levels, "3-4", or null without a band. */
  expected: string | null;
  levels: Record<string, number | null>;
  zones: Record<string, Zone | null>;
  /** Latest level minus earliest level among filled checkpoints; null with fewer than two. */
  movement: number | null;
  findings: Finding[];
  // The year record (issue 14), core/year.ts. rollupSchool always fills these; they stay optional
  // so entries built by hand (tests, older callers) still type-check.
  /** Target level for the year (1-10), or null when not set. */
  target?: number | null;
  /** Target minus the latest filled level; null when either is missing. */
  gap?: number | null;
  /** Movement since the last checkpoint: the latest filled level minus the one filled before it. */
  sinceLast?: { from: string; to: string; change: number } | null;
  /** STAR steps done in order from step 1, 0-6. */
  star?: number;
  /** The STAR project (objective 2) as written, or null. */
  starTitle?: string | null;
  /** Objectives written, 0-3. */
  objectivesSet?: number;
  /** Per checkpoint: a review note from the person or the appraiser is there. */
  reviewed?: Record<string, boolean>;
}

export interface Distribution {
  /** Staff per level "0".."10", and "none" for not filled in. */
  byLevel: Record<string, number>;
  /** Staff per zone, and "none" for no level or no band. */
  byZone: Record<Zone | "none", number>;
}

export interface SchoolRollup {
  staff: StaffEntry[];
  /** Across files, `file` names the file; a file that could not be read at all has `tab` "". */
  skipped: { tab: string; reason: string; file?: string }[];
  /** Rating and feedback tabs found (rolled up separately). */
  other: { tab: string; templateId: string; kind: string }[];
  checkpoints: string[];
  distribution: Record<string, Distribution>;
  /**
   * The checkpoint the grade-band chart counts: the one asked for, else the latest that most staff
   * have filled in (one early tab with Jul ticks does not make Jul the school's checkpoint).
   */
  chartCheckpoint: string;
  /** Why that checkpoint, in a sentence for people. */
  chartReason: string;
  /** chartCounts[band - 1][level] = staff of that band at that level (level 0..10). */
  chartCounts: number[][];
  /** The year (issue 14): targets set and reached, movement, STAR projects ready to share (core/year.ts). Always filled by rollupSchool. */
  year?: {
    withTarget: number;
    reachedTarget: number;
    starReady: { name: string; tab: string; title: string | null }[];
    movement: { from: string; to: string; up: number; same: number; down: number }[];
  };
}

export interface RollupOptions {
  checkpoint?: string;
  templates?: readonly Template[];
}

export const MAX_LEVEL = 10;

/** No value, no fill and no marker: a blank tab, left out of the roll-up without a skip reason. */
export function isEmptyTab(snap: TabSnapshot): boolean {
  if (snap.marker !== null && snap.marker.trim() !== "") return false;
  const blank = (v: unknown): boolean =>
    v === null || v === undefined || (typeof v === "string" && v.trim() === "");
  return (
    snap.values.every((row) => row.every(blank)) &&
    snap.fills.every((row) => row.every((f) => colourClass(f) === "blank"))
  );
}

/**
 * Roll up a school's tabs.
 * @example rollupSchool(snapshots).distribution.Jul.byZone.expected
 */
export function rollupSchool(snaps: readonly TabSnapshot[], opts: RollupOptions = {}): SchoolRollup {
  return summariseRollup(rollupTabs(snaps, opts), opts);
}

/** What the per-tab half of the roll-up finds: one workbook's tabs, or one person file's. */
export type RolledTabs = Pick<SchoolRollup, "staff" | "skipped" | "other">;

/**
 * The per-tab half of rollupSchool: each tab on its own, so tabs read from many files (one at a
 * time) give the same entries as the same tabs in one workbook (core/rollup-files.ts).
 * @example rollupTabs([annTab]).staff[0].levels.Sep
 */
export function rollupTabs(snaps: readonly TabSnapshot[], opts: RollupOptions = {}): RolledTabs {
  const templates = opts.templates ?? builtinTemplates();
  const chart = gradeBands(templates);
  const checkpoints = [...CHECKPOINTS] as string[];
  const staff: StaffEntry[] = [];
  const skipped: SchoolRollup["skipped"] = [];
  const other: SchoolRollup["other"] = [];
  for (const snap of snaps) {
    if (isEmptyTab(snap)) continue; // a new workbook's "Sheet1": nothing to roll up, nothing to say
    const c = checkTab(snap, templates);
    if (c.skipped !== null) {
      if (c.skipped !== "made by the roll-up") skipped.push({ tab: snap.name, reason: c.skipped });
      continue;
    }
    if (c.kind !== "ladder" || c.levels === null) {
      other.push({ tab: snap.name, templateId: c.template?.id ?? "", kind: c.kind ?? "" });
      continue;
    }
    const band = resolveBand(c.fields.band ?? "", chart);
    const levels: Record<string, number | null> = {};
    const zones: Record<string, Zone | null> = {};
    for (const cp of checkpoints) {
      levels[cp] = c.levels[cp] ?? null;
      zones[cp] = band ? zoneOf(levels[cp], band) : null;
    }
    const filled = checkpoints
      .map((cp) => levels[cp])
      .filter((l): l is number => l !== null && l !== undefined);
    staff.push({
      tab: snap.name,
      name: c.fields.name || snap.name,
      role: c.fields.role ?? "",
      appraiser: c.fields.appraiser ?? "",
      band: band?.band ?? null,
      bandText: c.fields.band ?? "",
      expected: band ? expectedText(band) : null,
      levels,
      zones,
      movement: filled.length >= 2 ? filled[filled.length - 1]! - filled[0]! : null,
      findings: c.findings,
      ...staffYear(c.record, levels, checkpoints),
    });
  }
  return { staff, skipped, other };
}

/**
 * The school-wide half of rollupSchool: distributions, the chart's checkpoint and counts, from
 * staff entries already rolled (from one workbook, or from many person files).
 * @example summariseRollup(rollupTabs(snapshots)).chartCheckpoint
 */
export function summariseRollup(
  { staff, skipped, other }: RolledTabs,
  opts: RollupOptions = {},
): SchoolRollup {
  const chart = gradeBands(opts.templates ?? builtinTemplates());
  const checkpoints = [...CHECKPOINTS] as string[];

  const distribution: Record<string, Distribution> = {};
  for (const cp of checkpoints) {
    const byLevel: Record<string, number> = { none: 0 };
    for (let l = 0; l <= MAX_LEVEL; l++) byLevel[String(l)] = 0;
    const byZone = { none: 0, ...Object.fromEntries(ZONES.map((z) => [z, 0])) } as Record<
      Zone | "none",
      number
    >;
    for (const s of staff) {
      const l = s.levels[cp];
      byLevel[l === null || l === undefined ? "none" : String(l)]! += 1;
      byZone[s.zones[cp] ?? "none"] += 1;
    }
    distribution[cp] = { byLevel, byZone };
  }

  const { checkpoint: chartCheckpoint, reason: chartReason } = chooseCheckpoint(
    staff,
    checkpoints,
    opts.checkpoint,
  );
  const chartCounts = chart.bands.map(() => Array<number>(MAX_LEVEL + 1).fill(0));
  for (const s of staff) {
    const l = s.levels[chartCheckpoint];
    if (s.band === null || l === null || l === undefined) continue;
    const i = chart.bands.findIndex((b) => b.band === s.band);
    if (i >= 0) chartCounts[i]![l]! += 1;
  }
  const year = yearRollup(staff, checkpoints);
  return {
    staff,
    skipped,
    other,
    checkpoints,
    distribution,
    chartCheckpoint,
    chartReason,
    chartCounts,
    year,
  };
}

/**
 * The checkpoint to chart: the one asked for; else the latest that more than half of the staff have
 * filled in; else (nobody has a majority) the one most staff have filled in, the later on a tie.
 * @example chooseCheckpoint(staff, ["Sep", "Mid", "Jul"]).checkpoint === "Mid"
 */
export function chooseCheckpoint(
  staff: readonly Pick<StaffEntry, "levels">[],
  checkpoints: readonly string[],
  asked?: string,
): { checkpoint: string; reason: string } {
  if (asked !== undefined && checkpoints.includes(asked))
    return { checkpoint: asked, reason: `${asked} was asked for.` };
  const filled = checkpoints.map(
    (cp) => staff.filter((s) => s.levels[cp] !== null && s.levels[cp] !== undefined).length,
  );
  const n = staff.length;
  const of = (i: number): string => `${filled[i]!} of ${n} staff`;
  for (let i = checkpoints.length - 1; i >= 0; i--)
    if (filled[i]! * 2 > n)
      return {
        checkpoint: checkpoints[i]!,
        reason: `${checkpoints[i]!} is the latest checkpoint most staff have filled in (${of(i)}).`,
      };
  let best = 0;
  filled.forEach((f, i) => {
    if (f >= filled[best]!) best = i;
  });
  if (filled[best] === 0)
    return { checkpoint: checkpoints[0]!, reason: `Nobody has filled in a checkpoint yet.` };
  return {
    checkpoint: checkpoints[best]!,
    reason: `No checkpoint is filled in by most staff yet; ${checkpoints[best]!} has the most (${of(best)}).`,
  };
}

/** `{"staff": [...], "skipped": [...]}`, as docs/cli.md describes it. */
export function rollupJson(r: SchoolRollup) {
  return {
    staff: r.staff.map((s) => ({
      tab: s.tab,
      name: s.name,
      band: s.band,
      levels: s.levels,
      zones: s.zones,
      findings: s.findings.map((f) => ({
        cell: f.cell,
        checkpoint: f.checkpoint,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
      })),
      target: s.target ?? null,
      gap: s.gap ?? null,
      sinceLast: s.sinceLast ?? null,
      star: s.star ?? 0,
      starTitle: s.starTitle ?? null,
      objectivesSet: s.objectivesSet ?? 0,
      reviewed: s.reviewed ?? {},
      ...(s.file !== undefined ? { file: s.file } : {}),
    })),
    skipped: r.skipped.map((s) =>
      s.file === undefined
        ? { tab: s.tab, reason: s.reason }
        : s.tab === ""
          ? { file: s.file, reason: s.reason }
          : { file: s.file, tab: s.tab, reason: s.reason },
    ),
    // The school's year (issue 14): names and STAR titles too, as this is the leaders' file.
    ...(r.year ? { year: r.year } : {}),
  };
}

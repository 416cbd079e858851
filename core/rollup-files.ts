/**
 * The school roll-up across files (design §8: one file per person). Each file is rolled on its own,
 * as soon as it is read (rollupFile), so a host holds one file's tabs at a time, never all of them;
 * the parts are then combined (FilesRollup) by the same school-wide step as one workbook
 * (summariseRollup), so the answers are those of the same tabs in one workbook, with `file` added.
 *
 * Across files it also says, in plain words, what it could not use: a file that cannot be read
 * (missing, damaged, no access: the host gives the reason), a file that is not a ladder file, and
 * the same person found twice (same name and template), which is rolled up once and warned about.
 *
 * It does not read files (hosts do) and it does not decide which files to read (the register does).
 */
import { findTemplate, builtinTemplates, gradeBands } from "./catalog.js";
import { isOwnTab, isoDate, rollupResult } from "./app.js";
import { CHART_TAB, gradeBandChartSheet } from "./generate/chart.js";
import { schoolSummarySheet, SUMMARY_TAB } from "./generate/summary.js";
import { detached } from "./memo.js";
import { legalTabName, personKey } from "./names.js";
import {
  rollupTabs,
  summariseRollup,
  type RollupOptions,
  type SchoolRollup,
  type StaffEntry,
} from "./rollup.js";
import type { FilesRollupResult } from "./panel-api.js";
import { parseMarker, type SheetSpec, type TabSnapshot } from "./sheet.js";
import { isEmptyTab } from "./rollup.js";

/** One file's share of the roll-up: plain data, so it can cross a worker boundary. */
export interface FilePart {
  file: string;
  staff: StaffEntry[];
  /** The template id of each staff entry (same order), for finding the same person twice. */
  templateIds: string[];
  skipped: SchoolRollup["skipped"];
  other: SchoolRollup["other"];
}

/** The ladder template an unmarked ladder tab is read as (the only one there is), else "". */
function defaultLadderId(opts: RollupOptions): string {
  const ladders = (opts.templates ?? builtinTemplates()).filter((t) => t.kind === "ladder");
  return ladders.length === 1 ? ladders[0]!.id : "";
}

/**
 * Roll one file's tabs. A file with no tab a ladder tool made or can read is one skipped entry
 * (`tab` ""), not one per tab: it is not a ladder file.
 * @example rollupFile("Ann Lee 2026-27.xlsx", tabs).staff[0].file === "Ann Lee 2026-27.xlsx"
 */
export function rollupFile(file: string, tabs: readonly TabSnapshot[], opts: RollupOptions = {}): FilePart {
  const rolled = rollupTabs(tabs, opts);
  const part: FilePart = { file, staff: [], templateIds: [], skipped: [], other: rolled.other };
  const ours = tabs.some((t) => {
    const role = parseMarker(t.marker)?.role;
    return role === "staff" || role === "feedback";
  });
  if (rolled.staff.length === 0 && rolled.other.length === 0 && !ours) {
    const owned = tabs.filter((t) => isOwnTab(t.marker));
    const content = tabs.filter((t) => !isOwnTab(t.marker) && !isEmptyTab(t));
    const reason =
      content.length > 0
        ? `is not a ladder file: none of its tabs (${quoteList(content.map((t) => t.name))}) is a ragging sheet or another form made by ladder-sheets`
        : owned.length > 0
          ? `has no staff tabs, only ${quoteList(owned.map((t) => t.name))} (a leaders' file, not a person's file)`
          : "has no staff tabs: its tabs are empty";
    part.skipped.push({ tab: "", file, reason });
    // Kept until every file is read: without the copy, 1,000 files held 1,000 sheets' XML.
    return detached(part);
  }
  const fallback = defaultLadderId(opts);
  const byName = new Map(tabs.map((t) => [t.name, t]));
  for (const s of rolled.staff) {
    part.staff.push({ ...s, file });
    part.templateIds.push(parseMarker(byName.get(s.tab)?.marker)?.templateId ?? fallback);
  }
  part.skipped = rolled.skipped.map((k) => ({ ...k, file }));
  // Kept until every file is read: without the copy, 1,000 files held 1,000 sheets' XML.
  return detached(part);
}

/**
 * A file the host could not read, with the host's reason in words ("no such file", "is damaged
 * (the zip is truncated or corrupt)", "you do not have access to it").
 */
export function unreadableFile(file: string, reason: string): FilePart {
  return { file, staff: [], templateIds: [], skipped: [{ tab: "", file, reason }], other: [] };
}

function quoteList(names: readonly string[], most = 3): string {
  const shown = names.slice(0, most).map((n) => `'${n}'`);
  return names.length > most ? `${shown.join(", ")} and ${names.length - most} more` : shown.join(", ");
}

function templateTitle(id: string): string {
  try {
    return findTemplate(id).title;
  } catch {
    return id;
  }
}

/**
 * Parts in, one school roll-up out. Add each file's part as it is read (in the order the files
 * are listed); `finish` gives what rollupSchool would for the same tabs in one workbook, except
 * that a person found again (same name and template) is left out with a skipped entry saying
 * where they were found first.
 */
export class FilesRollup {
  private readonly staff: StaffEntry[] = [];
  private readonly skipped: SchoolRollup["skipped"] = [];
  private readonly other: SchoolRollup["other"] = [];
  private readonly seen = new Map<string, StaffEntry>();
  files = 0;

  constructor(private readonly opts: RollupOptions = {}) {}

  add(part: FilePart): void {
    this.files += 1;
    part.staff.forEach((s, i) => {
      const id = part.templateIds[i] ?? "";
      const key = `${personKey(s.name)}\u0000${id}`;
      const first = this.seen.get(key);
      if (first === undefined) {
        this.seen.set(key, s);
        this.staff.push(s);
        return;
      }
      const where =
        first.file === s.file
          ? `tab '${first.tab}' of the same file`
          : `${first.file ?? ""} (tab '${first.tab}')`;
      this.skipped.push({
        tab: s.tab,
        file: s.file ?? part.file,
        reason: `${s.name} has a ${templateTitle(id)} in ${where} already, which is the one rolled up; this copy is left out so nobody is counted twice. Remove the file you no longer use from the register (or the folder)`,
      });
    });
    this.skipped.push(...part.skipped);
    this.other.push(...part.other);
  }

  finish(): SchoolRollup {
    return summariseRollup({ staff: this.staff, skipped: this.skipped, other: this.other }, this.opts);
  }
}

/**
 * Roll up many files' tabs in one call (tests, small schools); hosts that stream use FilesRollup.
 * @example rollupFiles([{ file: "a.xlsx", tabs }, { file: "b.xlsx", reason: "no such file" }])
 */
export function rollupFiles(
  files: Iterable<{ file: string; tabs: readonly TabSnapshot[] } | { file: string; reason: string }>,
  opts: RollupOptions = {},
): SchoolRollup {
  const acc = new FilesRollup(opts);
  for (const f of files)
    acc.add("tabs" in f ? rollupFile(f.file, f.tabs, opts) : unreadableFile(f.file, f.reason));
  return acc.finish();
}

/**
 * The summary and grade-band chart sheets of a roll-up across files, named so they never take the
 * name of a tab already in the leaders' file that is not ours (as planRollup does in one workbook).
 */
export function planFilesRollup(
  rollup: SchoolRollup,
  leadersTabs: readonly TabSnapshot[],
  today: Date,
): SheetSpec[] {
  const chart = gradeBands();
  const taken = leadersTabs.filter((s) => !isOwnTab(s.marker)).map((s) => s.name);
  const summaryName = legalTabName(SUMMARY_TAB, taken);
  const chartName = legalTabName(CHART_TAB, [...taken, summaryName]);
  return [
    schoolSummarySheet(rollup, chart, { date: isoDate(today), name: summaryName }),
    gradeBandChartSheet(chart, rollup, chartName),
  ];
}

/**
 * What the panel shows for a roll-up across `files` files: the files that could not be read apart,
 * each skipped tab named with its file, and no error tabs to jump to (they are in other files).
 */
export function filesRollupResult(
  rollup: SchoolRollup,
  sheets: readonly SheetSpec[],
  files: number,
): FilesRollupResult {
  const result = rollupResult(rollup, sheets);
  delete result.errorTabs; // those tabs are in other files: nothing to jump to from here
  return {
    ...result,
    skipped: rollup.skipped
      .filter((s) => s.tab !== "")
      .map((s) => ({ tab: `${s.tab} (${s.file ?? ""})`, reason: s.reason })),
    files,
    unread: rollup.skipped.filter((s) => s.tab === "").map((s) => ({ file: s.file ?? "", reason: s.reason })),
  };
}

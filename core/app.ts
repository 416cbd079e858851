/**
 * What every host does, as pure planning: given what the host read (tab names, snapshots), return
 * the sheets to write and the result to show. Hosts only read in bulk before and write in bulk after,
 * so the Sheets add-on, the Excel add-in, the command line and the preview give the same answers.
 */
import type {
  BandInfo,
  CheckResult,
  CreateRequest,
  RollupResult,
  SelectionResult,
  TemplateInfo,
  TrustResult,
} from "./panel-api.js";
import { builtinTemplates, findTemplate, gradeBands } from "./catalog.js";
import { chaseList } from "./chase.js";
import { checkTab, OWN_ROLES } from "./check.js";
import { LadderError } from "./errors.js";
import { CHART_TAB, gradeBandChartSheet } from "./generate/chart.js";
import { feedbackSheet } from "./generate/feedback.js";
import { ladderSheet } from "./generate/ladder.js";
import { ratingSheet } from "./generate/rating.js";
import { schoolYear } from "./generate/staff-header.js";
import { schoolSummarySheet, SUMMARY_TAB } from "./generate/summary.js";
import { legalTabName, personKey } from "./names.js";
import { rollupSchool, type SchoolRollup } from "./rollup.js";
import { parseMarker, type CellValue, type SheetSpec, type TabSnapshot } from "./sheet.js";
import { parseStaffList, type StaffDetails } from "./staff-list.js";
import type { Template } from "./template.js";
import { readSchoolSummary, trustSheet, type SchoolCounts } from "./trust.js";
import { bandLabel, resolveBand } from "./zones.js";

export { CHART_TAB, SUMMARY_TAB };

/** "2026-11-23" */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function templateInfos(templates: readonly Template[] = builtinTemplates()): TemplateInfo[] {
  return templates
    .filter((t) => t.kind !== "chart")
    .map((t) =>
      t.kind === "ladder"
        ? {
            id: t.id,
            title: t.title,
            kind: t.kind,
            minLevel: t.generate.minLevel,
            maxLevel: t.generate.maxLevel,
          }
        : { id: t.id, title: t.title, kind: t.kind },
    );
}

export function bandInfos(): BandInfo[] {
  return gradeBands().bands.map((b) => ({ ...b, label: bandLabel(b) }));
}

/** A staff tab for one person, whatever the template kind. */
export function staffSheet(
  t: Template,
  staff: StaffDetails,
  opts: { name: string; year: string; ticks?: boolean; upTo?: number },
): SheetSpec {
  switch (t.kind) {
    case "ladder":
      return ladderSheet(t, staff, opts);
    case "rating":
      return ratingSheet(t, staff, opts);
    case "feedback":
      return feedbackSheet(t, { Meeting: staff.name }, opts);
    case "chart":
      return gradeBandChartSheet(t, null, opts.name);
  }
}

/** A person who already has a tab of a template: their name as on the tab, and the tab. */
export interface ExistingTab {
  name: string;
  tab: string;
}

/**
 * The people in `names` who already have a tab made from `templateId` (by the Name cell on the tab,
 * ignoring case and spacing; the tab's own name when the Name cell is empty), so a second tab for
 * the same person is never made without asking.
 * @example existingTabsFor("leadership-ladder", snapshots, ["Ann Lee"]) -> [{ name: "Ann Lee", tab: "Ann Lee" }]
 */
export function existingTabsFor(
  templateId: string,
  snapshots: readonly TabSnapshot[],
  names: readonly string[],
): ExistingTab[] {
  const wanted = new Set(names.map(personKey));
  const found: ExistingTab[] = [];
  for (const snap of snapshots) {
    const c = checkTab(snap);
    if (c.template?.id !== templateId) continue;
    const name = c.fields.name ?? snap.name;
    if (wanted.has(personKey(name))) found.push({ name, tab: snap.name });
  }
  return found;
}

/**
 * Sheets for a create request: names made legal and unique against the workbook's tabs (existing
 * tabs are never overwritten), every band checked first so nothing is made if any is wrong.
 * @example planCreate({ templateId: "leadership-ladder", staff: [ann], ticks: false }, ["Sheet1"], new Date())
 */
export function planCreate(
  req: CreateRequest,
  existingTabNames: readonly string[],
  today: Date,
): SheetSpec[] {
  const t = findTemplate(req.templateId);
  if (req.staff.length === 0)
    throw new LadderError(
      "staff-list-invalid",
      "There is nobody to make a tab for: give a name and band, or a staff list with at least one person.",
    );
  const chart = gradeBands();
  const problems = req.staff.flatMap((s, i) => {
    const who = s.name.trim() || `row ${i + 1}`;
    if (s.name.trim() === "") return [`Row ${i + 1}: the name is empty.`];
    if (t.kind !== "feedback" && !resolveBand(s.band, chart))
      return [`${who}: '${s.band}' is not a grade band.`];
    return [];
  });
  if (problems.length) {
    const bands = chart.bands.map(bandLabel);
    const bandHint = problems.some((p) => p.endsWith("is not a grade band."))
      ? ` A band is a number from 1 to ${chart.bands.length} or one of its labels:`
      : "";
    // One problem is said once, in the message; several are listed one per line under it.
    const message =
      problems.length === 1
        ? `Nothing was created. ${problems[0]!}${bandHint}`
        : `Nothing was created: ${problems.length} people need fixing.${bandHint}`;
    throw new LadderError("staff-list-invalid", message, [
      ...(problems.length === 1 ? [] : problems),
      ...(bandHint === "" ? [] : bands),
    ]);
  }
  if (req.askIfExists === true) refuseExisting(req.staff, existingTabNames);
  const taken = [...existingTabNames];
  const year = schoolYear(today);
  return req.staff.map((s) => {
    const name = legalTabName(s.name, taken);
    taken.push(name);
    const details = {
      name: s.name.trim(),
      band: s.band.trim(),
      role: s.role.trim(),
      appraiser: s.appraiser.trim(),
    };
    return staffSheet(t, details, {
      name,
      year,
      ticks: req.ticks,
      ...(req.upTo !== undefined ? { upTo: req.upTo } : {}),
    });
  });
}

/**
 * For a create request that asks first: throw LadderError("tab-exists") when any person's tab name
 * is taken already (ignoring case), with their names as sent in `details`. Hosts pass tab names
 * only, so a tab's name is what this can know without reading every tab.
 */
function refuseExisting(staff: readonly { name: string }[], tabNames: readonly string[]): void {
  const taken = new Set(tabNames.map((n) => n.toLowerCase()));
  const already = staff.filter((s) => taken.has(legalTabName(s.name, []).toLowerCase()));
  if (already.length === 0) return;
  throw new LadderError(
    "tab-exists",
    already.length === 1
      ? `There is already a tab called '${legalTabName(already[0]!.name, [])}'. Nothing was made.`
      : `${already.length} people already have a tab with their name. Nothing was made.`,
    already.map((s) => s.name),
  );
}

export function planFeedbackForm(
  fields: Readonly<Record<string, string>>,
  existingTabNames: readonly string[],
  templateId = "equip-meeting-feedback",
): SheetSpec {
  const t = findTemplate(templateId);
  if (t.kind !== "feedback")
    throw new LadderError("template-unknown", `'${templateId}' is not a feedback form.`);
  const wanted = ["Feedback", fields.Meeting, fields.Date].filter((x) => x && x.trim()).join(" ");
  return feedbackSheet(t, fields, { name: legalTabName(wanted, existingTabNames) });
}

/** Is this tab one the roll-up owns (summary, chart, trust)? */
export function isOwnTab(marker: string | null): boolean {
  const m = parseMarker(marker);
  return m !== null && OWN_ROLES.has(m.role);
}

export function planGradeBandChart(rollup: SchoolRollup | null): SheetSpec {
  return gradeBandChartSheet(gradeBands(), rollup, CHART_TAB);
}

export function checkResult(snap: TabSnapshot): CheckResult {
  const c = checkTab(snap);
  return {
    tab: snap.name,
    kind: c.kind,
    templateTitle: c.template?.title ?? null,
    levels: c.levels,
    findings: c.findings,
    skipped: c.skipped,
  };
}

/**
 * Roll up: the summary and grade-band chart sheets (which replace any earlier ones: hosts find those
 * by marker role), and the result to show.
 */
export function planRollup(snapshots: readonly TabSnapshot[], checkpoint: string | undefined, today: Date) {
  const rollup = rollupSchool(
    snapshots.filter((s) => !isOwnTab(s.marker)),
    checkpoint !== undefined ? { checkpoint } : {},
  );
  const chart = gradeBands();
  // Never take a name a staff tab already has: the roll-up writes only its own tabs.
  const taken = snapshots.filter((s) => !isOwnTab(s.marker)).map((s) => s.name);
  const summaryName = legalTabName(SUMMARY_TAB, taken);
  const chartName = legalTabName(CHART_TAB, [...taken, summaryName]);
  const sheets = [
    schoolSummarySheet(rollup, chart, { date: isoDate(today), name: summaryName }),
    gradeBandChartSheet(chart, rollup, chartName),
  ];
  return { rollup, sheets, result: rollupResult(rollup, sheets) };
}

/** What the panel shows for a roll-up whose sheets are planned: counts, zones, errors, the to-do list. */
export function rollupResult(rollup: SchoolRollup, sheets: readonly SheetSpec[]): RollupResult {
  const chart = gradeBands();
  const all = rollup.staff.flatMap((s) => s.findings);
  return {
    tabs: sheets.map((s) => s.name),
    staffCount: rollup.staff.length,
    skipped: rollup.skipped,
    chartCheckpoint: rollup.chartCheckpoint,
    chartReason: rollup.chartReason,
    zones: Object.fromEntries(rollup.checkpoints.map((cp) => [cp, { ...rollup.distribution[cp]!.byZone }])),
    errors: all.filter((f) => f.severity === "error").length,
    warnings: all.filter((f) => f.severity === "warning").length,
    errorTabs: rollup.staff.flatMap((s) => {
      const first = s.findings.find((f) => f.severity === "error");
      return first ? [{ tab: s.tab, cell: first.cell }] : [];
    }),
    zoneKey: chart.zones.map(({ zone, label, symbol, fill }) => ({ zone, label, symbol, fill })),
    chase: chaseList(rollup),
  };
}

/**
 * Trust roll-up from school summary tabs (one per school; the CLI reads them from many files, the
 * add-ins from the summary tabs present in one file). Schools that cannot be read are listed, and the
 * others still roll up.
 */
export function planTrust(
  summaries: readonly { school: string; snapshot: TabSnapshot }[],
  today: Date,
  problems: readonly string[] = [],
) {
  const schools: SchoolCounts[] = [];
  const all = [...problems];
  for (const s of summaries) {
    try {
      schools.push(readSchoolSummary(s.school, s.snapshot));
    } catch (e) {
      if (e instanceof LadderError) all.push(e.message);
      else throw e;
    }
  }
  const sheet = trustSheet(schools, { date: isoDate(today), problems: all });
  const result: TrustResult = { tabs: [sheet.name], schools: schools.length, problems: all };
  return { schools, sheets: [sheet], result };
}

function listField(v: CellValue | undefined): string {
  const t = v === null || v === undefined ? "" : String(v);
  return /[\t\r\n",;]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/**
 * The rows a person selected (name, band, role, appraiser; a header row is fine) as a staff list:
 * the same parser and messages as a pasted list. Throws LadderError("argument-invalid") when
 * nothing but blank rows is selected.
 * @example selectionResult([["Ann Lee", "UPS1 TLR3"]]).staff[0].name === "Ann Lee"
 */
export function selectionResult(rows: readonly (readonly CellValue[])[]): SelectionResult {
  const filled = rows.filter((row) => row.some((v) => v !== null && String(v).trim() !== ""));
  if (filled.length === 0)
    throw new LadderError(
      "argument-invalid",
      "Select the staff rows first (name, grade band, role, appraiser; a header row is fine), then try again.",
    );
  const text = filled.map((row) => row.map(listField).join("\t")).join("\n");
  try {
    const staff = parseStaffList(text, gradeBands()).map(({ name, band, role, appraiser }) => ({
      name,
      band,
      role,
      appraiser,
    }));
    return { text, staff, problems: [] };
  } catch (e) {
    if (!(e instanceof LadderError)) throw e;
    return { text, staff: [], problems: e.details.length ? [...e.details] : [e.message] };
  }
}

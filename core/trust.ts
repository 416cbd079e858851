/**
 * The trust roll-up: read each school's summary tab back (its staff table has a fixed header) and
 * count staff per zone per checkpoint per school, with the findings totals; then the trust summary
 * tab. Schools are compared by counts, never by names: the trust tab lists no member of staff.
 */
import { gradeBands } from "./catalog.js";
import { LadderError } from "./errors.js";
import { HEADER_FILL, SheetBuilder, TITLE_SIZE } from "./generate/builder.js";
import { findHeader, norm, text } from "./read/layout.js";
import { rollupSchool } from "./rollup.js";
import type { TabSnapshot } from "./sheet.js";
import { CHECKPOINTS, ZONES, type ChartTemplate, type Template, type Zone } from "./template.js";

export const TRUST_TAB = "Trust summary";

export interface SchoolCounts {
  school: string;
  staff: number;
  /** zones[checkpoint][zone | "none"] */
  zones: Record<string, Record<Zone | "none", number>>;
  errors: number;
  warnings: number;
}

function zoneFromText(s: string, chart: ChartTemplate): Zone | "none" {
  const n = norm(s);
  if (n === "") return "none";
  return chart.zones.find((z) => n.includes(norm(z.label)))?.zone ?? "none";
}

/**
 * Read one school's summary tab. Throws LadderError("summary-invalid") when the staff table is missing.
 * @example readSchoolSummary("Oak Primary", snap).zones.Jul.expected
 */
export function readSchoolSummary(
  school: string,
  snap: TabSnapshot,
  templates?: readonly Template[],
): SchoolCounts {
  const chart = gradeBands(templates);
  const required = { tab: ["stafftab"], name: ["name"], errors: ["errors"], warnings: ["warnings"] };
  const zoneLabels = CHECKPOINTS.map((cp) => `${cp} zone`);
  const header = findHeader(snap.values, required, zoneLabels);
  if (!header)
    throw new LadderError(
      "summary-invalid",
      `${school}: the tab '${snap.name}' has no staff table (Staff tab, Name, ..., Errors, Warnings); run the school roll-up first.`,
    );
  const zones = Object.fromEntries(
    CHECKPOINTS.map((cp) => [cp, { none: 0, ...Object.fromEntries(ZONES.map((z) => [z, 0])) }]),
  ) as Record<string, Record<Zone | "none", number>>;
  let staff = 0;
  let errors = 0;
  let warnings = 0;
  for (let r = header.row + 1; r < snap.values.length; r++) {
    const row = snap.values[r] ?? [];
    if (text(row[header.cols.get("tab")!]) === "") break;
    staff++;
    for (const cp of header.checkpoints) {
      const z = zoneFromText(text(row[cp.col]), chart);
      const key = cp.name.replace(/ zone$/, "");
      zones[key]![z] += 1;
    }
    errors += Number(row[header.cols.get("errors")!]) || 0;
    warnings += Number(row[header.cols.get("warnings")!]) || 0;
  }
  return { school, staff, zones, errors, warnings };
}

/**
 * Whether a school's summary still tells the truth about its staff tabs: the staff and the zones at
 * each checkpoint it counted, against a roll-up of the tabs as they are now (a person added since,
 * or cells coloured since). A sentence saying what changed, or null when it is up to date.
 * @example summaryStaleness(readSchoolSummary("Oak", summaryTab), snapshots) === null
 */
export function summaryStaleness(
  counts: SchoolCounts,
  snapshots: readonly TabSnapshot[],
  templates?: readonly Template[],
): string | null {
  const now = rollupSchool(snapshots, templates ? { templates } : {});
  if (now.staff.length !== counts.staff)
    return `its school summary counts ${counts.staff} staff, but it has ${now.staff.length} staff tabs now.`;
  const changed = CHECKPOINTS.filter((cp) =>
    (["none", ...ZONES] as const).some(
      (z) => (now.distribution[cp]?.byZone[z] ?? 0) !== (counts.zones[cp]?.[z] ?? 0),
    ),
  );
  return changed.length === 0
    ? null
    : `staff tabs have changed at ${changed.join(" and ")} since its school summary was made.`;
}

function pct(n: number, d: number): string {
  return d === 0 ? "" : `${Math.round((100 * n) / d)}%`;
}

/** The trust summary tab from each school's counts. */
export function trustSheet(
  schools: readonly SchoolCounts[],
  opts: { date: string; problems: readonly string[] },
) {
  const chart = gradeBands();
  const cps = [...CHECKPOINTS];
  const perCp = [...ZONES, "at or above expected"] as const;
  const cols = 2 + cps.length * perCp.length + 2;
  const b = new SheetBuilder(TRUST_TAB, cols, { templateId: "trust-summary", version: 1, role: "trust" });
  const t = b.row(["Leadership Ladder trust summary"]);
  b.merge(t, 0, t, Math.min(cols - 1, 8));
  b.style(b.cell(t, 0), { bold: true, fontSize: TITLE_SIZE });
  b.row([
    `Rolled up on ${opts.date} from ${schools.length} school${schools.length === 1 ? "" : "s"}. Counts of staff per zone; no names.`,
  ]);
  b.row();
  const h1 = b.row(["", "", ...cps.flatMap((cp) => [cp, ...perCp.slice(1).map(() => null)])]);
  cps.forEach((_, i) => b.merge(h1, 2 + i * perCp.length, h1, 1 + (i + 1) * perCp.length));
  const label = (z: (typeof perCp)[number]) => {
    const s = chart.zones.find((x) => x.zone === z);
    return s ? `${s.symbol} ${s.label}` : "% at or above expected";
  };
  const h2 = b.row(["School", "Staff", ...cps.flatMap(() => perCp.map(label)), "Errors", "Warnings"]);
  b.style(b.range(h1, 0, h2, cols - 1), {
    bold: true,
    fill: HEADER_FILL,
    border: true,
    wrap: true,
    hAlign: "center",
  });
  const rowFor = (s: SchoolCounts) => [
    s.school,
    s.staff,
    ...cps.flatMap((cp) => {
      const z = s.zones[cp]!;
      const filled = ZONES.reduce((n, k) => n + z[k], 0);
      return [...ZONES.map((k) => z[k]), pct(z.expected + z.beyond, filled)];
    }),
    s.errors,
    s.warnings,
  ];
  for (const s of schools) b.row(rowFor(s));
  const total: SchoolCounts = {
    school: "Trust total",
    staff: schools.reduce((n, s) => n + s.staff, 0),
    zones: Object.fromEntries(
      cps.map((cp) => [
        cp,
        Object.fromEntries(
          [...ZONES, "none" as const].map((z) => [
            z,
            schools.reduce((n, s) => n + (s.zones[cp]?.[z] ?? 0), 0),
          ]),
        ),
      ]),
    ) as SchoolCounts["zones"],
    errors: schools.reduce((n, s) => n + s.errors, 0),
    warnings: schools.reduce((n, s) => n + s.warnings, 0),
  };
  const tr = b.row(rowFor(total));
  b.style(b.range(h2 + 1, 0, tr, cols - 1), { border: true });
  b.style(b.range(tr, 0, tr, cols - 1), { bold: true });
  if (opts.problems.length) {
    b.row();
    b.row(["Not included"]);
    for (const p of opts.problems) b.row([p]);
  }
  b.spec.columnWidths = [180, 50, ...cps.flatMap(() => perCp.map(() => 80)), 60, 70];
  b.spec.frozenRows = h2 + 1;
  return b.build();
}

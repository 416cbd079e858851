/**
 * The school summary tab for leadership: zone counts per checkpoint (with a native chart where the
 * host can draw one), the level distribution with a text bar, one row per member of staff (band,
 * appraiser, expected levels, level and zone per checkpoint, movement, findings), the leader's to-do
 * list (who has not filled in the current checkpoint, tabs with errors, everyone by appraiser: see
 * chase-blocks.ts) and every finding and skipped tab listed. Zones are written as symbol + word on
 * the zone's colour. The staff table's header is fixed (SUMMARY_HEADERS) because the trust roll-up
 * reads it back (by header name, so a new column anywhere in it is read the same).
 */
import type { SchoolRollup } from "../rollup.js";
import { MAX_LEVEL } from "../rollup.js";
import type { ChartTemplate, Zone } from "../template.js";
import { ZONES } from "../template.js";
import { chaseList } from "../chase.js";
import { HEADER_FILL, SheetBuilder, TITLE_SIZE } from "./builder.js";
import { yearBlock } from "./summary-year.js";
import { chaseBlocks } from "./chase-blocks.js";

export const SUMMARY_TAB = "School summary";
export const SUMMARY_ID = "school-summary";

export const SUMMARY_HEADERS = (cps: readonly string[]) => [
  "Staff tab",
  "Name",
  "Role",
  "Appraiser",
  "Grade band",
  "Expected",
  ...cps.flatMap((cp) => [cp, `${cp} zone`]),
  "Movement",
  "Errors",
  "Warnings",
];

export function zoneText(chart: ChartTemplate, zone: Zone | null): string {
  if (zone === null) return "";
  const z = chart.zones.find((x) => x.zone === zone)!;
  return `${z.symbol} ${z.label}`;
}

/** One block per person (at most 60), then the number, so the bar is read, not guessed. */
function bar(n: number): string {
  return n > 0 ? `${"█".repeat(Math.min(n, 60))} ${n}` : "";
}

export function schoolSummarySheet(
  r: SchoolRollup,
  chart: ChartTemplate,
  opts: { school?: string; date: string; name?: string },
) {
  const cps = r.checkpoints;
  const headers = SUMMARY_HEADERS(cps);
  const cols = headers.length;
  const b = new SheetBuilder(opts.name ?? SUMMARY_TAB, cols, {
    templateId: SUMMARY_ID,
    version: 1,
    role: "summary",
  });
  const t = b.row([`${opts.school ? `${opts.school}: ` : ""}Leadership Ladder school summary`]);
  b.merge(t, 0, t, cols - 1);
  b.style(b.range(t, 0, t, cols - 1), { bold: true, fontSize: TITLE_SIZE });
  const errors = r.staff.reduce((n, s) => n + s.findings.filter((f) => f.severity === "error").length, 0);
  b.paragraph(
    `Rolled up on ${opts.date} from ${r.staff.length} staff tab${r.staff.length === 1 ? "" : "s"}` +
      `${r.skipped.length ? ` (${r.skipped.length} skipped, listed below)` : ""}; ${errors} colouring error${errors === 1 ? "" : "s"} found. ` +
      `The grade-band chart and the level blocks below count ${r.chartCheckpoint}: ${r.chartReason} ` +
      "This tab is rebuilt by every roll-up: edits here are lost. It shows every member of staff's level: share it only with leaders.",
  );
  b.row();

  // Zones per checkpoint: the chart's data.
  const z0 = b.row(["Zone", ...cps]);
  b.style(b.range(z0, 0, z0, cps.length), { bold: true, fill: HEADER_FILL, border: true });
  for (const zone of ZONES) {
    const zs = chart.zones.find((x) => x.zone === zone)!;
    const row = b.row([
      `${zs.symbol} ${zs.label}`,
      ...cps.map((cp) => r.distribution[cp]?.byZone[zone] ?? 0),
    ]);
    b.style(b.cell(row, 0), { fill: zs.fill, border: true });
    b.style(b.range(row, 1, row, cps.length), { border: true, hAlign: "center" });
  }
  const none = b.row(["Not filled in / no band", ...cps.map((cp) => r.distribution[cp]?.byZone.none ?? 0)]);
  b.style(b.range(none, 0, none, cps.length), { border: true, italic: true });
  b.spec.charts.push({
    kind: "stackedColumn",
    title: "Staff in each zone per checkpoint",
    dataRange: b.range(z0, 0, z0 + ZONES.length, cps.length),
    anchor: b.cell(z0, cps.length + 2),
    widthPx: 480,
    heightPx: 260,
  });
  b.row();

  // Levels per checkpoint, with a text bar for the chart checkpoint.
  const l0 = b.row(["Level", ...cps, `${r.chartCheckpoint}: one block per person`]);
  b.style(b.range(l0, 0, l0, cps.length + 1), { bold: true, fill: HEADER_FILL, border: true });
  for (let l = MAX_LEVEL; l >= 0; l--) {
    const name = l === 0 ? "Level 1 not yet complete" : (chart.levels.find((x) => x.level === l)?.name ?? "");
    const counts = cps.map((cp) => r.distribution[cp]?.byLevel[String(l)] ?? 0);
    const row = b.row([
      `${l}. ${name}`,
      ...counts,
      bar(r.distribution[r.chartCheckpoint]?.byLevel[String(l)] ?? 0),
    ]);
    b.style(b.range(row, 0, row, cps.length + 1), { border: true });
  }
  b.row();

  // One row per member of staff.
  const zoneCols = cps.map((cp) => headers.indexOf(`${cp} zone`));
  const s0 = b.row(headers);
  b.style(b.range(s0, 0, s0, cols - 1), { bold: true, fill: HEADER_FILL, border: true, wrap: true });
  for (const s of [...r.staff].sort(
    (a, c) => (a.band ?? 99) - (c.band ?? 99) || a.name.localeCompare(c.name),
  )) {
    const row = b.row([
      s.tab,
      s.name,
      s.role,
      s.appraiser,
      s.band === null ? s.bandText || "?" : `Band ${s.band}`,
      s.expected ?? "",
      ...cps.flatMap((cp) => [s.levels[cp] ?? null, zoneText(chart, s.zones[cp] ?? null)]),
      s.movement === null ? "" : s.movement > 0 ? `+${s.movement}` : String(s.movement),
      s.findings.filter((f) => f.severity === "error").length,
      s.findings.filter((f) => f.severity === "warning").length,
    ]);
    cps.forEach((cp, i) => {
      const zone = s.zones[cp];
      const fill = zone ? chart.zones.find((x) => x.zone === zone)?.fill : undefined;
      if (fill) b.style(b.cell(row, zoneCols[i]!), { fill });
    });
  }
  b.style(b.range(s0 + 1, 0, Math.max(s0 + 1, b.nextRow - 1), cols - 1), { border: true });
  b.row();
  yearBlock(b, r); // the year (issue 14): summary-year.ts

  chaseBlocks(b, chaseList(r));

  const f0 = b.row(["Findings", "Staff tab", "Cell", "Checkpoint", "Rule", "Severity", "What to do"]);
  b.style(b.range(f0, 0, f0, Math.min(6, cols - 1)), { bold: true, fill: HEADER_FILL });
  for (const s of r.staff)
    for (const f of s.findings) b.row(["", s.tab, f.cell, f.checkpoint ?? "", f.rule, f.severity, f.message]);
  if (r.skipped.length) {
    b.row();
    const k0 = b.row(["Skipped tabs", "Staff tab", "Reason"]);
    b.style(b.range(k0, 0, k0, 2), { bold: true, fill: HEADER_FILL });
    for (const k of r.skipped)
      b.row(["", k.file === undefined ? k.tab : k.tab === "" ? k.file : `${k.tab} (${k.file})`, k.reason]);
  }
  // Two runs of equal width (tab, name, role and appraiser, then every other column), so a host sets
  // them in two calls (Apps Script: one setColumnWidths per run) rather than one per column.
  b.spec.columnWidths = [160, 160, 160, 160, ...Array<number>(cols - 4).fill(96)];
  b.spec.frozenRows = 1;
  return b.build();
}

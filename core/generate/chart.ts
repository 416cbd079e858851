/**
 * The grade-band chart tab: levels 1-10 (and 0) down, bands 1-7 across, each cell coloured by its
 * zone AND labelled with the zone's symbol and word (colour is never the only signal), plus the
 * number of staff of that band at that level when a roll-up is given. The legend is in words.
 */
import type { SchoolRollup } from "../rollup.js";
import type { ChartTemplate } from "../template.js";
import { zoneOf } from "../zones.js";
import { HEADER_FILL, SheetBuilder, TITLE_SIZE } from "./builder.js";

export const CHART_TAB = "Grade-band chart";

export function gradeBandChartSheet(chart: ChartTemplate, rollup: SchoolRollup | null, name = CHART_TAB) {
  const cols = 1 + chart.bands.length;
  const b = new SheetBuilder(name, cols, { templateId: chart.id, version: chart.version, role: "chart" });
  const t = b.row([chart.title]);
  b.merge(t, 0, t, cols - 1);
  b.style(b.range(t, 0, t, cols - 1), { bold: true, fontSize: TITLE_SIZE });
  b.paragraph(
    rollup
      ? `Each cell shows the zone and, in brackets, how many staff of that band are at that level at ${rollup.chartCheckpoint}. ${rollup.chartReason}`
      : "Each cell shows the zone a level falls in for each grade band.",
  );
  b.row();
  const rows = [
    ["Teaching →", ...chart.bands.map((x) => x.teaching)],
    ["Non-Teaching →", ...chart.bands.map((x) => x.nonTeaching)],
    ["Governance →", ...chart.bands.map((x) => x.governance)],
  ];
  const h0 = b.nextRow;
  for (const r of rows) b.row(r);
  b.row(["Level", ...chart.bands.map((x) => `Band ${x.band}`)]);
  b.style(b.range(h0, 0, b.nextRow - 1, cols - 1), {
    bold: true,
    fill: HEADER_FILL,
    border: true,
    hAlign: "center",
    wrap: true,
  });
  const levels = [
    ...chart.levels.map((l) => ({ level: l.level, name: l.name })),
    { level: 0, name: "Level 1 not yet complete" },
  ];
  for (const l of levels) {
    const r = b.row([l.level === 0 ? `0. ${l.name}` : `${l.level}. ${l.name}`]);
    chart.bands.forEach((band, i) => {
      const zone = zoneOf(l.level, band)!;
      const z = chart.zones.find((x) => x.zone === zone)!;
      const n = rollup?.chartCounts[i]?.[l.level] ?? 0;
      b.set(r, i + 1, `${z.symbol} ${z.label}${rollup && n > 0 ? ` (${n})` : ""}`);
      b.style(b.cell(r, i + 1), {
        fill: z.fill,
        hAlign: "center",
        border: true,
        ...(n > 0 ? { bold: true } : {}),
      });
    });
    b.style(b.cell(r, 0), { border: true, bold: true });
  }
  b.row();
  const k = b.row(["Key"]);
  b.style(b.cell(k, 0), { bold: true });
  for (const z of chart.zones) {
    const r = b.row([`${z.symbol} ${z.label}`, z.meaning]);
    b.merge(r, 1, r, cols - 1);
    b.style(b.cell(r, 0), { fill: z.fill, border: true });
    b.style(b.range(r, 1, r, cols - 1), { wrap: true });
  }
  if (chart.key) b.paragraph(chart.key);
  b.spec.columnWidths = [220, ...chart.bands.map(() => 110)];
  b.spec.frozenRows = h0 + rows.length + 1;
  return b.build();
}

/**
 * The report's zone distribution section: staff per zone per checkpoint as hand-built SVG stacked
 * bars (a few rects from data need no charting library, and the file must work with no network),
 * with the same numbers as a table for screen readers. Zones run Below -> Entry -> Expected ->
 * Beyond, each in the grade-band chart's own fill with its own symbol (the same as the summary tab
 * and the panel), so colour is never the only signal.
 */
import { gradeBands } from "../catalog.js";
import type { SchoolRollup } from "../rollup.js";
import { ZONES, type Zone } from "../template.js";
import { esc, row } from "./html.js";

export const ZONE_LABEL = { below: "Below", entry: "Entry", expected: "Expected", beyond: "Beyond" } as const;

export function zoneKey(): Record<Zone, { fill: string; symbol: string }> {
  const zones = gradeBands().zones;
  return Object.fromEntries(
    ZONES.map((z) => {
      const k = zones.find((x) => x.zone === z);
      return [z, { fill: k?.fill ?? "#eeeeee", symbol: k?.symbol ?? "" }];
    }),
  ) as Record<Zone, { fill: string; symbol: string }>;
}

/** The zone distribution: an SVG of stacked bars and its table, one row per checkpoint. */
export function zoneSection(r: SchoolRollup): string {
  const key = zoneKey();
  const width = 480;
  const bars = r.checkpoints.map((cp, i) => {
    const zones = r.distribution[cp]?.byZone;
    const total = ZONES.reduce((n, z) => n + (zones?.[z] ?? 0), 0);
    let x = 90;
    const y = 10 + i * 34;
    const parts = ZONES.map((z) => {
      const n = zones?.[z] ?? 0;
      const w = total === 0 ? 0 : (n / total) * (width - 100);
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="24" fill="${key[z].fill}" stroke="#ffffff"/>`;
      // A narrow segment still says its symbol and count, smaller; too narrow for that, the table does.
      const size = w >= 30 ? 13 : 10;
      const label =
        n > 0 && w >= 16
          ? `<text x="${(x + w / 2).toFixed(1)}" y="${y + 16}" text-anchor="middle" font-size="${size}">${key[z].symbol}${w >= 30 ? " " : ""}${n}</text>`
          : "";
      x += w;
      return rect + label;
    });
    return `<text x="0" y="${y + 16}">${esc(cp)}</text>${parts.join("")}`;
  });
  const height = 20 + r.checkpoints.length * 34;
  const svg = `<svg role="img" aria-labelledby="zones-title" viewBox="0 0 ${width} ${height}" width="100%" class="chart"><title id="zones-title">Staff per zone at each checkpoint</title>${bars.join("")}</svg>`;
  const head = row(
    ["Checkpoint", ...ZONES.map((z) => `${key[z].symbol} ${ZONE_LABEL[z]}`), "Not filled in"],
    "th",
  );
  const body = r.checkpoints.map((cp) =>
    row([cp, ...ZONES.map((z) => r.distribution[cp]?.byZone[z] ?? 0), r.distribution[cp]?.byZone.none ?? 0]),
  );
  return `<section id="zones-section"><h2>Staff per zone</h2><p>Each bar is the staff with a level at that checkpoint, by zone against their band. Not filled in: no level yet, or no known band.</p><figure>${svg}</figure><table id="zones"><caption>Staff per zone at each checkpoint</caption><thead>${head}</thead><tbody>${body.join("")}</tbody></table></section>`;
}

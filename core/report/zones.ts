/**
 * The report's zone distribution section: staff per zone per checkpoint as hand-built SVG stacked
 * bars (a few rects from data need no charting library, and the file must work with no network),
 * with the same numbers as a table for screen readers. Zones run Below -> Entry -> Expected ->
 * Beyond and each carries a letter as well as a colour.
 */
import type { SchoolRollup } from "../rollup.js";
import { ZONES } from "../template.js";
import { esc, row } from "./html.js";

export const ZONE_LABEL = { below: "Below", entry: "Entry", expected: "Expected", beyond: "Beyond" } as const;
const ZONE_LETTER = { below: "B", entry: "N", expected: "E", beyond: "Y" } as const;
const ZONE_COLOUR = { below: "#c0392b", entry: "#e6a700", expected: "#2e8b57", beyond: "#2f6fb0" } as const;

/** The zone distribution: an SVG of stacked bars and its table, one row per checkpoint. */
export function zoneSection(r: SchoolRollup): string {
  const width = 480;
  const bars = r.checkpoints.map((cp, i) => {
    const zones = r.distribution[cp]?.byZone;
    const total = ZONES.reduce((n, z) => n + (zones?.[z] ?? 0), 0);
    let x = 90;
    const y = 10 + i * 34;
    const parts = ZONES.map((z) => {
      const n = zones?.[z] ?? 0;
      const w = total === 0 ? 0 : (n / total) * (width - 100);
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="24" fill="${ZONE_COLOUR[z]}"/>`;
      const label =
        w >= 24
          ? `<text x="${(x + w / 2).toFixed(1)}" y="${y + 16}" text-anchor="middle" fill="#fff">${ZONE_LETTER[z]} ${n}</text>`
          : "";
      x += w;
      return rect + label;
    });
    return `<text x="0" y="${y + 16}">${esc(cp)}</text>${parts.join("")}`;
  });
  const height = 20 + r.checkpoints.length * 34;
  const svg = `<svg role="img" aria-labelledby="zones-title" viewBox="0 0 ${width} ${height}" width="100%"><title id="zones-title">Staff per zone at each checkpoint</title>${bars.join("")}</svg>`;
  const head = row(["Checkpoint", ...ZONES.map((z) => `${ZONE_LABEL[z]} (${ZONE_LETTER[z]})`)], "th");
  const body = r.checkpoints.map((cp) => row([cp, ...ZONES.map((z) => r.distribution[cp]?.byZone[z] ?? 0)]));
  return `<section><h2>Staff per zone</h2>${svg}<table id="zones"><caption>Staff per zone at each checkpoint</caption><thead>${head}</thead><tbody>${body.join("")}</tbody></table></section>`;
}

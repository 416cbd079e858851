/**
 * The report's band-by-band view of the grade-band chart at the chart's checkpoint: one SVG grid row
 * per band, one column per level, each cell in its zone's fill with the zone's symbol and the number
 * of staff of that band at that level (so colour is never the only signal); then the same numbers as
 * tables: staff per zone per band (with the expected levels) and staff per level per band.
 */
import { gradeBands } from "../catalog.js";
import { MAX_LEVEL, type SchoolRollup } from "../rollup.js";
import { ZONES, type Zone } from "../template.js";
import { expectedText, zoneOf } from "../zones.js";
import { esc, row } from "./html.js";
import { ZONE_LABEL, zoneKey } from "./zones.js";

export interface BandCounts {
  band: number;
  label: string;
  expected: string;
  zones: Record<Zone, number>;
  /** Staff of the band with no level at the checkpoint. */
  none: number;
}

/**
 * Staff per zone for each band at the chart's checkpoint, from the staff entries.
 * @example bandCounts(r)[2] -> { band: 3, expected: "3-4", zones: { below: 0, entry: 1, ... }, none: 0 }
 */
export function bandCounts(r: SchoolRollup): BandCounts[] {
  const cp = r.chartCheckpoint;
  return gradeBands().bands.map((b) => {
    const zones = Object.fromEntries(ZONES.map((z) => [z, 0])) as Record<Zone, number>;
    let none = 0;
    for (const s of r.staff.filter((x) => x.band === b.band)) {
      const z = s.zones[cp];
      if (z === null || z === undefined) none += 1;
      else zones[z] += 1;
    }
    return {
      band: b.band,
      label: `${b.teaching} / ${b.nonTeaching} / ${b.governance}`,
      expected: expectedText(b),
      zones,
      none,
    };
  });
}

function gridSvg(r: SchoolRollup): string {
  const key = zoneKey();
  const bands = gradeBands().bands;
  const cell = 36;
  const left = 70;
  const top = 24;
  const levels = Array.from({ length: MAX_LEVEL + 1 }, (_, l) => l);
  const heads = levels.map(
    (l) => `<text x="${left + l * cell + cell / 2}" y="16" text-anchor="middle">${l}</text>`,
  );
  const rows = bands.flatMap((b, i) => {
    const y = top + i * cell;
    const name = `<text x="0" y="${y + cell / 2 + 5}">Band ${b.band}</text>`;
    const cells = levels.map((l) => {
      const z = zoneOf(l, b) ?? "below";
      const n = r.chartCounts[i]?.[l] ?? 0;
      const x = left + l * cell;
      const count =
        n > 0
          ? `<text x="${x + cell / 2}" y="${y + cell / 2 + 9}" text-anchor="middle" font-weight="bold">${n}</text>`
          : "";
      return `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${key[z].fill}" stroke="#ffffff" stroke-width="2"/><text x="${x + 4}" y="${y + 12}" font-size="10" fill="#404040">${key[z].symbol}</text>${count}`;
    });
    return [name, ...cells];
  });
  const width = left + levels.length * cell;
  const height = top + bands.length * cell + 4;
  return `<svg role="img" aria-labelledby="bands-title" viewBox="0 0 ${width} ${height}" width="100%" class="chart"><title id="bands-title">Grade-band chart at ${esc(r.chartCheckpoint)}: staff of each band at each level</title><text x="${left - 8}" y="16" text-anchor="end" font-size="11">Level</text>${heads.join("")}${rows.join("")}</svg>`;
}

/** The band-by-band section: the grid, staff per zone per band, and staff per level per band. */
export function bandsSection(r: SchoolRollup): string {
  const key = zoneKey();
  const counts = bandCounts(r);
  const zoneHead = row(
    ["Band", "Expected levels", ...ZONES.map((z) => `${key[z].symbol} ${ZONE_LABEL[z]}`), "Not filled in"],
    "th",
  );
  const zoneBody = counts.map((c) =>
    row([`Band ${c.band} (${c.label})`, c.expected, ...ZONES.map((z) => c.zones[z]), c.none]),
  );
  const levels = Array.from({ length: MAX_LEVEL + 1 }, (_, l) => l);
  const levelHead = row(["Band", ...levels.map((l) => `Level ${l}`)], "th");
  const levelBody = gradeBands().bands.map((b, i) =>
    row([`Band ${b.band}`, ...levels.map((l) => r.chartCounts[i]?.[l] ?? 0)]),
  );
  return `<section id="bands-section"><h2>Band by band at ${esc(r.chartCheckpoint)}</h2>
<p>${esc(r.chartReason)} Each square is a level for a band, in its zone's colour and symbol; the number is how many staff of that band are at that level.</p>
<figure>${gridSvg(r)}</figure>
<table id="bands"><caption>Staff per zone in each band at ${esc(r.chartCheckpoint)}</caption><thead>${zoneHead}</thead><tbody>${zoneBody.join("")}</tbody></table>
<table id="band-levels" class="small"><caption>Staff per level in each band at ${esc(r.chartCheckpoint)}</caption><thead>${levelHead}</thead><tbody>${levelBody.join("")}</tbody></table></section>`;
}

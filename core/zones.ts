/**
 * Grade bands and zones (design §4). A staff tab names its band by any of its three labels
 * ("UPS1 TLR3", "G", "VC /TB") or by number ("3", "Band 3"); matching ignores case and spacing.
 * The zone of a level for a band comes from the band's own data (entry and expected levels), so a
 * trust changes the chart by editing templates/grade-bands.json, not code.
 */
import type { Band, ChartTemplate, Zone } from "./template.js";

function squash(s: string): string {
  return s.toLowerCase().replace(/\s+/g, "");
}

/**
 * resolveBand("ups1 tlr3", chart)?.band === 3; resolveBand("Band 5", chart)?.band === 5
 * Returns null for anything that names no band (including an empty cell).
 */
/** Only the bands are needed, so the panel can validate with the bands the host sent (BandInfo). */
export type BandList = Pick<ChartTemplate, "bands">;

export function resolveBand(label: string | number | null | undefined, chart: BandList): Band | null {
  if (label === null || label === undefined) return null;
  const s = squash(String(label));
  if (s === "") return null;
  const num = /^(?:band|grade)?(\d+)$/.exec(s);
  if (num) return chart.bands.find((b) => b.band === Number(num[1])) ?? null;
  return (
    chart.bands.find(
      (b) => squash(b.teaching) === s || squash(b.nonTeaching) === s || squash(b.governance) === s,
    ) ?? null
  );
}

/**
 * The zone of `level` for `band`: expected and entry as the band lists them, beyond above the highest
 * expected level, below otherwise. null level (not filled in) gives null.
 * @example zoneOf(3, band2) === "expected"; zoneOf(0, band1) === "entry"
 */
export function zoneOf(level: number | null, band: Band): Zone | null {
  if (level === null) return null;
  if (band.expected.includes(level)) return "expected";
  if (band.entry.includes(level)) return "entry";
  if (level > Math.max(...band.expected)) return "beyond";
  return "below";
}

/** A readable label for a band: "Band 3 (UPS1 TLR3 / G / VC /TB)". */
export function bandLabel(band: Band): string {
  return `Band ${band.band} (${band.teaching} / ${band.nonTeaching} / ${band.governance})`;
}

/** Levels expected for the band, as text: "3-4". */
export function expectedText(band: Band): string {
  const lo = Math.min(...band.expected);
  const hi = Math.max(...band.expected);
  return lo === hi ? String(lo) : `${lo}-${hi}`;
}

/**
 * The snapshot a host would read back from a freshly written SheetSpec: values as written, fills from
 * the styles (later styles win, as when a host applies them in order), the marker as text. Used by
 * the preview's in-memory workbook and by tests, so "generate, then read back" needs no host at all.
 */
import { parseRange } from "./a1.js";
import { formatMarker, type SheetSpec, type TabSnapshot } from "./sheet.js";

/** @example snapshotOf(ladderSheet(t, staff, opts)).values[0][0] === "Leadership Ladder ragging sheet: levels 1-8" */
export function snapshotOf(spec: SheetSpec): TabSnapshot {
  const values = spec.values.map((r) => [...r]);
  const fills: (string | null)[][] = values.map((r) => r.map(() => null));
  for (const s of spec.styles) {
    if (s.fill === undefined) continue;
    const r = parseRange(s.range);
    for (let i = r.row; i < r.row + r.rows; i++)
      for (let j = r.col; j < r.col + r.cols; j++)
        if (fills[i] && j < fills[i]!.length) fills[i]![j] = s.fill;
  }
  return { name: spec.name, values, fills, marker: spec.marker ? formatMarker(spec.marker) : null };
}

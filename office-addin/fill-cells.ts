/**
 * Which cells' fill colours are worth fetching, decided from a tab's values alone.
 *
 * Core reads fills only in checkpoint columns below a header row (ladder and rating tabs alike), so
 * the add-in fetches `getCellProperties` for those cells and not for the whole tab: that cuts the
 * response for a 75-statement ladder from about 600 cells to about 230, which is what keeps a
 * 200-tab roll-up inside one Excel-on-the-web response (design §6). The region is a superset of
 * what core reads: every column whose cell in ANY row names a checkpoint of ANY template (with the
 * spellings core accepts, via core's own matchCheckpoint), from the first such row down.
 *
 * It does not decide anything about the tab itself: core still recognises and checks it.
 */
import type { CellRange } from "../core/a1.js";
import { builtinTemplates } from "../core/catalog.js";
import { matchCheckpoint } from "../core/read/layout.js";
import type { CellValue } from "../core/sheet.js";

let checkpointNames: readonly string[] | null = null;

function allCheckpoints(): readonly string[] {
  checkpointNames ??= [
    ...new Set(builtinTemplates().flatMap((t) => ("checkpoints" in t ? [...t.checkpoints] : []))),
  ];
  return checkpointNames;
}

/**
 * Rectangles (0-based) whose fills core may read; adjacent checkpoint columns that start on the
 * same row are merged into one rectangle so each tab costs one or two getCellProperties calls.
 * @example fillCells([["Level", "Minimum standard", "Sep", "Mid"], [1, "x", null, null]]) // [{row:1,col:2,rows:1,cols:2}]
 */
export function fillCells(values: readonly (readonly CellValue[])[]): CellRange[] {
  const cps = allCheckpoints();
  const startRow = new Map<number, number>();
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!startRow.has(c) && typeof v === "string" && matchCheckpoint(v, cps) !== null)
        startRow.set(c, r + 1);
    }),
  );
  const last = values.length - 1;
  const cols = [...startRow.keys()].sort((a, b) => a - b);
  const out: CellRange[] = [];
  for (const c of cols) {
    const row = startRow.get(c)!;
    if (row > last) continue;
    const prev = out[out.length - 1];
    if (prev && prev.row === row && prev.col + prev.cols === c) prev.cols += 1;
    else out.push({ row, col: c, rows: last - row + 1, cols: 1 });
  }
  return out;
}

/**
 * Helpers over the fake workbook that make no counted calls: read a tab as core would see it, find
 * a ladder tab's statement cells, and colour them as a person would.
 */
import { a1 } from "../../core/a1.js";
import type { TabSnapshot } from "../../core/sheet.js";
import { splitMarkerCells, toCellValue } from "../../apps-script/adapter.js";
import { MARKER_KEY } from "../../apps-script/write.js";
import type { FakeSheet, FakeSpreadsheet } from "./fake/index.js";

/** The tab as core would read it (values, fills, marker), without counting calls. */
export function snapshotOf(sheet: FakeSheet): TabSnapshot {
  const { rows, cols } = sheet.cells.extent();
  const values: TabSnapshot["values"] = [];
  const fills: TabSnapshot["fills"] = [];
  for (let r = 1; r <= Math.max(rows, 1); r++) {
    const vr: TabSnapshot["values"][number] = [];
    const fr: TabSnapshot["fills"][number] = [];
    for (let c = 1; c <= Math.max(cols, 1); c++) {
      const cell = sheet.peek(r, c);
      const v = cell?.value ?? "";
      vr.push(v instanceof Date ? v.toISOString().slice(0, 10) : toCellValue(v));
      fr.push(cell?.bg ?? null);
    }
    values.push(vr);
    fills.push(fr);
  }
  // As the adapter reads it: the marker cell taken out of the values, else (older tabs) the metadata.
  const split = splitMarkerCells(values, fills);
  const marker = split.marker ?? sheet.metadata.find((m) => m.key === MARKER_KEY)?.value ?? null;
  return { name: sheet.name, values: split.values, fills: split.fills, marker };
}

/** The marker text of a tab (uncounted), as the adapter finds it. */
export function markerOf(sheet: FakeSheet): string | null {
  return snapshotOf(sheet).marker;
}

export function snapshotsOf(ss: FakeSpreadsheet): TabSnapshot[] {
  return ss.sheets.map(snapshotOf);
}

/** 1-based rows of a ladder tab's statements (non-empty "Minimum standard" below the header). */
export function statementRows(sheet: FakeSheet): number[] {
  const { rows } = sheet.cells.extent();
  let header = 0;
  for (let r = 1; r <= rows && !header; r++)
    if (sheet.peek(r, 1)?.value === "Level" && sheet.peek(r, 2)?.value === "Minimum standard") header = r;
  if (!header) throw new Error(`${sheet.name}: no ladder header`);
  const out: number[] = [];
  for (let r = header + 1; r <= rows; r++) if (sheet.peek(r, 2)?.value) out.push(r);
  return out;
}

export const CHECKPOINT_COL = { Sep: 3, Mid: 4, Jul: 5 } as const;
export const GOOGLE_GREEN = "#b6d7a8";
export const GOOGLE_AMBER = "#ffe599";

/**
 * Colour a ladder tab as a person would: the first `green` statements green in the checkpoint's
 * column, then (optionally) the next one left blank and `amberAfter` amber after it, and
 * `mistake` puts a green cell after the gap (a colouring error). By default it sets the fake's cells
 * directly (uncounted); `setFill` paints another way (scenario.ts: through setBackground, counted).
 */
export function colourLadder(
  sheet: FakeSheet,
  checkpoint: keyof typeof CHECKPOINT_COL,
  green: number,
  opts: {
    amberAfter?: number;
    mistake?: boolean;
    setFill?: (row: number, col: number, colour: string) => void;
  } = {},
): string[] {
  const rows = statementRows(sheet);
  const col = CHECKPOINT_COL[checkpoint];
  const painted: string[] = [];
  const setFill = opts.setFill ?? ((row, c, colour) => (sheet.cells.at(row, c).bg = colour));
  const paint = (row: number | undefined, colour: string): void => {
    if (row === undefined) return;
    setFill(row, col, colour);
    painted.push(a1(row - 1, col - 1));
  };
  rows.slice(0, green).forEach((r) => paint(r, GOOGLE_GREEN));
  rows.slice(green + 1, green + 1 + (opts.amberAfter ?? 0)).forEach((r) => paint(r, GOOGLE_AMBER));
  if (opts.mistake) paint(rows[green + 2 + (opts.amberAfter ?? 0)], GOOGLE_GREEN);
  return painted;
}

/** Every tab's full state (cells, formats, metadata ...), for before/after comparisons. */
export function fullState(ss: FakeSpreadsheet, names: readonly string[]): Record<string, object> {
  return Object.fromEntries(names.map((n) => [n, ss.tab(n).snapshot()]));
}

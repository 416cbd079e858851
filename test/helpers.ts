/** Test helpers: literal snapshots, painting cells by A1 reference, the built-in templates by id. */
import { parseA1 } from "../core/a1.js";
import { findTemplate } from "../core/catalog.js";
import { ladderSheet, type LadderOptions } from "../core/generate/ladder.js";
import type { CellValue, TabSnapshot } from "../core/sheet.js";
import { snapshotOf } from "../core/snapshot.js";
import type { LadderTemplate } from "../core/template.js";

export const GREEN = "#00b050";
export const AMBER = "#ffc000";
export const RED = "#ff0000";
export const BLUE = "#0070c0";

export function ladder(): LadderTemplate {
  const t = findTemplate("leadership-ladder");
  if (t.kind !== "ladder") throw new Error("leadership-ladder is not a ladder");
  return t;
}

export const ANN = { name: "Ann Lee", band: "UPS1 TLR3", role: "Teacher", appraiser: "Sam Roe" };

/** A freshly generated ladder tab as a host would read it. */
export function ladderSnap(opts: Partial<LadderOptions> = {}, staff = ANN): TabSnapshot {
  return snapshotOf(ladderSheet(ladder(), staff, { year: "2026-27", name: staff.name, ...opts }));
}

/** adr("C12") -> [row, col] 0-based */
export function adr(ref: string): [number, number] {
  const { row, col } = parseA1(ref);
  return [row, col];
}

function ensure(snap: TabSnapshot, row: number, col: number): void {
  while (snap.values.length <= row) snap.values.push([]);
  while (snap.fills.length <= row) snap.fills.push([]);
  while (snap.values[row]!.length <= col) snap.values[row]!.push(null);
  while (snap.fills[row]!.length <= col) snap.fills[row]!.push(null);
}

export function paint(snap: TabSnapshot, ref: string, fill: string | null): TabSnapshot {
  const [r, c] = adr(ref);
  ensure(snap, r, c);
  snap.fills[r]![c] = fill;
  return snap;
}

export function put(snap: TabSnapshot, ref: string, value: CellValue): TabSnapshot {
  const [r, c] = adr(ref);
  ensure(snap, r, c);
  snap.values[r]![c] = value;
  return snap;
}

/** Row (0-based) of the table header in a snapshot: the row whose first cell is "Level". */
export function headerRow(snap: TabSnapshot): number {
  return snap.values.findIndex((r) => r[0] === "Level");
}

/** A1 reference of the checkpoint cell for the n-th statement (0-based) in column "C"/"D"/"E". */
export function statementCell(snap: TabSnapshot, n: number, col: "C" | "D" | "E"): string {
  return `${col}${headerRow(snap) + 2 + n}`;
}

/** Paint the first `count` statements of a column with `fill`. */
export function paintRun(
  snap: TabSnapshot,
  col: "C" | "D" | "E",
  from: number,
  count: number,
  fill: string,
): TabSnapshot {
  for (let i = from; i < from + count; i++) paint(snap, statementCell(snap, i, col), fill);
  return snap;
}

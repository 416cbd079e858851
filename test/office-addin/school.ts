/**
 * A school for the Excel add-in tests: a staff list (with names that are formulas and injections),
 * a deterministic colouring of every tab (correct runs, amber after a gap, and the three mistakes:
 * green after a gap, amber before the gap, an unknown colour, plus white fills that read as blank),
 * and an independent reading of the fake workbook's state into snapshots (full fills, no Office.js),
 * so results can be compared with core and the command line on exactly the same data.
 */
import { a1 } from "../../core/a1.js";
import type { CellValue, SheetSpec, TabSnapshot } from "../../core/sheet.js";
import type { StaffInput } from "../../ui/api.js";
import { key, usedExtent, type SheetState } from "./fake-state.js";

export const TODAY = new Date("2026-11-23T10:00:00Z");
export const GREEN = "#00B050";
export const AMBER = "#FFC000";
export const BLUE = "#0070C0";
export const WHITE = "#FFFFFF";

const BANDS = ["1", "2", "UPS1 TLR3", "4", "TLR1", "AH", "DH Head", "F", "H-I", "Chair"];
const ODD_NAMES = [
  '=HYPERLINK("http://x","y")',
  "+1",
  "-1+2",
  "@SUM(A1)",
  "007",
  "<img src=x onerror=alert(1)>",
];

export function staffList(n: number): StaffInput[] {
  return Array.from({ length: n }, (_, i) => ({
    name: ODD_NAMES[i] ?? `Staff ${String(i + 1).padStart(3, "0")}`,
    band: BANDS[i % BANDS.length]!,
    role: i % 2 ? "Teacher" : "Teaching assistant",
    appraiser: `Appraiser ${(i % 4) + 1}`,
  }));
}

export interface Paint {
  tab: string;
  cell: string;
  hex: string;
}

/** The colours person i puts on their tab (rows are the spec's statement rows). */
export function paintPlan(specs: readonly SheetSpec[], variant = 0): Paint[] {
  const out: Paint[] = [];
  specs.forEach((spec, idx) => {
    const i = idx + variant;
    const header = spec.values.findIndex((row) => row[0] === "Level");
    const rows = spec.values.length - header - 1;
    const put = (k: number, col: number, hex: string) => {
      if (k < rows) out.push({ tab: spec.name, cell: a1(header + 1 + k, col), hex });
    };
    const run = (col: number, n: number) => {
      for (let k = 0; k < n; k++) put(k, col, GREEN);
    };
    run(2, 4 + (i % 20));
    const mid = 8 + (i % 25);
    run(3, mid);
    if (i % 4 === 1) put(mid + 1, 3, GREEN); // green after a gap
    if (i % 4 === 2) put(mid + 2, 3, AMBER); // amber after the gap: correct
    if (i % 4 === 3) put(mid, 3, AMBER); // amber as the first non-green: error
    if (i % 5 === 0) put(mid, 3, WHITE); // a white fill reads as blank
    if (i % 7 === 3)
      put(0, 4, BLUE); // unknown colour
    else if (i % 2 === 1) run(4, 12 + (i % 30));
  });
  return out;
}

/** A sheet of the fake workbook as core should see it, read straight from the state. */
export function stateSnapshot(sheet: SheetState): TabSnapshot {
  const ext = usedExtent(sheet, false);
  let marker: string | null = null;
  const rows = ext ? ext.row + ext.rows : 0;
  const cols = ext ? ext.col + ext.cols : 0;
  const values: CellValue[][] = [];
  const fills: (string | null)[][] = [];
  let lastR = 0;
  let lastC = 0;
  for (let r = 0; r < rows; r++) {
    values.push([]);
    fills.push([]);
    for (let c = 0; c < cols; c++) {
      const cell = sheet.cells.get(key(r, c));
      let v: CellValue = cell?.value ?? null;
      if (typeof v === "string" && v.startsWith("ladder-sheets")) {
        if (v.startsWith("ladder-sheets:")) marker ??= v;
        v = null;
      }
      const f = cell?.fill && cell.fill.pattern !== "None" ? cell.fill.color.toLowerCase() : null;
      values[r]!.push(v);
      fills[r]!.push(f);
      if (v !== null || f !== null) {
        lastR = Math.max(lastR, r + 1);
        lastC = Math.max(lastC, c + 1);
      }
    }
  }
  const cut = <T>(g: T[][]) => g.slice(0, lastR).map((row) => row.slice(0, lastC));
  return { name: sheet.name, values: cut(values), fills: cut(fills), marker };
}

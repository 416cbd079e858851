/**
 * Demo tabs so the preview is not empty: four staff at different levels, one with two mistakes
 * against the colouring rule, one in tick-box mode, one not filled in yet. Names are made up.
 */
import { CLASS_FILL } from "../../core/colour.js";
import { planCreate } from "../../core/app.js";
import { findLadderHeader } from "../../core/read/ladder.js";
import type { MemoryTab, MemoryWorkbook } from "./memory-workbook.js";

/** Rows (0-based) of the tab's statements, and the column of each checkpoint. */
export function ladderLayout(tab: MemoryTab): { rows: number[]; cols: Record<string, number> } {
  const header = findLadderHeader(tab.values);
  if (!header) return { rows: [], cols: {} };
  const st = header.cols.get("statement")!;
  const rows: number[] = [];
  for (let r = header.row + 1; r < tab.values.length; r++) {
    const v = tab.values[r]?.[st];
    if (typeof v === "string" && v.trim() !== "") rows.push(r);
  }
  return { rows, cols: Object.fromEntries(header.checkpoints.map((c) => [c.name, c.col])) };
}

type Mark = "G" | "A" | "T";

/** Paint statement i of checkpoint cp: G green, A amber, T tick. */
function paint(wb: MemoryWorkbook, tab: MemoryTab, cp: string, marks: Record<number, Mark>): void {
  const { rows, cols } = ladderLayout(tab);
  const col = cols[cp]!;
  for (const [i, m] of Object.entries(marks)) {
    const row = rows[Number(i)]!;
    if (m === "T") tab.values[row]![col] = true;
    else wb.setFill(tab, row, col, m === "G" ? CLASS_FILL.green : CLASS_FILL.amber);
  }
}

function run(from: number, to: number, m: Mark): Record<number, Mark> {
  const out: Record<number, Mark> = {};
  for (let i = from; i < to; i++) out[i] = m;
  return out;
}

export function seedDemo(wb: MemoryWorkbook, today: Date = new Date()): void {
  const staff = [
    { name: "Ann Lee", band: "UPS1 TLR3", role: "Teacher, English", appraiser: "Sam Patel" },
    { name: "Ben Okafor", band: "G", role: "Office manager", appraiser: "Sam Patel" },
    { name: "Eve Brown", band: "J-K", role: "Business manager", appraiser: "Head" },
  ];
  const specs = planCreate(
    { templateId: "leadership-ladder", staff, ticks: false, upTo: 8 },
    wb.names,
    today,
  );
  // Eve Brown stays empty: not filled in yet.
  const [ann, ben] = specs.map((s) => wb.write(s));
  const [cara] = planCreate(
    {
      templateId: "leadership-ladder",
      staff: [{ name: "Cara Singh", band: "TLR1", role: "Head of maths", appraiser: "Head" }],
      ticks: true,
      upTo: 8,
    },
    wb.names,
    today,
  ).map((s) => wb.write(s));

  paint(wb, ann!, "Sep", run(0, 15, "G"));
  paint(wb, ann!, "Mid", { ...run(0, 21, "G"), 23: "A" });
  // Ben: a green below a gap (Sep) and an amber where the run first breaks (Mid).
  paint(wb, ben!, "Sep", { ...run(0, 9, "G"), 11: "G" });
  paint(wb, ben!, "Mid", { ...run(0, 9, "G"), 9: "A" });
  paint(wb, cara!, "Sep", { ...run(0, 32, "T"), 33: "T" });
  wb.active = 0;
}

/**
 * A school built through the add-on itself: staff tabs created by the bundle's createTabs (in the
 * panel's batches of 10), then coloured in the fake with setBackground as people would, some with
 * colouring mistakes.
 */
import { parseMarker, type TabRole } from "../../core/sheet.js";
import type { FakeGas, FakeSheet } from "./fake/index.js";
import type { Addon } from "./vm.js";
import { CHECKPOINT_COL, colourLadder, markerOf } from "./workbook.js";

const BANDS = ["UNQ 1", "UNQ 2+ M1-6", "UPS1 TLR3", "UPS2-3 TLR2", "TLR1", "AH", "DH Head", "F", "H-I", "3"];
export const PANEL_BATCH = 10;

export function staffList(n: number, prefix = "Staff") {
  return Array.from({ length: n }, (_, i) => ({
    name: `${prefix} ${String(i + 1).padStart(3, "0")}`,
    band: BANDS[i % BANDS.length]!,
    role: i % 3 === 0 ? "Teacher" : "Teaching assistant",
    appraiser: "Sam Roe",
  }));
}

/** Create staff tabs through the bundle, as the sidebar does. */
export function createStaff(addon: Addon, staff: ReturnType<typeof staffList>, ticks = false): string[] {
  const created: string[] = [];
  for (let i = 0; i < staff.length; i += PANEL_BATCH) {
    const r = addon.call<{ created: string[] }>("createTabs", {
      templateId: "leadership-ladder",
      staff: staff.slice(i, i + PANEL_BATCH),
      ticks,
    });
    created.push(...r.created);
  }
  return created;
}

/** Colour the first `green` statements of a checkpoint with setBackground, one cell at a time. */
export function colour(
  sheet: FakeSheet,
  checkpoint: keyof typeof CHECKPOINT_COL,
  green: number,
  opts: { amberAfter?: number; mistake?: boolean } = {},
): string[] {
  return colourLadder(sheet, checkpoint, green, {
    ...opts,
    setFill: (row, col, c) => sheet.getRange(row, col, 1, 1).setBackground(c),
  });
}

/** A varied school: levels spread out, some tabs with amber and some with a colouring mistake. */
export function colourSchool(gas: FakeGas, tabs: readonly string[], seed = 0): void {
  tabs.forEach((name, i) => {
    const sheet = gas.ss.tab(name);
    const k = i + seed;
    colour(sheet, "Sep", (k * 7) % 30, { amberAfter: k % 4 === 1 ? 2 : 0 });
    if (k % 2 === 0) colour(sheet, "Mid", (k * 11) % 45, { mistake: k % 5 === 0 });
  });
}

export function roleOf(sheet: FakeSheet): TabRole | null {
  return parseMarker(markerOf(sheet))?.role ?? null;
}

/** A tab's content without its name (for "is this the old summary or the new one?"). */
export function content(sheet: FakeSheet): string {
  const snap = sheet.snapshot() as Record<string, unknown>;
  delete snap.name;
  return JSON.stringify(snap);
}

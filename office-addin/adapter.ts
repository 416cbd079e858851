/**
 * The Excel host adapter: the narrow port core needs (read tabs in bulk, write tabs in bulk,
 * replace the roll-up's own tabs safely, select a cell), each as one `Excel.run` with a constant
 * number of syncs. It decides nothing about ragging sheets: core/app.ts plans, this carries out.
 *
 * Sync counts (payload permitting, see read.ts):
 *   readWorkbook 4 · readActive 3 · sheetNames 1 · writeSheets 1 · replaceOwnSheets 1 + 1 (write, swap)
 *
 * Replacing the summary (roll-up) and trust tabs: the new tabs are written first under temporary
 * names; only when that succeeded are the old ones deleted and the new ones renamed, in one batch.
 * A failure while writing deletes the half-written temporaries (the old tabs were never touched); a
 * failure during the swap is finished by retrying it once by sheet id, so either the old tabs or the
 * new ones stand whole. Staff tabs are never written to.
 */
import { LadderError } from "../core/errors.js";
import { legalTabName } from "../core/names.js";
import {
  parseMarker,
  type CellValue,
  type SheetSpec,
  type TabRole,
  type TabSnapshot,
} from "../core/sheet.js";
import { BASE_CAPS, type ExcelRunner, type HostCaps, type XContext } from "./excel-port.js";
import {
  cellValue,
  EXCEL_WEB_LIMITS,
  listSheets,
  queueInfo,
  readSnapshots,
  batchBySize,
  type PayloadLimits,
} from "./read.js";
import { queueSheet, writeBytes } from "./write.js";

export interface TabRef {
  id: string;
  name: string;
  marker: string | null;
}

export interface AdapterOptions {
  run: ExcelRunner;
  caps?: HostCaps;
  limits?: PayloadLimits;
}

/** Suffix for tabs being built, so a half-built tab is recognisable and never mistaken for a real one. */
export const BUILDING = " (building)";

function hostFailed(message: string, cause: unknown): LadderError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new LadderError("host-failed", message, [detail]);
}

/** Write specs as new sheets: one sync per batch of the payload limit (one sync for a normal request). */
async function writeAll(
  ctx: XContext,
  specs: readonly SheetSpec[],
  caps: HostCaps,
  limits: PayloadLimits,
): Promise<void> {
  for (const batch of batchBySize(specs, (s) => writeBytes(s, caps), limits.maxBytes)) {
    for (const spec of batch) queueSheet(ctx, spec, caps);
    await ctx.sync();
  }
}

/** Names of the temporaries and the final names for new tabs, legal and unique against what stays. */
export function planNames(specs: readonly SheetSpec[], staying: readonly string[], all: readonly string[]) {
  const finals: string[] = [];
  const temps: string[] = [];
  for (const s of specs) finals.push(legalTabName(s.name, [...staying, ...finals]));
  for (const f of finals)
    temps.push(legalTabName(f.slice(0, 31 - BUILDING.length) + BUILDING, [...all, ...finals, ...temps]));
  return { finals, temps };
}

export class ExcelAdapter {
  private readonly run: ExcelRunner;
  private readonly caps: HostCaps;
  private readonly limits: PayloadLimits;

  constructor(opts: AdapterOptions) {
    // Excel's own errors (RichApi.Error and the like) become one typed error for the panel to show.
    this.run = async (batch) => {
      try {
        return await opts.run(batch);
      } catch (e) {
        if (e instanceof LadderError) throw e;
        throw hostFailed("Excel could not finish that. Nothing you wrote was changed; try again.", e);
      }
    };
    this.caps = opts.caps ?? BASE_CAPS;
    this.limits = opts.limits ?? EXCEL_WEB_LIMITS;
  }

  /** Every tab as a snapshot, with its id: 4 syncs whatever the number of tabs. */
  readWorkbook(): Promise<{ tabs: TabRef[]; snapshots: TabSnapshot[] }> {
    return this.run(async (ctx) => {
      const sheets = await listSheets(ctx);
      const snapshots = await readSnapshots(ctx, sheets, this.limits);
      const tabs = sheets.map((s, i) => ({ id: s.info.id, name: s.info.name, marker: snapshots[i]!.marker }));
      return { tabs, snapshots };
    });
  }

  /** The tab the person is looking at: 3 syncs. */
  readActive(): Promise<TabSnapshot> {
    return this.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getActiveWorksheet();
      const info = queueInfo(sheet);
      await ctx.sync();
      const [snap] = await readSnapshots(ctx, [{ sheet, info: info() }], this.limits);
      return snap!;
    });
  }

  /**
   * The values of the selected cells that hold any (for "use the selected rows"): 1 sync. Only the
   * used part is fetched, so selecting whole columns does not pull a million empty rows. A selection
   * of several areas (rows picked with Ctrl+click) gives their rows in the order selected.
   */
  readSelection(): Promise<CellValue[][]> {
    return this.run(async (ctx) => {
      const used = ctx.workbook.getSelectedRanges().getUsedRangeAreasOrNullObject(true);
      used.load("areas/items/values");
      await ctx.sync();
      if (used.isNullObject) return [];
      return used.areas.items.flatMap((area) => area.values.map((row) => row.map(cellValue)));
    });
  }

  /** Names of every tab: 1 sync. */
  sheetNames(): Promise<string[]> {
    return this.run(async (ctx) => {
      const coll = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      return coll.items.map((s) => s.name);
    });
  }

  /** Add new tabs (names already legal and unique) and show the first: 1 sync for a normal request. */
  writeSheets(specs: readonly SheetSpec[]): Promise<void> {
    if (specs.length === 0) return Promise.resolve();
    return this.run(async (ctx) => {
      const batches = batchBySize(specs, (s) => writeBytes(s, this.caps), this.limits.maxBytes);
      for (const [i, batch] of batches.entries()) {
        const sheets = batch.map((spec) => queueSheet(ctx, spec, this.caps));
        if (i === 0) sheets[0]!.activate();
        await ctx.sync();
      }
    });
  }

  /** Show a tab and select one cell on it (clicking a finding): 1 sync. */
  selectCell(tab: string, cell: string): Promise<void> {
    return this.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem(tab);
      sheet.activate();
      sheet.getRange(cell).select();
      await ctx.sync();
    });
  }

  /**
   * Replace the tabs whose marker has one of `roles` with `specs` (build new, then swap), given the
   * tabs as read just before. Returns the final names. 2 syncs when nothing fails.
   */
  replaceOwnSheets(
    roles: readonly TabRole[],
    specs: readonly SheetSpec[],
    current: readonly TabRef[],
  ): Promise<string[]> {
    const old = current.filter((t) => {
      const role = parseMarker(t.marker)?.role;
      return role !== undefined && roles.includes(role);
    });
    const staying = current.filter((t) => !old.includes(t)).map((t) => t.name);
    const { finals, temps } = planNames(
      specs,
      staying,
      current.map((t) => t.name),
    );
    return this.run(async (ctx) => {
      try {
        await writeAll(
          ctx,
          specs.map((s, i) => ({ ...s, name: temps[i]! })),
          this.caps,
          this.limits,
        );
      } catch (e) {
        await this.deleteNamed(ctx, temps);
        throw hostFailed("The roll-up could not write its new tabs, so nothing was changed. Try again.", e);
      }
      // Finish a swap that failed part-way: idempotent, by what is there now (old ids, temp names).
      const finishSwap = async () => {
        const coll = ctx.workbook.worksheets.load("items/id,items/name");
        await ctx.sync();
        const byId = new Set(coll.items.map((s) => s.id));
        const byName = new Set(coll.items.map((s) => s.name));
        for (const o of old) if (byId.has(o.id)) ctx.workbook.worksheets.getItem(o.id).delete();
        temps.forEach((t, i) => {
          if (byName.has(t)) ctx.workbook.worksheets.getItem(t).name = finals[i]!;
        });
        if (finals.length > 0)
          ctx.workbook.worksheets.getItem(byName.has(temps[0]!) ? temps[0]! : finals[0]!).activate();
        await ctx.sync();
      };
      try {
        await this.swapOnce(ctx, old, temps, finals);
      } catch {
        try {
          await finishSwap();
        } catch (e) {
          throw hostFailed(
            "The roll-up stopped while replacing the summary. The old summary or the new one is complete; staff tabs were not touched. Run the roll-up again.",
            e,
          );
        }
      }
      return finals;
    });
  }

  /** The swap when all went well: one sync, no reads. */
  private async swapOnce(
    ctx: XContext,
    old: readonly TabRef[],
    temps: readonly string[],
    finals: readonly string[],
  ) {
    for (const o of old) ctx.workbook.worksheets.getItem(o.id).delete();
    temps.forEach((t, i) => (ctx.workbook.worksheets.getItem(t).name = finals[i]!));
    if (finals.length > 0) ctx.workbook.worksheets.getItem(finals[0]!).activate();
    await ctx.sync();
  }

  /** Best effort: delete the named tabs that exist (after a failed write). Never throws. */
  private async deleteNamed(ctx: XContext, names: readonly string[]): Promise<void> {
    try {
      const coll = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      const present = coll.items.filter((s) => names.includes(s.name));
      if (present.length === 0) return;
      for (const s of present) s.delete();
      await ctx.sync();
    } catch {
      // The next roll-up removes leftovers: they carry the roll-up's own marker.
    }
  }
}

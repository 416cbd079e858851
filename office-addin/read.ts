/**
 * Reading tabs into core's TabSnapshots in a constant number of syncs, whatever the number of tabs:
 *   sync 1  the worksheet list (ids, names);
 *   sync 2  every tab's used-range size (values only, so a whole coloured column does not count);
 *   sync 3  every tab's values, A1 to its last used cell;
 *   sync 4  fills (`getCellProperties`, ExcelApi 1.9) of the cells core reads fills from (fill-cells.ts).
 * Syncs 3 and 4 are split into more only when the estimated response (cells x bytes per cell) would
 * pass the payload limit (Excel on the web: 5 MB per request and per response); if Excel still
 * answers ResponsePayloadSizeLimitExceeded, that batch is halved and asked again (reads are safe to
 * repeat). The pure helpers (batching, fill decoding, metadata cells) are exported for tests.
 *
 * Metadata: the template marker is a text cell in a hidden column right of the content, exactly as
 * the command line writes it (see write.ts), so a workbook moves between the two unchanged. Cells
 * starting "ladder-sheets" are taken out of the values, as the command line does.
 */
import { a1, a1Range } from "../core/a1.js";
import { LadderError } from "../core/errors.js";
import { parseMarker, type CellValue, type TabSnapshot } from "../core/sheet.js";
import type { XContext, XRange, XWorksheet } from "./excel-port.js";
import { fillCells } from "./fill-cells.js";

export interface PayloadLimits {
  /** Largest request or response in bytes (Excel on the web: 5 MB; tests lower it to force splits). */
  maxBytes: number;
  /**
   * Estimated response bytes per cell of `values`. A generated ladder tab with the year record beside
   * it averages about 17 (the record's columns are mostly empty; the ladder alone averages about 26),
   * so 24 leaves a margin; a batch Excel still refuses is halved and retried (syncInBatches).
   */
  valueBytesPerCell: number;
  /** Estimated response bytes per cell of getCellProperties with fill color, pattern, tintAndShade. */
  fillBytesPerCell: number;
}

export const EXCEL_WEB_LIMITS: PayloadLimits = {
  maxBytes: 5_000_000,
  valueBytesPerCell: 24,
  fillBytesPerCell: 80,
};

export interface SheetInfo {
  id: string;
  name: string;
  /** Rows and columns from A1 to the last cell holding a value (0 x 0 when empty). */
  rows: number;
  cols: number;
}

const PAYLOAD_CODES = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded"]);

function errorCode(e: unknown): string {
  return typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : "";
}

/**
 * Consecutive batches whose summed estimate stays within `limit` (an item over the limit on its own
 * gets a batch of its own).
 * @example batchBySize([3, 3, 3], (n) => n, 6) // [[3, 3], [3]]
 */
export function batchBySize<T>(items: readonly T[], size: (t: T) => number, limit: number): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let bytes = 0;
  for (const it of items) {
    const b = size(it);
    if (cur.length > 0 && bytes + b > limit) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(it);
    bytes += b;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * Queue a batch, sync once, collect. A batch Excel refuses as too large is halved and retried.
 * `queue` runs before the sync and returns a reader that runs after it.
 */
export async function syncInBatches<T, R>(
  ctx: XContext,
  items: readonly T[],
  size: (t: T) => number,
  limit: number,
  queue: (t: T) => () => R,
): Promise<R[]> {
  const run = async (batch: readonly T[]): Promise<R[]> => {
    const readers = batch.map(queue);
    try {
      await ctx.sync();
    } catch (e) {
      if (!PAYLOAD_CODES.has(errorCode(e))) throw e;
      if (batch.length === 1)
        throw new LadderError(
          "host-failed",
          "One tab is too large for Excel to send in one piece; split it into smaller tabs.",
        );
      const half = Math.ceil(batch.length / 2);
      return [...(await run(batch.slice(0, half))), ...(await run(batch.slice(half)))];
    }
    return readers.map((r) => r());
  };
  const out: R[] = [];
  for (const batch of batchBySize(items, size, limit)) out.push(...(await run(batch)));
  return out;
}

/** A fill from getCellProperties: no fill and white both read '#FFFFFF'; no fill has pattern None or no tintAndShade. */
export function fillOf(p: Excel.CellProperties | undefined): string | null {
  const f = p?.format?.fill;
  if (!f || typeof f.color !== "string") return null;
  if (f.pattern === "None" || f.tintAndShade === null || f.tintAndShade === undefined) return null;
  const hex = /^#?([0-9a-f]{6})$/i.exec(f.color.trim());
  return hex ? `#${hex[1]!.toLowerCase()}` : null;
}

/** A raw Excel value as core sees it ('' is empty; metadata cells are handled by splitMeta). */
export function cellValue(v: unknown): CellValue {
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return null;
}

/** Values without metadata cells, and the marker they held (the first one found). */
export function splitMeta(raw: readonly (readonly unknown[])[]): {
  values: CellValue[][];
  marker: string | null;
} {
  let marker: string | null = null;
  const values = raw.map((row) =>
    row.map((v) => {
      if (typeof v === "string" && v.startsWith("ladder-sheets")) {
        if (marker === null && parseMarker(v) !== null) marker = v.trim();
        return null;
      }
      return cellValue(v);
    }),
  );
  return { values, marker };
}

/** Drop trailing rows and columns that hold neither a value nor a fill (as the command line does). */
export function trimGrid(
  values: CellValue[][],
  fills: (string | null)[][],
): { values: CellValue[][]; fills: (string | null)[][] } {
  let rows = 0;
  let cols = 0;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null || (fills[r]?.[c] ?? null) !== null) {
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, c + 1);
      }
    }),
  );
  const cut = <T>(g: T[][]) =>
    g.slice(0, rows).map((row) => Array.from({ length: cols }, (_, c) => row[c] ?? null));
  return { values: cut(values), fills: cut(fills) };
}

/** Queue the used-range size of a sheet; the reader gives its SheetInfo after sync. */
export function queueInfo(sheet: XWorksheet): () => SheetInfo {
  sheet.load("id,name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  return () =>
    used.isNullObject
      ? { id: sheet.id, name: sheet.name, rows: 0, cols: 0 }
      : {
          id: sheet.id,
          name: sheet.name,
          rows: used.rowIndex + used.rowCount,
          cols: used.columnIndex + used.columnCount,
        };
}

/** Every worksheet with its size: syncs 1 and 2. */
export async function listSheets(ctx: XContext): Promise<{ sheet: XWorksheet; info: SheetInfo }[]> {
  const coll = ctx.workbook.worksheets.load("items/id,items/name");
  await ctx.sync();
  const sheets = coll.items;
  const readers = sheets.map(queueInfo);
  await ctx.sync();
  return sheets.map((sheet, i) => ({ sheet, info: readers[i]!() }));
}

/** Values and fills of the given sheets as snapshots: syncs 3 and 4 (more only past the payload limit). */
export async function readSnapshots(
  ctx: XContext,
  sheets: readonly { sheet: XWorksheet; info: SheetInfo }[],
  limits: PayloadLimits = EXCEL_WEB_LIMITS,
): Promise<TabSnapshot[]> {
  const withCells = sheets.filter((s) => s.info.rows > 0 && s.info.cols > 0);
  const raw = await syncInBatches(
    ctx,
    withCells,
    (s) => s.info.rows * s.info.cols * limits.valueBytesPerCell,
    limits.maxBytes,
    (s) => {
      const range: XRange = s.sheet.getRange(`A1:${a1(s.info.rows - 1, s.info.cols - 1)}`).load("values");
      return () => range.values;
    },
  );
  const split = new Map(withCells.map((s, i) => [s.info.id, splitMeta(raw[i]!)]));
  const regions = withCells.flatMap((s) =>
    fillCells(split.get(s.info.id)!.values).map((region) => ({ s, region })),
  );
  const fills = new Map(
    withCells.map((s) => [
      s.info.id,
      split.get(s.info.id)!.values.map((row) => row.map((): string | null => null)),
    ]),
  );
  const props = await syncInBatches(
    ctx,
    regions,
    (x) => x.region.rows * x.region.cols * limits.fillBytesPerCell,
    limits.maxBytes,
    ({ s, region }) => {
      const address = a1Range(
        region.row,
        region.col,
        region.row + region.rows - 1,
        region.col + region.cols - 1,
      );
      const result = s.sheet
        .getRange(address)
        .getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
      return () => result.value;
    },
  );
  regions.forEach(({ s, region }, i) => {
    const grid = fills.get(s.info.id)!;
    props[i]!.forEach((row, r) =>
      row.forEach((p, c) => {
        const target = grid[region.row + r];
        if (target) target[region.col + c] = fillOf(p);
      }),
    );
  });
  return sheets.map(({ info }) => {
    const parts = split.get(info.id);
    if (!parts) return { name: info.name, values: [], fills: [], marker: null };
    return { name: info.name, ...trimGrid(parts.values, fills.get(info.id)!), marker: parts.marker };
  });
}

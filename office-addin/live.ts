/**
 * Live checking: Excel tells the task pane when cells change (onChanged), when formats change
 * (onFormatChanged, ExcelApi 1.9: colouring a cell) and when another sheet is shown (onActivated).
 * Each event marks the check stale and schedules one re-check after a quiet moment (debounced), so
 * colouring twenty cells costs one read of the sheet, not twenty. The result is kept until the next
 * event, so the panel's own refresh (ui/panel/check.ts polls checkActiveTab) costs no Excel round
 * trip at all while nothing changes; `onResult` hears each fresh result as it arrives.
 *
 * It does not read the workbook itself: `check` (the Excel PanelApi's read + core check) does.
 */
import type { CheckResult } from "../ui/api.js";
import type { ExcelRunner } from "./excel-port.js";

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
};

export const DEBOUNCE_MS = 400;

export class LiveCheck {
  private latest: CheckResult | null = null;
  private stale = true;
  private timer: unknown = null;
  private readonly listeners: ((r: CheckResult) => void)[] = [];
  /** How many reads of the workbook this has made (for tests and the docs' figures). */
  reads = 0;

  constructor(
    private readonly check: () => Promise<CheckResult>,
    private readonly debounceMs = DEBOUNCE_MS,
    private readonly timers: Timers = REAL_TIMERS,
  ) {}

  onResult(fn: (r: CheckResult) => void): void {
    this.listeners.push(fn);
  }

  /** Something changed: re-check once things are quiet for `debounceMs`. */
  changed(): void {
    this.stale = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.refresh().catch(() => {
        // A failed background check stays stale: the next event or an explicit check tries again.
      });
    }, this.debounceMs);
  }

  /** The active sheet's check: the kept result while nothing changed, else a fresh one. */
  current(): Promise<CheckResult> {
    return !this.stale && this.latest ? Promise.resolve(this.latest) : this.refresh();
  }

  async refresh(): Promise<CheckResult> {
    this.stale = false;
    this.reads += 1;
    let r: CheckResult;
    try {
      r = await this.check();
    } catch (e) {
      this.stale = true;
      throw e;
    }
    // A change that arrived while reading leaves the result stale (it is still shown once).
    this.latest = r;
    for (const fn of this.listeners) fn(r);
    return r;
  }
}

/** Register the workbook events that make a check stale (one sync). */
export function listen(run: ExcelRunner, changed: () => void): Promise<void> {
  return run(async (ctx) => {
    const ws = ctx.workbook.worksheets;
    const handler = (): Promise<void> => {
      changed();
      return Promise.resolve();
    };
    ws.onChanged.add(handler);
    ws.onFormatChanged.add(handler);
    ws.onActivated.add(handler);
    await ctx.sync();
  });
}

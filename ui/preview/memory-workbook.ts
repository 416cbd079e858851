/**
 * The preview's workbook: a list of tabs held in memory, with PanelApi implemented over it exactly as
 * a host would: read tabs into snapshots, call core's plan* functions, write the SheetSpecs they
 * return. Core decides everything; this file only applies specs to a grid of values and fills.
 *
 * It also does what a person does in a spreadsheet, for the preview's grid: cycle a checkpoint cell's
 * fill (none -> green -> amber -> red -> none), tick a box, switch tabs. Tick-box tabs colour
 * themselves by their conditional formats (evaluated here from the spec's structural `when`), and
 * those colours are not fills, as in Sheets and Excel, so snapshots carry the ticks, not the colours.
 *
 * No DOM and no Node: unit-tested in node, run in the browser by ui/main-preview.ts.
 */
import type {
  BandInfo,
  CheckResult,
  CreateRequest,
  CreateResult,
  PanelApi,
  RollupResult,
  TemplateInfo,
  TrustResult,
} from "../api.js";
import { a1, parseA1, parseRange } from "../../core/a1.js";
import {
  bandInfos,
  checkResult,
  planCreate,
  planFeedbackForm,
  planGradeBandChart,
  planRollup,
  planTrust,
  templateInfos,
} from "../../core/app.js";
import { CLASS_FILL, colourClass } from "../../core/colour.js";
import { legalTabName } from "../../core/names.js";
import { reportFromSnapshots } from "../../core/report/report.js";
import { findLadderHeader } from "../../core/read/ladder.js";
import {
  parseMarker,
  type CellValue,
  type SheetSpec,
  type TabRole,
  type TabSnapshot,
} from "../../core/sheet.js";
import { snapshotOf } from "../../core/snapshot.js";

export interface MemoryTab {
  /** The spec the tab was written from (styles, merges, widths, conditional formats). */
  spec: SheetSpec;
  name: string;
  values: CellValue[][];
  /** Real fills (what a host reads back), per cell. */
  fills: (string | null)[][];
  marker: string | null;
}

export type CellKind = "fill" | "tick" | null;

const FILL_CYCLE: readonly (string | null)[] = [null, CLASS_FILL.green, CLASS_FILL.amber, CLASS_FILL.red];

export interface MemoryWorkbookOptions {
  /** "Today", for school years and summary dates (tests fix it). */
  today?: () => Date;
  /** Simulated host latency per call, in ms. */
  delayMs?: number;
}

export class MemoryWorkbook implements PanelApi {
  readonly tabs: MemoryTab[] = [];
  active = -1;
  selected: { tab: string; cell: string } | null = null;
  /** Counts selectCell calls, so the grid moves focus to the cell even when it was selected already. */
  selections = 0;
  private readonly listeners = new Set<() => void>();
  private readonly today: () => Date;
  private readonly delayMs: number;

  constructor(opts: MemoryWorkbookOptions = {}) {
    this.today = opts.today ?? (() => new Date());
    this.delayMs = opts.delayMs ?? 0;
  }

  /** Called after every change (the grid redraws). Returns an unsubscribe function. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  private async settle(): Promise<void> {
    await new Promise((r) => setTimeout(r, this.delayMs));
  }

  get names(): string[] {
    return this.tabs.map((t) => t.name);
  }

  activeTab(): MemoryTab | null {
    return this.tabs[this.active] ?? null;
  }

  find(name: string): MemoryTab | null {
    return this.tabs.find((t) => t.name === name) ?? null;
  }

  setActive(name: string): void {
    const i = this.names.indexOf(name);
    if (i >= 0 && i !== this.active) {
      this.active = i;
      this.changed();
    }
  }

  /** Write a spec as a new tab (or in place of `replace`), as a host writes in bulk. */
  write(spec: SheetSpec, replace?: MemoryTab): MemoryTab {
    const snap = snapshotOf(spec);
    const taken = this.names.filter((n) => n !== replace?.name);
    const name = taken.some((n) => n.toLowerCase() === spec.name.toLowerCase())
      ? legalTabName(spec.name, taken)
      : spec.name;
    const tab: MemoryTab = {
      spec: { ...spec, name },
      name,
      values: snap.values,
      fills: snap.fills,
      marker: snap.marker,
    };
    if (replace) this.tabs[this.tabs.indexOf(replace)] = tab;
    else this.tabs.push(tab);
    return tab;
  }

  /** Write specs, each replacing the tab with the same marker role when it is one of `replaceRoles`. */
  private writeReplacing(specs: readonly SheetSpec[], replaceRoles: readonly TabRole[]): MemoryTab[] {
    return specs.map((spec) => {
      const role = spec.marker?.role;
      const old =
        role && replaceRoles.includes(role)
          ? this.tabs.find((t) => parseMarker(t.marker)?.role === role)
          : undefined;
      return this.write(spec, old);
    });
  }

  snapshot(tab: MemoryTab): TabSnapshot {
    return {
      name: tab.name,
      values: tab.values.map((r) => [...r]),
      fills: tab.fills.map((r) => [...r]),
      marker: tab.marker,
    };
  }

  /** What a person can do to a cell in the grid: cycle its fill, tick it, or nothing. */
  cellKind(tab: MemoryTab, row: number, col: number): CellKind {
    if (typeof tab.values[row]?.[col] === "boolean" && this.inRanges(tab.spec.checkboxes, row, col))
      return "tick";
    const role = parseMarker(tab.marker)?.role;
    if (role !== undefined && role !== "staff") return null;
    const header = findLadderHeader(tab.values);
    if (!header || row <= header.row) return null;
    if (!header.checkpoints.some((c) => c.col === col)) return null;
    const statementCol = header.cols.get("statement");
    const text = statementCol === undefined ? null : tab.values[row]?.[statementCol];
    return typeof text === "string" && text.trim() !== "" ? "fill" : null;
  }

  private inRanges(ranges: readonly string[], row: number, col: number): boolean {
    return ranges.some((r) => {
      const g = parseRange(r);
      return row >= g.row && row < g.row + g.rows && col >= g.col && col < g.col + g.cols;
    });
  }

  /** none -> green -> amber -> red -> none; any other colour goes back to none. */
  cycleFill(tabName: string, row: number, col: number): string | null {
    const tab = this.find(tabName);
    if (!tab || this.cellKind(tab, row, col) !== "fill") return null;
    const cls = colourClass(tab.fills[row]?.[col] ?? null);
    const at = cls === "blank" ? 0 : FILL_CYCLE.findIndex((f) => f !== null && colourClass(f) === cls);
    const next = FILL_CYCLE[(Math.max(at, 0) + 1) % FILL_CYCLE.length] ?? null;
    this.setFill(tab, row, col, at < 0 ? null : next);
    return tab.fills[row]![col] ?? null;
  }

  setFill(tab: MemoryTab, row: number, col: number, fill: string | null): void {
    while (tab.fills.length <= row) tab.fills.push([]);
    tab.fills[row]![col] = fill;
    this.changed();
  }

  toggleTick(tabName: string, row: number, col: number): boolean | null {
    const tab = this.find(tabName);
    if (!tab || this.cellKind(tab, row, col) !== "tick") return null;
    const next = tab.values[row]![col] !== true;
    tab.values[row]![col] = next;
    this.changed();
    return next;
  }

  /** The colour a cell shows: its fill, or the conditional-format colour of a tick-box tab. */
  shownFill(tab: MemoryTab, row: number, col: number): string | null {
    for (const cf of tab.spec.conditionalFormats) {
      const g = parseRange(cf.range);
      if (col < g.col || col >= g.col + g.cols || row < g.row || row >= g.row + g.rows) continue;
      if (tab.values[row]?.[col] !== true) continue;
      let unbroken = true;
      for (let r = g.row; r < row; r++) if (tab.values[r]?.[col] !== true) unbroken = false;
      if ((cf.when === "ticked-unbroken") === unbroken) return cf.fill;
    }
    return tab.fills[row]?.[col] ?? null;
  }

  /** The workbook as specs, with people's edits (values and fills) folded in: for saving as .xlsx. */
  toSpecs(): SheetSpec[] {
    return this.tabs.map((tab) => {
      const base = snapshotOf(tab.spec);
      const styles = [...tab.spec.styles];
      tab.fills.forEach((r, i) =>
        r.forEach((fill, j) => {
          if (fill === (base.fills[i]?.[j] ?? null)) return;
          styles.push({ range: a1(i, j), fill: fill ?? "#ffffff" });
        }),
      );
      return { ...tab.spec, name: tab.name, values: tab.values.map((r) => [...r]), styles };
    });
  }

  // --- PanelApi ---------------------------------------------------------------------------------

  async listTemplates(): Promise<TemplateInfo[]> {
    await this.settle();
    return templateInfos();
  }

  async listBands(): Promise<BandInfo[]> {
    await this.settle();
    return bandInfos();
  }

  async createTabs(req: CreateRequest): Promise<CreateResult> {
    await this.settle();
    const specs = planCreate(req, this.names, this.today());
    const made = specs.map((s) => this.write(s));
    if (made[0]) this.active = this.tabs.indexOf(made[0]);
    this.changed();
    return { created: made.map((t) => t.name) };
  }

  async createFeedbackForm(fields: Record<string, string>): Promise<{ tab: string }> {
    await this.settle();
    const tab = this.write(planFeedbackForm(fields, this.names));
    this.active = this.tabs.indexOf(tab);
    this.changed();
    return { tab: tab.name };
  }

  async createGradeBandChart(): Promise<{ tab: string }> {
    await this.settle();
    const { rollup } = planRollup(
      this.tabs.map((t) => this.snapshot(t)),
      undefined,
      this.today(),
    );
    const [tab] = this.writeReplacing([planGradeBandChart(rollup)], ["chart"]);
    this.active = this.tabs.indexOf(tab!);
    this.changed();
    return { tab: tab!.name };
  }

  async checkActiveTab(): Promise<CheckResult> {
    await this.settle();
    const tab = this.activeTab();
    if (!tab) throw new Error("There is no tab to check: make one first.");
    return checkResult(this.snapshot(tab));
  }

  async selectCell(tab: string, cell: string): Promise<void> {
    await this.settle();
    if (!this.find(tab)) throw new Error(`There is no tab called '${tab}' any more.`);
    parseA1(cell);
    this.setActive(tab);
    this.selected = { tab, cell };
    this.selections += 1;
    this.changed();
  }

  async rollupSchool(checkpoint?: string): Promise<RollupResult> {
    await this.settle();
    const plan = planRollup(
      this.tabs.map((t) => this.snapshot(t)),
      checkpoint,
      this.today(),
    );
    this.writeReplacing(plan.sheets, ["summary", "chart"]);
    this.changed();
    return plan.result;
  }

  /** Write the roll-up's own tabs (summary, chart), replacing earlier ones; returns their names. */
  writeOwnTabs(specs: readonly SheetSpec[], roles: readonly TabRole[] = ["summary", "chart"]): string[] {
    const tabs = this.writeReplacing(specs, roles);
    this.changed();
    return tabs.map((t) => t.name);
  }

  async leadershipReport(): Promise<string> {
    await this.settle();
    return reportFromSnapshots(
      this.tabs.map((t) => this.snapshot(t)),
      this.today(),
    );
  }

  async rollupTrust(): Promise<TrustResult> {
    await this.settle();
    const summaries = this.tabs
      .filter((t) => parseMarker(t.marker)?.role === "summary")
      .map((t) => ({
        school: t.name === "School summary" ? "This school" : t.name,
        snapshot: this.snapshot(t),
      }));
    const problems = summaries.length ? [] : ["There is no school summary tab: roll up the school first."];
    const plan = planTrust(summaries, this.today(), problems);
    this.writeReplacing(plan.sheets, ["trust"]);
    this.changed();
    return plan.result;
  }
}

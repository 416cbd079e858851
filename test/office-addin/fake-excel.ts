/**
 * A typed fake of the Excel JavaScript API subset in office-addin/excel-port.ts, faithful to the
 * load/sync model: methods and property writes are queued and applied in order at `sync()`; a
 * property read before `load` + `sync()` throws PropertyNotLoaded, as in Excel. It counts syncs,
 * measures each request (JSON of what is sent) and response (JSON of what is loaded) and refuses
 * either past `limit` bytes (Excel on the web's 5 MB), and can fail on sync k: "before" (nothing
 * applied), "midway" (the first half of the batch applied, as when Excel stops at a failing
 * operation) or "after" (all applied, the answer lost).
 *
 * office-addin-mock was not used: it records set values but has no queue, so it cannot express
 * "not loaded until sync" or a batch failing part-way. State lives in fake-state.ts.
 */
import { parseRange, type CellRange } from "../../core/a1.js";
import type {
  ExcelRunner,
  XChart,
  XClientResult,
  XConditionalFormat,
  XContext,
  XEvent,
  XRange,
  XRangeFormat,
  XWorksheet,
  XWorksheetCollection,
} from "../../office-addin/excel-port.js";
import {
  FakeExcelError,
  NO_FILL,
  cell,
  cellsOf,
  checkName,
  findSheet,
  isLocked,
  key,
  newSheet,
  parseAddress,
  usedExtent,
  writeValue,
  type SheetState,
  type WorkbookState,
} from "./fake-state.js";

export interface SyncRecord {
  n: number;
  ops: number;
  requestBytes: number;
  responseBytes: number;
}

interface Staged {
  responseBytes: number;
  commit(): void;
}

interface Op {
  requestBytes: number;
  apply(state: WorkbookState): Staged | undefined;
}

type Handler = (args: never) => Promise<unknown>;

function notLoaded(prop: string): FakeExcelError {
  return new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** An object whose listed properties throw on read and queue `set` on write. */
function settable<T extends object>(
  props: readonly string[],
  set: (prop: string, v: unknown) => void,
  extra: object = {},
): T {
  const o: object = { ...extra };
  for (const p of props)
    Object.defineProperty(o, p, {
      get() {
        throw notLoaded(p);
      },
      set(v: unknown) {
        set(p, v);
      },
      enumerable: true,
    });
  return o as T;
}

class Loaded {
  protected readonly loaded = new Map<string, unknown>();
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }
}

export class FakeContext implements XContext {
  readonly workbook: { readonly worksheets: FakeWorksheets };
  private queue: Op[] = [];

  constructor(readonly fake: FakeExcel) {
    this.workbook = { worksheets: new FakeWorksheets(this) };
  }

  enqueue(args: unknown, apply: (state: WorkbookState) => Staged | undefined): void {
    this.queue.push({ requestBytes: 64 + (args === undefined ? 0 : JSON.stringify(args).length), apply });
  }

  /** Queue a write that returns nothing. */
  write(args: unknown, apply: (state: WorkbookState) => void): void {
    this.enqueue(args, (s) => {
      apply(s);
      return undefined;
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const fake = this.fake;
    const ops = this.queue;
    this.queue = [];
    const n = ++fake.syncs;
    const record: SyncRecord = {
      n,
      ops: ops.length,
      requestBytes: ops.reduce((t, o) => t + o.requestBytes, 0),
      responseBytes: 0,
    };
    fake.log.push(record);
    await Promise.resolve();
    if (record.requestBytes > fake.limit)
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
      );
    const fail = fake.fail?.onSync === n ? fake.fail.mode : null;
    const failure = new FakeExcelError("GeneralException", `Injected failure on sync ${n} (${fail ?? ""}).`);
    if (fail === "before") throw failure;
    const staged: Staged[] = [];
    for (const op of fail === "midway" ? ops.slice(0, Math.floor(ops.length / 2)) : ops) {
      const s = op.apply(fake.state);
      if (s) staged.push(s);
    }
    if (fail) throw failure;
    record.responseBytes = staged.reduce((t, s) => t + s.responseBytes, 0);
    if (record.responseBytes > fake.limit)
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit.",
      );
    for (const s of staged) s.commit();
  }
}

export class FakeWorksheets extends Loaded implements XWorksheetCollection {
  readonly onChanged: XEvent<Excel.WorksheetChangedEventArgs>;
  readonly onFormatChanged: XEvent<Excel.WorksheetFormatChangedEventArgs>;
  readonly onActivated: XEvent<Excel.WorksheetActivatedEventArgs>;

  constructor(private readonly ctx: FakeContext) {
    super();
    const on = (name: string) => ({
      add: (handler: Handler) => {
        ctx.fake.handlers.push({ event: name, handler });
        return {};
      },
    });
    this.onChanged = on("onChanged");
    this.onFormatChanged = on("onFormatChanged");
    this.onActivated = on("onActivated");
  }

  get items(): FakeWorksheet[] {
    return this.read("items");
  }

  load(propertyNames: string): this {
    const props = propertyNames.split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.ctx.enqueue(undefined, (state) => {
      const rows = state.sheets.map((s) =>
        Object.fromEntries(props.map((p) => [p, p === "id" ? s.id : s.name])),
      );
      return {
        responseBytes: JSON.stringify(rows).length,
        commit: () => {
          const items = state.sheets.map((s, i) => {
            const ws = new FakeWorksheet(this.ctx, () => s);
            ws.bind(s.id, rows[i]!);
            return ws;
          });
          this.loaded.set("items", items);
        },
      };
    });
    return this;
  }

  add(name?: string): FakeWorksheet {
    let created: SheetState | null = null;
    this.ctx.write({ name }, (state) => (created = newSheet(state, name ?? `Sheet${state.nextId}`)));
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeExcelError("ItemNotFound", "The sheet was never added.");
      return created;
    });
  }

  getItem(keyOrName: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, (state) => findSheet(state, keyOrName));
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, (state) => findSheet(state, state.activeId));
  }
}

export class FakeWorksheet extends Loaded implements XWorksheet {
  private id_: string | null = null;
  readonly charts: XWorksheet["charts"];
  readonly freezePanes: XWorksheet["freezePanes"];
  readonly protection: XWorksheet["protection"];

  constructor(
    readonly ctx: FakeContext,
    private readonly resolve: (state: WorkbookState) => SheetState,
  ) {
    super();
    this.charts = {
      add: (type, source, seriesBy) => new FakeChart(this, type, source as FakeRange, seriesBy ?? "Auto"),
    };
    this.freezePanes = {
      freezeRows: (count = 1) => this.ctx.write({ count }, (s) => (this.target(s).frozenRows = count)),
    };
    this.protection = {
      protect: (options) =>
        this.ctx.write(options, (s) => (this.target(s).protection = { ...(options ?? {}) })),
    };
  }

  bind(id: string, props: Record<string, unknown>): void {
    this.id_ = id;
    for (const [k, v] of Object.entries(props)) this.loaded.set(k, v);
  }

  /** The sheet this proxy points at; once found it stays bound to that sheet's id (as in Excel). */
  target(state: WorkbookState): SheetState {
    if (this.id_ !== null) return findSheet(state, this.id_);
    const s = this.resolve(state);
    this.id_ = s.id;
    return s;
  }

  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.loaded.set("name", v);
    this.ctx.write({ name: v }, (state) => {
      const s = this.target(state);
      checkName(state, v, s);
      s.name = v;
    });
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(v: string) {
    this.ctx.write({ v }, (s) => (this.target(s).tabColor = v));
  }

  load(propertyNames: string): this {
    const props = propertyNames.split(",").map((p) => p.trim());
    this.ctx.enqueue(undefined, (state) => {
      const s = this.target(state);
      const vals = Object.fromEntries(
        props.map((p) => [p, p === "id" ? s.id : p === "name" ? s.name : s.tabColor]),
      );
      return { responseBytes: JSON.stringify(vals).length, commit: () => this.bind(s.id, vals) };
    });
    return this;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this, address === undefined ? "sheet" : parseAddress(address));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this, { valuesOnly });
  }

  delete(): void {
    this.ctx.write({}, (state) => {
      const s = this.target(state);
      if (state.sheets.length === 1)
        throw new FakeExcelError("InvalidOperation", "A workbook needs at least one sheet.");
      state.sheets = state.sheets.filter((x) => x !== s);
      if (state.activeId === s.id) state.activeId = state.sheets[0]!.id;
    });
  }

  activate(): void {
    this.ctx.write({}, (state) => (state.activeId = this.target(state).id));
  }
}

type Where = CellRange | "sheet" | { valuesOnly: boolean };

export class FakeRange extends Loaded implements XRange {
  readonly format: XRangeFormat;
  readonly conditionalFormats: XRange["conditionalFormats"];
  readonly dataValidation: XRange["dataValidation"];

  constructor(
    readonly sheet: FakeWorksheet,
    private readonly where: Where,
  ) {
    super();
    const style = (prop: string) => (v: unknown) =>
      this.eachCell(
        (c) => {
          c.style = { ...c.style, [prop]: v };
        },
        { prop, v },
      );
    const font = settable<XRangeFormat["font"]>(["bold", "italic", "size", "color"], (p, v) =>
      style(`font.${p}`)(v),
    );
    const fill = settable<XRangeFormat["fill"]>(["color"], (_p, v) =>
      this.eachCell((c) => (c.fill = { color: String(v), pattern: "Solid", tintAndShade: 0 }), { v }),
    );
    const protection = settable<XRangeFormat["protection"]>(["locked"], (_p, v) =>
      this.setLocked(v === true),
    );
    const borders = {
      getItem: (e: string) => settable(["style", "color"], (p, v) => style(`border.${e}.${p}`)(v)),
    };
    this.format = settable<XRangeFormat>(
      ["wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth"],
      (p, v) => (p === "columnWidth" ? this.setWidth(Number(v)) : style(p)(v)),
      { font, fill, protection, borders },
    );
    this.conditionalFormats = { add: () => this.addConditionalFormat() };
    this.dataValidation = settable<XRange["dataValidation"]>(["rule", "errorAlert"], (p, v) =>
      this.onSheet({ p, v }, (s, r) => {
        const address = JSON.stringify(r);
        let entry = s.validations.find((x) => x.range === address);
        if (!entry) s.validations.push((entry = { range: address }));
        Object.assign(entry, { [p]: v });
      }),
    );
  }

  /** Resolve to the sheet and cell range (null for an empty used range, "sheet" for the whole sheet). */
  locate(state: WorkbookState): { sheet: SheetState; range: CellRange | "sheet" | null } {
    const sheet = this.sheet.target(state);
    if (this.where === "sheet" || "row" in this.where) return { sheet, range: this.where };
    return { sheet, range: usedExtent(sheet, this.where.valuesOnly) };
  }

  private onSheet(args: unknown, fn: (s: SheetState, r: CellRange) => void): void {
    this.sheet.ctx.write(args, (state) => {
      const { sheet, range } = this.locate(state);
      if (range === null || range === "sheet")
        throw new FakeExcelError("InvalidArgument", "Not supported on this range.");
      fn(sheet, range);
    });
  }

  private eachCell(fn: (c: ReturnType<typeof cell>, row: number, col: number) => void, args: unknown): void {
    this.onSheet(args, (s, r) => cellsOf(r).forEach(({ row, col }) => fn(cell(s, row, col), row, col)));
  }

  private setLocked(locked: boolean): void {
    this.sheet.ctx.write({ locked }, (state) => {
      const { sheet, range } = this.locate(state);
      if (range === "sheet") {
        sheet.defaultLocked = locked;
        for (const c of sheet.cells.values()) delete c.locked;
      } else if (range) for (const { row, col } of cellsOf(range)) cell(sheet, row, col).locked = locked;
    });
  }

  private setWidth(points: number): void {
    this.onSheet({ points }, (s, r) => {
      for (let c = r.col; c < r.col + r.cols; c++) s.columnWidths[c] = points;
    });
  }

  private addConditionalFormat(): XConditionalFormat {
    let index = -1;
    this.onSheet({}, (s, r) => (index = s.conditionalFormats.push({ range: JSON.stringify(r) }) - 1));
    const update = (field: "formula" | "fill" | "fontColor") => (_p: string, v: unknown) =>
      this.sheet.ctx.write(
        { v },
        (state) => (this.sheet.target(state).conditionalFormats[index]![field] = String(v)),
      );
    return {
      custom: {
        rule: settable(["formula"], update("formula")),
        format: { fill: settable(["color"], update("fill")), font: settable(["color"], update("fontColor")) },
      },
    };
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.writeGrid("values", v);
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.writeGrid("numberFormat", v);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.writeGrid("formulas", v);
  }
  get columnHidden(): boolean {
    return this.read("columnHidden");
  }
  set columnHidden(v: boolean) {
    this.onSheet({ v }, (s, r) => {
      for (let c = r.col; c < r.col + r.cols; c++)
        if (v && !s.hiddenColumns.includes(c)) s.hiddenColumns.push(c);
    });
  }
  get control(): Excel.CellControl {
    return this.read("control");
  }
  set control(v: Excel.CellControl) {
    this.eachCell((c) => (c.control = String(v.type)), v);
  }

  private writeGrid(prop: "values" | "numberFormat" | "formulas", grid: unknown[][]): void {
    this.onSheet(grid, (s, r) => {
      if (grid.length !== r.rows || grid.some((row) => row.length !== r.cols))
        throw new FakeExcelError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
      cellsOf(r).forEach(({ row, col }) => {
        if (prop !== "numberFormat" && s.protection && isLocked(s, row, col))
          throw new FakeExcelError(
            "AccessDenied",
            "The cell you're trying to change is on a protected sheet.",
          );
        const v = grid[row - r.row]![col - r.col];
        const c = cell(s, row, col);
        if (prop === "numberFormat") c.numberFormat = String(v);
        else if (prop === "formulas" && typeof v === "string" && v.startsWith("=")) {
          c.formula = v;
          c.value = "#FORMULA";
        } else writeValue(c, v);
      });
    });
  }

  load(propertyNames: string): this {
    const props = propertyNames.split(",").map((p) => p.trim());
    this.sheet.ctx.enqueue(undefined, (state) => {
      const { sheet, range } = this.locate(state);
      const vals: Record<string, unknown> = { isNullObject: range === null };
      if (range === "sheet")
        throw new FakeExcelError("InvalidArgument", "Loading a whole sheet is not supported here.");
      if (range)
        for (const p of props) {
          const grid = (f: (row: number, col: number) => unknown) =>
            Array.from({ length: range.rows }, (_, i) =>
              Array.from({ length: range.cols }, (_, j) => f(range.row + i, range.col + j)),
            );
          const c = (row: number, col: number) => sheet.cells.get(key(row, col));
          if (p === "values") vals[p] = grid((row, col) => c(row, col)?.value ?? "");
          else if (p === "numberFormat") vals[p] = grid((row, col) => c(row, col)?.numberFormat ?? "General");
          else if (p === "rowIndex") vals[p] = range.row;
          else if (p === "columnIndex") vals[p] = range.col;
          else if (p === "rowCount") vals[p] = range.rows;
          else if (p === "columnCount") vals[p] = range.cols;
          else throw new Error(`The fake cannot load Range.${p}`);
        }
      return {
        responseBytes: JSON.stringify(vals).length,
        commit: () => Object.entries(vals).forEach(([k, v]) => this.loaded.set(k, v)),
      };
    });
    return this;
  }

  getCellProperties(options: Excel.CellPropertiesLoadOptions): XClientResult<Excel.CellProperties[][]> {
    let value: Excel.CellProperties[][] | undefined;
    const want = options.format?.fill;
    const wanted = typeof want === "object" ? want : {};
    this.sheet.ctx.enqueue(options, (state) => {
      const { sheet, range } = this.locate(state);
      if (range === null || range === "sheet")
        throw new FakeExcelError("InvalidArgument", "Not supported on this range.");
      const grid = Array.from({ length: range.rows }, (_, i) =>
        Array.from({ length: range.cols }, (_, j): Excel.CellProperties => {
          const f = sheet.cells.get(key(range.row + i, range.col + j))?.fill ?? NO_FILL;
          const fill: Excel.CellPropertiesFill = {};
          if (wanted.color) fill.color = f.color;
          if (wanted.pattern) fill.pattern = f.pattern as Excel.FillPattern;
          if (wanted.tintAndShade) fill.tintAndShade = f.tintAndShade as number;
          return { format: { fill } };
        }),
      );
      return { responseBytes: JSON.stringify(grid).length, commit: () => (value = grid) };
    });
    return {
      get value(): Excel.CellProperties[][] {
        if (value === undefined) throw notLoaded("value");
        return value;
      },
    };
  }

  merge(across = false): void {
    this.onSheet({ across }, (s, r) => s.merges.push(JSON.stringify(r)));
  }

  select(): void {
    this.onSheet({}, (s, r) => {
      this.sheet.ctx.fake.state.selection = { sheetId: s.id, address: JSON.stringify(r) };
    });
  }
}

export class FakeChart implements XChart {
  readonly title: XChart["title"];
  readonly series: XChart["series"];
  private index = -1;

  constructor(
    private readonly sheet: FakeWorksheet,
    type: string,
    source: FakeRange,
    seriesBy: string,
  ) {
    const ctx = sheet.ctx;
    ctx.write({ type, seriesBy }, (state) => {
      const { sheet: s, range } = source.locate(state);
      this.index =
        this.sheet
          .target(state)
          .charts.push({ type, seriesBy, source: JSON.stringify(range), seriesColours: {} }) - 1;
      if (s !== this.sheet.target(state))
        throw new FakeExcelError("InvalidArgument", "Chart data on another sheet.");
    });
    this.title = settable(["text"], (_p, v) => this.update({ title: String(v) }));
    this.series = {
      getItemAt: (i: number) => ({
        format: {
          fill: {
            setSolidColor: (c: string) =>
              ctx.write(
                { c },
                (state) => (this.sheet.target(state).charts[this.index]!.seriesColours[i] = c),
              ),
          },
        },
      }),
    };
  }

  private update(patch: Record<string, unknown>): void {
    this.sheet.ctx.write(patch, (state) =>
      Object.assign(this.sheet.target(state).charts[this.index]!, patch),
    );
  }

  setPosition(startCell: string): void {
    parseRange(startCell);
    this.update({ position: startCell });
  }
  get width(): number {
    throw notLoaded("width");
  }
  set width(v: number) {
    this.update({ width: v });
  }
  get height(): number {
    throw notLoaded("height");
  }
  set height(v: number) {
    this.update({ height: v });
  }
}

export class FakeExcel {
  state: WorkbookState = { sheets: [], activeId: "", selection: null, nextId: 1 };
  syncs = 0;
  log: SyncRecord[] = [];
  limit = 5_000_000;
  fail: { onSync: number; mode: "before" | "midway" | "after" } | null = null;
  handlers: { event: string; handler: Handler }[] = [];

  constructor(sheetNames: readonly string[] = ["Sheet1"]) {
    for (const n of sheetNames) newSheet(this.state, n);
    this.state.activeId = this.state.sheets[0]?.id ?? "";
  }

  /** Excel.run: a fresh context per batch; queued work left unsynced is a bug in the caller. */
  run: ExcelRunner = async (batch) => {
    const ctx = new FakeContext(this);
    const result = await batch(ctx);
    if (ctx.pending > 0) throw new Error(`${ctx.pending} operations were queued but never synced`);
    return result;
  };

  sheet(name: string): SheetState {
    return findSheet(this.state, name);
  }

  /** A person colouring a cell (no API call, no sync). */
  colour(sheetName: string, address: string, hex: string | null): void {
    const s = this.sheet(sheetName);
    for (const { row, col } of cellsOf(parseAddress(address))) {
      const c = cell(s, row, col);
      if (hex === null) delete c.fill;
      else c.fill = { color: hex.toUpperCase(), pattern: "Solid", tintAndShade: 0 };
    }
  }

  /** A person typing into a cell (Excel's coercion applies). */
  type(sheetName: string, address: string, value: string | number | boolean): void {
    const { row, col } = parseAddress(address);
    writeValue(cell(this.sheet(sheetName), row, col), value);
  }

  async fire(event: string, args: object): Promise<void> {
    for (const h of this.handlers.filter((x) => x.event === event))
      await (h.handler as (a: object) => Promise<unknown>)(args);
  }

  /** Syncs and bytes since the last call (for measuring one operation). */
  take(): { syncs: number; requestBytes: number; responseBytes: number } {
    const out = {
      syncs: this.log.length,
      requestBytes: this.log.reduce((t, r) => t + r.requestBytes, 0),
      responseBytes: this.log.reduce((t, r) => t + r.responseBytes, 0),
    };
    this.log = [];
    return out;
  }
}

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
import type {
  ExcelRunner,
  XContext,
  XEvent,
  XWorksheet,
  XWorksheetCollection,
} from "../../office-addin/excel-port.js";
import {
  FakeExcelError,
  cell,
  cellsOf,
  checkName,
  findSheet,
  newSheet,
  parseAddress,
  writeValue,
  type SheetState,
  type WorkbookState,
} from "./fake-state.js";
import {
  FakeChart,
  FakeRange,
  FakeRangeAreas,
  Loaded,
  type Handler,
  type Op,
  type Staged,
} from "./fake-range.js";
import type { CellRange } from "../../core/a1.js";

export interface SyncRecord {
  n: number;
  ops: number;
  requestBytes: number;
  responseBytes: number;
}

export class FakeContext implements XContext {
  readonly workbook: {
    readonly worksheets: FakeWorksheets;
    getSelectedRange(): FakeRange;
    getSelectedRanges(): FakeRangeAreas;
  };
  private queue: Op[] = [];

  constructor(readonly fake: FakeExcel) {
    this.workbook = {
      worksheets: new FakeWorksheets(this),
      // The person's selection (set by Range.select or a test), else A1 of the active sheet, as in Excel.
      // Excel.Workbook.getSelectedRange "gets the currently selected single range from the workbook.
      // If there are multiple ranges selected, this method will throw an error"; getSelectedRanges
      // (ExcelApi 1.9) returns every area as RangeAreas.
      // https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)
      getSelectedRange: () => {
        if ((fake.state.selection?.areas?.length ?? 1) > 1)
          throw new FakeExcelError(
            "InvalidSelection",
            "The current selection is invalid for this operation (more than one range is selected).",
          );
        return this.selectedAreas()[0]!;
      },
      getSelectedRanges: () => new FakeRangeAreas(this.selectedAreas()),
    };
  }

  private selectedAreas(): FakeRange[] {
    const sel = this.fake.state.selection;
    const sheet = new FakeWorksheet(this, (state) => findSheet(state, sel?.sheetId ?? state.activeId));
    const areas = sel ? (sel.areas ?? [sel.address]) : [JSON.stringify({ row: 0, col: 0, rows: 1, cols: 1 })];
    return areas.map((a) => new FakeRange(sheet, JSON.parse(a) as CellRange));
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
  readonly notes: XWorksheet["notes"];
  readonly pageLayout: XWorksheet["pageLayout"];

  constructor(
    readonly ctx: FakeContext,
    private readonly resolve: (state: WorkbookState) => SheetState,
  ) {
    super();
    this.charts = {
      add: (type, source, seriesBy) => {
        if (!(source instanceof FakeRange)) throw new Error("Chart data must be a range of this fake.");
        return new FakeChart(this, type, source, seriesBy ?? "Auto");
      },
    };
    this.freezePanes = {
      freezeRows: (count = 1) => this.ctx.write({ count }, (s) => (this.target(s).frozenRows = count)),
    };
    // Each property write is queued like any other (it lands at the next sync); reads give back
    // what this proxy last set.
    const set: Partial<XWorksheet["pageLayout"]> = {};
    const write = <K extends keyof XWorksheet["pageLayout"]>(k: K, v: XWorksheet["pageLayout"][K]): void => {
      set[k] = v;
      this.ctx.write({ [k]: v }, (s) => (this.target(s).pageLayout[k] = v));
    };
    this.pageLayout = {
      get paperSize() {
        return set.paperSize!;
      },
      set paperSize(v) {
        write("paperSize", v);
      },
      get orientation() {
        return set.orientation!;
      },
      set orientation(v) {
        write("orientation", v);
      },
      get zoom() {
        return set.zoom!;
      },
      set zoom(v) {
        write("zoom", v);
      },
    };
    this.notes = {
      add: (cellAddress, content) => {
        // As Excel: a string that is not one cell is an InvalidCellAddress error.
        if (!/^[A-Z]{1,3}[1-9]\d*$/.test(cellAddress)) throw new Error(`InvalidCellAddress: ${cellAddress}`);
        this.ctx.write({ cellAddress, content }, (s) => this.target(s).notes.set(cellAddress, content));
      },
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

export class FakeExcel {
  state: WorkbookState = { sheets: [], activeId: "", selection: null, nextId: 1 };
  syncs = 0;
  log: SyncRecord[] = [];
  limit = 5_000_000;
  fail: { onSync: number; mode: "before" | "midway" | "after" } | null = null;
  handlers: { event: string; handler: Handler }[] = [];
  /** The base64 .xlsx of every workbook opened with createWorkbook, in order. */
  created: string[] = [];
  /** Make the nth createWorkbook from now on fail (1-based), as Excel's GeneralException. */
  failCreateAt: number | null = null;

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

  /**
   * Excel.createWorkbook(base64File?) (ExcelApi 1.8): "Creates and opens a new workbook. Optionally,
   * the workbook can be pre-populated with a Base64-encoded .xlsx file."
   * https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1)
   * It is a top-level function, outside any request context, so it costs no sync of this workbook.
   * The fake keeps the file and refuses what Excel cannot open (not base64, not a zip package).
   */
  createWorkbook = (base64?: string): Promise<void> => {
    if (this.failCreateAt !== null && --this.failCreateAt === 0)
      return Promise.reject(new FakeExcelError("GeneralException", "An internal error has occurred."));
    const text = base64 ?? "";
    if (text !== "" && (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || !text.startsWith("UEsDB")))
      return Promise.reject(new FakeExcelError("InvalidArgument", "The argument is invalid or missing."));
    this.created.push(text);
    return Promise.resolve();
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

/**
 * The fake's ranges and charts (see fake-excel.ts for the load/sync model they follow), and the
 * pieces every fake object shares: PropertyNotLoaded, write-only settable objects, loaded values.
 */
import { parseRange, type CellRange } from "../../core/a1.js";
import type {
  XChart,
  XClientResult,
  XConditionalFormat,
  XRange,
  XRangeAreas,
  XRangeFormat,
} from "../../office-addin/excel-port.js";
import type { FakeWorksheet } from "./fake-excel.js";
import {
  FakeExcelError,
  NO_FILL,
  cell,
  cellsOf,
  isLocked,
  key,
  usedExtent,
  writeValue,
  type SheetState,
  type WorkbookState,
} from "./fake-state.js";

export interface Staged {
  responseBytes: number;
  commit(): void;
}

export interface Op {
  requestBytes: number;
  apply(state: WorkbookState): Staged | undefined;
}

export type Handler = (args: never) => Promise<unknown>;

export function notLoaded(prop: string): FakeExcelError {
  return new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** An object whose listed properties throw on read and queue `set` on write. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T is the port type the object stands for
export function settable<T extends object>(
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

export class Loaded {
  protected readonly loaded = new Map<string, unknown>();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T is the loaded property's port type
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }
}

type Where = CellRange | "sheet" | { valuesOnly: boolean; within?: CellRange };

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
    const used = usedExtent(sheet, this.where.valuesOnly);
    const within = this.where.within;
    if (!used || !within) return { sheet, range: used };
    // Excel's Range.getUsedRangeOrNullObject: the used range's part inside this range.
    const row = Math.max(used.row, within.row);
    const col = Math.max(used.col, within.col);
    const end = Math.min(used.row + used.rows, within.row + within.rows);
    const right = Math.min(used.col + used.cols, within.col + within.cols);
    return {
      sheet,
      range: end > row && right > col ? { row, col, rows: end - row, cols: right - col } : null,
    };
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
    this.eachCell((c) => (c.control = v.type), v);
  }
  /** https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-hyperlink-member (ExcelApi 1.7) */
  get hyperlink(): Excel.RangeHyperlink {
    return this.read("hyperlink");
  }
  set hyperlink(v: Excel.RangeHyperlink) {
    this.eachCell((c) => (c.hyperlink = { ...v }), v);
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
          if (wanted.pattern) fill.pattern = f.pattern;
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

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    if (this.where !== "sheet" && !("row" in this.where))
      throw new FakeExcelError(
        "InvalidArgument",
        "The fake takes the used range of a cell range or a sheet.",
      );
    return new FakeRange(
      this.sheet,
      this.where === "sheet" ? { valuesOnly } : { valuesOnly, within: this.where },
    );
  }

  select(): void {
    this.onSheet({}, (s, r) => {
      this.sheet.ctx.fake.state.selection = { sheetId: s.id, address: JSON.stringify(r) };
    });
  }
}

/**
 * Excel.RangeAreas (ExcelApi 1.9), as far as readSelection uses it: getUsedRangeAreasOrNullObject,
 * load("areas/items/values") (one load per area, all in the same sync) and isNullObject.
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeareas
 */
export class FakeRangeAreas implements XRangeAreas {
  constructor(private readonly parts: readonly FakeRange[]) {}

  getUsedRangeAreasOrNullObject(valuesOnly = false): FakeRangeAreas {
    return new FakeRangeAreas(this.parts.map((p) => p.getUsedRangeOrNullObject(valuesOnly)));
  }

  load(propertyNames: "areas/items/values"): this {
    if (propertyNames !== "areas/items/values")
      throw new FakeExcelError(
        "InvalidArgument",
        `The fake loads only areas/items/values, not ${String(propertyNames)}.`,
      );
    for (const p of this.parts) p.load("values");
    return this;
  }

  /** A null object when no area's used part holds a value (read after sync, like any property). */
  get isNullObject(): boolean {
    return this.parts.every((p) => p.isNullObject);
  }

  get areas(): { readonly items: readonly FakeRange[] } {
    return { items: this.parts.filter((p) => !p.isNullObject) };
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

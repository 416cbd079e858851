/**
 * A fake Sheet: 1000 rows x 26 columns when inserted (as in Sheets), getRange bounds checked,
 * getDataRange spanning the cells with values, sheet-level developer metadata, merges, protections,
 * conditional-format rules, charts. A deleted sheet throws on every call.
 */
import { parseRange } from "../../../core/a1.js";
import type {
  GChartBuilder,
  GConditionalFormatRule,
  GDeveloperMetadata,
  GDeveloperMetadataLocation,
  GEmbeddedChart,
  GSheet,
} from "../../../apps-script/ports.js";
import type { CallKind } from "./calls.js";
import { CellStore, normaliseColour, type Cell } from "./cells.js";
import { FakeChartBuilder, type FakeChart } from "./builders.js";
import { FakeProtection, FakeRange, FakeRangeList, type Box } from "./range.js";
import type { FakeSpreadsheet } from "./spreadsheet.js";

export class FakeDeveloperMetadata implements GDeveloperMetadata {
  constructor(
    readonly sheet: FakeSheet,
    readonly key: string,
    readonly value: string | null,
  ) {}
  getKey(): string {
    this.sheet.spreadsheet.log.hit("DeveloperMetadata.getKey", "read");
    return this.key;
  }
  getValue(): string | null {
    this.sheet.spreadsheet.log.hit("DeveloperMetadata.getValue", "read");
    return this.value;
  }
  getLocation(): GDeveloperMetadataLocation {
    this.sheet.spreadsheet.log.hit("DeveloperMetadata.getLocation", "read");
    const sheet = this.sheet;
    return {
      getSheet: () => {
        sheet.spreadsheet.log.hit("DeveloperMetadataLocation.getSheet", "read");
        return sheet.deleted ? null : sheet;
      },
    };
  }
}

export class FakeSheet implements GSheet {
  readonly cells = new CellStore();
  maxRows = 1000;
  maxCols = 26;
  deleted = false;
  readonly merges: Box[] = [];
  readonly protections: FakeProtection[] = [];
  readonly metadata: FakeDeveloperMetadata[] = [];
  readonly widths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  frozenRows = 0;
  tabColour: string | null = null;
  cfRules: GConditionalFormatRule[] = [];
  readonly charts: FakeChart[] = [];

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  hit(method: string, kind: CallKind): void {
    this.spreadsheet.log.hit(method, kind);
    this.alive();
  }

  alive(): void {
    if (this.deleted) throw new Error(`Sheet ${this.id} has been deleted.`);
  }

  private box(row: number, col: number, rows: number, cols: number): FakeRange {
    if (![row, col, rows, cols].every(Number.isInteger))
      throw new Error("Range coordinates must be integers.");
    if (rows < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (cols < 1) throw new Error("The number of columns in the range must be at least 1.");
    if (row < 1 || col < 1 || row + rows - 1 > this.maxRows || col + cols - 1 > this.maxCols)
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    return new FakeRange(this, { row, col, rows, cols });
  }

  private a1(a1: string): FakeRange {
    const r = parseRange(a1);
    return this.box(r.row + 1, r.col + 1, r.rows, r.cols);
  }

  getName(): string {
    this.hit("Sheet.getName", "read");
    return this.name;
  }
  getSheetId(): number {
    this.hit("Sheet.getSheetId", "read");
    return this.id;
  }
  getDataRange(): FakeRange {
    this.hit("Sheet.getDataRange", "read");
    const { rows, cols } = this.cells.extent();
    return new FakeRange(this, { row: 1, col: 1, rows: Math.max(rows, 1), cols: Math.max(cols, 1) });
  }
  getRange(row: number, column: number, numRows: number, numColumns: number): FakeRange;
  getRange(a1Notation: string): FakeRange;
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    this.hit("Sheet.getRange", "read");
    return typeof a === "string" ? this.a1(a) : this.box(a, column!, numRows ?? 1, numColumns ?? 1);
  }
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.hit("Sheet.getRangeList", "read");
    if (a1Notations.length === 0)
      throw new Error("The parameters (number[]) don't match the method signature.");
    return new FakeRangeList(
      this,
      a1Notations.map((a) => this.a1(a)),
    );
  }
  getDeveloperMetadata(): GDeveloperMetadata[] {
    this.hit("Sheet.getDeveloperMetadata", "read");
    return [...this.metadata];
  }
  addDeveloperMetadata(key: string, value: string): GSheet {
    this.hit("Sheet.addDeveloperMetadata", "write");
    this.metadata.push(new FakeDeveloperMetadata(this, key, value));
    return this;
  }
  setName(name: string): GSheet {
    this.hit("Sheet.setName", "write");
    this.spreadsheet.checkName(name, this);
    this.name = name;
    return this;
  }
  setFrozenRows(rows: number): void {
    this.hit("Sheet.setFrozenRows", "write");
    if (rows < 0 || rows > this.maxRows) throw new Error("Frozen rows out of range.");
    this.frozenRows = rows;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    this.hit("Sheet.setColumnWidths", "write");
    if (startColumn < 1 || startColumn + numColumns - 1 > this.maxCols)
      throw new Error("Column out of range.");
    for (let c = startColumn; c < startColumn + numColumns; c++) this.widths.set(c, width);
    return this;
  }
  hideColumns(columnIndex: number): void {
    this.hit("Sheet.hideColumns", "write");
    if (!Number.isInteger(columnIndex) || columnIndex < 1 || columnIndex > this.maxCols)
      throw new Error("Column out of range.");
    this.hiddenColumns.add(columnIndex);
  }
  setConditionalFormatRules(rules: GConditionalFormatRule[]): void {
    this.hit("Sheet.setConditionalFormatRules", "write");
    this.cfRules = [...rules];
  }
  setTabColor(color: string | null): GSheet {
    this.hit("Sheet.setTabColor", "write");
    this.tabColour = normaliseColour(color);
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    this.hit("Sheet.insertRowsAfter", "write");
    if (afterPosition !== this.maxRows) throw new Error("The fake only appends rows.");
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    this.hit("Sheet.insertColumnsAfter", "write");
    if (afterPosition !== this.maxCols) throw new Error("The fake only appends columns.");
    this.maxCols += howMany;
    return this;
  }
  newChart(): GChartBuilder {
    this.hit("Sheet.newChart", "builder");
    return new FakeChartBuilder(this.spreadsheet.log);
  }
  insertChart(chart: GEmbeddedChart): void {
    this.hit("Sheet.insertChart", "write");
    this.charts.push(chart as FakeChart);
  }
  activate(): GSheet {
    this.hit("Sheet.activate", "write");
    this.spreadsheet.setActive(this, null);
    return this;
  }

  addMerge(b: Box): void {
    const overlaps = (x: Box): boolean =>
      x.row < b.row + b.rows && b.row < x.row + x.rows && x.col < b.col + b.cols && b.col < x.col + x.cols;
    if (this.merges.some(overlaps))
      throw new Error("You must select all cells in a merged range to merge or unmerge them.");
    if (b.rows === 1 && b.cols === 1) return;
    this.merges.push(b);
    for (let i = 0; i < b.rows; i++)
      for (let j = 0; j < b.cols; j++)
        if (i || j) {
          const c = this.cells.get(b.row + i, b.col + j);
          if (c) {
            c.value = "";
            delete c.formula;
          }
        }
  }

  /** Everything about the tab, uncounted: for comparing a tab before and after. */
  snapshot(): object {
    return {
      name: this.name,
      cells: this.cells.dump(),
      maxRows: this.maxRows,
      maxCols: this.maxCols,
      merges: this.merges.map((m) => ({ ...m })),
      protections: this.protections.map((p) => ({ box: p.box, d: p.description, w: p.warningOnly })),
      metadata: this.metadata.map((m) => [m.key, m.value]),
      widths: [...this.widths],
      hiddenColumns: [...this.hiddenColumns],
      frozenRows: this.frozenRows,
      tabColour: this.tabColour,
      cfRules: this.cfRules.length,
      charts: this.charts.length,
    };
  }

  /** Uncounted cell access for tests. */
  peek(row: number, col: number): Cell | undefined {
    return this.cells.get(row, col);
  }
}

/**
 * A small builder for SheetSpec: generators append rows and name ranges by row/column index,
 * and get a rectangular spec at the end. Keeps generators about layout, not bookkeeping.
 */
import { a1, a1Range } from "../a1.js";
import type { CellValue, Marker, SheetSpec, Style } from "../sheet.js";
import { emptySheet } from "../sheet.js";

export const HEADER_FILL = "#e8eaed";
export const TITLE_SIZE = 14;

export class SheetBuilder {
  readonly spec: SheetSpec;
  private readonly rows: CellValue[][] = [];

  constructor(
    name: string,
    readonly cols: number,
    marker: Marker | null,
  ) {
    this.spec = emptySheet(name, 0, cols, marker);
  }

  /** 0-based index of the next row to be added. */
  get nextRow(): number {
    return this.rows.length;
  }

  /** Append a row (padded to the sheet's width); returns its 0-based index. */
  row(values: readonly CellValue[] = []): number {
    const r = Array<CellValue>(this.cols).fill(null);
    values.slice(0, this.cols).forEach((v, i) => (r[i] = v === "" ? null : v));
    this.rows.push(r);
    return this.rows.length - 1;
  }

  set(row: number, col: number, value: CellValue): void {
    this.rows[row]![col] = value;
  }

  range(r1: number, c1: number, r2 = r1, c2 = c1): string {
    return a1Range(r1, c1, r2, c2);
  }

  cell(row: number, col: number): string {
    return a1(row, col);
  }

  style(range: string, s: Omit<Style, "range">): void {
    this.spec.styles.push({ range, ...s });
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 !== r2 || c1 !== c2) this.spec.merges.push(a1Range(r1, c1, r2, c2));
  }

  /** A full-width paragraph row (merged across the sheet, wrapped). */
  paragraph(text: string, s: Omit<Style, "range"> = {}): number {
    const r = this.row([text]);
    this.merge(r, 0, r, this.cols - 1);
    this.style(this.range(r, 0, r, this.cols - 1), { wrap: true, vAlign: "top", ...s });
    return r;
  }

  build(): SheetSpec {
    this.spec.values = this.rows;
    return this.spec;
  }
}

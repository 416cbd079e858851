/**
 * Fake Range, RangeList and Protection over a FakeSheet's cell store. Whole-grid setters check the
 * grid's dimensions as Sheets does ("The number of rows in the data does not match ..."), merges
 * keep only the top-left value, and insertCheckboxes sets every cell to false.
 */
import type { GDataValidation, GProtection, GRange, GRangeList } from "../../../apps-script/ports.js";
import type { CallKind } from "./calls.js";
import { normaliseColour, parseInput, type Cell, type Stored } from "./cells.js";
import type { FakeSheet } from "./sheet.js";

export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export class FakeProtection implements GProtection {
  description = "";
  warningOnly = false;
  constructor(
    private readonly sheet: FakeSheet,
    readonly box: Box,
  ) {}
  setDescription(description: string): GProtection {
    this.sheet.hit("Protection.setDescription", "write");
    this.description = description;
    return this;
  }
  setWarningOnly(warningOnly: boolean): GProtection {
    this.sheet.hit("Protection.setWarningOnly", "write");
    this.warningOnly = warningOnly;
    return this;
  }
}

export class FakeRange implements GRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly box: Box,
  ) {}

  private hit(method: string, kind: CallKind): void {
    this.sheet.hit(`Range.${method}`, kind);
  }

  private each(fn: (cell: Cell, i: number, j: number) => void): void {
    for (let i = 0; i < this.box.rows; i++)
      for (let j = 0; j < this.box.cols; j++)
        fn(this.sheet.cells.at(this.box.row + i, this.box.col + j), i, j);
  }

  private read<T>(fn: (cell: Cell | undefined) => T): T[][] {
    return Array.from({ length: this.box.rows }, (_, i) =>
      Array.from({ length: this.box.cols }, (_, j) =>
        fn(this.sheet.cells.get(this.box.row + i, this.box.col + j)),
      ),
    );
  }

  private checkGrid(grid: unknown[][], what: string): void {
    if (!Array.isArray(grid) || grid.length !== this.box.rows)
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(grid) ? grid.length : 0} but the range has ${this.box.rows}.`,
      );
    for (const row of grid)
      if (!Array.isArray(row) || row.length !== this.box.cols)
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.box.cols}. (${what})`,
        );
  }

  private setGrid<T>(method: string, grid: T[][], apply: (cell: Cell, v: T) => void): GRange {
    this.hit(method, "write");
    this.sheet.alive();
    this.checkGrid(grid, method);
    this.each((cell, i, j) => apply(cell, grid[i]![j]!));
    return this;
  }

  getValues(): Stored[][] {
    this.hit("getValues", "read");
    return this.read((c) => c?.value ?? "");
  }
  getBackgrounds(): string[][] {
    this.hit("getBackgrounds", "read");
    return this.read((c) => c?.bg ?? "#ffffff");
  }
  setValues(values: (string | number | boolean)[][]): GRange {
    return this.setGrid("setValues", values, (cell, v) => {
      const p = parseInput(v, cell.numberFormat);
      cell.value = p.value;
      if (p.formula) cell.formula = p.formula;
      else delete cell.formula;
      if (p.quoted) cell.quoted = true;
      else delete cell.quoted;
    });
  }
  setBackgrounds(colors: (string | null)[][]): GRange {
    return this.setGrid("setBackgrounds", colors, (cell, v) => (cell.bg = normaliseColour(v)));
  }
  /** For tests: a person colouring cells. */
  setBackground(color: string | null): GRange {
    this.hit("setBackground", "write");
    this.each((cell) => (cell.bg = normaliseColour(color)));
    return this;
  }
  /** For tests: a person typing (parsed as typed, like setValues). */
  setValue(value: unknown): GRange {
    this.hit("setValue", "write");
    this.each((cell) => {
      const p = parseInput(value, cell.numberFormat);
      cell.value = p.value;
      if (p.formula) cell.formula = p.formula;
    });
    return this;
  }
  getFormulas(): string[][] {
    this.hit("getFormulas", "read");
    return this.read((c) => c?.formula ?? "");
  }
  setFontWeights(weights: ("normal" | "bold" | null)[][]): GRange {
    return this.setGrid("setFontWeights", weights, (cell, v) => (cell.weight = v));
  }
  setFontStyles(styles: ("normal" | "italic" | null)[][]): GRange {
    return this.setGrid("setFontStyles", styles, (cell, v) => (cell.fontStyle = v));
  }
  setFontSizes(sizes: number[][]): GRange {
    return this.setGrid("setFontSizes", sizes, (cell, v) => (cell.size = v));
  }
  setFontColors(colors: string[][]): GRange {
    return this.setGrid(
      "setFontColors",
      colors,
      (cell, v) => (cell.colour = normaliseColour(v) ?? "#000000"),
    );
  }
  setWraps(wraps: boolean[][]): GRange {
    return this.setGrid("setWraps", wraps, (cell, v) => (cell.wrap = v));
  }
  setHorizontalAlignments(alignments: ("left" | "center" | "right" | null)[][]): GRange {
    return this.setGrid("setHorizontalAlignments", alignments, (cell, v) => (cell.hAlign = v));
  }
  setVerticalAlignments(alignments: ("top" | "middle" | "bottom" | null)[][]): GRange {
    return this.setGrid("setVerticalAlignments", alignments, (cell, v) => (cell.vAlign = v));
  }
  setNotes(notes: (string | null)[][]): GRange {
    return this.setGrid("setNotes", notes, (cell, v) => (cell.note = v === "" ? null : v));
  }
  merge(): GRange {
    this.hit("merge", "write");
    this.sheet.addMerge(this.box);
    return this;
  }
  mergeAcross(): GRange {
    this.hit("mergeAcross", "write");
    for (let i = 0; i < this.box.rows; i++)
      this.sheet.addMerge({ ...this.box, row: this.box.row + i, rows: 1 });
    return this;
  }
  setDataValidation(rule: GDataValidation | null): GRange {
    this.hit("setDataValidation", "write");
    this.each((cell) => (cell.validation = rule));
    return this;
  }
  insertCheckboxes(): GRange {
    this.hit("insertCheckboxes", "write");
    this.checkboxes();
    return this;
  }
  /** insertCheckboxes without counting (RangeList counts once for all its ranges). */
  checkboxes(): void {
    this.each((cell) => {
      cell.validation = "checkbox";
      cell.value = false;
      delete cell.formula;
    });
  }
  protect(): GProtection {
    this.hit("protect", "write");
    const p = new FakeProtection(this.sheet, this.box);
    this.sheet.protections.push(p);
    return p;
  }
  activate(): GRange {
    this.hit("activate", "write");
    this.sheet.spreadsheet.setActive(this.sheet, this.box);
    return this;
  }
  /** Uncounted, for RangeList. */
  applyEach(fn: (cell: Cell) => void): void {
    this.each(fn);
  }
}

export class FakeRangeList implements GRangeList {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly ranges: FakeRange[],
  ) {}
  getRanges(): FakeRange[] {
    this.sheet.hit("RangeList.getRanges", "read");
    return [...this.ranges];
  }
  setBorder(
    top: boolean | null,
    _left: boolean | null,
    _bottom: boolean | null,
    _right: boolean | null,
    _vertical: boolean | null,
    _horizontal: boolean | null,
    color: string | null,
  ): GRangeList {
    this.sheet.hit("RangeList.setBorder", "write");
    if (color !== null) normaliseColour(color);
    for (const r of this.ranges) r.applyEach((cell) => (cell.border = top === true));
    return this;
  }
  setNumberFormat(format: string): GRangeList {
    this.sheet.hit("RangeList.setNumberFormat", "write");
    for (const r of this.ranges) r.applyEach((cell) => (cell.numberFormat = format));
    return this;
  }
  insertCheckboxes(): GRangeList {
    this.sheet.hit("RangeList.insertCheckboxes", "write");
    for (const r of this.ranges) r.checkboxes();
    return this;
  }
}

/**
 * The subset of the Excel JavaScript API (Office.js) the add-in uses, as narrow structural types.
 * Property and parameter types are Office.js's own (from @types/office-js), so the real
 * `Excel.RequestContext` satisfies `XContext` (checked at compile time at the bottom of this file),
 * and the test fake implements exactly this and nothing more.
 *
 * Requirement sets: everything here is ExcelApi 1.9 or older (getCellProperties and onFormatChanged
 * are 1.9), which is what manifest.xml asks for, except `Range.control` (in-cell checkboxes) and
 * `Worksheet.notes` (ExcelApi 1.18), which the writer only touches when
 * `isSetSupported("ExcelApi", "1.18")` says so.
 */
/// <reference types="office-js" />

/** Something whose scalar properties can be loaded (`load("a,b")`) and read after `sync()`. */
export interface Loadable<Self> {
  load(propertyNames: string): Self;
}

export interface XClientResult<T> {
  readonly value: T;
}

export interface XBorder {
  style: Excel.RangeBorder["style"];
  color: string;
}

export interface XRangeFormat {
  fill: { color: string };
  font: { bold: boolean; italic: boolean; size: number; color: string };
  wrapText: boolean;
  horizontalAlignment: Excel.RangeFormat["horizontalAlignment"];
  verticalAlignment: Excel.RangeFormat["verticalAlignment"];
  columnWidth: number;
  protection: { locked: boolean };
  borders: {
    getItem(
      index: "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal",
    ): XBorder;
  };
}

export interface XConditionalFormat {
  custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string } };
  };
}

export interface XRange extends Loadable<XRange> {
  readonly isNullObject: boolean;
  /** The part of this range that holds values (or a null object when none does). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
  columnHidden: boolean;
  /** ExcelApi 1.18: only set when the host supports it. */
  control: Excel.CellControl;
  /** ExcelApi 1.7: a link on the range; documentReference links to a place in this workbook. */
  hyperlink: Excel.RangeHyperlink;
  readonly format: XRangeFormat;
  readonly conditionalFormats: { add(type: "Custom"): XConditionalFormat };
  readonly dataValidation: {
    rule: Excel.DataValidationRule;
    errorAlert: Excel.DataValidationErrorAlert;
  };
  getCellProperties(options: Excel.CellPropertiesLoadOptions): XClientResult<Excel.CellProperties[][]>;
  merge(across?: boolean): void;
  select(): void;
}

export interface XChart {
  readonly title: { text: string };
  readonly series: {
    getItemAt(index: number): { readonly format: { readonly fill: { setSolidColor(color: string): void } } };
  };
  setPosition(startCell: string, endCell?: string): void;
  width: number;
  height: number;
}

/** The events the live check listens to (Office.js's EventHandlers, narrowed to `add`). */
export interface XEvent<Args> {
  add(handler: (args: Args) => Promise<unknown>): unknown;
}

export interface XWorksheet extends Loadable<XWorksheet> {
  readonly id: string;
  name: string;
  tabColor: string;
  getRange(address?: string): XRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  delete(): void;
  activate(): void;
  readonly charts: {
    add(
      type: "ColumnClustered" | "ColumnStacked" | "BarClustered",
      sourceData: XRange,
      seriesBy?: "Auto" | "Columns" | "Rows",
    ): XChart;
  };
  readonly freezePanes: { freezeRows(count?: number): void };
  readonly protection: { protect(options?: Excel.WorksheetProtectionOptions, password?: string): void };
  /** ExcelApi 1.9: how the tab prints. */
  readonly pageLayout: {
    paperSize: Excel.PageLayout["paperSize"];
    orientation: Excel.PageLayout["orientation"];
    zoom: Excel.PageLayoutZoomOptions;
  };
  /** ExcelApi 1.18: only used when the host supports it (HostCaps.notes). */
  readonly notes: { add(cellAddress: string, content: string): unknown };
}

export interface XWorksheetCollection extends Loadable<XWorksheetCollection> {
  readonly items: XWorksheet[];
  add(name?: string): XWorksheet;
  getItem(key: string): XWorksheet;
  getActiveWorksheet(): XWorksheet;
  readonly onChanged: XEvent<Excel.WorksheetChangedEventArgs>;
  /** ExcelApi 1.9 */
  readonly onFormatChanged: XEvent<Excel.WorksheetFormatChangedEventArgs>;
  readonly onActivated: XEvent<Excel.WorksheetActivatedEventArgs>;
}

/**
 * The cells a person has selected, one area or several (Ctrl+click), as Excel.RangeAreas
 * (ExcelApi 1.9). Only what readSelection uses: the used part of every area and their values.
 */
export interface XRangeAreas {
  /** The used part of each area (a null object when no area holds a value). */
  getUsedRangeAreasOrNullObject(valuesOnly?: boolean): XRangeAreas;
  load(propertyNames: "areas/items/values"): XRangeAreas;
  readonly isNullObject: boolean;
  readonly areas: { readonly items: readonly XRange[] };
}

export interface XContext {
  readonly workbook: {
    readonly worksheets: XWorksheetCollection;
    /**
     * Every selected area (ExcelApi 1.9). Not getSelectedRange(), which "gets the currently selected
     * single range ... If there are multiple ranges selected, this method will throw an error"
     * (Microsoft's reference for Excel.Workbook).
     */
    getSelectedRanges(): XRangeAreas;
  };
  sync(): Promise<void>;
}

/** Runs a batch against the workbook: `Excel.run` in Office, the fake's run in tests. */
export type ExcelRunner = <T>(batch: (ctx: XContext) => Promise<T>) => Promise<T>;

/** What the host can do beyond ExcelApi 1.9 (asked once at start-up with isSetSupported). */
export interface HostCaps {
  /** ExcelApi 1.18: in-cell checkboxes (Range.control). */
  checkboxControl: boolean;
  /** ExcelApi 1.18: cell notes (Worksheet.notes), for the level examples and the record's guidance. */
  notes: boolean;
}

export const BASE_CAPS: HostCaps = { checkboxControl: false, notes: false };

/**
 * Compile-time proof that the real Office.js context fits the port: if @types/office-js changes
 * a signature we use, this line stops compiling.
 */
export function asPort(ctx: Excel.RequestContext): XContext {
  return ctx;
}

/**
 * Excel.createWorkbook (ExcelApi 1.8): opens a new workbook made from a base64 .xlsx, outside any
 * request context (no sync). Checked against Office.js's own signature below.
 */
export type XCreateWorkbook = (base64: string) => Promise<void>;
export type CreateWorkbookFits = typeof Excel.createWorkbook extends XCreateWorkbook ? true : never;
export const CREATE_WORKBOOK_FITS: CreateWorkbookFits = true;

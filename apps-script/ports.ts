/// <reference types="google-apps-script" />
/**
 * The slice of Apps Script this add-on uses, as narrow interfaces. Every method here is declared with
 * the real API's name and a compatible signature, and the checks at the bottom make the compiler
 * prove that the real `GoogleAppsScript.Spreadsheet.*` objects satisfy them: so the adapter compiles
 * against the real API, while the in-memory fake in test/apps-script implements only these.
 *
 * Only apps-script/main.ts touches the global services; every module gets them passed in as ports.
 */

type Ui = GoogleAppsScript.Base.Ui;

export type RawValue = string | number | boolean | Date | null;
type Grid<T> = T[][];

export interface GProtection {
  setDescription(description: string): GProtection;
  setWarningOnly(warningOnly: boolean): GProtection;
}

/** Opaque built rules: we only build them and hand them back. */
export type GDataValidation = Pick<GoogleAppsScript.Spreadsheet.DataValidation, "getAllowInvalid">;
export interface GConditionalFormatRule {
  getBooleanCondition(): unknown;
}
export interface GEmbeddedChart {
  getChartId(): number | null;
}

export interface GRange {
  getValues(): RawValue[][];
  getBackgrounds(): string[][];
  setValues(values: Grid<string | number | boolean>): GRange;
  setBackgrounds(colors: Grid<string | null>): GRange;
  setFontWeights(weights: Grid<"normal" | "bold" | null>): GRange;
  setFontStyles(styles: Grid<"normal" | "italic" | null>): GRange;
  setFontSizes(sizes: Grid<number>): GRange;
  setFontColors(colors: Grid<string>): GRange;
  setWraps(wraps: Grid<boolean>): GRange;
  setHorizontalAlignments(alignments: Grid<"left" | "center" | "right" | null>): GRange;
  setVerticalAlignments(alignments: Grid<"top" | "middle" | "bottom" | null>): GRange;
  setNotes(notes: Grid<string | null>): GRange;
  merge(): GRange;
  mergeAcross(): GRange;
  setDataValidation(rule: GDataValidation | null): GRange;
  protect(): GProtection;
  activate(): GRange;
}

export interface GRangeList {
  getRanges(): GRange[];
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color: string | null,
    style: GoogleAppsScript.Spreadsheet.BorderStyle | null,
  ): GRangeList;
  setNumberFormat(format: string): GRangeList;
  insertCheckboxes(): GRangeList;
}

export interface GChartBuilder {
  asColumnChart(): GChartBuilder;
  asBarChart(): GChartBuilder;
  addRange(range: GRange): GChartBuilder;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GChartBuilder;
  setOption(option: string, value: string | number | boolean | string[]): GChartBuilder;
  /** Rows become series (and columns categories). */
  setTransposeRowsAndColumns(transpose: boolean): GChartBuilder;
  build(): GEmbeddedChart;
}

export interface GDeveloperMetadataLocation {
  getSheet(): GSheet | null;
}

export interface GDeveloperMetadata {
  getKey(): string;
  getValue(): string | null;
  getLocation(): GDeveloperMetadataLocation;
}

export interface GDeveloperMetadataFinder {
  withKey(key: string): GDeveloperMetadataFinder;
  find(): GDeveloperMetadata[];
}

export interface GSheet {
  getName(): string;
  getSheetId(): number;
  getDataRange(): GRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GRange;
  getRange(a1Notation: string): GRange;
  getRangeList(a1Notations: string[]): GRangeList;
  getDeveloperMetadata(): GDeveloperMetadata[];
  addDeveloperMetadata(key: string, value: string): GSheet;
  setName(name: string): GSheet;
  setFrozenRows(rows: number): void;
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet;
  hideColumns(columnIndex: number): void;
  setConditionalFormatRules(rules: GConditionalFormatRule[]): void;
  setTabColor(color: string | null): GSheet;
  insertRowsAfter(afterPosition: number, howMany: number): GSheet;
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet;
  newChart(): GChartBuilder;
  insertChart(chart: GEmbeddedChart): void;
  activate(): GSheet;
}

export interface GSpreadsheet {
  getSheets(): GSheet[];
  getSheetByName(name: string): GSheet | null;
  getActiveSheet(): GSheet;
  getActiveRange(): GRange | null;
  getId(): string;
  insertSheet(sheetName: string, sheetIndex: number): GSheet;
  deleteSheet(sheet: GSheet): void;
  createDeveloperMetadataFinder(): GDeveloperMetadataFinder;
}

export interface GConditionalFormatRuleBuilder {
  whenFormulaSatisfied(formula: string): GConditionalFormatRuleBuilder;
  setBackground(color: string | null): GConditionalFormatRuleBuilder;
  setFontColor(color: string | null): GConditionalFormatRuleBuilder;
  setRanges(ranges: GRange[]): GConditionalFormatRuleBuilder;
  build(): GConditionalFormatRule;
}

export interface GDataValidationBuilder {
  requireValueInList(values: string[], showDropdown: boolean): GDataValidationBuilder;
  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder;
  build(): GDataValidation;
}

export interface GMenu {
  addItem(caption: string, functionName: string): GMenu;
  addSeparator(): GMenu;
  addToUi(): void;
}

export interface GHtmlOutput {
  setTitle(title: string): GHtmlOutput;
}

export interface GUi {
  createAddonMenu(): GMenu;
  /** A menu of its own in the menu bar: the bound-script build's (apps-script/bound.ts). */
  createMenu(caption: string): GMenu;
  showSidebar(userInterface: GHtmlOutput): void;
  alert(prompt: string): unknown;
}

export interface GSpreadsheetApp {
  getActiveSpreadsheet(): GSpreadsheet;
  getUi(): GUi;
  newConditionalFormatRule(): GConditionalFormatRuleBuilder;
  newDataValidation(): GDataValidationBuilder;
  flush(): void;
}

export interface GHtmlService {
  createHtmlOutputFromFile(filename: string): GHtmlOutput;
}

export interface GLock {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

export interface GLockService {
  getDocumentLock(): GLock | null;
}

/** Everything the add-on's modules are given by main.ts (or by a test). */
export interface Services {
  app: GSpreadsheetApp;
  html: GHtmlService;
  locks: GLockService;
  /** Today, for the school year and the summary's date (a test passes a fixed one). */
  now: () => Date;
}

// The compiler proves the real API satisfies each port: if Google's types change a signature we
// use, these lines stop compiling.
type Satisfies<Real extends Port, Port> = Real;
export type RealApiSatisfiesPorts = [
  Satisfies<GoogleAppsScript.Spreadsheet.Range, GRange>,
  Satisfies<GoogleAppsScript.Spreadsheet.RangeList, GRangeList>,
  Satisfies<GoogleAppsScript.Spreadsheet.Sheet, GSheet>,
  Satisfies<GoogleAppsScript.Spreadsheet.Spreadsheet, GSpreadsheet>,
  Satisfies<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, GChartBuilder>,
  Satisfies<GoogleAppsScript.Spreadsheet.DeveloperMetadata, GDeveloperMetadata>,
  Satisfies<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, GDeveloperMetadataFinder>,
  Satisfies<GoogleAppsScript.Spreadsheet.Protection, GProtection>,
  Satisfies<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, GConditionalFormatRuleBuilder>,
  Satisfies<GoogleAppsScript.Spreadsheet.DataValidationBuilder, GDataValidationBuilder>,
  Satisfies<GoogleAppsScript.Spreadsheet.SpreadsheetApp, GSpreadsheetApp>,
  Satisfies<Ui, GUi>,
  Satisfies<GoogleAppsScript.Base.Menu, GMenu>,
  Satisfies<GoogleAppsScript.HTML.HtmlService, GHtmlService>,
  Satisfies<GoogleAppsScript.HTML.HtmlOutput, GHtmlOutput>,
  Satisfies<GoogleAppsScript.Lock.LockService, GLockService>,
  Satisfies<GoogleAppsScript.Lock.Lock, GLock>,
];

/**
 * The fake Spreadsheet and SpreadsheetApp: sheet-name rules as in Sheets (at most 100 characters,
 * not empty, unique ignoring case), insertSheet makes the new sheet active, a spreadsheet keeps at
 * least one sheet, and the developer-metadata finder searches every sheet's metadata.
 */
import type {
  GConditionalFormatRuleBuilder,
  GDataValidationBuilder,
  GDeveloperMetadata,
  GDeveloperMetadataFinder,
  GRange,
  GSheet,
  GSpreadsheet,
  GSpreadsheetApp,
  GUi,
} from "../../../apps-script/ports.js";
import { FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder } from "./builders.js";
import type { CallLog } from "./calls.js";
import { own } from "./guard.js";
import { FakeRange, type Box } from "./range.js";
import { FakeSheet } from "./sheet.js";
import type { FakeUi } from "./services.js";

class FakeFinder implements GDeveloperMetadataFinder {
  private key: string | null = null;
  constructor(private readonly ss: FakeSpreadsheet) {}
  withKey(key: string): GDeveloperMetadataFinder {
    this.ss.log.hit("DeveloperMetadataFinder.withKey", "read");
    this.key = key;
    return this;
  }
  find(): GDeveloperMetadata[] {
    this.ss.log.hit("DeveloperMetadataFinder.find", "read");
    return this.ss.sheets.flatMap((s) => s.metadata.filter((m) => this.key === null || m.key === this.key));
  }
}

export class FakeSpreadsheet implements GSpreadsheet {
  sheets: FakeSheet[] = [];
  active: FakeSheet;
  activeRange: Box | null = null;
  private nextId = 1;
  /** The spreadsheet's id (tests may set another to stand for a different file). */
  id = "fake-spreadsheet-1";

  constructor(readonly log: CallLog) {
    this.active = this.add("Sheet1", 0);
  }

  checkName(name: string, self: FakeSheet | null): void {
    if (typeof name !== "string" || name.trim() === "") throw new Error("Sheet names cannot be empty.");
    if (name.length > 100)
      throw new Error(`The sheet name is too long: ${name.length} characters (at most 100).`);
    const clash = this.sheets.find((s) => s !== self && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  /** Uncounted: a test setting up a workbook. */
  add(name: string, index = this.sheets.length): FakeSheet {
    this.checkName(name, null);
    const sheet = new FakeSheet(this, name, this.nextId++);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  /** Uncounted lookup for tests. */
  tab(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no tab ${name}; tabs: ${this.sheets.map((x) => x.name).join(", ")}`);
    return s;
  }

  setActive(sheet: FakeSheet, range: Box | null): void {
    this.active = sheet;
    this.activeRange = range;
  }

  getSheets(): GSheet[] {
    this.log.hit("Spreadsheet.getSheets", "read");
    return [...this.sheets];
  }
  getSheetByName(name: string): GSheet | null {
    this.log.hit("Spreadsheet.getSheetByName", "read");
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  getActiveSheet(): GSheet {
    this.log.hit("Spreadsheet.getActiveSheet", "read");
    return this.active;
  }
  /** The selection on the active sheet (null when nothing is selected, as after insertSheet). */
  getActiveRange(): GRange | null {
    this.log.hit("Spreadsheet.getActiveRange", "read");
    const b = this.activeRange;
    return b ? new FakeRange(this.active, b) : null;
  }
  getId(): string {
    this.log.hit("Spreadsheet.getId", "read");
    return this.id;
  }
  insertSheet(sheetName: string, sheetIndex: number): GSheet {
    this.log.hit("Spreadsheet.insertSheet", "write");
    if (!Number.isInteger(sheetIndex) || sheetIndex < 0 || sheetIndex > this.sheets.length)
      throw new Error(`Sheet index ${sheetIndex} is out of range.`);
    const sheet = this.add(sheetName, sheetIndex);
    this.setActive(sheet, null);
    return sheet;
  }
  deleteSheet(sheet: GSheet): void {
    this.log.hit("Spreadsheet.deleteSheet", "write");
    const s = own(sheet, FakeSheet, "Sheet");
    s.alive();
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((x) => x !== s);
    s.deleted = true;
    if (this.active === s) this.setActive(this.sheets[0]!, null);
  }
  createDeveloperMetadataFinder(): GDeveloperMetadataFinder {
    this.log.hit("Spreadsheet.createDeveloperMetadataFinder", "read");
    return new FakeFinder(this);
  }
}

export class FakeSpreadsheetApp implements GSpreadsheetApp {
  constructor(
    readonly log: CallLog,
    readonly spreadsheet: FakeSpreadsheet,
    readonly ui: FakeUi,
  ) {}
  getActiveSpreadsheet(): GSpreadsheet {
    this.log.hit("SpreadsheetApp.getActiveSpreadsheet", "read");
    return this.spreadsheet;
  }
  getUi(): GUi {
    this.log.hit("SpreadsheetApp.getUi", "ui");
    return this.ui;
  }
  newConditionalFormatRule(): GConditionalFormatRuleBuilder {
    this.log.hit("SpreadsheetApp.newConditionalFormatRule", "builder");
    return new FakeConditionalFormatRuleBuilder(this.log);
  }
  newDataValidation(): GDataValidationBuilder {
    this.log.hit("SpreadsheetApp.newDataValidation", "builder");
    return new FakeDataValidationBuilder(this.log);
  }
  flush(): void {
    this.log.hit("SpreadsheetApp.flush", "write");
  }
}

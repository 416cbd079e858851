/**
 * A typed in-memory fake of the Apps Script services the add-on uses (SpreadsheetApp, HtmlService,
 * LockService), implementing the ports in apps-script/ports.ts, which the compiler checks against
 * @types/google-apps-script. Every call is counted in one CallLog.
 */
import { FakeApis } from "./apis.js";
import { CallLog } from "./calls.js";
import { FakeHtmlService, FakeLockService, FakeUi } from "./services.js";
import { FakeSpreadsheet, FakeSpreadsheetApp } from "./spreadsheet.js";

export { CallLog, InjectedFailure } from "./calls.js";
export { FakeApis } from "./apis.js";
export type { FakeSheet } from "./sheet.js";
export type { FakeSpreadsheet } from "./spreadsheet.js";

export interface FakeGas {
  log: CallLog;
  ss: FakeSpreadsheet;
  ui: FakeUi;
  SpreadsheetApp: FakeSpreadsheetApp;
  HtmlService: FakeHtmlService;
  LockService: FakeLockService;
  /** The advanced Sheets and Drive services (their own request log; person files live here). */
  apis: FakeApis;
}

/** A fresh spreadsheet with one empty tab, "Sheet1". `htmlDir` is where HtmlService finds files. */
export function createFakeGas(htmlDir: string | null = null): FakeGas {
  const log = new CallLog();
  const ss = new FakeSpreadsheet(log);
  const ui = new FakeUi(log);
  return {
    log,
    ss,
    ui,
    SpreadsheetApp: new FakeSpreadsheetApp(log, ss, ui),
    HtmlService: new FakeHtmlService(log, htmlDir),
    LockService: new FakeLockService(log),
    apis: new FakeApis(),
  };
}

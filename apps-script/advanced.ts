/// <reference types="google-apps-script" />
/**
 * The slice of the advanced Sheets (v4) and Drive (v3) services the per-person flow uses, as narrow
 * ports: the same method names and compatible signatures as the real services, which the checks at
 * the bottom make the compiler prove against @types/google-apps-script. Only main.ts touches the
 * global `Sheets` and `Drive`; tests pass typed fakes (test/apps-script/fake/apis.ts).
 *
 * Both services work under the non-sensitive `drive.file` scope on files this add-on created
 * (docs/apps-script.md, "One file per person: scopes").
 */

export type SheetsSchema = GoogleAppsScript.Sheets.Schema.Spreadsheet;
export type SheetsRequest = GoogleAppsScript.Sheets.Schema.Request;
export type SheetsCellData = GoogleAppsScript.Sheets.Schema.CellData;
export type SheetsColor = GoogleAppsScript.Sheets.Schema.Color;
export type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
export type DrivePermission = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;
export type DriveFileList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;

export interface GSpreadsheetsCollection {
  /** https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/batchUpdate */
  batchUpdate(
    resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
    spreadsheetId: string,
  ): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse;
  /** https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get (`fields` mask). */
  get(spreadsheetId: string, optionalArgs: object): SheetsSchema;
}

export interface GSheetsService {
  Spreadsheets: GSpreadsheetsCollection;
}

export interface GDriveFiles {
  /** https://developers.google.com/drive/api/reference/rest/v3/files/create */
  create(resource: DriveFile): DriveFile;
  /**
   * https://developers.google.com/drive/api/reference/rest/v3/files/list (`q`, `fields`, `pageSize`);
   * under `drive.file` it lists only files this add-on created or the user opened with it.
   */
  list(optionalArgs: Record<string, unknown>): DriveFileList;
}

export interface GDrivePermissions {
  /** https://developers.google.com/drive/api/reference/rest/v3/permissions/create */
  create(resource: DrivePermission, fileId: string, optionalArgs: Record<string, unknown>): DrivePermission;
}

export interface GDriveService {
  Files: GDriveFiles;
  Permissions: GDrivePermissions;
}

/** The advanced services, when the project has them enabled (appsscript.json). */
export interface AdvancedServices {
  sheets: GSheetsService | undefined;
  drive: GDriveService | undefined;
}

type Satisfies<Real extends Port, Port> = Real;
export type RealAdvancedApiSatisfiesPorts = [
  Satisfies<GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection, GSpreadsheetsCollection>,
  Satisfies<GoogleAppsScript.Sheets, GSheetsService>,
  Satisfies<GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection, GDriveFiles>,
  Satisfies<GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection, GDrivePermissions>,
  Satisfies<GoogleAppsScript.Drive, GDriveService>,
];

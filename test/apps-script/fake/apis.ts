/**
 * Typed in-memory fakes of the advanced Sheets (v4) and Drive (v3) services, implementing the ports
 * in apps-script/advanced.ts (which the compiler checks against @types/google-apps-script). Every
 * request is counted in `log` (one per call, as each is one HTTP request), kept apart from the
 * SpreadsheetApp CallLog so the existing flows' budgets are unchanged.
 *
 * Behaviour modelled on the reference pages:
 * - Drive files.create: https://developers.google.com/drive/api/reference/rest/v3/files/create
 *   (a Google Sheets mimeType makes an empty spreadsheet whose first sheet has id 0, 1000 x 26;
 *   `parents` must name a folder that exists);
 * - Drive permissions.create: https://developers.google.com/drive/api/reference/rest/v3/permissions/create
 *   (type user needs emailAddress; sendNotificationEmail optional);
 * - Sheets spreadsheets.batchUpdate:
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/batchUpdate
 *   ("If any request is not valid then the entire request will fail and nothing will be applied":
 *   the fake applies to a copy and keeps it only when every request succeeds; ranges outside the
 *   grid are refused);
 * - Sheets spreadsheets.get: https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get
 *   (grid data only with a field mask naming it; the fake refuses a get without a `sheets(...)` mask).
 * Errors carry the text Apps Script gives a failed advanced-service call
 * ("API call to sheets.spreadsheets.get failed with error: ...").
 */
import type {
  DriveFile,
  DrivePermission,
  GDriveFiles,
  GDrivePermissions,
  GDriveService,
  GSheetsService,
  GSpreadsheetsCollection,
  SheetsCellData,
  SheetsRequest,
  SheetsSchema,
} from "../../../apps-script/advanced.js";

type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;

export class ApiLog {
  readonly byMethod = new Map<string, number>();
  count = 0;
  hit(method: string): void {
    this.count++;
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
  }
  method(m: string): number {
    return this.byMethod.get(m) ?? 0;
  }
  measure<T>(fn: () => T): { result: T; total: number; methods: Record<string, number> } {
    const before = new Map(this.byMethod);
    const start = this.count;
    const result = fn();
    const methods: Record<string, number> = {};
    for (const [m, n] of this.byMethod) if (n - (before.get(m) ?? 0)) methods[m] = n - (before.get(m) ?? 0);
    return { result, total: this.count - start, methods };
  }
}

export interface FakeApiSheet {
  properties: {
    sheetId: number;
    title: string;
    rowCount: number;
    columnCount: number;
    frozenRowCount: number;
  };
  /** Sparse: rows[r][c]. */
  rows: SheetsCellData[][];
  merges: GridRange[];
  widths: Map<number, number>;
  hiddenColumns: Set<number>;
  rules: number;
  protectedRanges: { description: string; warningOnly: boolean }[];
}

export interface FakeDriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  permissions: { emailAddress: string; role: string; notify: boolean }[];
  sheets: FakeApiSheet[];
  /** false: the add-on has no access (the file was not made by it, or was unshared). */
  access: boolean;
}

const SPREADSHEET = "application/vnd.google-apps.spreadsheet";
const FOLDER = "application/vnd.google-apps.folder";

function failure(call: string, why: string): Error {
  const e = new Error(`API call to ${call} failed with error: ${why}`);
  e.name = "GoogleJsonResponseException";
  return e;
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

function within(sheet: FakeApiSheet, r: GridRange | undefined, what: string): void {
  if (!r || r.sheetId !== sheet.properties.sheetId) throw new Error(`${what}: no such sheet`);
  const { rowCount, columnCount } = sheet.properties;
  if ((r.endRowIndex ?? 0) > rowCount || (r.endColumnIndex ?? 0) > columnCount)
    throw new Error(`${what}: range is outside the grid (${rowCount} x ${columnCount})`);
}

export class FakeApis {
  readonly log = new ApiLog();
  readonly files = new Map<string, FakeDriveFile>();
  /** Make the nth batchUpdate from now on fail (1-based), as when Google has an outage. */
  failBatchUpdateAt: number | null = null;
  private next = 1;

  /** A new id, shaped like Drive's (long, URL-safe). */
  private newId(): string {
    return `1FakeDriveFileId${String(this.next++).padStart(20, "0")}`;
  }

  file(id: string): FakeDriveFile {
    const f = this.files.get(id);
    if (!f) throw new Error(`no fake file ${id}`);
    return f;
  }

  /** Paint a cell's own fill (0-based), uncounted: as a person colouring their ragging sheet. */
  setFill(id: string, row: number, col: number, hex: string): void {
    const sheet = this.file(id).sheets[0]!;
    const n = parseInt(hex.slice(1), 16);
    const cell = ((sheet.rows[row] ??= [])[col] ??= {});
    cell.userEnteredFormat = {
      ...cell.userEnteredFormat,
      backgroundColorStyle: {
        rgbColor: { red: (n >> 16) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 },
      },
    };
  }

  /** Every text in a file (values and notes), for privacy checks. */
  texts(id: string): string[] {
    const f = this.file(id);
    const out = [f.name];
    for (const s of f.sheets) {
      out.push(s.properties.title);
      for (const row of s.rows)
        for (const c of row ?? []) {
          const v = c?.userEnteredValue;
          if (v?.stringValue !== undefined) out.push(v.stringValue);
          if (v?.formulaValue !== undefined) out.push(v.formulaValue);
          if (c?.note) out.push(c.note);
        }
    }
    return out;
  }

  readonly Drive: GDriveService;
  readonly Sheets: GSheetsService;

  constructor() {
    const Files: GDriveFiles = {
      create: (resource: DriveFile): DriveFile => {
        this.log.hit("Drive.Files.create");
        const mimeType = resource.mimeType ?? "application/octet-stream";
        for (const p of resource.parents ?? [])
          if (this.files.get(p)?.mimeType !== FOLDER)
            throw failure("drive.files.create", `File not found: ${p}.`);
        const id = this.newId();
        const sheets: FakeApiSheet[] =
          mimeType === SPREADSHEET
            ? [
                {
                  properties: {
                    sheetId: 0,
                    title: "Sheet1",
                    rowCount: 1000,
                    columnCount: 26,
                    frozenRowCount: 0,
                  },
                  rows: [],
                  merges: [],
                  widths: new Map(),
                  hiddenColumns: new Set(),
                  rules: 0,
                  protectedRanges: [],
                },
              ]
            : [];
        this.files.set(id, {
          id,
          name: resource.name ?? "Untitled",
          mimeType,
          parents: [...(resource.parents ?? [])],
          permissions: [],
          sheets,
          access: true,
        });
        return { id, name: resource.name ?? "Untitled", mimeType };
      },
      // https://developers.google.com/drive/api/reference/rest/v3/files/list, with the query language
      // of https://developers.google.com/drive/api/guides/search-files (strings in single quotes, \ and
      // ' escaped by a backslash). Under drive.file only files the add-on can open are listed.
      list: (optionalArgs: Record<string, unknown>) => {
        this.log.hit("Drive.Files.list");
        const q = typeof optionalArgs.q === "string" ? optionalArgs.q : "";
        const m = /^name = '((?:[^'\\]|\\.)*)' and mimeType = '([^']+)' and trashed = false$/.exec(q);
        if (!m)
          throw new Error(
            "The fake answers only a list by name = '...' and mimeType = '...' and trashed = false.",
          );
        const name = m[1]!.replace(/\\(.)/g, "$1");
        const size = typeof optionalArgs.pageSize === "number" ? optionalArgs.pageSize : 100;
        const files = [...this.files.values()].filter(
          (f) => f.access && f.name === name && f.mimeType === m[2],
        );
        return { kind: "drive#fileList", files: files.slice(0, size).map((f) => ({ id: f.id })) };
      },
    };
    const Permissions: GDrivePermissions = {
      create: (resource: DrivePermission, fileId: string, optionalArgs: Record<string, unknown>) => {
        this.log.hit("Drive.Permissions.create");
        const f = this.files.get(fileId);
        if (!f?.access) throw failure("drive.permissions.create", `File not found: ${fileId}.`);
        if (resource.type !== "user" || !resource.emailAddress || !resource.role)
          throw failure("drive.permissions.create", "The permission type field is required.");
        f.permissions.push({
          emailAddress: resource.emailAddress,
          role: resource.role,
          notify: optionalArgs.sendNotificationEmail !== false,
        });
        return { id: `perm${f.permissions.length}`, ...resource };
      },
    };
    this.Drive = { Files, Permissions };

    const Spreadsheets: GSpreadsheetsCollection = {
      batchUpdate: (resource, spreadsheetId) => {
        this.log.hit("Sheets.Spreadsheets.batchUpdate");
        if (this.failBatchUpdateAt !== null && --this.failBatchUpdateAt === 0)
          throw failure("sheets.spreadsheets.batchUpdate", "Internal error encountered.");
        const f = this.readable(spreadsheetId, "sheets.spreadsheets.batchUpdate");
        const sheets = f.sheets.map((s) => ({
          ...clone({ ...s, widths: undefined, hiddenColumns: undefined }),
          widths: new Map(s.widths),
          hiddenColumns: new Set(s.hiddenColumns),
        })) as FakeApiSheet[];
        (resource.requests ?? []).forEach((req, i) => {
          try {
            applyRequest(sheets, req);
          } catch (e) {
            throw failure(
              "sheets.spreadsheets.batchUpdate",
              `Invalid requests[${i}]: ${(e as Error).message}`,
            );
          }
        });
        f.sheets = sheets;
        return { spreadsheetId, replies: (resource.requests ?? []).map(() => ({})) };
      },
      get: (spreadsheetId: string, optionalArgs: object): SheetsSchema => {
        this.log.hit("Sheets.Spreadsheets.get");
        const f = this.readable(spreadsheetId, "sheets.spreadsheets.get");
        const fields = (optionalArgs as { fields?: unknown }).fields;
        if (typeof fields !== "string" || !fields.startsWith("sheets(") || !fields.includes("rowData"))
          throw new Error("The fake answers only a get with a sheets(...rowData...) field mask.");
        const fill = fields.includes("backgroundColorStyle");
        return {
          sheets: f.sheets.map((s) => ({
            properties: { title: s.properties.title, sheetId: s.properties.sheetId },
            data: [
              {
                rowData: Array.from({ length: s.rows.length }, (_, r) => ({
                  values: (s.rows[r] ?? []).map((c) => readCell(c, fill)),
                })),
              },
            ],
          })),
        };
      },
    };
    this.Sheets = { Spreadsheets };
  }

  private readable(id: string, call: string): FakeDriveFile {
    const f = this.files.get(id);
    if (!f || f.mimeType !== SPREADSHEET) throw failure(call, "Requested entity was not found.");
    if (!f.access) throw failure(call, "The caller does not have permission");
    return f;
  }
}

function readCell(c: SheetsCellData | undefined, fill: boolean): SheetsCellData {
  const v = c?.userEnteredValue;
  const out: SheetsCellData = {};
  if (v?.stringValue !== undefined) out.effectiveValue = { stringValue: v.stringValue };
  else if (v?.numberValue !== undefined) out.effectiveValue = { numberValue: v.numberValue };
  else if (v?.boolValue !== undefined) out.effectiveValue = { boolValue: v.boolValue };
  if (out.effectiveValue) {
    const e = out.effectiveValue;
    out.formattedValue = String(e.stringValue ?? e.numberValue ?? (e.boolValue ? "TRUE" : "FALSE"));
  }
  const bg = c?.userEnteredFormat?.backgroundColorStyle;
  if (fill && bg) out.userEnteredFormat = { backgroundColorStyle: clone(bg) };
  return out;
}

function sheetOf(sheets: FakeApiSheet[], id: number | undefined): FakeApiSheet {
  const s = sheets.find((x) => x.properties.sheetId === (id ?? 0));
  if (!s) throw new Error(`no sheet with id ${id}`);
  return s;
}

function applyRequest(sheets: FakeApiSheet[], req: SheetsRequest): void {
  const kinds = Object.keys(req);
  if (kinds.length !== 1) throw new Error("a request must have exactly one kind");
  if (req.updateSheetProperties) {
    const p = req.updateSheetProperties.properties ?? {};
    const s = sheetOf(sheets, p.sheetId);
    if (p.title !== undefined) {
      if (sheets.some((x) => x !== s && x.properties.title.toLowerCase() === p.title!.toLowerCase()))
        throw new Error(`A sheet with the name "${p.title}" already exists.`);
      s.properties.title = p.title;
    }
    const g = p.gridProperties;
    if (g?.rowCount !== undefined) s.properties.rowCount = g.rowCount;
    if (g?.columnCount !== undefined) s.properties.columnCount = g.columnCount;
    if (g?.frozenRowCount !== undefined) s.properties.frozenRowCount = g.frozenRowCount;
    return;
  }
  if (req.updateCells) {
    const u = req.updateCells;
    const s = sheetOf(sheets, u.start?.sheetId);
    const r0 = u.start?.rowIndex ?? 0;
    const c0 = u.start?.columnIndex ?? 0;
    const rows = u.rows ?? [];
    const width = Math.max(0, ...rows.map((r) => r.values?.length ?? 0));
    within(
      s,
      { sheetId: s.properties.sheetId, endRowIndex: r0 + rows.length, endColumnIndex: c0 + width },
      "updateCells",
    );
    if (!u.fields) throw new Error("updateCells needs fields");
    rows.forEach((row, i) =>
      (row.values ?? []).forEach((cell, j) => {
        (s.rows[r0 + i] ??= [])[c0 + j] = clone(cell);
      }),
    );
    return;
  }
  if (req.mergeCells) {
    const s = sheetOf(sheets, req.mergeCells.range?.sheetId);
    within(s, req.mergeCells.range, "mergeCells");
    s.merges.push(clone(req.mergeCells.range!));
    return;
  }
  if (req.updateDimensionProperties) {
    const u = req.updateDimensionProperties;
    const s = sheetOf(sheets, u.range?.sheetId);
    if (u.range?.dimension !== "COLUMNS") throw new Error("the fake sizes columns only");
    if ((u.range.endIndex ?? 0) > s.properties.columnCount)
      throw new Error("updateDimensionProperties: outside the grid");
    for (let c = u.range.startIndex ?? 0; c < (u.range.endIndex ?? 0); c++) {
      if (u.properties?.pixelSize !== undefined) s.widths.set(c, u.properties.pixelSize);
      if (u.properties?.hiddenByUser) s.hiddenColumns.add(c);
    }
    return;
  }
  if (req.addConditionalFormatRule) {
    for (const r of req.addConditionalFormatRule.rule?.ranges ?? [])
      within(sheetOf(sheets, r.sheetId), r, "addConditionalFormatRule");
    sheetOf(sheets, req.addConditionalFormatRule.rule?.ranges?.[0]?.sheetId).rules++;
    return;
  }
  if (req.addProtectedRange) {
    const p = req.addProtectedRange.protectedRange;
    const s = sheetOf(sheets, p?.range?.sheetId);
    within(s, p?.range, "addProtectedRange");
    s.protectedRanges.push({ description: p?.description ?? "", warningOnly: p?.warningOnly ?? false });
    return;
  }
  throw new Error(`the fake does not model ${kinds[0]}`);
}

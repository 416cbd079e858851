/**
 * The school register of the per-person arrangement (design §8): one row per member of staff and
 * their own file (name, grade band, role, appraiser, where the file is), kept as a visible tab in
 * the leaders' file, or as register.csv beside the person files, for the leader to edit by hand:
 * add a newcomer, delete a leaver, fix a file name or link. The roll-up reads the files it lists.
 *
 * Reading is tolerant of those edits: the header row is found anywhere by its words (in any order,
 * with extra columns), rows may be added, removed, left blank or reordered, and columns the leader
 * added are carried through when the register is written again. The register tab carries a marker
 * (role "register") so it is recognised after a rename and never read as a staff tab.
 *
 * It does not read or write files (hosts do), and it names files but does not check they exist.
 */
import { LadderError } from "./errors.js";
import { personKey } from "./names.js";
import { HEADER_FILL, SheetBuilder, TITLE_SIZE } from "./generate/builder.js";
import { parseMarker, type CellValue, type Marker, type SheetSpec, type TabSnapshot } from "./sheet.js";
import { parseCsv, detectSeparator, STAFF_ALIASES } from "./staff-list.js";

export const REGISTER_TAB = "Register";
export const REGISTER_ID = "school-register";
export const REGISTER_MARKER: Marker = { templateId: REGISTER_ID, version: 1, role: "register" };

/** The register's own columns, in the order a new register has them. */
export const REGISTER_FIELDS = ["name", "band", "role", "appraiser", "file"] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];
export const REGISTER_HEADERS: Record<RegisterField, string> = {
  name: "Name",
  band: "Grade band",
  role: "Role",
  appraiser: "Appraiser",
  file: "File",
};

/** Header words (lower case, letters only) that name each column, as leaders might retype them. */
const ALIASES: Record<string, RegisterField> = {
  ...STAFF_ALIASES,
  person: "name",
  file: "file",
  filename: "file",
  where: "file",
};

export interface RegisterEntry {
  name: string;
  band: string;
  role: string;
  appraiser: string;
  /** Where the person's file is: a path relative to the register's folder, or a link. */
  file: string;
  /** Values of columns the leader added, by their header text. */
  extra?: Record<string, string>;
}

export interface RegisterRead {
  /** The header row's texts in the order found (our columns and the leader's own). */
  columns: string[];
  entries: RegisterEntry[];
  /** Rows that cannot be used, in words ("Row 9: 'Ann Lee' has no file ..."). */
  problems: string[];
}

function fieldOf(header: string): RegisterField | undefined {
  return ALIASES[header.toLowerCase().replace(/[^a-z]/g, "")];
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined
    ? ""
    : String(v)
        .replace(/[\t\r\n]+/g, " ")
        .trim();
}

/** Index of the header row: the first with a name column and a file column, or -1. */
function headerRow(rows: readonly (readonly CellValue[])[]): number {
  return rows.findIndex((row) => {
    const fields = new Set(row.map((v) => fieldOf(text(v))));
    return fields.has("name") && fields.has("file");
  });
}

/** Rows (from the header row down) -> the register; `rowLabel` numbers a data row for messages. */
function readRows(rows: readonly (readonly CellValue[])[], rowLabel: (i: number) => string): RegisterRead {
  const h = headerRow(rows);
  if (h < 0) return { columns: [], entries: [], problems: [] };
  const header = rows[h]!.map(text);
  const last = header.reduce((n, t, i) => (t === "" ? n : i), -1);
  const columns = header.slice(0, last + 1);
  const at = new Map<RegisterField, number>();
  columns.forEach((c, i) => {
    const f = fieldOf(c);
    if (f && !at.has(f)) at.set(f, i);
  });
  const entries: RegisterEntry[] = [];
  const problems: string[] = [];
  for (let r = h + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const get = (f: RegisterField): string => {
      const i = at.get(f);
      return i === undefined ? "" : text(row[i]);
    };
    const entry: RegisterEntry = {
      name: get("name"),
      band: get("band"),
      role: get("role"),
      appraiser: get("appraiser"),
      file: get("file"),
    };
    const extra: Record<string, string> = {};
    columns.forEach((c, i) => {
      const f = fieldOf(c);
      const ours = f !== undefined && at.get(f) === i;
      if (c !== "" && !ours && text(row[i]) !== "") extra[c] = text(row[i]);
    });
    if (entry.name === "" && entry.file === "") continue; // a blank row, or a note in a column of the leader's
    if (entry.file === "") {
      problems.push(
        `${rowLabel(r)}: '${entry.name}' has no file in the File column, so nothing is rolled up for them. Put the name of their file there, or delete the row.`,
      );
      continue;
    }
    if (Object.keys(extra).length > 0) entry.extra = extra;
    entries.push(entry);
  }
  return { columns, entries, problems };
}

/** Is this the register tab (by its marker, or, with no marker, by its name and header row)? */
export function isRegisterTab(snap: TabSnapshot): boolean {
  const m = parseMarker(snap.marker);
  if (m) return m.role === "register";
  return snap.name.trim().toLowerCase() === REGISTER_TAB.toLowerCase() && headerRow(snap.values) >= 0;
}

/**
 * The register in a workbook's tabs, or null when it has none.
 * @example readRegisterTab(snaps)?.entries[0].file === "Ann Lee 2026-27.xlsx"
 */
export function readRegisterTab(snaps: readonly TabSnapshot[]): RegisterRead | null {
  const snap = snaps.find(isRegisterTab);
  if (!snap) return null;
  return readRows(snap.values, (r) => `Register row ${r + 1}`);
}

/**
 * The register tab: a title, what it is for, the header row and one row per person. Columns the
 * leader added (and their order) are kept when `columns` from an earlier read is given.
 * @example registerSheet([{ name: "Ann Lee", band: "3", role: "", appraiser: "", file: "Ann Lee 2026-27.xlsx" }])
 */
export function registerSheet(
  entries: readonly RegisterEntry[],
  opts: { name?: string; columns?: readonly string[] } = {},
): SheetSpec {
  const columns = registerColumns(opts.columns);
  const cols = Math.max(columns.length, 2);
  const b = new SheetBuilder(opts.name ?? REGISTER_TAB, cols, REGISTER_MARKER);
  const t = b.row(["School register: one file per member of staff"]);
  b.merge(t, 0, t, cols - 1);
  b.style(b.range(t, 0, t, cols - 1), { bold: true, fontSize: TITLE_SIZE });
  b.paragraph(
    "Each row is one member of staff and their own file, which only they and their appraiser should open. " +
      "Add a row for a newcomer, delete the row of a leaver, or fix a file's name or link: the roll-up reads the files listed here. " +
      "This tab names every member of staff: keep it in the leaders' file.",
  );
  b.row();
  const h = b.row(columns);
  b.style(b.range(h, 0, h, columns.length - 1), { bold: true, fill: HEADER_FILL, border: true });
  for (const e of entries) b.row(columns.map((c) => cellOf(e, c)));
  if (entries.length > 0)
    b.style(b.range(h + 1, 0, h + entries.length, columns.length - 1), { border: true });
  b.spec.columnWidths = columns.map((c) => (fieldOf(c) === "file" ? 320 : 160));
  b.spec.frozenRows = h + 1;
  return b.build();
}

/** Our five columns, in the leader's order when they reordered them, with their own columns kept. */
function registerColumns(existing: readonly string[] | undefined): string[] {
  const columns = (existing ?? []).filter((c) => c.trim() !== "");
  const have = new Set(columns.map(fieldOf));
  for (const f of REGISTER_FIELDS) if (!have.has(f)) columns.push(REGISTER_HEADERS[f]);
  return columns;
}

function cellOf(e: RegisterEntry, column: string): string {
  const f = fieldOf(column);
  return f ? e[f] : (e.extra?.[column] ?? "");
}

export { personKey };

/**
 * The register with `added` people appended; a person already on it (by name) keeps their row,
 * which the leader may have edited.
 * @example addToRegister(read, [ann]).entries.length
 */
export function addToRegister(read: RegisterRead, added: readonly RegisterEntry[]): RegisterRead {
  const have = new Set(read.entries.map((e) => personKey(e.name)));
  const entries = [...read.entries];
  for (const e of added)
    if (!have.has(personKey(e.name))) {
      entries.push(e);
      have.add(personKey(e.name));
    }
  return { ...read, entries };
}

/**
 * The register tab after making files for `staff` (made[i] is staff[i]'s file), added to the
 * register already in `snaps` (kept as the leader left it, with their columns). Someone already on
 * the register keeps their row, and `problems` says so in words.
 * @example registerAfterMaking(snaps, [ann], [{ file: "Ann Lee 2026-27.xlsx" }]).sheet.name === "Register"
 */
export function registerAfterMaking(
  snaps: readonly TabSnapshot[],
  staff: readonly { name: string; band: string; role: string; appraiser: string }[],
  made: readonly { file: string }[],
): { sheet: SheetSpec; problems: string[] } {
  const read = readRegisterTab(snaps) ?? emptyRegister();
  const before = new Map(read.entries.map((e) => [personKey(e.name), e.file]));
  const problems: string[] = [];
  const added = made.map((m, i): RegisterEntry => {
    const p = staff[i]!;
    const old = before.get(personKey(p.name));
    if (old !== undefined)
      problems.push(
        `${p.name.trim()} was already on the register, which still lists '${old}'. If the new file '${m.file}' replaces it, change that row.`,
      );
    return {
      name: p.name.trim(),
      band: p.band.trim(),
      role: p.role.trim(),
      appraiser: p.appraiser.trim(),
      file: m.file,
    };
  });
  const register = addToRegister(read, added);
  return { sheet: registerSheet(register.entries, { columns: register.columns }), problems };
}

/**
 * The people on the register who were not rolled up: neither their file is among `picked` (file
 * names, compared by the last part of the register's path or link, ignoring case) nor their name
 * among the staff rolled up (`found`, as "the same person" is compared everywhere), so a file
 * saved under another name still counts. In a host where the leader picks the files to roll up,
 * these are the ones they may have missed.
 * @example notPicked(register, ["Ann Lee 2026-27.xlsx"], ["Ann Lee"]) -> ["Ben Ng"]
 */
export function notPicked(
  register: RegisterRead | null,
  picked: readonly string[],
  found: readonly string[],
): string[] {
  const last = (f: string): string => (f.split(/[\\/]/).pop() ?? f).trim().toLowerCase();
  const files = new Set(picked.map(last));
  const people = new Set(found.map(personKey));
  return (register?.entries ?? [])
    .filter((e) => !files.has(last(e.file)) && !people.has(personKey(e.name)))
    .map((e) => e.name);
}

/** An empty register (no file yet). */
export function emptyRegister(): RegisterRead {
  return { columns: [], entries: [], problems: [] };
}

// CSV. A value that a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return
// first) is written after an apostrophe, as spreadsheets themselves do, and read back without it,
// so a name such as '=HYPERLINK(...)' opened in Excel stays text. A value that already starts with
// apostrophes before such a character gets one more, so reading is the exact inverse.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

function csvField(v: string): string {
  const safe = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n;\t]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function unescapeField(v: string): string {
  return ESCAPED.test(v) ? v.slice(1) : v;
}

/**
 * register.csv: a header row, then one row per person (commas, quoted as needed).
 * @example registerCsv(read).split("\n")[0] === "Name,Grade band,Role,Appraiser,File"
 */
export function registerCsv(read: Pick<RegisterRead, "columns" | "entries">): string {
  const columns = registerColumns(read.columns);
  const lines = [columns, ...read.entries.map((e) => columns.map((c) => cellOf(e, c)))];
  return lines.map((l) => l.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/**
 * Read register.csv (as written by registerCsv, or edited in a spreadsheet and saved as CSV with
 * commas, semicolons or tabs). Throws LadderError("argument-invalid") when it has no header row
 * with a name column and a file column.
 */
export function readRegisterCsv(text: string, label = "register.csv"): RegisterRead {
  const records = parseCsv(text, detectSeparator(text));
  const rows = records.map((r) => r.fields.map(unescapeField));
  const read = readRows(rows, (i) => `${label} line ${records[i]!.line}`);
  if (records.length > 0 && headerRow(rows) < 0)
    throw new LadderError(
      "argument-invalid",
      `${label} has no header row naming a Name column and a File column, so the person files cannot be found. Put 'Name' and 'File' at the top of those columns.`,
    );
  return read;
}

// File names. Legal on Windows, macOS and Linux, never hidden, never a path, never mistaken for a
// command-line option or a formula, and short enough for every file system (255 bytes a name).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional overrides can make "xslx.exe" look like "exe.xlsx". */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const ILLEGAL = /[<>:"/\\|?*]+/g;
/** UTF-8 bytes kept of the person's name, so name, number and year stay well under 255 bytes. */
export const MAX_NAME_BYTES = 120;

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Cut to at most `max` UTF-8 bytes on a character boundary, with no dangling joiner or selector. */
function cutBytes(s: string, max: number): string {
  let out = "";
  let bytes = 0;
  for (const ch of s) {
    bytes += utf8Length(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out.replace(/(?:\u200d|\ufe0e|\ufe0f|\s)+$/u, "");
}

/**
 * A person's file name: their name and the school year, made legal and unique (ignoring case, as
 * Windows and macOS do) among `taken`.
 * @example personFileName("Ann Lee", "2026-27", []) === "Ann Lee 2026-27.xlsx"
 * @example personFileName("../x", "2026-27", []) === "x 2026-27.xlsx"
 * @example personFileName("Ann Lee", "2026-27", ["ann lee 2026-27.xlsx"]) === "Ann Lee (2) 2026-27.xlsx"
 */
export function personFileName(name: string, year: string, taken: Iterable<string>, ext = ".xlsx"): string {
  let base = name
    .normalize("NFC")
    .replace(BIDI, "")
    .replace(CONTROL, " ")
    .replace(ILLEGAL, "-")
    .replace(/\s+/g, " ")
    // Not hidden (.), not an Office lock file (~$), not an option (-), not a formula (= + @).
    .replace(/^[\s.~$=+@-]+/, "")
    // Windows drops trailing dots and spaces.
    .replace(/[\s.]+$/, "");
  base = cutBytes(base, MAX_NAME_BYTES);
  if (base === "") base = "Staff";
  const used = new Set([...taken].map((t) => t.normalize("NFC").toLowerCase()));
  for (let n = 1; ; n++) {
    const file = `${base}${n === 1 ? "" : ` (${n})`} ${year}${ext}`;
    if (!used.has(file.toLowerCase())) return file;
  }
}

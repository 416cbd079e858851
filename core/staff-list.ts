/**
 * Staff lists pasted or uploaded as CSV: columns name, band, role, appraiser, and optionally the
 * person's and the appraiser's email addresses (to share a person file with them); a header row
 * naming them may come first, in any order; without one the columns are taken in that order. Handles a
 * byte-order mark, comma, semicolon or tab separators, quoted fields with separators and new lines,
 * and blank lines. Every bad row is reported with its line number, and nothing is returned unless
 * every row is good: a half-made set of tabs is worse than none. An empty list, or a header with no
 * staff under it, is refused too (never an empty result that would write nothing).
 */
import { LadderError } from "./errors.js";
import { personKey } from "./names.js";
import { resolveBand, type BandList } from "./zones.js";

export interface StaffDetails {
  name: string;
  /** The band as typed (any of the band's labels or its number). */
  band: string;
  role: string;
  appraiser: string;
  year?: string;
  /** Their email address, when the list has one (only set when not empty). */
  email?: string;
  /** Their appraiser's email address, when the list has one (only set when not empty). */
  appraiserEmail?: string;
}

export interface StaffRow extends StaffDetails {
  /** 1-based line number in the input where the row starts. */
  line: number;
}

export const MAX_STAFF_ROWS = 10_000;
export const MAX_NAME_LENGTH = 200;

/** Split CSV text into records with their starting line numbers (RFC 4180 quoting). */
export function parseCsv(text: string, sep: string): { line: number; fields: string[] }[] {
  const src = text.replace(/^\uFEFF/, "");
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (ch === sep) {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      fields.push(field);
      out.push({ line: startLine, fields });
      fields = [];
      field = "";
      line++;
      startLine = line;
    } else field += ch;
  }
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    out.push({ line: startLine, fields });
  }
  return out.filter((r) => r.fields.some((f) => f.trim() !== ""));
}

/** The separator used by the first non-blank line: tab, semicolon or comma (outside quotes). */
export function detectSeparator(text: string): string {
  const first =
    text
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .find((l) => l.trim() !== "") ?? "";
  const unquoted = first.replace(/"[^"]*"/g, "");
  const count = (c: string): number => unquoted.split(c).length - 1;
  const candidates: [string, number][] = [
    ["\t", count("\t")],
    [";", count(";")],
    [",", count(",")],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ",";
}

const COLUMNS = ["name", "band", "role", "appraiser", "email", "appraiserEmail"] as const;
type Column = (typeof COLUMNS)[number];
/** The columns a list needs (the email columns are only for sharing person files). */
const MAIN_COLUMNS = COLUMNS.slice(0, 4);
/** Header words for the email columns (the register, core/register.ts, does not keep them). */
const EMAIL_ALIASES: Record<string, Column> = {
  email: "email",
  emailaddress: "email",
  staffemail: "email",
  workemail: "email",
  appraiseremail: "appraiserEmail",
  appraiseremailaddress: "appraiserEmail",
  linemanageremail: "appraiserEmail",
  revieweremail: "appraiserEmail",
};
/** A plausible email address: something@somewhere.tld, no spaces or separators. */
const EMAIL = /^[^\s@<>,;:"'()[\]]+@[^\s@<>,;:"'()[\]]+\.[^\s@<>,;:"'()[\]]+$/;
/** Header words (lower case, letters only) that name each column; the register (core/register.ts) adds File. */
export const STAFF_ALIASES: Record<string, (typeof MAIN_COLUMNS)[number]> = {
  name: "name",
  staffname: "name",
  fullname: "name",
  staff: "name",
  band: "band",
  gradeband: "band",
  grade: "band",
  role: "role",
  jobtitle: "role",
  post: "role",
  appraiser: "appraiser",
  linemanager: "appraiser",
  reviewer: "appraiser",
};

function headerMap(fields: string[]): Map<Column, number> | null {
  const map = new Map<Column, number>();
  fields.forEach((f, i) => {
    const word = f.toLowerCase().replace(/[^a-z]/g, "");
    const col = STAFF_ALIASES[word] ?? EMAIL_ALIASES[word];
    if (col && !map.has(col)) map.set(col, i);
  });
  return map.has("name") ? map : null;
}

/**
 * Parse a staff list. Throws LadderError("staff-list-invalid") listing every bad row by line number.
 * @example parseStaffList("name,band\nAnn Lee,UPS1 TLR3\n", chart) -> [{ name: "Ann Lee", band: "UPS1 TLR3", line: 2, ... }]
 */
export function parseStaffList(text: string, chart: BandList): StaffRow[] {
  const records = parseCsv(text, detectSeparator(text));
  if (records.length === 0) throw new LadderError("staff-list-invalid", "The staff list is empty.");
  const header = headerMap(records[0]!.fields.map((f) => f.trim()));
  const cols = header ?? new Map<Column, number>(COLUMNS.map((c, i) => [c, i]));
  const rows = header ? records.slice(1) : records;
  if (rows.length === 0)
    throw new LadderError(
      "staff-list-invalid",
      `The staff list has a header but no staff: add one line per person under it (${MAIN_COLUMNS.join(", ")}); nothing was created.`,
    );
  if (rows.length > MAX_STAFF_ROWS)
    throw new LadderError(
      "staff-list-invalid",
      `The staff list has ${rows.length} rows; the most is ${MAX_STAFF_ROWS}.`,
    );
  const problems: string[] = [];
  const out: StaffRow[] = [];
  for (const r of rows) {
    const get = (c: Column): string => {
      const i = cols.get(c);
      return i === undefined ? "" : (r.fields[i] ?? "").replace(/[\t\r\n]+/g, " ").trim();
    };
    const name = get("name");
    const band = get("band");
    if (name === "") problems.push(`Line ${r.line}: the name is empty.`);
    else if (name.length > MAX_NAME_LENGTH)
      problems.push(
        `Line ${r.line}: the name is ${name.length} characters long; the most is ${MAX_NAME_LENGTH}.`,
      );
    if (band === "") problems.push(`Line ${r.line}: no grade band for '${name}'.`);
    else if (!resolveBand(band, chart))
      problems.push(
        `Line ${r.line}: '${band}' is not a grade band. Use a number from 1 to ${chart.bands.length} or a label from the grade-band chart, such as '${chart.bands[2]?.teaching ?? ""}'.`,
      );
    const row: StaffRow = { line: r.line, name, band, role: get("role"), appraiser: get("appraiser") };
    for (const [col, whose] of [
      ["email", "email address"],
      ["appraiserEmail", "appraiser's email address"],
    ] as const) {
      const address = get(col);
      // Without a header, a fifth or sixth column is an email only if it looks like one.
      if (address === "" || (!header && !address.includes("@"))) continue;
      if (EMAIL.test(address)) row[col] = address;
      else
        problems.push(
          `Line ${r.line}: '${address}' is not an email address (the ${whose} for '${name}'). Correct it or leave it empty.`,
        );
    }
    out.push(row);
  }
  const firstLine = new Map<string, number>();
  for (const r of out) {
    const key = personKey(r.name);
    if (key === "") continue;
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, r.line);
    else
      problems.push(
        `Line ${r.line}: '${r.name}' is already on line ${first}. Remove one, or tell them apart (for example '${r.name} (Maths)').`,
      );
  }
  if (problems.length > 0) {
    const n = problems.length;
    throw new LadderError(
      "staff-list-invalid",
      n === 1
        ? `Nothing was created: the staff list has a problem. ${problems[0]!} Fix the list and try again.`
        : `Nothing was created: the staff list has ${n} problems. Fix the list and try again:`,
      n === 1 ? [] : problems,
    );
  }
  return out;
}

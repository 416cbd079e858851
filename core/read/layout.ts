/**
 * Finding the parts of a tab people may have edited: the header row (anywhere, after rows inserted
 * above it), its columns by label (ignoring case, spacing and punctuation, with the spellings people
 * use: "Sept", "July", "Mid-year"), and the labelled fields above it (Name, Role, Grade band, ...).
 */
import { memoByString } from "../memo.js";
import type { CellValue } from "../sheet.js";

const NOT_WORD = /[^\p{L}\p{N}]/gu;
/** Every tab repeats the same labels and statements, so normalised strings are remembered. */
const normString = memoByString((s) => s.toLowerCase().replace(NOT_WORD, ""), 20_000);

/** "Minimum standard " -> "minimumstandard" */
export function norm(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : normString(String(v));
}

export function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v.trim() : String(v);
}

const CHECKPOINT_SPELLINGS: Record<string, readonly string[]> = {
  Sep: ["sep", "sept", "september", "autumn", "start"],
  Mid: ["mid", "midyear", "midpoint", "middle", "feb", "february", "jan", "january", "spring"],
  Jul: ["jul", "july", "summer", "end", "endofyear"],
};

/** Which of the template's checkpoints a header label names, or null. */
export function matchCheckpoint(label: CellValue | undefined, checkpoints: readonly string[]): string | null {
  const n = norm(label);
  if (n === "") return null;
  for (const cp of checkpoints) {
    if (norm(cp) === n) return cp;
    if ((CHECKPOINT_SPELLINGS[cp] ?? []).includes(n)) return cp;
  }
  return null;
}

export interface HeaderMatch {
  row: number;
  /** Column of each required label, by label. */
  cols: Map<string, number>;
  checkpoints: { name: string; col: number }[];
}

/**
 * The first row holding every label in `required` (each as one of its spellings) and at least one
 * checkpoint. `required` maps a label to the normalised spellings accepted for it.
 */
export function findHeader(
  values: readonly (readonly CellValue[])[],
  required: Readonly<Record<string, readonly string[]>>,
  checkpoints: readonly string[],
): HeaderMatch | null {
  const labels = Object.entries(required);
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    const cols = new Map<string, number>();
    const cps: { name: string; col: number }[] = [];
    row.forEach((v, c) => {
      const n = norm(v);
      if (n === "") return;
      for (const [label, spellings] of labels)
        if (!cols.has(label) && spellings.includes(n)) cols.set(label, c);
      const cp = matchCheckpoint(v, checkpoints);
      if (cp !== null && !cps.some((x) => x.name === cp)) cps.push({ name: cp, col: c });
    });
    if (cols.size === Object.keys(required).length && cps.length > 0)
      return { row: r, cols, checkpoints: cps };
  }
  return null;
}

const FIELD_SPELLINGS: Record<string, readonly string[]> = {
  name: ["name", "staffname", "fullname"],
  role: ["role", "jobtitle", "post"],
  band: ["gradeband", "band", "grade"],
  appraiser: ["appraiser", "linemanager", "reviewer"],
  year: ["year", "academicyear", "schoolyear"],
  meeting: ["meeting"],
  date: ["date"],
  chair: ["chair"],
  observer: ["observer"],
};

export type Fields = Partial<Record<keyof typeof FIELD_SPELLINGS, string>>;
const FIELD_KEYS = Object.keys(FIELD_SPELLINGS);

/** Labelled fields above the header: a label cell followed (to its right) by its value. */
export function readFields(values: readonly (readonly CellValue[])[], beforeRow: number): Fields {
  const out: Fields = {};
  for (let r = 0; r < beforeRow; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const n = norm(row[c]);
      if (n === "") continue;
      const key = FIELD_KEYS.find((k) => FIELD_SPELLINGS[k]!.includes(n));
      if (key === undefined || out[key] !== undefined) continue;
      const value = row.slice(c + 1).find((v) => text(v) !== "");
      out[key] = text(value);
      break;
    }
  }
  return out;
}

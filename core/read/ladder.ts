/**
 * Reading a ladder tab back: snapshot -> rows of statements with their levels and the checkpoint
 * cells, robust to what people do to tabs: a renamed tab, rows inserted above the header, blank
 * rows, merged Level cells (only the top cell holds the number), a missing marker, reworded
 * statements, level numbers typed as words ("Six"), a checkpoint heading renamed. Where the meaning is
 * not clear it says so as a warning, never by guessing silently.
 */
import { a1, columnLetters } from "../a1.js";
import { colourClass } from "../colour.js";
import { finding, type Finding } from "../findings.js";
import { memoByString } from "../memo.js";
import type { CellValue, Marker, TabSnapshot } from "../sheet.js";
import type { LadderTemplate } from "../template.js";
import { CHECKPOINTS } from "../template.js";
import { readRecord, type YearRecord } from "./record.js";
import {
  findHeader,
  matchCheckpoint,
  norm,
  readFields,
  text,
  type Fields,
  type HeaderMatch,
} from "./layout.js";

export interface LadderRow {
  /** 0-based row in the snapshot. */
  row: number;
  level: number;
  numeral: string | null;
  text: string;
}

export interface LadderRead {
  tab: string;
  template: LadderTemplate | null;
  marker: Marker | null;
  fields: Fields;
  header: HeaderMatch;
  levelCol: number;
  statementCol: number;
  rows: LadderRow[];
  /** Tick-box tab: checkpoint cells hold true/false. */
  ticks: boolean;
  /** The appraisal year record beside the ladder, or null on a tab without one. */
  record: YearRecord | null;
  /** Reading problems worth telling the person about. */
  warnings: Finding[];
}

export const LADDER_LABELS = {
  level: ["level", "lvl"],
  statement: ["minimumstandard", "minimumstandards", "statement", "standard"],
} as const;

/** The ladder header of a snapshot, if it has one. */
export function findLadderHeader(values: readonly (readonly CellValue[])[]): HeaderMatch | null {
  return findHeader(values, LADDER_LABELS, CHECKPOINTS);
}

/**
 * For a tab with no ladder header: the reason, when a row has the Level and Minimum standard labels
 * but none of its other headings is a checkpoint (all of them renamed, e.g. "Term 1"); else null.
 * @example checkpointsRenamed(values) // "row 5 has Level and Minimum standard but no Sep, Mid or Jul
 *   column (its other headings are 'Term 1', 'Term 2', 'Term 3'): name the checkpoint columns Sep, Mid and Jul"
 */
export function checkpointsRenamed(values: readonly (readonly CellValue[])[]): string | null {
  const isLabel = (v: CellValue | undefined, spellings: readonly string[]): boolean =>
    spellings.includes(norm(v));
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    if (
      !row.some((v) => isLabel(v, LADDER_LABELS.level)) ||
      !row.some((v) => isLabel(v, LADDER_LABELS.statement))
    )
      continue;
    // The table's own headings: the run of cells from the statement column to the first empty one
    // (anything further right, such as the year record's title, is beside the table, not in it).
    const from = row.findIndex((v) => isLabel(v, LADDER_LABELS.statement));
    const gap = row.findIndex((v, c) => c > from && text(v) === "");
    const others = row
      .slice(0, gap === -1 ? row.length : gap)
      .filter(
        (v) => text(v) !== "" && !isLabel(v, LADDER_LABELS.level) && !isLabel(v, LADDER_LABELS.statement),
      )
      .map((v) => `'${text(v).slice(0, 40)}'`);
    if (others.length > 5) others.splice(5, others.length, "...");
    const headings =
      others.length === 0
        ? "it has no other headings"
        : `its other heading${others.length === 1 ? " is" : "s are"} ${others.join(", ")}`;
    return `row ${r + 1} has Level and Minimum standard but no ${and(CHECKPOINTS).replace(/ and /, " or ")} column (${headings}): name the checkpoint columns ${and(CHECKPOINTS)}`;
  }
  return null;
}

const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
/** Level numbers typed as English words; none is also a roman numeral, so sub-items stay numerals. */
const NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/**
 * 6, "6", "Level 6", "L6", "Level: 6", "six", "Level Six" -> 6; roman numerals and anything else
 * (including numbers outside 1-10) -> null.
 */
export function levelNumber(v: CellValue | undefined): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 && v <= 10 ? v : null;
  if (v === null || v === undefined || v === "") return null; // most rows: the Level cell is blank
  const t = text(v).toLowerCase();
  const digits = /^(?:(?:level|lvl)[\s:.-]*|l\s*)?(\d{1,2})\.?$/.exec(t);
  const word = /^(?:(?:level|lvl)[\s:.-]*)?([a-z]+)\.?$/.exec(t);
  const n = digits ? Number(digits[1]) : word ? NUMBER_WORDS.indexOf(word[1]!) + 1 : 0;
  return n >= 1 && n <= 10 ? n : null;
}

/** Statement wording -> lookup key; remembered, since every tab repeats the same 75 statements. */
const key = memoByString((s) => norm(s).slice(0, 80), 20_000);

/** "Sep", "Sep and Jul", "Sep, Mid and Jul" */
function and(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`;
}

/**
 * Columns of the header row headed by something the reader does not know (a checkpoint renamed
 * "Term 1", a second "Sep") whose statement cells are used, so their colours would be ignored
 * silently. A column with only typed notes counts when a checkpoint is missing from the header
 * (then it is most likely that checkpoint renamed); with every checkpoint present, only colours count,
 * so an inserted "Evidence" column of notes is left alone.
 */
function unknownColumns(
  snap: TabSnapshot,
  header: HeaderMatch,
  known: readonly number[],
  rows: LadderRow[],
): Finding[] {
  const out: Finding[] = [];
  const missing = CHECKPOINTS.filter((cp) => !header.checkpoints.some((x) => x.name === cp));
  const headerCells = snap.values[header.row] ?? [];
  headerCells.forEach((v, col) => {
    const label = text(v);
    if (label === "" || known.includes(col)) return;
    const isColoured = (r: LadderRow): boolean => colourClass(snap.fills[r.row]?.[col] ?? null) !== "blank";
    const isTyped = (r: LadderRow): boolean => text(snap.values[r.row]?.[col]) !== "";
    const coloured = rows.some(isColoured);
    if (!coloured && (missing.length === 0 || !rows.some(isTyped))) return;
    const used = rows.filter((r) => isColoured(r) || isTyped(r)).length;
    const kind = !coloured ? "values" : rows.some(isTyped) ? "colours and values" : "colours";
    const cell = a1(header.row, col);
    const has = `The column headed '${label}' (${cell}) has ${kind} in ${used} statement row${used === 1 ? "" : "s"}`;
    const same = matchCheckpoint(v, CHECKPOINTS);
    const first = header.checkpoints.find((x) => x.name === same);
    let message: string;
    if (first)
      message = `${has}, but ${first.name} is read from the first column headed that way (${a1(header.row, first.col)}), so this one is not read: move its colours into column ${columnLetters(first.col)}, or delete this column.`;
    else if (missing.length > 0)
      message = `${has}, but '${label}' is not a checkpoint this template knows (${and(CHECKPOINTS)}), so it is not read. ${and(missing)} ${missing.length === 1 ? "has" : "have"} no column: if this is the ${missing.join(" or ")} column, rename its heading to ${missing.map((m) => `'${m}'`).join(" or ")}.`;
    else
      message = `${has}, but '${label}' is not a checkpoint this template knows (${and(CHECKPOINTS)}, which each have their own column), so it is not read: move the colours into the right checkpoint column, or clear them.`;
    out.push(finding("checkpoint-unknown", cell, null, message));
  });
  return out;
}

const byTextCache = new WeakMap<LadderTemplate, ReadonlyMap<string, number>>();

/** The template's statements by normalised wording -> level, built once per template. */
function levelsByText(template: LadderTemplate): ReadonlyMap<string, number> {
  let map = byTextCache.get(template);
  if (!map) {
    const m = new Map<string, number>();
    for (const l of template.levels) for (const s of l.statements) m.set(key(s.text), l.level);
    byTextCache.set(template, m);
    map = m;
  }
  return map;
}

/**
 * Read a ladder tab. Returns null when the tab has no ladder header row.
 * @example readLadder(snapshot, ladderTemplate, marker)?.rows.length === 75
 */
export function readLadder(
  snap: TabSnapshot,
  template: LadderTemplate | null,
  marker: Marker | null,
): LadderRead | null {
  const header = findLadderHeader(snap.values);
  if (!header) return null;
  const levelCol = header.cols.get("level")!;
  const statementCol = header.cols.get("statement")!;
  const warnings: Finding[] = [];
  const byText = template ? levelsByText(template) : new Map<string, number>();

  const rows: LadderRow[] = [];
  let current: number | null = null;
  let orphan = false;
  for (let r = header.row + 1; r < snap.values.length; r++) {
    const row = snap.values[r] ?? [];
    const statement = text(row[statementCol]);
    const levelCell = row[levelCol];
    const n = levelNumber(levelCell);
    if (statement === "") continue;
    const fromTemplate = byText.get(key(statement));
    if (n !== null) current = n;
    else if (current === null && fromTemplate !== undefined) current = fromTemplate;
    const lt = text(levelCell);
    const numeral = n === null && lt !== "" && ROMAN.test(lt.toLowerCase()) ? lt : null;
    if (n === null && lt !== "" && numeral === null)
      warnings.push(
        finding(
          "level-unreadable",
          a1(r, levelCol),
          null,
          `The Level cell says '${lt}', which is not a level number (1 to 10) or a sub-item numeral (i, ii, iii, ...): type the level as a number from 1 to 10 (such as 6) on the first statement of its level and leave the Level cells below it blank. The row is read as level ${current ?? "unknown"}.`,
        ),
      );
    if (current === null) {
      orphan = true;
      continue;
    }
    if (template && fromTemplate === undefined)
      warnings.push(
        finding(
          "statement-changed",
          a1(r, statementCol),
          null,
          `This statement is not worded as in the template '${template.title}'; it is read as level ${current} from its position.`,
        ),
      );
    rows.push({ row: r, level: current, numeral, text: statement });
  }
  if (orphan)
    warnings.push(
      finding(
        "level-unreadable",
        a1(header.row + 1, levelCol),
        null,
        "Statements above the first level number were ignored: put the level number in the Level column of the first statement of each level.",
      ),
    );

  const ladderCols = [levelCol, statementCol, ...header.checkpoints.map((c) => c.col)];
  const record = readRecord(
    snap,
    Math.max(...ladderCols) + 1,
    header.row,
    template?.checkpoints ?? CHECKPOINTS,
  );
  if (record) warnings.push(...record.warnings);
  warnings.push(...unknownColumns(snap, header, [...ladderCols, ...(record?.cols ?? [])], rows));

  if (template) {
    const upTo = marker?.upTo ?? Math.max(0, ...rows.map((r) => r.level));
    for (const l of template.levels.filter((x) => x.level <= upTo)) {
      const have = rows.filter((r) => r.level === l.level).length;
      const want = l.statements.length;
      if (have !== want) {
        const at = rows.find((r) => r.level === l.level)?.row ?? header.row;
        warnings.push(
          finding(
            have < want ? "statements-missing" : "statements-extra",
            a1(at, levelCol),
            null,
            `Level ${l.level} has ${have} statement${have === 1 ? "" : "s"} here but ${want} in the template; levels are read from the rows that are here.`,
          ),
        );
      }
    }
  }

  // A tick-box tab says so in its marker; an unmarked copy counts as one only when every checkpoint
  // cell holds a tick box value, so one TRUE typed into a coloured tab never switches the reading.
  const ticks =
    marker?.ticks === true ||
    (marker === null &&
      rows.length > 0 &&
      rows.every((r) => header.checkpoints.every((cp) => typeof snap.values[r.row]?.[cp.col] === "boolean")));

  return {
    tab: snap.name,
    template,
    marker,
    fields: readFields(snap.values, header.row),
    header,
    levelCol,
    statementCol,
    rows,
    ticks,
    record,
    warnings,
  };
}

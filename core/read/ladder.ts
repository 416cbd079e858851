/**
 * Reading a ladder tab back: snapshot -> rows of statements with their levels and the checkpoint
 * cells, robust to what people do to tabs: a renamed tab, rows inserted above the header, blank
 * rows, merged Level cells (only the top cell holds the number), a missing marker, reworded
 * statements. Where the meaning is not clear it says so as a warning, never by guessing silently.
 */
import { a1 } from "../a1.js";
import { finding, type Finding } from "../findings.js";
import type { CellValue, Marker, TabSnapshot } from "../sheet.js";
import type { LadderTemplate } from "../template.js";
import { CHECKPOINTS } from "../template.js";
import { findHeader, norm, readFields, text, type Fields, type HeaderMatch } from "./layout.js";

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

const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;

/** 6, "6", "Level 6", "L6" -> 6; roman numerals and anything else -> null. */
function levelNumber(v: CellValue | undefined): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 && v <= 10 ? v : null;
  const m = /^(?:level|l)?\s*(\d{1,2})\.?$/i.exec(text(v));
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 10 ? n : null;
}

function key(s: string): string {
  return norm(s).slice(0, 80);
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
    const numeral = n === null && ROMAN.test(lt.toLowerCase()) && lt !== "" ? lt : null;
    if (n === null && lt !== "" && numeral === null)
      warnings.push(
        finding(
          "level-unreadable",
          a1(r, levelCol),
          null,
          `The Level cell says '${lt}', which is not a level number or a numeral; the row is read as level ${current ?? "unknown"}.`,
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
    warnings,
  };
}

/**
 * Reading the appraisal year record beside a ladder (generate/record.ts) back: current level per
 * checkpoint, target level, the three objectives with their "How will we know?" lines, the STAR
 * steps (tick and date) and the review notes per checkpoint. Every part is found by its label,
 * anywhere right of the ladder, so rows or columns inserted, a block moved, or labels reworded a
 * little ("Objective 2 - STAR", "Sept: your note") still read. A value that cannot be what its label
 * asks for (a target of "high", a date of "soon") is a warning at its cell, and is left out.
 * A tab with none of the labels (made before the record existed) has no record: null.
 */
import { a1 } from "../a1.js";
import { finding, type Finding } from "../findings.js";
import type { CellValue, TabSnapshot } from "../sheet.js";
import { dayNumber } from "./dates.js";
import { levelNumber } from "./ladder.js";
import { matchCheckpoint, norm, text } from "./layout.js";

export interface RecordCell<T> {
  value: T;
  /** A1 reference of the cell that holds (or should hold) the value. */
  cell: string;
}

export interface RecordObjective {
  /** 1 main role, 2 STAR project, 3 leadership. */
  n: number;
  title: string;
  objective: RecordCell<string>;
  how: RecordCell<string> | null;
}

export interface RecordStep {
  /** 1-6 */
  step: number;
  done: boolean;
  tick: string;
  date: RecordCell<string> | null;
  /** The date as a day number (dates.ts), or null when there is none or it cannot be read. */
  day: number | null;
}

export interface YearRecord {
  /** Current level per checkpoint as written on the tab (typed, or a tick-box tab's formula result). */
  current: Record<string, RecordCell<number | null>>;
  target: RecordCell<number | null> | null;
  objectives: RecordObjective[];
  steps: RecordStep[];
  /** Review notes per checkpoint, from the person and from the appraiser. */
  reviews: Record<string, { person: RecordCell<string> | null; appraiser: RecordCell<string> | null }>;
  /** Columns the record occupies, which the ladder reader leaves alone. */
  cols: number[];
  /** Values that cannot be read (a target that is not a level, a date that is not a date). */
  warnings: Finding[];
}

interface Label {
  row: number;
  col: number;
  n: string;
  text: string;
  /** "Sep: your note" -> the checkpoint (Sep) and the rest, normalised ("yournote"); else null. */
  at: { cp: string; rest: string } | null;
}

/** Labels that start with a checkpoint name are short; longer text (a STAR step) is never one. */
const CHECKPOINT_LABEL = /^([^:\u2013\u2014-]{1,12})[:\u2013\u2014-](.{0,60})$/;

function checkpointLabel(text: string, checkpoints: readonly string[]): Label["at"] {
  const m = text.length <= 75 ? CHECKPOINT_LABEL.exec(text) : null;
  const cp = m ? matchCheckpoint(m[1], checkpoints) : null;
  return m && cp ? { cp, rest: norm(m[2]) } : null;
}

const TICKED = new Set(["true", "yes", "y", "x", "done", "1", "✓", "✔", "☑"]);
const UNTICKED = new Set(["", "false", "no", "n", "0", "☐"]);

/** The first non-empty value right of (row, col), with its cell; else the cell right of the label. */
function rightOf(values: readonly (readonly CellValue[])[], row: number, col: number): RecordCell<CellValue> {
  const cells = values[row] ?? [];
  for (let c = col + 1; c < cells.length; c++)
    if (text(cells[c]) !== "" || typeof cells[c] === "boolean") return { value: cells[c]!, cell: a1(row, c) };
  return { value: null, cell: a1(row, col + 1) };
}

function asText(c: RecordCell<CellValue>): RecordCell<string> {
  return { value: text(c.value), cell: c.cell };
}

/**
 * Read the record from the columns at or right of `fromCol`, rows from `fromRow` (the ladder's
 * header row). Returns null when there is no record.
 * @example readRecord(snapshot, 5, 9, ["Sep", "Mid", "Jul"])?.target?.value === 6
 */
export function readRecord(
  snap: TabSnapshot,
  fromCol: number,
  fromRow: number,
  checkpoints: readonly string[],
): YearRecord | null {
  const values = snap.values;
  const labels: Label[] = [];
  for (let r = fromRow; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = fromCol; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string") continue;
      const n = norm(v);
      if (n === "") continue;
      const t = v.trim();
      labels.push({ row: r, col: c, n, text: t, at: checkpointLabel(t, checkpoints) });
    }
  }
  const find = (test: (n: string) => boolean): Label | undefined => labels.find((l) => test(l.n));
  const warnings: Finding[] = [];
  const cols = new Set<number>();
  const use = (l: Label): void => {
    for (let c = l.col; c <= l.col + 3; c++) cols.add(c);
  };
  const unreadable = (cell: string, message: string): void => {
    warnings.push(finding("record-unreadable", cell, null, message));
  };

  const title = find((n) => n === "yourappraisalyear");
  if (title) use(title);

  // Current level: one row per checkpoint, "Sep: current level (...)", the value right of it.
  const current: YearRecord["current"] = {};
  for (const l of labels) {
    const name = l.at?.cp;
    if (!name || !l.at!.rest.startsWith("currentlevel") || current[name]) continue;
    use(l);
    const c = rightOf(values, l.row, l.col);
    const v = c.value;
    const level = text(v) === "" ? null : text(v) === "0" ? 0 : levelNumber(v);
    if (level === null && text(v) !== "")
      unreadable(
        c.cell,
        `${c.cell} says '${text(v)}', which is not a level: pick the current level at ${name} from the list (0 to 10).`,
      );
    current[name] = { value: level, cell: c.cell };
  }
  const cur = Object.keys(current).length > 0;

  let target: YearRecord["target"] = null;
  const tl = find((n) => n.startsWith("targetlevel"));
  if (tl) {
    use(tl);
    const c = rightOf(values, tl.row, tl.col);
    const level = text(c.value) === "" ? null : levelNumber(c.value);
    if (level === null && text(c.value) !== "")
      unreadable(
        c.cell,
        `${c.cell} says '${text(c.value)}', which is not a level: pick the target level for the year from the list (1 to 10).`,
      );
    target = { value: level === 0 ? null : level, cell: c.cell };
  }

  const objectives: RecordObjective[] = [];
  for (const n of [1, 2, 3]) {
    const head = find((x) => x.startsWith(`objective${n}`));
    if (!head) continue;
    use(head);
    const below = labels.filter((l) => l.col === head.col && l.row > head.row && l.row <= head.row + 4);
    const obj = below.find((l) => l.n === "objective" || l.n === "whatisit" || l.n === "theobjective");
    const how = below.find((l) => l.n.startsWith("howwillweknow") || l.n.startsWith("howwillyouknow"));
    objectives.push({
      n,
      title: head.text,
      objective: obj
        ? asText(rightOf(values, obj.row, obj.col))
        : { value: "", cell: a1(head.row + 1, head.col + 1) },
      how: how ? asText(rightOf(values, how.row, how.col)) : null,
    });
  }

  const steps = readSteps(values, labels, use, unreadable);

  const reviews: YearRecord["reviews"] = {};
  for (const l of labels) {
    const cp = l.at?.cp;
    const who = l.at?.rest ?? "";
    if (!cp || !/note|review|comment/.test(who)) continue;
    use(l);
    const side = who.includes("appraiser") ? "appraiser" : "person";
    const entry = (reviews[cp] ??= { person: null, appraiser: null });
    entry[side] ??= asText(rightOf(values, l.row, l.col));
  }

  const found =
    title || cur || tl || objectives.length > 0 || steps.length > 0 || Object.keys(reviews).length;
  if (!found) return null;
  return { current, target, objectives, steps, reviews, cols: [...cols].sort((a, b) => a - b), warnings };
}

/** The STAR steps: rows numbered 1-6 under a heading row that has Done and Date columns. */
function readSteps(
  values: readonly (readonly CellValue[])[],
  labels: readonly Label[],
  use: (l: Label) => void,
  unreadable: (cell: string, message: string) => void,
): RecordStep[] {
  const done = labels.find((l) => l.n === "done" || l.n === "ticked" || l.n === "tick");
  if (!done) return [];
  const date = labels.find((l) => l.row === done.row && l.n.startsWith("date"));
  const head = labels.find((l) => l.row === done.row && l.col < done.col && l.n.includes("star"));
  if (!head) return [];
  use(head);
  const steps: RecordStep[] = [];
  for (const l of labels) {
    if (l.col !== head.col || l.row <= done.row || l.row > done.row + 12) continue;
    const m = /^\s*(?:step\s*)?([1-6])\s*[.):]/i.exec(l.text);
    if (!m || steps.some((s) => s.step === Number(m[1]))) continue;
    const v = values[l.row]?.[done.col] ?? null;
    const tick = a1(l.row, done.col);
    const t = typeof v === "boolean" ? String(v) : text(v).toLowerCase();
    if (!TICKED.has(t) && !UNTICKED.has(t))
      unreadable(
        tick,
        `${tick} says '${text(v)}', which is not a tick: tick the box when step ${m[1]!} is done, or leave it empty.`,
      );
    let dateCell: RecordCell<string> | null = null;
    let day: number | null = null;
    if (date) {
      const dv = values[l.row]?.[date.col] ?? null;
      dateCell = { value: text(dv), cell: a1(l.row, date.col) };
      day = dayNumber(dv);
      if (day === null && text(dv) !== "")
        unreadable(
          dateCell.cell,
          `${dateCell.cell} says '${text(dv)}', which is not a date: type the date step ${m[1]!} was done, such as 12/10/2026.`,
        );
    }
    steps.push({ step: Number(m[1]), done: TICKED.has(t), tick, date: dateCell, day });
  }
  return steps.sort((a, b) => a.step - b.step);
}

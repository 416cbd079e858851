/**
 * The appraisal year record beside the ladder (issue 14): four columns right of the checkpoint
 * columns, from the header row down, in the template's own words. Current level per checkpoint,
 * target level for the year (a 1-10 drop-down), the three objectives each with a "How will we know?"
 * line, the STAR project's six steps as tick boxes with a date, and a review note per checkpoint from
 * the person and from the appraiser.
 *
 * Current level: in a tick-box tab a formula counts the levels whose statements are all ticked from
 * the top (the same answer as the ladder rule, live in Sheets, Excel and LibreOffice). No formula can
 * read a fill colour, so in a colour tab the person picks the level their colours show (a 0-10
 * drop-down), and `ladder check` says when that differs from the colours: the roll-up always
 * counts the colours. Staff tabs are never written by check or roll-up, so nothing fills it in later.
 *
 * The reader (read/record.ts) finds every part by its label, not its position, so these labels are
 * part of the format.
 */
import { a1, columnLetters } from "../a1.js";
import type { Checkpoint, LadderRecordTemplate } from "../template.js";
import { HEADER_FILL, type SheetBuilder } from "./builder.js";

export const RECORD_LABELS = {
  title: "Your appraisal year",
  /** After "Sep: " and so on, one row per checkpoint. */
  currentColours: "current level (from your colours)",
  currentTicks: "current level (from your ticks)",
  target: "Target level for the year",
  objective: "Objective",
  how: "How will we know?",
  done: "Done",
  date: "Date done",
  reviews: "Reviews with your appraiser",
  you: "your note",
  appraiser: "appraiser's note",
} as const;

/** The record's four columns start two right of the ladder's last column (one narrow gap). */
export const RECORD_WIDTHS = [16, 170, 110, 64, 100] as const;
/** Rows the record needs below the header row. */
export const RECORD_ROWS = 29;

export interface RecordPlace {
  /** 0-based header row of the ladder; the record's title goes in it. */
  header: number;
  /** 0-based first column of the record (its label column). */
  col: number;
  checkpoints: readonly Checkpoint[] | readonly string[];
  /** Tick-box tab: formulas for the current level. */
  ticks: boolean;
  /** Tick-box tabs: the ladder's checkpoint columns, first and last statement rows, level ends. */
  ladder?: { cols: readonly number[]; first: number; last: number; levelEnds: readonly number[] };
}

/**
 * The current level of a tick-box column as a formula: how many levels have every statement ticked
 * in the run from the top (each level's statements end at `levelEnds`, counted from the first row);
 * blank while nothing is ticked.
 * @example tickLevelFormula(2, 13, 87, [5, 9]) === '=IF(COUNTIF(C14:C88,TRUE)=0,"",(COUNTIF(C14:C18,TRUE)=5)+(COUNTIF(C14:C22,TRUE)=9))'
 */
export function tickLevelFormula(
  col: number,
  first: number,
  last: number,
  levelEnds: readonly number[],
): string {
  const c = columnLetters(col);
  const top = `${c}${first + 1}`;
  const parts = levelEnds.map((n) => `(COUNTIF(${top}:${c}${first + n},TRUE)=${n})`);
  return `=IF(COUNTIF(${top}:${c}${last + 1},TRUE)=0,"",${parts.join("+")})`;
}

/**
 * "Objective 2 – A STAR project – Researching ..." -> ["Objective 2", "A STAR project – Researching ..."];
 * a title without a dash stays whole: [title, null].
 */
export function splitTitle(title: string): [string, string | null] {
  const m = /^(.+?)\s+[–—-]\s+(.+)$/.exec(title);
  return m ? [m[1]!, m[2]!] : [title, null];
}

const levels = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** Write the record into the builder's rows from `place.header` down (rows must already exist). */
export function writeRecord(b: SheetBuilder, rec: LadderRecordTemplate, place: RecordPlace): void {
  const c0 = place.col;
  const [cL, c1, c2, c3] = [c0, c0 + 1, c0 + 2, c0 + 3];
  while (b.nextRow <= place.header + RECORD_ROWS) b.row();
  let r = place.header;
  /**
   * A heading row, filled across the record. Its label stays in the label column; the rest of an
   * objective's title ("Objective 1 – Improvements to your main role." -> "Objective 1" | the rest)
   * is merged across the three text columns, like the text boxes under it, so consecutive rows
   * share one merge block (a host merges a block in one call: Apps Script counts calls per tab).
   */
  const heading = (text: string, note?: string): number => {
    const [label, rest] = splitTitle(text);
    b.set(r, cL, label);
    if (rest !== null) {
      b.set(r, c1, rest);
      b.merge(r, c1, r, c3);
    }
    b.style(b.range(r, cL, r, c3), {
      bold: true,
      fill: HEADER_FILL,
      border: true,
      wrap: true,
      vAlign: "top",
    });
    if (note) b.spec.notes.push({ cell: a1(r, cL), text: note });
    return r++;
  };
  /** A label and a text box merged across the other three columns. */
  const line = (label: string): number => {
    b.set(r, cL, label);
    b.merge(r, c1, r, c3);
    b.style(b.cell(r, cL), { bold: true, border: true, wrap: true, vAlign: "top" });
    b.style(b.range(r, c1, r, c3), { border: true, wrap: true, vAlign: "top" });
    return r++;
  };

  heading(RECORD_LABELS.title);
  // One row per checkpoint ("Sep: current level"), the value beside the label: no row of bare
  // checkpoint names, which would look like a second ladder header to a reader (or to the Excel
  // add-in, which fetches fills under every checkpoint name it sees).
  const cps = place.checkpoints.slice(0, 3);
  const cur = r;
  cps.forEach((cp, k) => {
    const row = r++;
    b.set(row, cL, `${cp}: ${place.ticks ? RECORD_LABELS.currentTicks : RECORD_LABELS.currentColours}`);
    if (place.ticks && place.ladder) {
      const { cols, first, last, levelEnds } = place.ladder;
      const col = cols[k];
      if (col !== undefined)
        b.spec.formulas.push({ cell: a1(row, c1), formula: tickLevelFormula(col, first, last, levelEnds) });
    }
  });
  b.style(b.range(cur, cL, r - 1, cL), { bold: true, border: true, wrap: true, vAlign: "top" });
  b.style(b.range(cur, c1, r - 1, c1), { border: true, hAlign: "center", vAlign: "middle" });
  if (!place.ticks) {
    b.spec.validations.push({ range: b.range(cur, c1, r - 1, c1), list: levels(0, 10), strict: true });
    b.spec.notes.push({
      cell: a1(cur, cL),
      text: "Pick the level your colours show at each checkpoint: the highest level whose statements, and all those above them, are green. Check this tab says if it differs from the colours.",
    });
  }

  const target = r++;
  b.set(target, cL, RECORD_LABELS.target);
  b.style(b.cell(target, cL), { bold: true, border: true, wrap: true, vAlign: "top" });
  b.style(b.cell(target, c1), { border: true, hAlign: "center", vAlign: "middle" });
  b.spec.validations.push({ range: b.cell(target, c1), list: levels(1, 10), strict: true });
  if (rec.targetNote) b.spec.notes.push({ cell: a1(target, cL), text: rec.targetNote });

  for (const o of rec.objectives) {
    heading(o.title, o.guidance);
    line(RECORD_LABELS.objective);
    line(RECORD_LABELS.how);
  }
  r++;

  const star = r++;
  b.set(star, cL, rec.starTitle);
  b.set(star, c2, RECORD_LABELS.done);
  b.set(star, c3, RECORD_LABELS.date);
  b.merge(star, cL, star, c1);
  b.style(b.range(star, cL, star, c3), {
    bold: true,
    fill: HEADER_FILL,
    border: true,
    wrap: true,
    vAlign: "top",
  });
  const firstStep = r;
  rec.starSteps.forEach((step, i) => {
    b.set(r, cL, `${i + 1}. ${step}`);
    b.set(r, c2, false);
    b.merge(r, cL, r, c1);
    r++;
  });
  b.style(b.range(firstStep, cL, r - 1, c3), { border: true, wrap: true, vAlign: "top" });
  b.style(b.range(firstStep, c2, r - 1, c2), { hAlign: "center", vAlign: "middle" });
  b.spec.checkboxes.push(b.range(firstStep, c2, r - 1, c2));
  r++;

  heading(RECORD_LABELS.reviews);
  for (const cp of place.checkpoints.slice(0, 3)) {
    line(`${cp}: ${RECORD_LABELS.you}`);
    line(`${cp}: ${RECORD_LABELS.appraiser}`);
  }
}

/**
 * A Leadership Ladder ragging tab in the seed's layout (design §2): header block, then the table
 * Level | Minimum standard | Sep | Mid | Jul with one row per statement. The level number stands on
 * the first row of its level; levels 6-8 keep their numerals (i, ii, ...) below it.
 *
 * Tick-box variant: every checkpoint cell is a tick box, and two conditional formats per column
 * colour it by the rule (green when it and every box above are ticked, amber when ticked after an
 * unticked box), so the sheet colours itself and can never break the rule.
 *
 * Meanings: the key says once what green, amber and blank mean, and each level's first cell has a
 * note with the level's name and the template's examples ("how do you know?"). A template with a
 * `record` also gets the appraisal year beside the ladder (record.ts).
 */
import { a1, columnLetters } from "../a1.js";
import { CLASS_FILL } from "../colour.js";
import { LadderError } from "../errors.js";
import type { ConditionalFormat } from "../sheet.js";
import type { StaffDetails } from "../staff-list.js";
import type { LadderTemplate } from "../template.js";
import { orList } from "../words.js";
import { HEADER_FILL, SheetBuilder } from "./builder.js";
import { RECORD_WIDTHS, writeRecord } from "./record.js";
import { staffHeader } from "./staff-header.js";

export const LADDER_HEADERS = ["Level", "Minimum standard"] as const;

export interface LadderOptions {
  /** Highest level on the tab (template's generate.minLevel..maxLevel); default maxLevel. */
  upTo?: number;
  ticks?: boolean;
  year: string;
  /** Tab name (already legal and unique). */
  name: string;
}

export const COLOUR_KEY =
  "What the colours mean: green = true, with every statement above it green too; blank = not true yet (red counts as blank); amber = true, but below a blank, so it does not count towards your level yet. Your level is the highest level whose statements are all green from the top.";
export const TICK_KEY =
  "Tick each statement that is true in the checkpoint column. The sheet colours itself: green = ticked with every box above ticked; blank = not true yet; amber = ticked, but below an unticked box, so it does not count towards your level yet.";

/** The note on a level's first cell: its name, the template's note, and its examples. */
export function levelNote(level: LadderTemplate["levels"][number]): string {
  const head = `Level ${level.level}: ${level.name}.${level.note ? ` ${level.note}` : ""}`;
  if (!level.examples?.length) return head;
  return `${head}\n\nExamples (how do you know?):\n${level.examples.join("\n\n")}`;
}

/** Conditional formats for one checkpoint column of a tick-box ladder (rows first..last, 0-based). */
export function tickFormats(col: number, first: number, last: number): ConditionalFormat[] {
  const c = columnLetters(col);
  const top = `${c}$${first + 1}`;
  const cur = `${c}${first + 1}`;
  const range = `${a1(first, col)}:${a1(last, col)}`;
  const run = `COUNTIF(${top}:${cur},TRUE)=ROWS(${top}:${cur})`;
  return [
    { range, when: "ticked-unbroken", formula: `=AND(${cur}=TRUE,${run})`, fill: CLASS_FILL.green },
    { range, when: "ticked-after-gap", formula: `=AND(${cur}=TRUE,NOT(${run}))`, fill: CLASS_FILL.amber },
  ];
}

/**
 * The levels a tab of this template can stop at, in words.
 * @example upToChoices(leadershipLadder) === "5, 6, 7 or 8"
 */
export function upToChoices(t: LadderTemplate): string {
  const { minLevel: lo, maxLevel: hi } = t.generate;
  return orList(Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i)));
}

/**
 * Generate a ragging tab for one member of staff.
 * @example ladderSheet(findTemplate("leadership-ladder") as LadderTemplate, staff, { year: "2026-27", name: "Ann Lee", upTo: 6 })
 */
export function ladderSheet(t: LadderTemplate, staff: StaffDetails, opts: LadderOptions) {
  const upTo = opts.upTo ?? t.generate.maxLevel;
  if (!Number.isInteger(upTo) || upTo < t.generate.minLevel || upTo > t.generate.maxLevel)
    throw new LadderError(
      "level-out-of-range",
      `A ${t.title} can stop at level ${upToChoices(t)}; ${upTo} is not one of those.`,
    );
  const ticks = opts.ticks === true;
  const cps = t.checkpoints;
  const ladderCols = 2 + cps.length;
  const cols = ladderCols + (t.record ? RECORD_WIDTHS.length : 0);
  const b = new SheetBuilder(opts.name, cols, {
    templateId: t.id,
    version: t.version,
    role: "staff",
    upTo,
    ...(ticks ? { ticks: true } : {}),
  });
  const title = `${t.title}: levels 1-${upTo}${ticks ? " (tick boxes)" : ""}`;
  const paragraphs = ticks ? [TICK_KEY] : [...t.instructions, COLOUR_KEY];
  staffHeader(b, title, paragraphs, staff, opts.year);

  const header = b.row([...LADDER_HEADERS, ...cps]);
  b.style(b.range(header, 0, header, ladderCols - 1), {
    bold: true,
    fill: HEADER_FILL,
    border: true,
    hAlign: "center",
  });
  const first = b.nextRow;
  for (const level of t.levels.filter((l) => l.level <= upTo)) {
    level.statements.forEach((s, i) => {
      const r = b.row([i === 0 ? level.level : (s.numeral ?? null), s.text]);
      if (i === 0) b.spec.notes.push({ cell: b.cell(r, 0), text: levelNote(level) });
      if (ticks) cps.forEach((_, k) => b.set(r, 2 + k, false));
    });
    b.style(b.range(b.nextRow - level.statements.length, 0, b.nextRow - 1, ladderCols - 1), { border: true });
  }
  const last = b.nextRow - 1;
  b.style(b.range(first, 0, last, 0), { hAlign: "center", vAlign: "top", bold: true });
  b.style(b.range(first, 1, last, 1), { wrap: true, vAlign: "top" });
  b.style(b.range(first, 2, last, ladderCols - 1), { hAlign: "center", vAlign: "middle" });

  b.spec.frozenRows = header + 1;
  b.spec.columnWidths = [84, 520, ...cps.map(() => 64), ...(t.record ? RECORD_WIDTHS : [])];
  b.spec.protectedRanges.push({
    range: b.range(header, 0, last, 1),
    description: "Statements come from the template: change the template, not the tab.",
  });
  if (ticks) {
    b.spec.checkboxes.push(b.range(first, 2, last, ladderCols - 1));
    cps.forEach((_, k) => b.spec.conditionalFormats.push(...tickFormats(2 + k, first, last)));
  }
  if (t.record) {
    let end = 0;
    const levelEnds = t.levels.filter((l) => l.level <= upTo).map((l) => (end += l.statements.length));
    writeRecord(b, t.record, {
      header,
      col: ladderCols + 1,
      checkpoints: cps,
      ticks,
      ladder: { cols: cps.map((_, k) => 2 + k), first, last, levelEnds },
    });
  }
  return b.build();
}

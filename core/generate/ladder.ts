/**
 * A Leadership Ladder ragging tab in the seed's layout (design §2): header block, then the table
 * Level | Minimum standard | Sep | Mid | Jul with one row per statement. The level number stands on
 * the first row of its level; levels 6-8 keep their numerals (i, ii, ...) below it.
 *
 * Tick-box variant: every checkpoint cell is a tick box, and two conditional formats per column
 * colour it by the rule (green when it and every box above are ticked, amber when ticked after an
 * unticked box), so the sheet colours itself and can never break the rule.
 */
import { a1, columnLetters } from "../a1.js";
import { CLASS_FILL } from "../colour.js";
import { LadderError } from "../errors.js";
import type { ConditionalFormat } from "../sheet.js";
import type { StaffDetails } from "../staff-list.js";
import type { LadderTemplate } from "../template.js";
import { orList } from "../words.js";
import { HEADER_FILL, SheetBuilder } from "./builder.js";
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

const COLOUR_KEY =
  "Key: green (G) = true; amber (A) = true, but below the first statement that is not yet true; blank = not yet true. Red also counts as not yet true.";
const TICK_KEY =
  "Tick each statement that is true in the checkpoint column. The sheet colours itself: green while every box above is ticked, amber for a tick below an unticked box.";

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
  const cols = 2 + cps.length;
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
  b.style(b.range(header, 0, header, cols - 1), {
    bold: true,
    fill: HEADER_FILL,
    border: true,
    hAlign: "center",
  });
  const first = b.nextRow;
  for (const level of t.levels.filter((l) => l.level <= upTo)) {
    level.statements.forEach((s, i) => {
      const r = b.row([i === 0 ? level.level : (s.numeral ?? null), s.text]);
      if (i === 0) {
        const note = `Level ${level.level}: ${level.name}.${level.note ? ` ${level.note}` : ""}`;
        b.spec.notes.push({ cell: b.cell(r, 0), text: note });
      }
      if (ticks) cps.forEach((_, k) => b.set(r, 2 + k, false));
    });
    b.style(b.range(b.nextRow - level.statements.length, 0, b.nextRow - 1, cols - 1), { border: true });
  }
  const last = b.nextRow - 1;
  b.style(b.range(first, 0, last, 0), { hAlign: "center", vAlign: "top", bold: true });
  b.style(b.range(first, 1, last, 1), { wrap: true, vAlign: "top" });
  b.style(b.range(first, 2, last, cols - 1), { hAlign: "center", vAlign: "middle" });

  b.spec.frozenRows = header + 1;
  b.spec.columnWidths = [84, 520, ...cps.map(() => 64)];
  b.spec.protectedRanges.push({
    range: b.range(header, 0, last, 1),
    description: "Statements come from the template: change the template, not the tab.",
  });
  if (ticks) {
    b.spec.checkboxes.push(b.range(first, 2, last, cols - 1));
    cps.forEach((_, k) => b.spec.conditionalFormats.push(...tickFormats(2 + k, first, last)));
  }
  return b.build();
}

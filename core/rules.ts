/**
 * The colouring rule (design §3) on a read ladder tab: for each checkpoint column, top to bottom,
 * green while the statement is true, the first untrue one blank, amber (never green) after it.
 * Produces findings (returned values, each with the cell and the checkpoint) and the level per
 * checkpoint: the highest level whose statements, and those of every level below, are all inside
 * the unbroken green run from the top; 0 if level 1 is not whole; null if the column has no colour.
 * Tick-box tabs are read the same way with ticks in place of colours, so both give one answer.
 */
import { a1 } from "./a1.js";
import { colourClass, type ColourClass } from "./colour.js";
import { colourName } from "./colour-names.js";
import { finding, type Finding } from "./findings.js";
import type { LadderRead } from "./read/ladder.js";
import { text } from "./read/layout.js";
import { recordFindings } from "./rules-record.js";
import type { TabSnapshot } from "./sheet.js";

export type Levels = Record<string, number | null>;

export interface LadderCheck {
  findings: Finding[];
  levels: Levels;
}

/** What a checkpoint cell says, as a colour class (ticks mapped onto the same classes). */
function cellClasses(read: LadderRead, snap: TabSnapshot, col: number): ColourClass[] {
  if (read.ticks) {
    let unbroken = true;
    return read.rows.map((r) => {
      const ticked = snap.values[r.row]?.[col] === true;
      if (!ticked) {
        unbroken = false;
        return "blank";
      }
      return unbroken ? "green" : "amber";
    });
  }
  return read.rows.map((r) => colourClass(snap.fills[r.row]?.[col] ?? null));
}

/**
 * The level for one column of classes, given each row's level.
 * @example levelFromRun(["green","green","blank"], [1,1,2]) === 1
 */
export function levelFromRun(classes: readonly ColourClass[], rowLevels: readonly number[]): number | null {
  if (classes.every((c) => c === "blank")) return null;
  let run = 0;
  while (run < classes.length && classes[run] === "green") run++;
  // The last row of each level (-1: the level has no rows), in one pass.
  const last: number[] = [];
  rowLevels.forEach((lv, i) => {
    last[lv] = i;
  });
  let level = 0;
  for (let l = 1; l < last.length; l++) {
    const end = last[l] ?? -1;
    if (end < 0) break;
    if (end < run) level = l;
    else break;
  }
  return level;
}

const CLASS_WORD: Record<ColourClass, string> = {
  green: "green",
  amber: "amber",
  red: "red",
  blank: "blank",
  unknown: "an unknown colour",
};

/**
 * Check every checkpoint column of a read ladder tab.
 * @example checkLadder(readLadder(snap, t, null)!, snap).levels.Sep === 3
 */
export function checkLadder(read: LadderRead, snap: TabSnapshot): LadderCheck {
  const findings: Finding[] = [...read.warnings];
  const levels: Levels = {};
  const rowLevels = read.rows.map((r) => r.level);
  for (const cp of read.header.checkpoints) {
    const classes = cellClasses(read, snap, cp.col);
    let gap: { cell: string; cls: ColourClass } | null = null;
    classes.forEach((cls, i) => {
      if (gap === null && cls === "green") return; // the common case: a green run, nothing to say
      const r = read.rows[i]!;
      const cell = a1(r.row, cp.col);
      const fill = snap.fills[r.row]?.[cp.col] ?? null;
      if (cls === "unknown")
        findings.push(
          finding(
            "unknown-colour",
            cell,
            cp.name,
            `${cell} is coloured ${colourName(fill) ?? "with a colour"}, which is not green, amber or red. Use green for true statements, amber for true ones below the first gap, and leave untrue ones blank.`,
          ),
        );
      if (gap === null) {
        if (cls === "green") return;
        gap = { cell, cls };
        if (cls === "amber")
          findings.push(
            finding(
              "amber-before-gap",
              cell,
              cp.name,
              `${cell} is amber but every statement above it is green, so it is the first one not coloured green: make it green if it is true, or leave it blank if it is not.`,
            ),
          );
        return;
      }
      if (cls === "green")
        findings.push(
          finding(
            "green-after-gap",
            cell,
            cp.name,
            `${cell} is green below ${gap.cell}, which is ${CLASS_WORD[gap.cls]}: after the first statement that is not true, true statements are amber, never green. Make ${cell} amber (or colour ${gap.cell} green if it is true).`,
          ),
        );
    });
    for (const r of read.rows) {
      const v = snap.values[r.row]?.[cp.col];
      if (read.ticks ? v !== null && v !== "" && typeof v !== "boolean" : text(v) !== "")
        findings.push(
          finding(
            "typed-value",
            a1(r.row, cp.col),
            cp.name,
            read.ticks
              ? `${a1(r.row, cp.col)} has '${text(v)}' typed in it; only the tick box is read, so tick or untick it instead.`
              : `${a1(r.row, cp.col)} has '${text(v)}' typed in it; only the cell's colour is read, so colour it instead.`,
          ),
        );
    }
    levels[cp.name] = levelFromRun(classes, rowLevels);
  }
  findings.push(...progressionWarnings(read, levels));
  findings.push(...recordFindings(read, levels));
  return { findings, levels };
}

/** Levels that drop between checkpoints, and checkpoints skipped while a later one is filled. */
function progressionWarnings(read: LadderRead, levels: Levels): Finding[] {
  const out: Finding[] = [];
  const cps = read.header.checkpoints;
  let previous: { name: string; level: number } | null = null;
  cps.forEach((cp, i) => {
    const level = levels[cp.name] ?? null;
    const headerCell = a1(read.header.row, cp.col);
    if (level === null) {
      const later = cps.slice(i + 1).find((c) => levels[c.name] !== null && levels[c.name] !== undefined);
      if (later)
        out.push(
          finding(
            "checkpoint-skipped",
            headerCell,
            cp.name,
            `${cp.name} is not filled in but ${later.name} is: colour the ${cp.name} column too, or leave it if that checkpoint was missed on purpose.`,
          ),
        );
      return;
    }
    if (previous && level < previous.level)
      out.push(
        finding(
          "level-dropped",
          headerCell,
          cp.name,
          `The level drops from ${previous.level} at ${previous.name} to ${level} at ${cp.name}: check the colours, or talk it through at the appraisal.`,
        ),
      );
    previous = { name: cp.name, level };
  });
  return out;
}

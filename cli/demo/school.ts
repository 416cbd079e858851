/**
 * Builds the demo school's tabs as SheetSpecs: core generates each staff tab, then this colours the
 * checkpoint columns the way a person would (greens from several palettes, amber after the first
 * gap, sometimes red for "not true"), ticks the tick-box tab, fills in each year record (year.ts)
 * and one feedback form.
 * Deterministic: the same date gives the same workbook. No host calls; demo.ts writes the result.
 */
import { planCreate, planFeedbackForm } from "../../core/app.js";
import { a1 } from "../../core/a1.js";
import { findTemplate } from "../../core/catalog.js";
import type { SheetSpec } from "../../core/sheet.js";
import type { LadderTemplate } from "../../core/template.js";
import { DEMO_FEEDBACK, DEMO_STAFF, type DemoStaff } from "./staff.js";
import { fillYear, yearStart } from "./year.js";

const LADDER_ID = "leadership-ladder";
const CHECKPOINTS = ["Sep", "Mid", "Jul"] as const;
/** Greens and ambers people actually pick: Excel's standard colours, Google's palette, light tints. */
const GREENS = ["#00b050", "#92d050", "#b6d7a8", "#93c47d", "#c6efce", "#d9ead3"];
const AMBERS = ["#ffc000", "#ffd966", "#f6b26b", "#ffe599"];
const RED = "#ea9999";
const BLUE = "#9fc5e8";

type Mark = "G" | "A" | "R" | "B" | "";

/** A small stable hash, so each person gets their own (repeatable) shade and partial progress. */
function hash(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/**
 * The marks down one checkpoint column for a person at `level`: green through the level and part
 * of the next, then the first untrue statement blank (or red), then a few true ones in amber.
 */
export function columnMarks(sizes: readonly number[], level: number, seed: number): Mark[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const through = sizes.slice(0, level).reduce((a, b) => a + b, 0);
  if (level >= sizes.length) return Array<Mark>(total).fill("G");
  const next = sizes[level]!;
  const partial = seed % next; // some of the next level, never all of it
  const marks: Mark[] = Array<Mark>(through + partial).fill("G");
  marks.push(seed % 5 === 0 ? "R" : "");
  const ambers = seed % 3;
  for (let i = 0; i < ambers && marks.length < total; i++) marks.push(i === 1 ? "" : "A");
  return marks;
}

function withMistake(marks: Mark[], kind: DemoStaff["mistake"]): Mark[] {
  const out = [...marks];
  const gap = out.findIndex((m) => m !== "G");
  if (!kind || gap < 0) return out;
  if (kind.kind === "green-after-gap") out[gap + 2] = "G";
  if (kind.kind === "amber-before-gap") out[gap] = "A";
  if (kind.kind === "unknown-colour") out[gap + 1] = "B";
  return out;
}

interface Layout {
  header: number;
  rows: number[];
  cols: Record<string, number>;
}

function ladderLayout(spec: SheetSpec): Layout {
  const header = spec.values.findIndex((r) => r[0] === "Level" && r[1] === "Minimum standard");
  const rows = spec.values
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => i > header && typeof r[1] === "string" && r[1] !== "")
    .map(({ i }) => i);
  const cols = Object.fromEntries(CHECKPOINTS.map((cp) => [cp, spec.values[header]!.indexOf(cp)]));
  return { header, rows, cols };
}

function paint(spec: SheetSpec, person: DemoStaff, sizes: readonly number[]): void {
  const { rows, cols } = ladderLayout(spec);
  const seed = hash(person.name);
  const green = GREENS[seed % GREENS.length]!;
  const amber = AMBERS[seed % AMBERS.length]!;
  CHECKPOINTS.forEach((cp, k) => {
    const level = person.levels[k];
    if (level === null || level === undefined) return;
    const col = cols[cp]!;
    let marks = columnMarks(sizes, level, seed + k * 7);
    if (person.mistake?.checkpoint === cp) marks = withMistake(marks, person.mistake);
    marks.forEach((m, i) => {
      const row = rows[i];
      if (row === undefined || m === "") return;
      if (person.ticks) {
        // Tick-box tabs: a tick for every true statement; the conditional formats do the colour.
        spec.values[row]![col] = m === "G" || m === "A";
        return;
      }
      const fill = m === "G" ? green : m === "A" ? amber : m === "R" ? RED : BLUE;
      spec.styles.push({ range: a1(row, col), fill });
    });
  });
}

function fillFeedback(spec: SheetSpec): void {
  const header = spec.values.findIndex((r) => r[1] === "Code");
  const items = spec.values
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => i > header && typeof r[1] === "string" && r[1] !== "")
    .map(({ i }) => i);
  DEMO_FEEDBACK.comments.forEach(([pos, dev], k) => {
    const row = items[k];
    if (row === undefined) return;
    if (pos) spec.values[row]![4] = pos;
    if (dev) spec.values[row]![5] = dev;
  });
}

/** Every tab of the demo workbook (staff tabs, the tick-box tab, the feedback form), in order. */
export function demoSheets(today: Date): SheetSpec[] {
  const t = findTemplate(LADDER_ID) as LadderTemplate;
  const sizes = t.levels.map((l) => l.statements.length);
  const taken: string[] = [];
  const specs: SheetSpec[] = [];
  for (const person of DEMO_STAFF) {
    const [spec] = planCreate(
      {
        templateId: LADDER_ID,
        staff: [{ name: person.name, band: person.band, role: person.role, appraiser: person.appraiser }],
        ticks: person.ticks === true,
      },
      taken,
      today,
    );
    paint(spec!, person, sizes);
    fillYear(spec!, person, yearStart(today)); // the appraisal year beside the ladder (year.ts)
    taken.push(spec!.name);
    specs.push(spec!);
  }
  const form = planFeedbackForm(DEMO_FEEDBACK.fields, taken);
  fillFeedback(form);
  specs.push(form);
  return specs;
}

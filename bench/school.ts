/**
 * A realistic school for the bench, the same every run (fixed seed): N staff across all seven grade
 * bands, each with a Leadership Ladder tab painted at varied levels per checkpoint (Sep, Mid, Jul),
 * in the greens and ambers people actually use, with a few rule mistakes, a few red cells and a few
 * checkpoints not filled in yet.
 *
 * The painted tabs are SheetSpecs (a fill style per painted cell), so the .xlsx adapter and the host
 * fakes can write them, and core's snapshotOf gives what a host would read back.
 */
import { findTemplate, gradeBands } from "../core/catalog.js";
import type { StaffInput } from "../core/panel-api.js";
import { ladderSheet } from "../core/generate/ladder.js";
import type { SheetSpec, TabSnapshot } from "../core/sheet.js";
import { snapshotOf } from "../core/snapshot.js";
import type { LadderTemplate } from "../core/template.js";
import { a1 } from "../core/a1.js";
import { rng } from "./util.js";

const GREENS = ["#00b050", "#b7e1cd", "#93c47d", "#92d050", "#c6efce", "#d9ead3"];
const AMBERS = ["#ffc000", "#ffd966", "#f6b26b", "#ffeb9c"];
const REDS = ["#ff0000", "#f4cccc", "#ea9999"];
const SURNAMES = ["Lee", "Okafor", "Patel", "Nowak", "Hughes", "Khan", "O'Brien", "García", "Evans", "Zhou"];
const ROLES = ["Teacher", "TA", "Head of Year", "Business Manager", "Deputy Head", "Governor"];

export function leadershipLadder(): LadderTemplate {
  const t = findTemplate("leadership-ladder");
  if (t.kind !== "ladder") throw new Error("leadership-ladder is not a ladder template");
  return t;
}

/** N staff with varied bands (any of a band's three labels) and roles. */
export function staffList(n: number, seed = 8): StaffInput[] {
  const r = rng(seed);
  const bands = gradeBands().bands;
  return Array.from({ length: n }, (_, i) => {
    const b = bands[Math.floor(r() * bands.length)]!;
    const labels = [b.teaching, b.nonTeaching, b.governance];
    return {
      name: `Staff ${i + 1} ${SURNAMES[i % SURNAMES.length]!}`,
      band: labels[Math.floor(r() * labels.length)]!,
      role: ROLES[Math.floor(r() * ROLES.length)]!,
      appraiser: `Appraiser ${(i % 12) + 1}`,
    };
  });
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/**
 * Paint one checkpoint column: a green run of `greens` statements, then the gap, then (sometimes)
 * red or amber marks below it, as people do; `mistake` puts a green below the gap (green-after-gap).
 */
function paintColumn(
  spec: SheetSpec,
  rows: readonly number[],
  col: number,
  greens: number,
  r: () => number,
  mistake: boolean,
): void {
  const green = pick(r, GREENS);
  for (let i = 0; i < greens && i < rows.length; i++)
    spec.styles.push({ range: a1(rows[i]!, col), fill: green });
  const after = rows.slice(greens + 1);
  for (let i = 0; i < after.length; i++) {
    const x = r();
    if (x < 0.08) spec.styles.push({ range: a1(after[i]!, col), fill: pick(r, AMBERS) });
    else if (x < 0.12) spec.styles.push({ range: a1(after[i]!, col), fill: pick(r, REDS) });
  }
  if (mistake && after.length > 0)
    spec.styles.push({ range: a1(after[Math.floor(r() * after.length)]!, col), fill: green });
}

/** N painted staff tabs as SheetSpecs (what a host would find in a school's workbook). */
export function schoolSpecs(n: number, seed = 8): SheetSpec[] {
  const t = leadershipLadder();
  const r = rng(seed * 7919 + n);
  // Statements needed for each whole level: cumulative counts (level 1 -> 5, level 2 -> 9, ...).
  const cum: number[] = [0];
  for (const l of t.levels) cum.push(cum[cum.length - 1]! + l.statements.length);
  return staffList(n, seed).map((s) => {
    const spec = ladderSheet(t, s, { year: "2026-27", name: s.name });
    const header = spec.values.findIndex((row) => row[0] === "Level");
    const cps = ["Sep", "Mid", "Jul"].map((cp) => spec.values[header]!.indexOf(cp));
    const rows: number[] = [];
    for (let i = header + 1; i < spec.values.length; i++) {
      const text = spec.values[i]![1];
      if (typeof text === "string" && text.trim() !== "") rows.push(i);
    }
    const top = Math.min(t.generate.maxLevel, t.levels.length);
    let level = Math.floor(r() * (top - 1)); // Sep level 0..top-2
    const filled = r() < 0.05 ? 2 : 3; // a few have not filled in July yet
    cps.forEach((col, k) => {
      if (k >= filled || col < 0) return;
      if (k > 0 && r() < 0.6) level = Math.min(top, level + 1);
      if (k > 0 && r() < 0.05) level = Math.max(0, level - 1); // a drop between checkpoints
      const partial = Math.floor(r() * (cum[level + 1]! - cum[level]! || 1));
      paintColumn(spec, rows, col, Math.min(rows.length, cum[level]! + partial), r, r() < 0.1);
    });
    return spec;
  });
}

/** The snapshots a host would read from schoolSpecs(n). */
export function schoolSnapshots(n: number, seed = 8): TabSnapshot[] {
  return schoolSpecs(n, seed).map(snapshotOf);
}

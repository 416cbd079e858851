/**
 * Terminal text for people: findings one per line (cell, checkpoint, what is wrong, what to do),
 * levels and zone counts as small aligned tables. No colour codes: output is often piped or pasted
 * into an email, and the words carry the meaning.
 */
import type { Finding } from "../core/findings.js";

/** Ends a message with a full stop unless it already ends in one (or '?', '!', ':'). */
export function sentence(text: string): string {
  return /[.?!:]$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/**
 * "  C14  Sep  error    C14 is green below C12, ..." The rule id stays out of the words (it is in
 * --json for scripts): a person reads the sentence, not the id.
 */
export function findingLine(f: Finding): string {
  const where = `${f.cell.padEnd(5)} ${(f.checkpoint ?? "").padEnd(4)}`;
  return `  ${where} ${f.severity.padEnd(7)} ${f.message}`;
}

/**
 * Levels in words: "level 3 in Sep, level 4 in Mid; Jul not filled in yet". Level 0 is said as
 * "below level 1" (level 1 is not yet whole), and an empty column as not filled in yet.
 */
export function levelsText(levels: Record<string, number | null> | null): string {
  if (!levels) return "";
  const entries = Object.entries(levels);
  const filled = entries
    .filter(([, l]) => l !== null)
    .map(([cp, l]) => (l === 0 ? `below level 1 in ${cp}` : `level ${l} in ${cp}`));
  const empty = entries.filter(([, l]) => l === null).map(([cp]) => cp);
  const notYet = empty.length === 0 ? "" : `${empty.join(" and ")} not filled in yet`;
  if (filled.length === 0) return notYet === "" ? "" : `nothing filled in yet`;
  const text = filled.join(", ");
  return notYet === "" ? text : `${text}; ${notYet}`;
}

/** A left-aligned text table: first row is the header. */
export function table(rows: readonly (readonly (string | number)[])[]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, String(c).length)));
  return rows.map((r) =>
    r
      .map((c, i) => (typeof c === "number" ? String(c).padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd(),
  );
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

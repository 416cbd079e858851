/**
 * Terminal text for people: findings one per line (cell, checkpoint, what is wrong, what to do),
 * levels and zone counts as small aligned tables. No colour codes: output is often piped or pasted
 * into an email, and the words carry the meaning.
 */
import type { Finding } from "../core/findings.js";

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "  C14  Sep  error    C14 is green below C12, ..." */
export function findingLine(f: Finding): string {
  const where = `${f.cell.padEnd(5)} ${(f.checkpoint ?? "").padEnd(4)}`;
  return `  ${where} ${f.severity.padEnd(7)} ${f.message} [${f.rule}]`;
}

export function levelsText(levels: Record<string, number | null> | null): string {
  if (!levels) return "";
  return Object.entries(levels)
    .map(([cp, l]) => `${cp} ${l === null ? "-" : l}`)
    .join(", ");
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

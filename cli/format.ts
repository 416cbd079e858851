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

export { plural } from "../core/words.js";

/**
 * "  C14  Sep  error    C14 is green below C12, ..." The rule id stays out of the words (it is in
 * --json for scripts): a person reads the sentence, not the id.
 */
export function findingLine(f: Finding): string {
  const where = `${f.cell.padEnd(5)} ${(f.checkpoint ?? "").padEnd(4)}`;
  return `  ${where} ${f.severity.padEnd(7)} ${f.message}`;
}

/**
 * A command a person can copy and run as it is: "npx ladder rollup school.xlsx", with an argument
 * that holds spaces or shell characters in double quotes ("Stale Oak.xlsx"), so the hint works
 * pasted into a terminal (a file name with spaces, the common case, in Windows' too).
 * @example ladderCommand("rollup", "Oak School.xlsx") === 'npx ladder rollup "Oak School.xlsx"'
 */
export function ladderCommand(...args: readonly string[]): string {
  const quote = (a: string): string =>
    /^[\w./:@+,=-]+$/.test(a) ? a : `"${a.replace(/(["\\$`])/g, "\\$1")}"`;
  return ["npx", "ladder", ...args].map(quote).join(" ");
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

/**
 * The leader's to-do list (core/chase.ts) in one sentence, for the panels' status line, the summary
 * tab and the command line. Kept apart from chase.ts, with type-only imports, so the panel bundles
 * (the Sheets sidebar has a size budget) do not pull in the roll-up code to say it.
 */
import type { ChaseList } from "./chase.js";
import { plural } from "./words.js";

/**
 * The to-do list in one sentence, or null when there is nothing to chase.
 * @example chaseSentence(list) === "1 person has not filled in Mid yet; 2 staff tabs have colouring errors."
 */
export function chaseSentence(c: ChaseList): string | null {
  const parts: string[] = [];
  const late = c.notFilledIn.length;
  const bad = c.withErrors.length;
  if (late > 0)
    parts.push(`${late} ${late === 1 ? "person has" : "people have"} not filled in ${c.checkpoint} yet`);
  if (bad > 0) parts.push(`${plural(bad, "staff tab")} ${bad === 1 ? "has" : "have"} colouring errors`);
  return parts.length === 0 ? null : `${parts.join("; ")}.`;
}

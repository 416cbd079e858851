/**
 * Small pieces of plain English that every host says the same way: a tab's levels in words
 * ("level 3 in Sep; Jul not filled in yet") and a short list read aloud ("5, 6, 7 or 8"). They live
 * in core so the command line, the panel and the Sheets alerts never drift into three phrasings
 * (one said "Sep level 0", another "levels Sep 0 / Jul -").
 */

/**
 * "a", "a or b", "a, b or c" (or "and" in place of "or").
 * @example orList(["5", "6", "7"]) === "5, 6 or 7"
 */
export function orList(items: readonly string[], word: "or" | "and" = "or"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${word} ${items.at(-1)!}`;
}

/** The text with its first letter in capitals, for a phrase that starts a sentence. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A tab's levels in words, in checkpoint order. Level 0 is "below level 1" (level 1 is not yet
 * whole); an empty column is "not filled in yet". "" when there are no levels (not a ladder tab).
 * @example levelsText({ Sep: 3, Mid: null, Jul: null }) === "level 3 in Sep; Mid and Jul not filled in yet"
 * @example levelsText({ Sep: 0, Mid: 2 }) === "below level 1 in Sep, level 2 in Mid"
 */
export function levelsText(levels: Readonly<Record<string, number | null>> | null): string {
  if (!levels) return "";
  const entries = Object.entries(levels);
  const filled = entries
    .filter(([, l]) => l !== null)
    .map(([cp, l]) => (l === 0 ? `below level 1 in ${cp}` : `level ${l} in ${cp}`));
  const empty = entries.filter(([, l]) => l === null).map(([cp]) => cp);
  if (filled.length === 0) return empty.length === 0 ? "" : "nothing filled in yet";
  const text = filled.join(", ");
  return empty.length === 0 ? text : `${text}; ${orList(empty, "and")} not filled in yet`;
}

/**
 * A count with its noun: "1 file", "3 files" (or the plural given).
 * @example plural(2, "person", "people") === "2 people"
 */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

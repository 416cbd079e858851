/**
 * "Did you mean ...?" for names a person typed: a tab, a template id, an option, a command. The
 * closest candidates by edit distance (case and spacing ignored), only when they are close enough
 * to be a slip of the keyboard, so a suggestion is never a guess at a different thing.
 */

/**
 * Edit distance over two short strings, a swap of two neighbouring letters counting as one edit
 * ("nwe" is one slip from "new"), as fingers make them.
 */
function distance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

const key = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, "");

/**
 * Up to `max` candidates close to `typed`, closest first: within a third of the longer name's
 * length (at least 1, at most 3 edits), or starting with what was typed.
 * @example closest("leadership-ladr", ["leadership-ladder", "grade-bands"]) -> ["leadership-ladder"]
 */
export function closest(typed: string, candidates: readonly string[], max = 3): string[] {
  const t = key(typed);
  if (t === "") return [];
  return candidates
    .map((c) => {
      const k = key(c);
      const d = distance(t, k);
      const limit = Math.min(3, Math.max(1, Math.floor(Math.max(t.length, k.length) / 3)));
      const ok = d <= limit || (t.length >= 3 && k.startsWith(t));
      return { c, d, ok };
    })
    .filter((x) => x.ok)
    .sort((x, y) => x.d - y.d)
    .slice(0, max)
    .map((x) => x.c);
}

/** " Did you mean 'A' or 'B'?" (with a leading space), or "" when nothing is close. */
export function didYouMean(typed: string, candidates: readonly string[]): string {
  const near = closest(typed, candidates);
  if (near.length === 0) return "";
  const quoted = near.map((n) => `'${n}'`);
  const list = quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)!}`;
  return ` Did you mean ${list}?`;
}

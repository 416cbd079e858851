/**
 * Remembering the answers of pure string functions that run once per cell over thousands of tabs
 * which repeat the same few strings (labels, statements, fill colours). Bounded: past `max` entries
 * the memory is cleared and refilled, so a hostile workbook of unique strings cannot grow it.
 */
export function memoByString<T>(fn: (s: string) => T, max: number): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    if (seen.has(s)) return seen.get(s) as T;
    const v = fn(s);
    if (seen.size >= max) seen.clear();
    seen.set(ownCopy(s), typeof v === "string" ? (ownCopy(v) as T) : v);
    return v;
  };
}

/**
 * A string that holds its own characters. A cell's text read from a sheet's XML can be a slice
 * that keeps the whole XML alive (V8's sliced strings); kept as a key here, it would keep every
 * file's XML for the life of the process (a roll-up over a thousand person files grew by one
 * sheet's XML per file). Only memory misses pay for the copy.
 */
function ownCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

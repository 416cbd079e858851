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
    seen.set(detached(s), typeof v === "string" ? detached(v) : v); // only misses pay for the copy
    return v;
  };
}

/**
 * A copy of plain data (strings, numbers, arrays, objects) that shares no string with where it
 * came from. A cell's text read from a sheet's XML can be a slice that keeps the whole XML alive
 * (V8's sliced strings); kept for long (a cache key, a person file's part of a roll-up), it would
 * keep every file's XML for the life of the process (a roll-up over a thousand person files grew by
 * one sheet's XML per file).
 */
export function detached<T>(data: T): T {
  return JSON.parse(JSON.stringify(data)) as T;
}

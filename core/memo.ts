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
    seen.set(s, v);
    return v;
  };
}

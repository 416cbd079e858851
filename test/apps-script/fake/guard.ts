/** The fake's objects come back to it through the ports: check they are its own, as Apps Script would. */
export function own<T>(value: unknown, cls: abstract new (...args: never[]) => T, what: string): T {
  if (value instanceof cls) return value;
  throw new Error(`Cannot convert ${what}: it is not an object this spreadsheet made.`);
}

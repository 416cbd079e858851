/**
 * A1 references: 0-based (row, col) <-> "C12". Core grids are 0-based; A1 text is what people see.
 * Hosts with 1-based APIs (Apps Script) add 1 at their edge.
 */

/** columnLetters(0) === "A", columnLetters(27) === "AB" */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** a1(0, 0) === "A1" */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** a1Range(0, 0, 2, 4) === "A1:E3" (inclusive corners) */
export function a1Range(r1: number, c1: number, r2: number, c2: number): string {
  const from = a1(r1, c1);
  const to = a1(r2, c2);
  return from === to ? from : `${from}:${to}`;
}

/** parseA1("C12") -> { row: 11, col: 2 } */
export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`Not an A1 cell reference: ${ref}`);
  const letters = m[1]!.toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export interface CellRange {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** parseRange("B2:E3") -> { row: 1, col: 1, rows: 2, cols: 4 }; a single cell is a 1x1 range. */
export function parseRange(ref: string): CellRange {
  const [a, b] = ref.split(":");
  const start = parseA1(a!);
  const end = b === undefined ? start : parseA1(b);
  const row = Math.min(start.row, end.row);
  const col = Math.min(start.col, end.col);
  return {
    row,
    col,
    rows: Math.abs(end.row - start.row) + 1,
    cols: Math.abs(end.col - start.col) + 1,
  };
}

/**
 * A tab name as a reference writes it, always quoted: 'Ann O''Brien' (a quote inside is doubled).
 * @example quoteTab("Ann O'Brien") === "'Ann O''Brien'"
 */
export function quoteTab(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

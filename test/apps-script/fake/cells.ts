/**
 * The cell store behind the fake sheets, faithful in the details that bite:
 * - a string written by setValues is parsed as if typed, unless the cell's number format is plain
 *   text ("@": stored exactly, a leading apostrophe included) or it is apostrophe-prefixed (stored
 *   as text, the apostrophe dropped): "=..." becomes a
 *   formula, "+1" and "12" numbers, "TRUE" a boolean, and "-1+2" or "@SUM(A1)" a formula (Sheets
 *   treats a leading + - @ as the start of a formula when the rest is not a plain number);
 * - getBackgrounds answers lower-case '#rrggbb' and '#ffffff' for no fill;
 * - rows and columns are 1-based, and ranges outside the sheet throw.
 */

export type Stored = string | number | boolean | Date;

export interface Cell {
  value: Stored;
  formula?: string;
  /** Stored as text because of a leading apostrophe. */
  quoted?: boolean;
  bg?: string | null;
  weight?: "normal" | "bold" | null;
  fontStyle?: "normal" | "italic" | null;
  size?: number;
  colour?: string;
  wrap?: boolean;
  hAlign?: string | null;
  vAlign?: string | null;
  numberFormat?: string;
  note?: string | null;
  border?: boolean;
  validation?: unknown;
}

const NAMED: Record<string, string> = {
  white: "#ffffff",
  black: "#000000",
  red: "#ff0000",
  green: "#00ff00",
  yellow: "#ffff00",
  orange: "#ffa500",
  blue: "#0000ff",
};

/** Sheets accepts '#rgb', '#rrggbb' and CSS names, and stores lower-case '#rrggbb'. */
export function normaliseColour(c: string | null): string | null {
  if (c === null || c === "") return null;
  const s = c.trim().toLowerCase();
  if (NAMED[s]) return NAMED[s];
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  if (/^#[0-9a-f]{3}$/.test(s)) return `#${s[1]}${s[1]}${s[2]}${s[2]}${s[3]}${s[3]}`;
  throw new Error(`Invalid color: ${c}`);
}

/** What Sheets stores for a value given to setValues, in a cell with `numberFormat`. */
export function parseInput(
  v: unknown,
  numberFormat: string | undefined,
): { value: Stored; formula?: string; quoted?: boolean } {
  if (v === null || v === undefined || v === "") return { value: "" };
  if (typeof v === "number" || typeof v === "boolean") return { value: v };
  if (v instanceof Date || Object.prototype.toString.call(v) === "[object Date]") return { value: v as Date };
  if (typeof v !== "string") throw new Error(`setValues cannot store ${typeof v} values.`);
  if (numberFormat === "@") return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1), quoted: true };
  if (v.startsWith("=") && v.length > 1) return { value: "#FORMULA", formula: v };
  const t = v.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t) };
  if (/^[+\-@]/.test(t)) return { value: "#FORMULA", formula: `=${t.replace(/^[+@]/, "")}` };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  return { value: v };
}

/** A sparse grid of cells, 1-based. */
export class CellStore {
  private readonly rows = new Map<number, Map<number, Cell>>();

  get(row: number, col: number): Cell | undefined {
    return this.rows.get(row)?.get(col);
  }

  at(row: number, col: number): Cell {
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = new Map<number, Cell>()));
    let c = r.get(col);
    if (!c) r.set(col, (c = { value: "" }));
    return c;
  }

  /** The last row and column holding a value or formula (0 when empty): what getDataRange spans. */
  extent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const [r, cells] of this.rows)
      for (const [c, cell] of cells)
        if (cell.value !== "" || cell.formula) {
          rows = Math.max(rows, r);
          cols = Math.max(cols, c);
        }
    return { rows, cols };
  }

  /** Every cell that has anything in it, for whole-tab comparisons in tests. */
  dump(): Record<string, Cell> {
    const out: Record<string, Cell> = {};
    const keys = [...this.rows.keys()].sort((a, b) => a - b);
    for (const r of keys) {
      const cells = this.rows.get(r)!;
      for (const c of [...cells.keys()].sort((a, b) => a - b)) out[`R${r}C${c}`] = { ...cells.get(c)! };
    }
    return out;
  }
}

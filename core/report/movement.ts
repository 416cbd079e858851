/**
 * The report's movement section: for each pair of neighbouring checkpoints (Sep -> Mid, Mid -> Jul)
 * how many staff moved up a level or more, stayed, or moved down, computed from the levels in the
 * roll-up (a person with either checkpoint not filled in is counted as "not compared", never as
 * "stayed"). A per-person table follows, with arrows and words so the direction is never colour alone.
 */
import type { SchoolRollup, StaffEntry } from "../rollup.js";
import { moveOf, yearMovement } from "../year.js";
import { esc, row } from "./html.js";

export { moveOf };
export type Move = ReturnType<typeof moveOf>;

export interface StepTotals {
  from: string;
  to: string;
  up: number;
  same: number;
  down: number;
  /** Either checkpoint not filled in. */
  none: number;
}

/**
 * The totals for each neighbouring pair of checkpoints: the roll-up's own movement (core/year.ts),
 * plus how many could not be compared.
 * @example movementTotals(r)[0] -> { from: "Sep", to: "Mid", up: 12, same: 20, down: 1, none: 7 }
 */
export function movementTotals(r: Pick<SchoolRollup, "staff" | "checkpoints">): StepTotals[] {
  return yearMovement(r.staff, r.checkpoints).map((m) => ({
    ...m,
    none: r.staff.length - m.up - m.same - m.down,
  }));
}

const WORD: Record<Move, string> = {
  up: "↑ up",
  same: "→ same",
  down: "↓ down",
  none: "– not compared",
};
const FILL: Record<Exclude<Move, "none">, string> = { up: "#b6d7a8", same: "#d9d9d9", down: "#f4cccc" };

function stepText(s: StaffEntry, from: string, to: string): string {
  const m = moveOf(s.levels[from], s.levels[to]);
  if (m === "none") return WORD.none;
  return `${WORD[m]} (${s.levels[from]!} to ${s.levels[to]!})`;
}

/** Bars for each step: up, same and down as lengths on one scale, each labelled with word and count. */
function movementSvg(totals: readonly StepTotals[], staff: number): string {
  const width = 480;
  const scale = staff === 0 ? 0 : (width - 170) / staff;
  const lines = totals.flatMap((t, i) => {
    const y0 = 10 + i * 100;
    const head = `<text x="0" y="${y0 + 12}" font-weight="bold">${esc(t.from)} to ${esc(t.to)}</text>`;
    const bars = (["up", "same", "down"] as const).map((m, j) => {
      const y = y0 + 20 + j * 24;
      const w = t[m] * scale;
      return `<text x="10" y="${y + 14}">${WORD[m]}</text><rect x="110" y="${y}" width="${w.toFixed(1)}" height="18" fill="${FILL[m]}" stroke="#595959"/><text x="${(116 + w).toFixed(1)}" y="${y + 14}">${t[m]}</text>`;
    });
    return [head, ...bars];
  });
  const height = 10 + totals.length * 100;
  return `<svg role="img" aria-labelledby="movement-title" viewBox="0 0 ${width} ${height}" width="100%" class="chart"><title id="movement-title">Staff who moved up, stayed or moved down between checkpoints</title>${lines.join("")}</svg>`;
}

/** Movement between checkpoints: bars, the totals table, and one row per person. */
export function movementSection(r: SchoolRollup): string {
  const totals = movementTotals(r);
  const head = row(["Between", "↑ Moved up", "→ Stayed", "↓ Moved down", "– Not compared"], "th");
  const body = totals.map((t) => row([`${t.from} to ${t.to}`, t.up, t.same, t.down, t.none]));
  const pairs = totals.map((t) => [t.from, t.to] as const);
  const personHead = row(["Person", ...pairs.map(([a, b]) => `${a} to ${b}`)], "th");
  const people = r.staff.map((s) => row([s.name, ...pairs.map(([a, b]) => stepText(s, a, b))]));
  return `<section id="movement-section"><h2>Movement between checkpoints</h2>
<p>Counted from each person's level at neighbouring checkpoints. Someone with either checkpoint not filled in is not compared.</p>
<figure>${movementSvg(totals, r.staff.length)}</figure>
<table id="movement"><caption>Staff who moved up, stayed or moved down</caption><thead>${head}</thead><tbody>${body.join("")}</tbody></table>
<table id="movement-people"><caption>Movement per person</caption><thead>${personHead}</thead><tbody>${people.join("")}</tbody></table></section>`;
}

/**
 * The year on the school summary tab (issue 14), as its own block under the staff table: how many
 * set a target and reached it, movement between checkpoints, the STAR projects ready to share at
 * SMART day (title and person: the summary is the leaders' file), and one row per person with the
 * latest level, movement since the last checkpoint, target, gap, STAR step, objectives written and
 * checkpoints reviewed. Its own block,
 * so the staff table the trust roll-up reads keeps its columns.
 */
import type { SchoolRollup, StaffEntry } from "../rollup.js";
import { latestLevel } from "../rules-record.js";
import { STAR_READY } from "../year.js";
import { HEADER_FILL, type SheetBuilder } from "./builder.js";

export const YEAR_TITLE = "The appraisal year";
export const YEAR_HEADERS = [
  "Staff tab",
  "Name",
  "Latest level",
  "Since last checkpoint",
  "Target",
  "Gap to target",
  "Target reached",
  "STAR step (of 6)",
  "STAR project",
  "Objectives written (of 3)",
  "Reviewed at",
] as const;

/** "up 1 (Sep to Mid)", "same (Mid to Jul)", "" with fewer than two checkpoints filled. */
export function sinceLastText(m: { from: string; to: string; change: number } | null): string {
  if (!m) return "";
  const what = m.change > 0 ? `up ${m.change}` : m.change < 0 ? `down ${-m.change}` : "same";
  return `${what} (${m.from} to ${m.to})`;
}

function of(n: number, total: number): string {
  return `${n} of ${total}`;
}

/** Append the year block to a summary being built, people in the staff table's order (band, then name). */
export function yearBlock(b: SheetBuilder, r: SchoolRollup): void {
  const year = r.year;
  if (!year) return;
  const order: StaffEntry[] = [...r.staff].sort(
    (a, c) => (a.band ?? 99) - (c.band ?? 99) || a.name.localeCompare(c.name),
  );
  const cps = r.checkpoints;
  const heading = (text: string): number => {
    const row = b.row([text]);
    b.style(b.range(row, 0, row, Math.min(b.cols, YEAR_HEADERS.length) - 1), {
      bold: true,
      fill: HEADER_FILL,
    });
    return row;
  };
  const t = b.row([YEAR_TITLE]);
  b.style(b.cell(t, 0), { bold: true, fontSize: 12 });
  const c0 = b.nextRow;
  b.row(["Target set", of(year.withTarget, r.staff.length), "staff have a target level for the year"]);
  b.row([
    "Target reached",
    of(year.reachedTarget, year.withTarget),
    "of those with a target are at it or above it at their latest checkpoint",
  ]);
  b.row([
    "STAR projects ready",
    String(year.starReady.length),
    `have done STAR steps 1-${STAR_READY} and can share at SMART day (listed below)`,
  ]);
  b.style(b.range(c0, 0, b.nextRow - 1, 0), { bold: true });
  b.style(b.range(c0, 0, b.nextRow - 1, 1), { border: true });
  b.row();

  const m0 = heading("Movement");
  b.set(m0, 1, "Up");
  b.set(m0, 2, "Same");
  b.set(m0, 3, "Down");
  for (const m of year.movement) b.row([`${m.from} to ${m.to}`, m.up, m.same, m.down]);
  b.style(b.range(m0, 0, b.nextRow - 1, 3), { border: true });
  b.row(["Counts staff with a level at both checkpoints."]);
  b.row();

  const p0 = heading(YEAR_HEADERS[0]);
  YEAR_HEADERS.forEach((h, i) => b.set(p0, i, h));
  b.style(b.range(p0, 0, p0, YEAR_HEADERS.length - 1), { wrap: true, border: true });
  for (const s of order) {
    const latest = latestLevel(s.levels, cps);
    const gap = s.gap ?? null;
    const reviewed = cps.filter((cp) => s.reviewed?.[cp] === true);
    b.row([
      s.tab,
      s.name,
      latest?.level ?? null,
      sinceLastText(s.sinceLast ?? null),
      s.target ?? null,
      gap,
      gap === null ? "" : gap <= 0 ? "Yes" : "Not yet",
      s.star ?? 0,
      s.starTitle ?? "",
      s.objectivesSet ?? 0,
      reviewed.join(", "),
    ]);
  }
  if (order.length > 0) {
    b.style(b.range(p0 + 1, 0, b.nextRow - 1, YEAR_HEADERS.length - 1), { border: true, vAlign: "top" });
    const title = YEAR_HEADERS.indexOf("STAR project");
    b.style(b.range(p0 + 1, title, b.nextRow - 1, title), { wrap: true });
  }
  b.row();

  const s0 = b.row(["STAR projects ready to share at SMART day"]);
  b.style(b.cell(s0, 0), { bold: true });
  const h0 = heading("Name");
  b.set(h0, 1, "Staff tab");
  b.set(h0, 2, "STAR project");
  if (year.starReady.length === 0) b.row(["None yet."]);
  for (const x of year.starReady) b.row([x.name, x.tab, x.title ?? "(no title written)"]);
  b.style(b.range(h0, 0, b.nextRow - 1, 2), { border: true, wrap: true, vAlign: "top" });
  b.row();
}

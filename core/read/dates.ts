/**
 * Dates people type into a tab, as each host hands them to core: Excel's add-in gives the serial
 * number (days since 30 Dec 1899), Apps Script's adapter "yyyy-mm-dd", the .xlsx reader the text the
 * cell's format shows ("12/10/2026"), and a date typed into a text cell stays as typed ("12 Oct 2026").
 * Day/month order is the English one (dd/mm/yyyy), as in the schools this is for. Only used to put
 * STAR steps in order, so a date that cannot be read is reported, never guessed.
 */
import type { CellValue } from "../sheet.js";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** Excel serial 1 is 1 Jan 1900; serial 25569 is 1 Jan 1970. */
const EXCEL_EPOCH_OFFSET = 25569;

function utcDay(y: number, m: number, d: number): number | null {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2200) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCDate() !== d) return null; // 31/02
  return t / 86_400_000;
}

/**
 * Days since 1 Jan 1970 for a date cell, or null when it is not a date.
 * @example dayNumber("12/10/2026") === dayNumber("2026-10-12") && dayNumber("12 Oct 2026") === dayNumber(46307)
 */
export function dayNumber(v: CellValue | undefined): number | null {
  if (typeof v === "number") {
    // A serial between 1982 and 2119: anything else is not a date someone typed this century.
    return v >= 30000 && v < 80000 ? Math.floor(v) - EXCEL_EPOCH_OFFSET : null;
  }
  if (typeof v !== "string") return null;
  const s = v.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/.exec(s);
  if (m) return utcDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) return utcDay(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3)) + 1;
    return month > 0 ? utcDay(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

/** "12 Oct 2026" for a day number. */
export function dayText(day: number): string {
  const d = new Date(day * 86_400_000);
  const month = MONTHS[d.getUTCMonth()]!;
  return `${d.getUTCDate()} ${month[0]!.toUpperCase()}${month.slice(1)} ${d.getUTCFullYear()}`;
}

/**
 * Dates as a spreadsheet shows them: a date-formatted cell holds a serial number (days since 1900,
 * or 1904), and core wants the text a person sees ("12/09/2025"). Only the common date and time tokens of a
 * number format are understood; anything else falls back to ISO 8601, which is unambiguous.
 * It does not localise month names beyond English, nor handle elapsed-time formats like [h]:mm.
 */

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

/** formatDate(new Date(Date.UTC(2025, 8, 12)), "dd/mm/yyyy") === "12/09/2025" */
export function formatDate(d: Date, numFmt: string | undefined): string {
  if (Number.isNaN(d.getTime())) return "";
  const fmt = (numFmt ?? "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\(.)/g, "$1")
    .replace(/"([^"]*)"/g, "$1");
  if (!/[dmyhs]/i.test(fmt) || /[#0?]/.test(fmt)) return d.toISOString().slice(0, 10);
  const tokens = /yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|[^a-z]+|[a-z]/gi;
  const parts = fmt.match(tokens) ?? [];
  const twelve = /am\/pm/i.test(fmt);
  let afterHour = false;
  let out = "";
  for (const [i, tok] of parts.entries()) {
    const t = tok.toLowerCase();
    // "m" means minutes right after an hour or right before seconds, months otherwise.
    const nextIsSeconds = parts
      .slice(i + 1)
      .find((p) => /[a-z]/i.test(p))
      ?.toLowerCase()
      .startsWith("s");
    const minutes = (afterHour || nextIsSeconds === true) && (t === "m" || t === "mm");
    const hours = d.getUTCHours();
    if (t === "yyyy") out += pad(d.getUTCFullYear(), 4);
    else if (t === "yy") out += pad(d.getUTCFullYear() % 100);
    else if (minutes) out += t === "mm" ? pad(d.getUTCMinutes()) : String(d.getUTCMinutes());
    else if (t === "mmmm") out += MONTHS[d.getUTCMonth()]!;
    else if (t === "mmm") out += MONTHS[d.getUTCMonth()]!.slice(0, 3);
    else if (t === "mm") out += pad(d.getUTCMonth() + 1);
    else if (t === "m") out += String(d.getUTCMonth() + 1);
    else if (t === "dddd") out += DAYS[d.getUTCDay()]!;
    else if (t === "ddd") out += DAYS[d.getUTCDay()]!.slice(0, 3);
    else if (t === "dd") out += pad(d.getUTCDate());
    else if (t === "d") out += String(d.getUTCDate());
    else if (t === "hh" || t === "h") {
      const h = twelve ? ((hours + 11) % 12) + 1 : hours;
      out += t === "hh" ? pad(h) : String(h);
    } else if (t === "ss") out += pad(d.getUTCSeconds());
    else if (t === "s") out += String(d.getUTCSeconds());
    else if (t === "am/pm") out += hours < 12 ? "AM" : "PM";
    else out += tok;
    if (/[a-z]/i.test(t)) afterHour = t === "h" || t === "hh";
  }
  return out;
}

/** The moment an Excel serial number stands for (UTC), in the 1900 or the 1904 date system. */
export function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

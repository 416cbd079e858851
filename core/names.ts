/**
 * Tab names that every host accepts: Excel's rules are the strictest (at most 31 characters, none of
 * []:*?/\, no leading or trailing apostrophe, not "History", unique ignoring case), so a name legal
 * there is legal in Google Sheets and LibreOffice too. Names are made legal, never rejected: the tab
 * itself records whose it is (the Name cell), so a shortened name loses nothing.
 */

export const MAX_TAB_NAME = 31;
const ILLEGAL = /[[\]:*?/\\]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_TEST = /[\u0000-\u001f\u007f]/;

/** True when `name` is already a legal tab name (ignoring uniqueness). */
export function isLegalTabName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_TAB_NAME &&
    !/[[\]:*?/\\]/.test(name) &&
    !CONTROL_TEST.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.trim() === name &&
    name.toLowerCase() !== "history"
  );
}

/** Cut to at most `max` UTF-16 units without splitting a surrogate pair (emoji). */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out.trimEnd();
}

/**
 * Make `wanted` a legal tab name not in `taken` (compared ignoring case).
 * @example legalTabName("Smith: J/K", []) === "Smith- J-K"
 * @example legalTabName("Ann Lee", ["ann lee"]) === "Ann Lee (2)"
 */
export function legalTabName(wanted: string, taken: Iterable<string>, fallback = "Staff"): string {
  let base = wanted.replace(CONTROL, " ").replace(ILLEGAL, "-").replace(/\s+/g, " ").trim();
  base = base.replace(/^'+|'+$/g, "").trim();
  if (base.length === 0) base = fallback;
  if (base.toLowerCase() === "history") base = `${base} (tab)`;
  base = cut(base, MAX_TAB_NAME);
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = cut(base, MAX_TAB_NAME - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * The same person, ignoring case, spacing and Unicode form: how a staff list, the register, `new`
 * and the roll-up across files all decide that two names are one person.
 * @example personKey("  ann   LEE ") === personKey("Ann Lee")
 */
export function personKey(name: string): string {
  return name.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

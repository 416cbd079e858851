/**
 * Staff names that are formulas, injections, HTML or awkward text: one corpus that the core, the
 * command line and every host adapter's tests run through. [label, name as typed]; planCreate trims
 * the ends, so a leading tab or CR is dropped, nothing else.
 */
export const HOSTILE_NAMES: [string, string][] = [
  ["a HYPERLINK formula", '=HYPERLINK("http://x","y")'],
  ["a leading plus", "+1"],
  ["a leading minus", "-1+2"],
  ["a leading at-sign", "@SUM(A1)"],
  ["a leading tab before a formula", "\t=SUM(A1:A9)"],
  ["a leading carriage return before a formula", "\r=1+1"],
  ["an HTML event handler", "<img src=x onerror=alert(1)>"],
  ["a script element", "<script>alert(1)</script>"],
  ["300 characters", "Ann ".repeat(75).trim() + "x"],
  ["Arabic (right to left)", "مريم الحسن"],
  ["Hebrew (right to left)", "דוד כהן"],
  ["emoji with a skin tone and a joiner", "Zoë 👩🏽‍🏫 O'Brien"],
  ["a DDE payload", "=cmd|' /C calc'!A0"],
  ["an XML-looking string", "</t></si><f>1+1</f>"],
  ["a number with leading zeros", "007"],
  ["a date-looking name", "1/2/2026"],
  ["TRUE", "TRUE"],
  ["a leading apostrophe", "'Neill"],
];

/**
 * HTML helpers for the leadership report (issue 14): the report is built as strings in core (no
 * DOM), so every piece of workbook text (names, tabs, bands) goes through `esc` before it is placed
 * in markup or an attribute, and a hostile tab name renders as text.
 */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe for HTML element content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A table row of header or data cells, every cell escaped. */
export function row(cells: readonly (string | number)[], cell: "td" | "th" = "td"): string {
  return `<tr>${cells.map((c) => `<${cell}>${esc(String(c))}</${cell}>`).join("")}</tr>`;
}

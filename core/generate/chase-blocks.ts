/**
 * The leader's to-do list as blocks of the school summary tab (core/chase.ts decides what is on it):
 * a sentence saying what is left to do and which checkpoint is chased and why, then who has not
 * filled it in, which tabs have colouring errors (and where the first one is), and everyone grouped
 * by appraiser with their state in words.
 *
 * The Staff tab column holds each tab's exact name, and each name links to its tab where the host
 * can make such a link (.xlsx files and Excel; Google Sheets links go by sheet id, so there the name
 * is plain text and the panel's to-do list has the buttons). Rolled up across person files, the tabs
 * are in other files, so there are no links.
 * Every header is a fixed word list so people (and scripts) can find the blocks; none of them has
 * the staff table's Warnings column, so the trust roll-up never mistakes a block for the table.
 */
import { NO_APPRAISER, chaseSentence, type ChaseList, type ChasePerson } from "../chase.js";
import { HEADER_FILL, type SheetBuilder } from "./builder.js";

/** Append the to-do blocks (one header style per block, whatever the number of staff). */
export function chaseBlocks(b: SheetBuilder, c: ChaseList): void {
  const header = (values: string[]): void => {
    const r = b.row(values);
    b.style(b.range(r, 0, r, values.length - 1), { bold: true, fill: HEADER_FILL });
  };
  const todo =
    chaseSentence(c) ??
    `Nothing to chase: everyone has filled in ${c.checkpoint} and no tab has colouring errors.`;
  // One unmerged row (the text runs on over the empty cells to its right): a merge would cost each
  // host a call per roll-up.
  const t = b.row([`To do: ${todo} The to-do list chases ${c.checkpoint}. ${c.reason}`]);
  b.style(b.cell(t, 0), { bold: true });

  header([`Not filled in ${c.checkpoint} yet`, "Staff tab", "Name", "Appraiser"]);
  if (c.notFilledIn.length === 0) b.row(["", `Everyone has filled in ${c.checkpoint}.`]);
  // A tab in another file (one file per person) is not in this workbook: no link to follow there.
  const linked = (r: number, p: ChasePerson, at?: string): void => {
    if (p.file !== undefined) return;
    (b.spec.links ??= []).push({ cell: b.cell(r, 1), tab: p.tab, ...(at !== undefined ? { at } : {}) });
  };
  for (const p of c.notFilledIn) linked(b.row(["", p.tab, p.name, p.appraiser || NO_APPRAISER]), p);
  b.row();

  header(["Colouring errors", "Staff tab", "Name", "Appraiser", "Errors", "First error at"]);
  if (c.withErrors.length === 0) b.row(["", "No staff tab has colouring errors."]);
  for (const p of c.withErrors)
    linked(b.row(["", p.tab, p.name, p.appraiser || NO_APPRAISER, p.errors, p.cell]), p, p.cell);
  b.row();

  header(["By appraiser", "Staff tab", "Name", "State"]);
  for (const g of c.byAppraiser)
    g.people.forEach((p, i) => linked(b.row([i === 0 ? g.appraiser : "", p.tab, p.name, p.text]), p));
  b.row();
}

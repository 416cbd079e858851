/**
 * Replacing the roll-up's own tabs (school summary, grade-band chart, trust summary) so that a
 * failure at any call leaves a whole one standing: the new tabs are built completely under temporary
 * names, and only then is each old tab deleted and its new one renamed into place. Staff tabs are
 * never written. All of it runs under the document lock, so two roll-ups never interleave.
 *
 * If the execution dies part-way, what is left is: the old tabs untouched (new ones half-built
 * under a temporary name), or a whole new tab under a temporary name. The next run deletes every tab
 * with the temporary prefix along with the old tabs, after its own new tabs are whole.
 *
 * Only tabs made in this spreadsheet are replaced: their marker cell names this spreadsheet's id (or,
 * from older versions, their marker is developer metadata, which copies never carry). A school
 * summary copied in from another file (say into a trust file) keeps its marker cell but names the
 * other file, so a roll-up here leaves it alone.
 */
import { LadderError } from "../core/errors.js";
import { legalTabName } from "../core/names.js";
import { parseMarker, type SheetSpec, type TabRole } from "../core/sheet.js";
import type { TabRef } from "./adapter.js";
import type { GLockService, GSheet, GSpreadsheet, GSpreadsheetApp } from "./ports.js";
import { writeSheet } from "./write.js";

/** Tabs being built carry this prefix until they are renamed into place. */
export const TEMP_PREFIX = "ladder-sheets building ";
const LOCK_WAIT_MS = 20_000;

export function isTempTab(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}

/**
 * Run `fn` holding the document lock; throw a message for the person when another run holds it.
 * The lock is released however `fn` ends (Apps Script also releases it when the execution ends).
 */
export function withDocumentLock<T>(app: GSpreadsheetApp, locks: GLockService, fn: () => T): T {
  const lock = locks.getDocumentLock();
  if (!lock)
    throw new LadderError(
      "host-failed",
      "This spreadsheet cannot be locked: open the add-on from the spreadsheet.",
    );
  if (!lock.tryLock(LOCK_WAIT_MS))
    throw new LadderError(
      "host-failed",
      "Someone else is creating tabs or rolling up in this spreadsheet right now: try again in a minute.",
    );
  try {
    const result = fn();
    app.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}

/**
 * Write `specs` in place of the tabs carrying their marker roles (and of any temporary leftovers).
 * Returns the final tab names, in spec order.
 * @example replaceOwnTabs(app, ss, listTabs(ss), plan.sheets)
 */
export function replaceOwnTabs(
  app: GSpreadsheetApp,
  ss: GSpreadsheet,
  tabs: readonly TabRef[],
  specs: readonly SheetSpec[],
): string[] {
  const bookId = ss.getId();
  const roleOf = (t: TabRef): TabRole | undefined => parseMarker(t.marker)?.role;
  const ours = (t: TabRef): boolean => t.book === "metadata" || t.book === bookId;
  const old = (role: TabRole | undefined): TabRef[] =>
    tabs.filter((t) => !isTempTab(t.name) && role !== undefined && roleOf(t) === role && ours(t));
  const leftovers = tabs.filter((t) => isTempTab(t.name));

  // 1. Build every new tab whole, each just before the tab it replaces (or at the end).
  const order = tabs.map((t) => t.name);
  const taken = new Set(order.map((n) => n.toLowerCase()));
  const built: { sheet: GSheet; spec: SheetSpec }[] = [];
  for (const spec of specs) {
    let temp = `${TEMP_PREFIX}${spec.name}`;
    for (let n = 2; taken.has(temp.toLowerCase()); n++) temp = `${TEMP_PREFIX}${spec.name} ${n}`;
    taken.add(temp.toLowerCase());
    const before = old(spec.marker?.role)[0];
    const index = before ? order.indexOf(before.name) : order.length;
    built.push({ sheet: writeSheet(app, ss, spec, index, temp, { bookId }), spec });
    order.splice(index, 0, temp);
  }

  // 2. Swap: delete each old tab, then rename its replacement into place.
  const gone = new Set<string>();
  const names: string[] = [];
  for (const { sheet, spec } of built) {
    for (const t of old(spec.marker?.role)) {
      if (gone.has(t.name)) continue;
      ss.deleteSheet(t.sheet);
      gone.add(t.name);
    }
    const remaining = order.filter((n) => !gone.has(n) && !isTempTab(n) && !names.includes(n));
    const name = legalTabName(spec.name, [...remaining, ...names]);
    sheet.setName(name);
    names.push(name);
  }

  // 3. Tidy what an earlier interrupted run left behind.
  for (const t of leftovers) ss.deleteSheet(t.sheet);
  return names;
}

/**
 * Rewrites workbook.xml for a new list of tabs, keeping every other record as written: the
 * existing <sheet> elements go back verbatim (sheetId, state, r:id and any attribute a writer
 * added), defined names stay (a name scoped to a tab that is taken out goes with it; the others'
 * localSheetId follows its tab to its new position), and the window's active and first tab
 * follow the tab they pointed at, so inserting our tabs first never selects two tabs at once
 * (the tab a person left active keeps tabSelected in its own, untouched, XML).
 */
import { REL_NS, MAIN_NS } from "./ns.js";
import { END, OPEN, XmlScanner } from "./xml.js";

export interface WorkbookPrefixes {
  /** Prefix for SpreadsheetML elements ("" or "x:"). */
  main: string;
  /** Prefix bound to the relationships namespace on the root ("r:"), or null when none is. */
  rel: string | null;
  /** The first window's activeTab and firstSheet (0 when absent). */
  activeTab: number;
  firstSheet: number;
}

/** What a new <sheet> element needs to know about the workbook part, and its window. */
export function workbookFacts(xml: string): WorkbookPrefixes {
  const s = new XmlScanner(xml);
  const facts: WorkbookPrefixes = { main: "", rel: null, activeTab: 0, firstSheet: 0 };
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t !== OPEN) continue;
    if (s.depth === 1) {
      facts.main = s.prefix && MAIN_NS.has(s.uri() ?? "") ? `${s.prefix}:` : "";
      for (const [name, value] of s.attrs())
        if (name.startsWith("xmlns:") && REL_NS.has(value)) facts.rel = `${name.slice(6)}:`;
    } else if (s.depth === 3 && s.local === "workbookView") {
      facts.activeTab = Number(s.attr("activeTab") ?? 0) || 0;
      facts.firstSheet = Number(s.attr("firstSheet") ?? 0) || 0;
      break;
    }
  }
  return facts;
}

export interface WorkbookPlan {
  /** The <sheet> elements in their new order. */
  sheets: readonly string[];
  /** An original tab's new position, or -1 when it was taken out. */
  remap: (oldIndex: number) => number;
  /** The new active tab. */
  active: number;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function setAttr(tag: string, name: string, value: number): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)(["'])[^"']*\\2`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

/** workbook.xml with the new sheet list, defined names and window. */
export function editWorkbookXml(xml: string, plan: WorkbookPlan, mainPrefix: string): string {
  const s = new XmlScanner(xml);
  const edits: Edit[] = [];
  let sawBookViews = false;
  let firstView = true;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t !== OPEN) continue;
    if (s.depth === 2 && s.local === "sheets") {
      const start = s.start;
      const open = xml.slice(s.start, s.end);
      const self = s.selfClosing;
      const end = self ? s.end : s.skip();
      const tag = `${mainPrefix}sheets`;
      const head = self ? open.replace(/\s*\/>$/, ">") : open;
      if (!sawBookViews && plan.active !== 0)
        edits.push({
          start,
          end: start,
          text: `<${mainPrefix}bookViews><${mainPrefix}workbookView activeTab="${plan.active}"/></${mainPrefix}bookViews>`,
        });
      edits.push({ start, end, text: `${head}${plan.sheets.join("")}</${tag}>` });
    } else if (s.depth === 2 && s.local === "bookViews") {
      sawBookViews = true;
    } else if (s.depth === 3 && s.local === "workbookView") {
      let tag = xml.slice(s.start, s.end);
      const oldActive = Number(s.attr("activeTab") ?? 0) || 0;
      const oldFirst = Number(s.attr("firstSheet") ?? 0) || 0;
      const active = firstView ? plan.active : Math.max(0, plan.remap(oldActive));
      const first = Math.min(Math.max(0, plan.remap(oldFirst)), active);
      if (active !== oldActive || s.attr("activeTab") !== undefined) tag = setAttr(tag, "activeTab", active);
      if (s.attr("firstSheet") !== undefined && first !== oldFirst) tag = setAttr(tag, "firstSheet", first);
      edits.push({ start: s.start, end: s.end, text: tag });
      firstView = false;
    } else if (s.depth === 3 && s.local === "definedName") {
      const local = s.attr("localSheetId");
      const start = s.start;
      const tagEnd = s.end;
      const tag = xml.slice(start, tagEnd);
      const end = s.selfClosing ? s.end : s.skip();
      if (local === undefined) continue;
      const moved = plan.remap(Number(local));
      if (moved < 0) edits.push({ start, end, text: "" });
      else if (moved !== Number(local))
        edits.push({ start, end: tagEnd, text: setAttr(tag, "localSheetId", moved) });
    }
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let pos = 0;
  for (const e of edits) {
    out += xml.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + xml.slice(pos);
}

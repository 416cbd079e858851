/**
 * Applies a Book's plan to a copy of its package: takes out the removed tabs with every part only
 * they reached (their rels, comments, drawings, charts, tables...), writes the new tabs with
 * their own parts, and makes the few workbook-level edits that needs (workbook.xml and its
 * relationships, [Content_Types].xml, styles.xml appended to, calcChain.xml). Every other part is
 * left as it came, so the zip writer copies it raw.
 *
 * Which parts a removed tab took with it is decided by reachability, as OPC defines a package:
 * after the tab's relationship is gone, a part that no relationship from the package root leads to
 * any more, and that the tab's own relationships reached, goes. A part shared with the rest of the
 * workbook (a pivot cache, an image another drawing uses) stays. Parts that were unreachable
 * before (some writers leave orphans) are not ours to tidy and stay too.
 */
import type { SheetSpec } from "../core/sheet.js";
import { skeleton } from "./book.js";
import type { Book } from "./tabs.js";
import { openWorkbook } from "./workbook.js";
import { FFLATE } from "./zip.js";
import { chartXml, drawingXml } from "./chart.js";
import { CT, REL } from "./ns.js";
import { folderOf, Package, relativeTarget, relKind, relsName } from "./package.js";
import { editCalcChain, editContentTypes, editRels, freeRelId, relsXml, type NewRel } from "./part-edit.js";
import { commentsXml, SHEET_REL, sheetXml, vmlXml } from "./sheet-write.js";
import { DEFAULT_STYLES, StyleSink } from "./style-sink.js";
import { editWorkbookXml, workbookFacts } from "./workbook-edit.js";
import { escapeAttr } from "./xml.js";
import { parseRange } from "../core/a1.js";

/** Parts reachable from the package root, following every internal relationship. */
function reachable(pkg: Package, relsOf: (part: string) => { part: string | null }[]): Set<string> {
  const seen = new Set<string>();
  const queue = [""];
  while (queue.length > 0) {
    const part = queue.pop()!;
    for (const r of relsOf(part)) {
      if (r.part === null) continue;
      const key = r.part.toLowerCase();
      if (seen.has(key) || !pkg.has(r.part)) continue;
      seen.add(key);
      queue.push(r.part);
    }
  }
  return seen;
}

/** The fill each cell ends up with, from the spec's styles (later styles win), for chart colours. */
function fillGrid(spec: SheetSpec): (string | null)[][] {
  const grid: (string | null)[][] = [];
  for (const s of spec.styles) {
    if (s.fill === undefined) continue;
    const r = parseRange(s.range);
    for (let row = r.row; row < r.row + r.rows; row++)
      for (let col = r.col; col < r.col + r.cols; col++) (grid[row] ??= [])[col] = s.fill;
  }
  return Array.from(grid, (row) => Array.from(row ?? [], (f) => f ?? null));
}

class Names {
  private readonly taken = new Set<string>();
  constructor(private readonly pkg: Package) {}
  /** The first free "<stem><n><ext>" part name. */
  next(stem: string, ext: string): string {
    for (let n = 1; ; n++) {
      const name = `${stem}${n}${ext}`;
      if (!this.pkg.has(name) && !this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }
}

/** VML shape-id blocks other drawings use (o:idmap data="1,2"), so ours get their own. */
function usedVmlBlocks(pkg: Package): Set<number> {
  const used = new Set<number>();
  for (const part of pkg.parts()) {
    if (!part.toLowerCase().endsWith(".vml")) continue;
    const idmap = /<o:idmap\b[^>]*\bdata="([^"]*)"/.exec(pkg.text(part) ?? "");
    for (const n of (idmap?.[1] ?? "").split(",")) if (/^\d+$/.test(n.trim())) used.add(Number(n));
  }
  return used;
}

/**
 * The workbook as .xlsx bytes. Parts nobody changed are copied from the original zip as they were;
 * a new workbook's parts are made here.
 */
export function bookBytes(book: Book, now = new Date()): Uint8Array {
  return applyEdits(book, now).toBytes(now);
}

function applyEdits(book: Book, now: Date): Package {
  const base = book.pkg ?? skeleton(book.label, book.codec ?? FFLATE, now, book.title);
  const view = book.view ?? openWorkbook(base);
  const pkg = base.clone();
  const wb = view.part;
  const wbRels = pkg.rels(wb);
  const removedIds = new Set(book.removed.map((e) => e.relId));
  const removedSheetIds = new Set(book.removed.map((e) => e.sheetId));
  const dropTypes = new Set<string>();
  const addTypes: { part: string; type: string }[] = [];

  // 1. Take out removed tabs and every part only they reached.
  if (book.removed.length > 0) {
    const relsOf = (part: string) =>
      part.toLowerCase() === wb.toLowerCase() ? wbRels.filter((r) => !removedIds.has(r.id)) : pkg.rels(part);
    const before = reachable(pkg, (p) => pkg.rels(p));
    const after = reachable(pkg, relsOf);
    for (const key of before) {
      if (after.has(key)) continue;
      const name = pkg.nameOf(key)!;
      pkg.remove(relsName(name));
      pkg.remove(name);
      dropTypes.add(key);
    }
    const calc = wbRels.find((r) => relKind(r.type) === "calcChain" && r.part !== null && pkg.has(r.part));
    if (calc?.part) {
      const edited = editCalcChain(pkg.text(calc.part) ?? "", removedSheetIds);
      if (edited === null) {
        pkg.remove(calc.part);
        removedIds.add(calc.id);
        dropTypes.add(calc.part.toLowerCase());
      } else pkg.set(calc.part, edited);
    }
  }

  // 2. Write the new tabs.
  const names = new Names(pkg);
  const folder = folderOf(wb);
  const stylesRel = wbRels.find((r) => relKind(r.type) === "styles" && r.part !== null);
  const stylesPart = stylesRel?.part && pkg.has(stylesRel.part) ? stylesRel.part : null;
  const sink = new StyleSink(stylesPart ? (pkg.text(stylesPart) ?? DEFAULT_STYLES) : DEFAULT_STYLES);
  const facts = workbookFacts(pkg.text(wb) ?? "");
  const taken = new Set(wbRels.map((r) => r.id));
  const newRels: NewRel[] = [];
  let nextSheetId = Math.max(0, ...view.sheets.map((s) => s.sheetId)) + 1;
  const remapTable = view.sheets.map((e) => book.tabs.findIndex((t) => t.entry === e));
  const remap = (i: number): number => remapTable[i] ?? -1;
  let active = remap(facts.activeTab);
  if (active < 0) {
    const firstNew = book.tabs.findIndex((t) => t.spec !== null);
    active = firstNew >= 0 ? firstNew : 0;
  }
  let vmlBlocks: Set<number> | null = null;
  const vmlBlock = (): number => {
    vmlBlocks ??= usedVmlBlocks(pkg);
    let n = 1;
    while (vmlBlocks.has(n)) n++;
    vmlBlocks.add(n);
    return n;
  };
  const sheetElements = book.tabs.map((tab, position) => {
    if (tab.entry) return tab.entry.xml;
    const spec = tab.spec!;
    const part = names.next(`${folder}worksheets/sheet`, ".xml");
    const sheetRels: NewRel[] = [];
    if (spec.notes.length > 0) {
      const comments = names.next(`${folder}comments`, ".xml");
      const vml = names.next(`${folder}drawings/vmlDrawing`, ".vml");
      pkg.set(comments, commentsXml(spec.notes));
      pkg.set(vml, vmlXml(spec.notes, vmlBlock()));
      sheetRels.push({ id: SHEET_REL.comments, type: REL.comments, target: relativeTarget(part, comments) });
      sheetRels.push({ id: SHEET_REL.vml, type: REL.vmlDrawing, target: relativeTarget(part, vml) });
      addTypes.push({ part: comments, type: CT.comments }, { part: vml, type: CT.vmlDrawing });
    }
    if (spec.charts.length > 0) {
      const drawing = names.next(`${folder}drawings/drawing`, ".xml");
      const fills = fillGrid(spec);
      const anchors = spec.charts.map((chart, i) => {
        const chartPart = names.next(`${folder}charts/chart`, ".xml");
        pkg.set(chartPart, chartXml({ sheetName: tab.name, spec: chart, values: spec.values, fills }));
        addTypes.push({ part: chartPart, type: CT.chart });
        return {
          rel: { id: `rId${i + 1}`, type: REL.chart, target: relativeTarget(drawing, chartPart) },
          anchor: {
            p: { sheetName: tab.name, spec: chart, values: spec.values, fills },
            relId: `rId${i + 1}`,
            id: i + 2,
          },
        };
      });
      pkg.set(drawing, drawingXml(anchors.map((a) => a.anchor)));
      pkg.set(relsName(drawing), relsXml(anchors.map((a) => a.rel)));
      addTypes.push({ part: drawing, type: CT.drawing });
      sheetRels.push({ id: SHEET_REL.drawing, type: REL.drawing, target: relativeTarget(part, drawing) });
    }
    pkg.set(part, sheetXml({ ...spec, name: tab.name }, sink, { selected: position === active }));
    if (sheetRels.length > 0) pkg.set(relsName(part), relsXml(sheetRels));
    addTypes.push({ part, type: CT.worksheet });
    const id = freeRelId(taken);
    newRels.push({ id, type: REL.worksheet, target: relativeTarget(wb, part) });
    const r = facts.rel ?? "r:";
    const ns = facts.rel
      ? ""
      : ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
    return `<${facts.main}sheet name="${escapeAttr(tab.name)}" sheetId="${nextSheetId++}"${ns} ${r}id="${id}"/>`;
  });

  // 3. Workbook-level parts.
  if (sink.changed) {
    if (stylesPart) pkg.set(stylesPart, sink.toXml());
    else {
      const part = names.next(`${folder}styles`, ".xml");
      pkg.set(part, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + sink.toXml());
      newRels.push({ id: freeRelId(taken), type: REL.styles, target: relativeTarget(wb, part) });
      addTypes.push({ part, type: CT.styles });
    }
  }
  const changedOrder =
    book.removed.length > 0 || book.tabs.some((t, i) => t.spec !== null || t.entry !== view.sheets[i]);
  if (changedOrder)
    pkg.set(wb, editWorkbookXml(pkg.text(wb) ?? "", { sheets: sheetElements, remap, active }, facts.main));
  if (removedIds.size > 0 || newRels.length > 0)
    pkg.set(relsName(wb), editRels(pkg.text(relsName(wb)) ?? relsXml([]), removedIds, newRels));
  if (dropTypes.size > 0 || addTypes.length > 0) {
    const types = pkg.text("[Content_Types].xml");
    if (types !== undefined)
      pkg.set(pkg.nameOf("[Content_Types].xml")!, editContentTypes(types, dropTypes, addTypes));
  }
  return pkg;
}

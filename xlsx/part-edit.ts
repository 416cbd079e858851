/**
 * Edits to the small package-level parts that adding or removing a tab must touch: a relationships
 * part, [Content_Types].xml and the calculation chain. Each edit takes out or appends whole
 * elements and keeps every other byte of the part as it was (declarations, prefixes, order, the
 * writer's own spacing), so each record a file held stays in place.
 */
import { CLOSE, END, OPEN, XmlScanner, escapeAttr } from "./xml.js";

interface Span {
  start: number;
  end: number;
}

/** Cut spans out of a text and insert `tail` before offset `at`. */
function splice(xml: string, cuts: readonly Span[], at: number, tail: string): string {
  const sorted = [...cuts].sort((a, b) => a.start - b.start);
  let out = "";
  let pos = 0;
  let inserted = tail === "";
  for (const cut of sorted) {
    if (!inserted && at <= cut.start) {
      out += xml.slice(pos, at) + tail;
      pos = at;
      inserted = true;
    }
    out += xml.slice(pos, cut.start);
    pos = cut.end;
  }
  if (!inserted) {
    out += xml.slice(pos, at) + tail;
    pos = at;
  }
  return out + xml.slice(pos);
}

/**
 * The root's children of one local name, with their spans; the root's prefix; where its end tag
 * starts (or, for a self-closing root, the span of the whole tag).
 */
function children(
  xml: string,
  local: string,
  visit: (s: XmlScanner) => boolean,
): { cuts: Span[]; prefix: string; rootEnd: number; selfClosingRoot: Span | null } {
  const s = new XmlScanner(xml);
  const cuts: Span[] = [];
  let prefix = "";
  let rootEnd = xml.length;
  let selfClosingRoot: Span | null = null;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === OPEN && s.depth === 1) {
      prefix = s.prefix ? `${s.prefix}:` : "";
      if (s.selfClosing) selfClosingRoot = { start: s.start, end: s.end };
    } else if (t === OPEN && s.depth === 2 && s.local === local) {
      const start = s.start;
      const drop = visit(s);
      const end = s.selfClosing ? s.end : s.skip();
      if (drop) cuts.push({ start, end });
    } else if (t === CLOSE && s.depth === 1) rootEnd = s.start;
  }
  return { cuts, prefix, rootEnd, selfClosingRoot };
}

/** Append elements to a root that may be self-closing (<Relationships/>). */
function appendTo(xml: string, edit: ReturnType<typeof children>, add: string): string {
  if (add === "" && edit.cuts.length === 0) return xml;
  if (edit.selfClosingRoot) {
    const tag = xml.slice(edit.selfClosingRoot.start, edit.selfClosingRoot.end);
    const name = /^<([^\s/>]+)/.exec(tag)![1]!;
    return (
      xml.slice(0, edit.selfClosingRoot.start) +
      tag.replace(/\s*\/>$/, ">") +
      add +
      `</${name}>` +
      xml.slice(edit.selfClosingRoot.end)
    );
  }
  return splice(xml, edit.cuts, edit.rootEnd, add);
}

export interface NewRel {
  id: string;
  type: string;
  target: string;
}

/** A relationships part without the relationships `dropIds`, and with `add` appended. */
export function editRels(xml: string, dropIds: ReadonlySet<string>, add: readonly NewRel[]): string {
  const edit = children(xml, "Relationship", (s) => dropIds.has(s.attr("Id") ?? ""));
  const p = edit.prefix;
  const tail = add
    .map(
      (r) =>
        `<${p}Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`,
    )
    .join("");
  return appendTo(xml, edit, tail);
}

/** A new relationships part. */
export function relsXml(rels: readonly NewRel[]): string {
  return editRels(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
    new Set(),
    rels,
  );
}

/** A relationship id not in `taken` ("rId7"), which is then taken. */
export function freeRelId(taken: Set<string>): string {
  let k = taken.size + 1;
  while (taken.has(`rId${k}`)) k++;
  const id = `rId${k}`;
  taken.add(id);
  return id;
}

/**
 * [Content_Types].xml without the Overrides of `dropParts` (part names, any case, no leading
 * slash) and with an Override appended per new part.
 */
export function editContentTypes(
  xml: string,
  dropParts: ReadonlySet<string>,
  add: readonly { part: string; type: string }[],
): string {
  const edit = children(xml, "Override", (s) => {
    const name = (s.attr("PartName") ?? "").replace(/^\//, "").toLowerCase();
    return dropParts.has(name);
  });
  const p = edit.prefix;
  const tail = add
    .map((a) => `<${p}Override PartName="/${escapeAttr(a.part)}" ContentType="${escapeAttr(a.type)}"/>`)
    .join("");
  return appendTo(xml, edit, tail);
}

/**
 * The calculation chain without the cells of removed sheets (by sheetId), or null when nothing is
 * left (an empty chain is not allowed: the part goes). An entry without i= belongs to the sheet of
 * the entry before it, so a kept entry that followed dropped ones gets its own i=.
 */
export function editCalcChain(xml: string, removedSheetIds: ReadonlySet<number>): string | null {
  const s = new XmlScanner(xml);
  let out = "";
  let pos = 0;
  let current = 0;
  let lastKept: number | null = null;
  let kept = 0;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t !== OPEN || s.depth !== 2 || s.local !== "c") continue;
    const start = s.start;
    const tagEnd = s.end;
    const i = s.attr("i");
    if (i !== undefined) current = Number(i);
    const end = s.selfClosing ? s.end : s.skip();
    if (removedSheetIds.has(current)) {
      out += xml.slice(pos, start);
      pos = end;
      continue;
    }
    kept++;
    if (i === undefined && lastKept !== current && current > 0) {
      out += xml.slice(pos, start) + xml.slice(start, tagEnd).replace(/^(<[^\s/>]+)/, `$1 i="${current}"`);
      pos = tagEnd;
    }
    lastKept = current;
  }
  return kept === 0 ? null : out + xml.slice(pos);
}

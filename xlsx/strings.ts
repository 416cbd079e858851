/**
 * Text as SpreadsheetML stores it: the shared-strings table and inline strings. A string item is
 * plain text (<t>) or rich text (runs <r><t>, whose formatting we do not need: a cell reads as the
 * text a person sees). Phonetic guides (<rPh>, Japanese reading aids) are not part of the text.
 * Excel escapes characters XML cannot hold as _xHHHH_ (a carriage return is _x000D_); those are
 * decoded, and a literal "_x" sequence is written by Excel as _x005F_x... and decoded to it.
 */
import { MAIN_NS } from "./ns.js";
import { CLOSE, END, OPEN, TEXT, XmlScanner } from "./xml.js";

const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;

/** Decode Excel's _xHHHH_ escapes. */
export function unescapeExcel(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * From the start tag of a string item (<si>, or a cell's <is>), its text; the scanner ends on the
 * item's end tag. Rich runs are joined; phonetic runs are skipped.
 */
export function readStringItem(s: XmlScanner): string {
  const depth = s.depth;
  let out = "";
  let inT = 0;
  let skipDepth = 0;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === OPEN) {
      if (skipDepth === 0 && s.local === "rPh") skipDepth = s.depth;
      else if (skipDepth === 0 && s.local === "t") inT = s.depth;
    } else if (t === TEXT) {
      if (inT > 0) out += s.text();
    } else if (t === CLOSE) {
      if (s.depth === depth) break;
      if (s.depth === skipDepth) skipDepth = 0;
      else if (s.depth === inT) inT = 0;
    }
  }
  return unescapeExcel(out);
}

/** Every string of a shared-strings part, by index. */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const s = new XmlScanner(xml);
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t !== OPEN || s.local !== "si") continue;
    const uri = s.uri();
    if (uri !== undefined && !MAIN_NS.has(uri)) continue;
    out.push(readStringItem(s));
  }
  return out;
}

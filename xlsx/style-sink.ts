/**
 * Adds the cell formats our tabs need to a workbook's styles part without disturbing what is
 * there: every existing number format, font, fill, border, cell format (xf) and differential
 * format (dxf) keeps its index, so the user's cells keep their look; ours are appended after them.
 * A format already present in exactly the form we write (say from the previous roll-up) is reused,
 * so refreshing the summary again and again does not grow the file.
 *
 * The text outside the appended elements is kept byte for byte (only the sections' count
 * attributes change); sections a file lacks (many have no <dxfs> or <numFmts>) are inserted where
 * the schema orders them. Elements are written with the prefix the file uses for SpreadsheetML.
 */
import type { Style } from "../core/sheet.js";
import { escapeAttr } from "./xml.js";
import { MAIN_NS, NS_MAIN } from "./ns.js";
import { CLOSE, END, OPEN, XmlScanner } from "./xml.js";

/** The stylesheet's sections in schema order (CT_Stylesheet). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;
type Managed = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs";
const MANAGED: readonly Managed[] = ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"];
interface Section {
  /** Offsets of the start tag, and of the end tag (equal to openEnd's tag for a self-closing one). */
  openStart: number;
  openEnd: number;
  closeStart: number;
  selfClosing: boolean;
  children: string[];
}

/** A stylesheet with the defaults every spreadsheet program expects (font 0, fills 0-1, xf 0). */
export const DEFAULT_STYLES =
  `<styleSheet xmlns="${NS_MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/><tableStyles count="0"/></styleSheet>`;

const THIN_GREY = "FFBFBFBF";

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

export class StyleSink {
  private readonly sections = new Map<string, Section>();
  private readonly added: Record<Managed, string[]> = {
    numFmts: [],
    fonts: [],
    fills: [],
    borders: [],
    cellXfs: [],
    dxfs: [],
  };
  private readonly index: Record<Managed, Map<string, number>> = {
    numFmts: new Map(),
    fonts: new Map(),
    fills: new Map(),
    borders: new Map(),
    cellXfs: new Map(),
    dxfs: new Map(),
  };
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmt = 164;
  private hasStyleXf = false;
  private rootClose = -1;
  private p = "";
  private readonly xfMemo = new Map<string, number>();

  /** `xml` is the styles part's text (DEFAULT_STYLES for a workbook that has none). */
  constructor(private readonly xml: string) {
    const s = new XmlScanner(xml);
    let section: Section | null = null;
    let sectionName = "";
    let childStart = -1;
    for (let t = s.next(); t !== END; t = s.next()) {
      if (t === OPEN) {
        if (s.depth === 1) {
          if (MAIN_NS.has(s.uri() ?? "")) this.p = s.prefix ? `${s.prefix}:` : "";
        } else if (s.depth === 2) {
          sectionName = s.local;
          section = {
            openStart: s.start,
            openEnd: s.end,
            closeStart: s.end,
            selfClosing: s.selfClosing,
            children: [],
          };
          if (!this.sections.has(sectionName)) this.sections.set(sectionName, section);
        } else if (s.depth === 3) {
          childStart = s.start;
          if (sectionName === "numFmts" && s.local === "numFmt") {
            const id = Number(s.attr("numFmtId"));
            this.numFmtIds.set(s.attr("formatCode") ?? "", id);
            if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
          }
          if (sectionName === "cellStyleXfs" && s.local === "xf") this.hasStyleXf = true;
        }
      } else if (t === CLOSE) {
        if (s.depth === 3 && section && childStart >= 0) {
          section.children.push(xml.slice(childStart, s.end));
          childStart = -1;
        } else if (s.depth === 2 && section) {
          section.closeStart = s.selfClosing ? section.closeStart : s.start;
          section = null;
        } else if (s.depth === 1) this.rootClose = s.start;
      }
    }
    for (const name of MANAGED) {
      const sec = this.sections.get(name);
      sec?.children.forEach((raw, i) => {
        if (!this.index[name].has(raw)) this.index[name].set(raw, i);
      });
    }
  }

  private count(name: Managed): number {
    return (this.sections.get(name)?.children.length ?? 0) + this.added[name].length;
  }

  /** The index of an element in its section, appending it when it is not there yet. */
  private intern(name: Managed, raw: string): number {
    const found = this.index[name].get(raw);
    if (found !== undefined) return found;
    const i = this.count(name);
    this.added[name].push(raw);
    this.index[name].set(raw, i);
    return i;
  }

  private numFmtId(code: string): number {
    const found = this.numFmtIds.get(code);
    if (found !== undefined) return found;
    const id = this.nextNumFmt++;
    this.numFmtIds.set(code, id);
    this.intern("numFmts", `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** The cell format index (s="...") for a style: font, fill, border, alignment, number format. */
  xf(style: Omit<Style, "range">): number {
    const key = JSON.stringify(style);
    const memo = this.xfMemo.get(key);
    if (memo !== undefined) return memo;
    const p = this.p;
    const font =
      `<${p}font>${style.bold ? `<${p}b/>` : ""}${style.italic ? `<${p}i/>` : ""}` +
      `<${p}sz val="${style.fontSize ?? 11}"/>` +
      (style.fontColor ? `<${p}color rgb="${argb(style.fontColor)}"/>` : "") +
      `<${p}name val="Calibri"/><${p}family val="2"/></${p}font>`;
    const fontId = this.intern("fonts", font);
    const fillId = style.fill
      ? this.intern(
          "fills",
          `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(style.fill)}"/>` +
            `<${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
        )
      : 0;
    const side = (edge: string): string =>
      `<${p}${edge} style="thin"><${p}color rgb="${THIN_GREY}"/></${p}${edge}>`;
    const borderId = style.border
      ? this.intern(
          "borders",
          `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`,
        )
      : 0;
    const numFmtId = style.numberFormat ? this.numFmtId(style.numberFormat) : 0;
    const align: string[] = [];
    if (style.hAlign) align.push(`horizontal="${style.hAlign}"`);
    if (style.vAlign) align.push(`vertical="${style.vAlign === "middle" ? "center" : style.vAlign}"`);
    if (style.wrap !== undefined) align.push(`wrapText="${style.wrap ? 1 : 0}"`);
    const applies =
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (align.length > 0 ? ' applyAlignment="1"' : "");
    const xf =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"` +
      `${this.hasStyleXf ? ' xfId="0"' : ""}${applies}` +
      (align.length > 0 ? `><${p}alignment ${align.join(" ")}/></${p}xf>` : "/>");
    const id = this.intern("cellXfs", xf);
    this.xfMemo.set(key, id);
    return id;
  }

  /** A differential format (for a conditional format): a solid fill and optionally a font colour. */
  dxf(fill: string, fontColor?: string): number {
    const p = this.p;
    const font = fontColor ? `<${p}font><${p}color rgb="${argb(fontColor)}"/></${p}font>` : "";
    return this.intern(
      "dxfs",
      `<${p}dxf>${font}<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(fill)}"/>` +
        `</${p}patternFill></${p}fill></${p}dxf>`,
    );
  }

  /** Whether anything was appended. */
  get changed(): boolean {
    return MANAGED.some((m) => this.added[m].length > 0);
  }

  /** The styles part with the appended elements spliced in. */
  toXml(): string {
    const edits: { at: number; to: number; text: string }[] = [];
    for (const name of MANAGED) {
      const adds = this.added[name];
      if (adds.length === 0) continue;
      const sec = this.sections.get(name);
      const count = this.count(name);
      const tag = `${this.p}${name}`;
      if (!sec) {
        const at = this.insertPoint(name);
        edits.push({ at, to: at, text: `<${tag} count="${count}">${adds.join("")}</${tag}>` });
        continue;
      }
      const open = this.xml.slice(sec.openStart, sec.openEnd);
      const counted = /\scount\s*=\s*(["'])\d*\1/.test(open)
        ? open.replace(/(\scount\s*=\s*)(["'])\d*\2/, `$1"${count}"`)
        : open.replace(/\s*(\/?)>$/, ` count="${count}"$1>`);
      if (sec.selfClosing) {
        edits.push({
          at: sec.openStart,
          to: sec.openEnd,
          text: `${counted.replace(/\s*\/>$/, ">")}${adds.join("")}</${tag}>`,
        });
      } else {
        edits.push({ at: sec.openStart, to: sec.openEnd, text: counted });
        edits.push({ at: sec.closeStart, to: sec.closeStart, text: adds.join("") });
      }
    }
    edits.sort((a, b) => a.at - b.at);
    let out = "";
    let at = 0;
    for (const e of edits) {
      out += this.xml.slice(at, e.at) + e.text;
      at = e.to;
    }
    return out + this.xml.slice(at);
  }

  /** Where a missing section goes: before the first later section present, else before </styleSheet>. */
  private insertPoint(name: Managed): number {
    for (const later of ORDER.slice(ORDER.indexOf(name) + 1)) {
      const sec = this.sections.get(later);
      if (sec) return sec.openStart;
    }
    return this.rootClose >= 0 ? this.rootClose : this.xml.length;
  }
}

/**
 * The workbook as a reader sees it, found through relationships only: the package's
 * officeDocument relationship names the workbook part; the workbook's relationships name its
 * sheets, shared strings, styles and theme, wherever a writer put them. Transitional and Strict
 * OOXML are both read (relationship kinds compare by their last segment; element names by local
 * name in either SpreadsheetML namespace, any prefix).
 *
 * Only what the roll-up needs is parsed: the sheet list (with each <sheet> element's exact text,
 * so a writer can put it back unchanged), the 1904 date flag, and, on demand, shared strings,
 * styles and theme colours. Missing optional parts (no styles, no theme, no shared strings) read
 * as empty.
 */
import { OFFICE_THEME_COLOURS, parseThemeColours } from "../core/xlsx-colour.js";
import { MAIN_NS, REL_NS } from "./ns.js";
import { MAX_TABS, OWN_TABS_ROOM } from "./tabs.js";
import { Package, relKind } from "./package.js";
import { readSharedStrings } from "./strings.js";
import { readCellFormats, type CellFormat } from "./styles.js";
import { END, OPEN, XmlScanner } from "./xml.js";

export interface SheetEntry {
  name: string;
  sheetId: number;
  /** "visible" (the default), "hidden" or "veryHidden". */
  state: string;
  relId: string;
  /** The sheet's part, resolved through the workbook's relationships (null when it has none). */
  part: string | null;
  /** The relationship's kind: "worksheet", "chartsheet", "dialogsheet", "xlMacrosheet"... */
  kind: string;
  /** The <sheet> element exactly as written in workbook.xml. */
  xml: string;
}

export interface WorkbookView {
  pkg: Package;
  /** The workbook part's name ("xl/workbook.xml" for every common writer). */
  part: string;
  sheets: SheetEntry[];
  date1904: boolean;
  /** Shared strings, cell formats and theme colours, read on first use. */
  strings(): readonly string[];
  formats(): readonly (CellFormat | null)[];
  themeColours(): string[];
}

function isMain(s: XmlScanner): boolean {
  const uri = s.uri();
  return uri === undefined ? s.prefix === "" : MAIN_NS.has(uri);
}

/** The workbook part named by the package's officeDocument relationship. */
export function workbookPart(pkg: Package): string {
  const root = pkg.rels("").find((r) => relKind(r.type) === "officeDocument" && r.part !== null);
  if (root?.part && pkg.has(root.part)) return pkg.nameOf(root.part)!;
  if (pkg.has("xl/workbook.xml")) return pkg.nameOf("xl/workbook.xml")!;
  throw pkg.unreadable("is a zip file but not an .xlsx workbook (no xl/workbook.xml)");
}

/** Read the workbook part and its sheet list. Throws LadderError("file-unreadable"). */
export function openWorkbook(pkg: Package): WorkbookView {
  const part = workbookPart(pkg);
  const rels = new Map(pkg.rels(part).map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let sawWorkbook = false;
  pkg.parse(part, (xml) => {
    const s = new XmlScanner(xml);
    while (s.next() !== END) {
      if (s.kind !== OPEN) continue;
      if (s.depth === 1) {
        sawWorkbook = s.local === "workbook";
        continue;
      }
      if (s.local === "workbookPr" && isMain(s)) {
        const v = s.attr("date1904");
        date1904 = v === "1" || v === "true";
      } else if (s.local === "sheet" && s.depth === 3 && isMain(s)) {
        let relId = "";
        for (const uri of REL_NS) relId ||= s.attrNS(uri, "id") ?? "";
        const rel = rels.get(relId);
        const start = s.start;
        const end = s.selfClosing ? s.end : s.skip();
        sheets.push({
          name: s.attr("name") ?? "",
          sheetId: Number(s.attr("sheetId") ?? 0),
          state: s.attr("state") ?? "visible",
          relId,
          part: rel?.part ?? null,
          kind: rel ? relKind(rel.type) : "",
          xml: xml.slice(start, end),
        });
      }
    }
  });
  if (!sawWorkbook) throw pkg.badPart(part, "it is not a workbook");
  if (sheets.length > MAX_TABS + OWN_TABS_ROOM)
    throw pkg.unreadable(
      `has ${sheets.length} tabs; ladder reads workbooks of up to ${MAX_TABS} tabs (one per member of staff, plus its own summary tabs)`,
    );
  let strings: readonly string[] | undefined;
  let formats: readonly (CellFormat | null)[] | undefined;
  let theme: string[] | undefined;
  const target = (kind: string): string | null => {
    const rel = pkg.rel(part, kind);
    return rel?.part && pkg.has(rel.part) ? rel.part : null;
  };
  const view: WorkbookView = {
    pkg,
    part,
    sheets,
    date1904,
    strings() {
      const p = target("sharedStrings");
      return (strings ??= p ? pkg.parse(p, readSharedStrings) : []);
    },
    themeColours() {
      if (theme) return theme;
      const p = target("theme") ?? (pkg.has("xl/theme/theme1.xml") ? "xl/theme/theme1.xml" : null);
      const colours = p ? parseThemeColours(pkg.text(p) ?? "") : [];
      return (theme = colours.length > 0 ? colours : [...OFFICE_THEME_COLOURS]);
    },
    formats() {
      const p = target("styles");
      return (formats ??= p ? pkg.parse(p, (xml) => readCellFormats(xml, view.themeColours())) : []);
    },
  };
  return view;
}

/**
 * Opening a workbook's bytes as a Book (tabs.ts), and the parts of a new, empty workbook.
 */
import { LadderError } from "../core/errors.js";
import { CT, NS_MAIN, NS_PKG_REL, NS_REL, NS_TYPES, REL, XML_DECLARATION } from "./ns.js";
import { Package, relKind } from "./package.js";
import { whyNotXlsx } from "./sniff.js";
import { DEFAULT_STYLES } from "./style-sink.js";
import type { Book } from "./tabs.js";
import { openWorkbook } from "./workbook.js";
import { eachElement, escapeText } from "./xml.js";
import { FFLATE, type Codec } from "./zip.js";

/** The parts of an empty workbook (no tabs yet). */
export function skeleton(label: string, codec: Codec, now: Date, title?: string): Package {
  const pkg = Package.empty(label, codec);
  const when = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  pkg.set(
    "[Content_Types].xml",
    `${XML_DECLARATION}<Types xmlns="${NS_TYPES}"><Default Extension="rels" ContentType="${CT.rels}"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="${CT.coreProps}"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="${CT.extendedProps}"/></Types>`,
  );
  pkg.set(
    "_rels/.rels",
    `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="${REL.coreProps}" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${REL.extendedProps}" Target="docProps/app.xml"/></Relationships>`,
  );
  pkg.set(
    "docProps/core.xml",
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      (title !== undefined ? `<dc:title>${escapeText(title)}</dc:title>` : "") +
      `<dc:creator>ladder-sheets</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`,
  );
  pkg.set(
    "docProps/app.xml",
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
      `<Application>ladder-sheets</Application></Properties>`,
  );
  pkg.set(
    "xl/workbook.xml",
    `${XML_DECLARATION}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/>` +
      `<bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>`,
  );
  pkg.set(
    "xl/_rels/workbook.xml.rels",
    `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/></Relationships>`,
  );
  pkg.set("xl/styles.xml", XML_DECLARATION + DEFAULT_STYLES);
  return pkg;
}

/**
 * Open a workbook's bytes for reading and change. Throws LadderError("file-unreadable") with one
 * line (starting with `label`) for anything that is not a readable .xlsx package.
 */
export function openBook(bytes: Uint8Array, label: string, codec: Codec = FFLATE): Book {
  const why = whyNotXlsx(bytes);
  if (why !== null) throw new LadderError("file-unreadable", `${label}: ${why}`);
  const pkg = Package.open(bytes, label, codec);
  const view = openWorkbook(pkg);
  const tabs = view.sheets.map((entry) => ({ name: entry.name, entry, spec: null }));
  return { label, pkg, view, tabs, removed: [], created: false, codec };
}

/** The workbook's title (File > Properties), or undefined. */
export function packageTitle(pkg: Package): string | undefined {
  const rel = pkg.rels("").find((r) => relKind(r.type) === "core-properties" && r.part !== null);
  if (!rel?.part || !pkg.has(rel.part)) return undefined;
  let title: string | undefined;
  eachElement(pkg.text(rel.part) ?? "", (s) => {
    if (title === undefined && s.local === "title") title = s.textContent();
  });
  return title;
}

/**
 * A workbook open for change: the user's package as it came, the tabs in their new order (each an
 * existing sheet, untouched, or one of ours to be written from a SheetSpec), and the tabs to take
 * out. Nothing is written until `bookBytes`, which hands the plan to save.ts; the Book itself is
 * never changed by saving, so it can be saved again.
 *
 * The only tabs a command ever takes out are its own (callers decide by the hidden marker); the
 * layer does not know which tabs are whose.
 */
import { LadderError } from "../core/errors.js";
import type { SheetSpec } from "../core/sheet.js";
import { CT, NS_MAIN, NS_PKG_REL, NS_REL, NS_TYPES, REL, XML_DECLARATION } from "./ns.js";
import { Package, relKind } from "./package.js";
import { applyEdits } from "./save.js";
import { whyNotXlsx } from "./sniff.js";
import { DEFAULT_STYLES } from "./style-sink.js";
import { openWorkbook, type SheetEntry, type WorkbookView } from "./workbook.js";
import { eachElement, escapeText } from "./xml.js";
import { FFLATE, type Codec } from "./zip.js";

export interface Tab {
  name: string;
  /** The sheet as it is in the file, or null for a tab we are adding. */
  entry: SheetEntry | null;
  /** What to write, for a tab we are adding. */
  spec: SheetSpec | null;
}

export interface Book {
  pkg: Package;
  view: WorkbookView;
  /** Every tab in the order it will have. */
  tabs: Tab[];
  /** Existing sheets to take out, with every part only they use. */
  removed: SheetEntry[];
  /** The workbook did not exist: `new` on a missing file. */
  created: boolean;
}

/** The parts of an empty workbook (no tabs yet). */
function skeleton(label: string, codec: Codec, now: Date): Package {
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
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>ladder-sheets</dc:creator>` +
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

/** A new, empty workbook. */
export function newBook(label = "the new workbook", codec: Codec = FFLATE, now = new Date()): Book {
  const pkg = skeleton(label, codec, now);
  return { pkg, view: openWorkbook(pkg), tabs: [], removed: [], created: true };
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
  return { pkg, view, tabs, removed: [], created: false };
}

/** Every tab's name, in order (chart sheets included: a new tab may not take their names). */
export function tabNames(book: Book): string[] {
  return book.tabs.map((t) => t.name);
}

/**
 * Add a tab written from `spec` (at the end, or first). Throws LadderError("tab-exists") when a
 * tab of that name (ignoring case) is already there: replacing one is the caller's explicit
 * decision (removeTab).
 */
export function addTab(book: Book, spec: SheetSpec, where: "end" | "first" = "end"): void {
  const lower = spec.name.toLowerCase();
  if (book.tabs.some((t) => t.name.toLowerCase() === lower))
    throw new LadderError("tab-exists", `A tab called '${spec.name}' already exists.`);
  const tab: Tab = { name: spec.name, entry: null, spec };
  if (where === "first") book.tabs.unshift(tab);
  else book.tabs.push(tab);
}

/** Take out a tab (by exact name); true when there was one. */
export function removeTab(book: Book, name: string): boolean {
  const i = book.tabs.findIndex((t) => t.name === name);
  if (i < 0) return false;
  const [tab] = book.tabs.splice(i, 1);
  if (tab!.entry) book.removed.push(tab!.entry);
  return true;
}

/** Put the named tabs first, in the order given; the others keep their order after them. */
export function moveFirst(book: Book, names: readonly string[]): void {
  const first = names
    .map((n) => book.tabs.find((t) => t.name === n))
    .filter((t): t is Tab => t !== undefined);
  book.tabs = [...first, ...book.tabs.filter((t) => !first.includes(t))];
}

/** The core-properties part (docProps/core.xml), found through the package's relationships. */
function corePart(book: Book): string | null {
  const rel = book.pkg.rels("").find((r) => relKind(r.type) === "core-properties" && r.part !== null);
  return rel?.part && book.pkg.has(rel.part) ? rel.part : null;
}

/** The workbook's title (File > Properties), or undefined. */
export function bookTitle(book: Book): string | undefined {
  const part = corePart(book);
  if (!part) return undefined;
  let title: string | undefined;
  eachElement(book.pkg.text(part) ?? "", (s) => {
    if (title === undefined && s.local === "title") title = s.textContent();
  });
  return title;
}

/** Give a new workbook a title (its core properties are ours; a person's file keeps its own). */
export function setBookTitle(book: Book, title: string): void {
  const part = corePart(book);
  if (!book.created || !part)
    throw new LadderError("argument-invalid", "Only a new workbook can be given a title.");
  const xml = book.pkg.text(part) ?? "";
  book.pkg.set(part, xml.replace("<dc:creator>", `<dc:title>${escapeText(title)}</dc:title><dc:creator>`));
}

/** The workbook as .xlsx bytes. Parts nobody changed are copied from the original zip as they were. */
export function bookBytes(book: Book, now = new Date()): Uint8Array {
  return applyEdits(book).toBytes(now);
}

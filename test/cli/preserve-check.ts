/**
 * What "the user's workbook is theirs" (design §7) means, as checks on two versions of a package:
 * every part of the earlier one is still there under the same name with the same bytes (and, when
 * it was not touched, the same compressed bytes: copied, not re-packed), except the few
 * workbook-level parts adding a tab must touch, and those keep every record they held.
 *
 * Parts are read with JSZip, an implementation independent of the layer under test; only the raw
 * (still compressed) entry bytes come from the layer's own zip reader, since JSZip does not expose
 * them.
 */
import JSZip from "jszip";
import { expect } from "vitest";
import { parseMarker } from "../../core/sheet.js";
import { relsName } from "../../xlsx/package.js";
import { readBook } from "../../xlsx/read.js";
import { readZip } from "../../xlsx/zip.js";

export type Parts = Map<string, Buffer>;

export async function partsOf(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Parts = new Map();
  for (const name of Object.keys(zip.files).sort()) {
    const f = zip.files[name]!;
    if (!f.dir) out.set(name, await f.async("nodebuffer"));
  }
  return out;
}

/** Compressed bytes and method per entry, as stored in the zip. */
function rawEntries(bytes: Uint8Array): Map<string, { method: number; raw: Buffer }> {
  return new Map(readZip(bytes).map((e) => [e.name, { method: e.method, raw: Buffer.from(e.raw) }]));
}

/** The parts adding or removing a tab must change; the others must not change at all. */
export const WORKBOOK_LEVEL = new Set([
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
]);

const text = (b: Buffer | undefined): string => (b ?? Buffer.alloc(0)).toString("utf8");

/** Direct children of the root, or of one section, as raw element texts. */
function elements(xml: string, tag: RegExp): string[] {
  return [...xml.matchAll(tag)].map((m) => m[0]);
}

function sectionChildren(xml: string, section: string, child: string): string[] {
  const body = new RegExp(`<${section}\\b[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)?.[1] ?? "";
  return elements(body, new RegExp(`<${child}\\b[^>]*/>|<${child}\\b[^>]*>[\\s\\S]*?</${child}>`, "g"));
}

/** Sheet names in order, from workbook.xml. */
export function sheetNames(workbookXml: string): string[] {
  return elements(workbookXml, /<sheet\b[^>]*>/g).map((s) => /\bname="([^"]*)"/.exec(s)![1]!);
}

/**
 * Every part of `before` survives in `after` as described in the header. `ownParts` are parts of
 * our own tabs in `before` that the command was allowed to replace (a summary being refreshed).
 */
export async function expectPreserved(
  beforeBytes: Uint8Array,
  afterBytes: Uint8Array,
  ownParts: ReadonlySet<string> = new Set(),
): Promise<void> {
  const before = await partsOf(beforeBytes);
  const after = await partsOf(afterBytes);
  const rawBefore = rawEntries(beforeBytes);
  const rawAfter = rawEntries(afterBytes);
  for (const [name, bytes] of before) {
    if (WORKBOOK_LEVEL.has(name) || ownParts.has(name)) continue;
    expect(after.has(name), `${name} is still in the package`).toBe(true);
    expect(after.get(name)!.equals(bytes), `${name} is byte-identical`).toBe(true);
    const a = rawBefore.get(name)!;
    const b = rawAfter.get(name)!;
    expect(b.method === a.method && b.raw.equals(a.raw), `${name} was copied without re-compressing`).toBe(
      true,
    );
  }

  // [Content_Types].xml and the workbook's relationships: every record kept verbatim.
  const types = text(after.get("[Content_Types].xml"));
  for (const el of elements(text(before.get("[Content_Types].xml")), /<(?:Default|Override)\b[^>]*>/g)) {
    const part = /PartName="\/([^"]+)"/.exec(el)?.[1];
    if (part && ownParts.has(part)) continue;
    expect(types, "content type kept").toContain(el);
  }
  const rels = text(after.get("xl/_rels/workbook.xml.rels"));
  const wbBefore = text(before.get("xl/workbook.xml"));
  const wbAfter = text(after.get("xl/workbook.xml"));
  const ownSheets = new Set(
    elements(wbBefore, /<sheet\b[^>]*>/g).filter((s) => {
      const id = /r:id="([^"]+)"/.exec(s)![1]!;
      const rel = elements(text(before.get("xl/_rels/workbook.xml.rels")), /<Relationship\b[^>]*>/g).find(
        (r) => r.includes(`Id="${id}"`),
      );
      const target = rel ? /Target="([^"]+)"/.exec(rel)![1]! : "";
      return ownParts.has(`xl/${target}`);
    }),
  );
  for (const el of elements(text(before.get("xl/_rels/workbook.xml.rels")), /<Relationship\b[^>]*>/g)) {
    const target = /Target="([^"]+)"/.exec(el)![1]!;
    if (ownParts.has(`xl/${target}`)) continue;
    expect(rels, "workbook relationship kept").toContain(el);
  }

  // workbook.xml: each sheet element verbatim (sheetId, state, r:id), each defined name kept and
  // still scoped to the same tab, the same tab active.
  for (const el of elements(wbBefore, /<sheet\b[^>]*>/g))
    if (!ownSheets.has(el)) expect(wbAfter).toContain(el);
  const namesBefore = sheetNames(wbBefore);
  const namesAfter = sheetNames(wbAfter);
  const scoped = (xml: string, names: string[]): string[] =>
    elements(xml, /<definedName\b[^>]*>[\s\S]*?<\/definedName>/g).map((d) => {
      const local = /localSheetId="(\d+)"/.exec(d)?.[1];
      const body = d.replace(/\s*localSheetId="\d+"/, "");
      return local === undefined ? body : `${body} @ ${names[Number(local)]}`;
    });
  const kept = scoped(wbAfter, namesAfter);
  for (const d of scoped(wbBefore, namesBefore)) if (!ownNamesScope(d, ownSheets)) expect(kept).toContain(d);
  const active = (xml: string, names: string[]): string | undefined =>
    names[Number(/<workbookView\b[^>]*\bactiveTab="(\d+)"/.exec(xml)?.[1] ?? 0)];
  const wasActive = active(wbBefore, namesBefore);
  if (![...ownSheets].some((s) => s.includes(`name="${wasActive}"`)))
    expect(active(wbAfter, namesAfter)).toBe(wasActive);
  for (const tag of ["fileVersion", "workbookPr", "calcPr"]) {
    const el = new RegExp(`<${tag}\\b[^>]*>`).exec(wbBefore)?.[0];
    if (el) expect(wbAfter).toContain(el);
  }

  // styles.xml: each section's existing entries kept, in place, as a prefix.
  const sBefore = text(before.get("xl/styles.xml"));
  const sAfter = text(after.get("xl/styles.xml"));
  for (const [section, child] of [
    ["numFmts", "numFmt"],
    ["fonts", "font"],
    ["fills", "fill"],
    ["borders", "border"],
    ["cellStyleXfs", "xf"],
    ["cellXfs", "xf"],
    ["cellStyles", "cellStyle"],
    ["dxfs", "dxf"],
  ] as const) {
    const was = sectionChildren(sBefore, section, child);
    expect(
      sectionChildren(sAfter, section, child).slice(0, was.length),
      `${section} kept as a prefix`,
    ).toEqual(was);
  }
}

function ownNamesScope(scopedName: string, ownSheets: ReadonlySet<string>): boolean {
  const at = / @ (.*)$/.exec(scopedName)?.[1];
  return at !== undefined && [...ownSheets].some((s) => s.includes(`name="${at}"`));
}

/**
 * The parts hanging off the tabs ladder-sheets made in the given roles (summary, chart, trust,
 * register): a later command may replace them, so expectPreserved does not hold them to bytes.
 */
export function ownParts(data: Uint8Array, roles: readonly string[]): Set<string> {
  const { book, snapshots } = readBook(data, "workbook.xlsx");
  const own = new Set(
    snapshots.filter((s) => roles.includes(parseMarker(s.marker)?.role ?? "")).map((s) => s.name),
  );
  const pkg = book.pkg!;
  const out = new Set<string>();
  const walk = (part: string): void => {
    if (out.has(part)) return;
    out.add(part);
    if (pkg.has(relsName(part))) out.add(relsName(part));
    for (const r of pkg.rels(part)) if (r.part) walk(r.part);
  };
  for (const s of book.view!.sheets) if (own.has(s.name) && s.part) walk(s.part);
  return out;
}

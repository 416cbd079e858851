/**
 * An OPC package (ECMA-376 Part 2), after Apache POI's openxml4j: a set of named parts joined by
 * relationships, over the raw zip entries of zip.ts. A part is unpacked only when someone reads it,
 * and written back compressed as it came unless someone replaced it, so the parts nobody asked
 * about travel untouched.
 *
 * Relationship targets are resolved against their source part, absolute ("/xl/comments1.xml",
 * as openpyxl writes them) or relative ("../comments1.xml"), with "." and ".." segments and
 * percent-escapes; part names compare without regard to case, as OPC says.
 *
 * Errors are LadderError("file-unreadable") with one line: the file's label, then the part and
 * what is wrong with it.
 */
import { LadderError } from "../core/errors.js";
import { decodeText, encodeText } from "./text.js";
import { END, OPEN, XmlError, XmlScanner } from "./xml.js";
import {
  entryBytes,
  FFLATE,
  newEntry,
  readZip,
  writeZip,
  ZipError,
  type Codec,
  type ZipEntry,
} from "./zip.js";

export interface Relationship {
  id: string;
  type: string;
  /** The target as written. */
  target: string;
  /** The target part's name (no leading '/'), or null for an external target. */
  part: string | null;
}

/** The last segment of a relationship type URI, which both Transitional and Strict share: "worksheet". */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/** The relationships part of a part: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"; "" -> "_rels/.rels". */
export function relsName(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The folder of a part, with a trailing slash ("xl/worksheets/"), or "" at the root. */
export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** Resolve a relationship target against its source part; null when it leaves the package. */
export function resolveTarget(source: string, target: string): string | null {
  let t = target.split("#")[0]!.trim();
  if (t === "" || /^[a-z][a-z0-9+.-]*:/i.test(t)) return null;
  try {
    t = decodeURIComponent(t);
  } catch {
    // a stray '%': keep the name as written
  }
  const path = t.startsWith("/") ? t.slice(1) : folderOf(source) + t;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

/** A relative target from one part to another ("worksheets/sheet2.xml", "../drawings/drawing1.xml"). */
export function relativeTarget(source: string, part: string): string {
  const from = folderOf(source).split("/").filter(Boolean);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill(".."), ...to.slice(common)].join("/");
}

/** Limits that keep a hostile or mistaken file (a zip bomb) from exhausting memory. */
export const MAX_UNZIPPED_BYTES = 400e6;

interface Slot {
  /** The part's name as stored (its own case). */
  name: string;
  entry: ZipEntry | null;
  /** Replacement content, when the part was changed or added. */
  data: Uint8Array | string | null;
  removed: boolean;
}

export class Package {
  private readonly slots: Slot[] = [];
  private readonly byName = new Map<string, number>();
  private readonly bytesCache = new Map<number, Uint8Array>();
  private readonly relsCache = new Map<string, Relationship[]>();

  private constructor(
    readonly label: string,
    readonly codec: Codec,
  ) {}

  /** A copy to edit: parts are shared (they are never mutated), the list of parts is not. */
  clone(): Package {
    const copy = new Package(this.label, this.codec);
    for (const slot of this.slots) copy.add({ ...slot });
    this.bytesCache.forEach((b, i) => copy.bytesCache.set(i, b));
    return copy;
  }

  /** An empty package (for a new workbook). */
  static empty(label: string, codec: Codec = FFLATE): Package {
    return new Package(label, codec);
  }

  /** The package in a zip's bytes. Throws LadderError("file-unreadable") for a bad zip. */
  static open(bytes: Uint8Array, label: string, codec: Codec = FFLATE): Package {
    const pkg = new Package(label, codec);
    let entries: ZipEntry[];
    try {
      entries = readZip(bytes);
    } catch (e) {
      if (e instanceof ZipError) throw pkg.unreadable(e.message);
      throw e;
    }
    let size = 0;
    for (const entry of entries) {
      size += entry.size;
      pkg.add({ name: entry.name, entry, data: null, removed: false });
    }
    if (size > MAX_UNZIPPED_BYTES)
      throw pkg.unreadable(
        `unpacks to ${Math.round(size / 1e6)} MB; ladder reads workbooks of up to ${MAX_UNZIPPED_BYTES / 1e6} MB`,
      );
    return pkg;
  }

  private add(slot: Slot): void {
    const key = slot.name.toLowerCase();
    const existing = this.byName.get(key);
    if (existing !== undefined) this.slots[existing] = slot;
    else this.byName.set(key, this.slots.push(slot) - 1);
  }

  /** One line for a person: "<label>: <why>". */
  unreadable(why: string): LadderError {
    return new LadderError("file-unreadable", `${this.label}: ${why}`);
  }

  /** A part that exists but cannot be understood. */
  badPart(part: string, why: string): LadderError {
    return this.unreadable(`is damaged and cannot be read (${part}: ${why})`);
  }

  private slot(part: string): Slot | undefined {
    const i = this.byName.get(part.toLowerCase());
    const s = i === undefined ? undefined : this.slots[i];
    return s && !s.removed ? s : undefined;
  }

  has(part: string): boolean {
    return this.slot(part) !== undefined;
  }

  /** The stored name of a part (its case as in the zip), or undefined. */
  nameOf(part: string): string | undefined {
    return this.slot(part)?.name;
  }

  /** Every part name, in zip order. */
  parts(): string[] {
    return this.slots.filter((s) => !s.removed).map((s) => s.name);
  }

  /** A part's bytes, unpacked (cached). Undefined when there is no such part. */
  bytes(part: string): Uint8Array | undefined {
    const i = this.byName.get(part.toLowerCase());
    if (i === undefined) return undefined;
    const s = this.slots[i]!;
    if (s.removed) return undefined;
    if (s.data !== null) return typeof s.data === "string" ? encodeText(s.data) : s.data;
    let b = this.bytesCache.get(i);
    if (b === undefined) {
      try {
        b = entryBytes(s.entry!, this.codec);
      } catch (e) {
        if (e instanceof ZipError) throw this.unreadable(e.message);
        throw e;
      }
      this.bytesCache.set(i, b);
    }
    return b;
  }

  /** A part's text (XML parts: UTF-8 or UTF-16 with a byte-order mark). */
  text(part: string): string | undefined {
    const s = this.slot(part);
    if (s && typeof s.data === "string") return s.data;
    const b = this.bytes(part);
    return b === undefined ? undefined : decodeText(b);
  }

  /** Replace or add a part. */
  set(part: string, data: Uint8Array | string): void {
    const i = this.byName.get(part.toLowerCase());
    if (i !== undefined) {
      const s = this.slots[i]!;
      this.slots[i] = {
        name: s.removed ? part : s.name,
        entry: s.removed ? null : s.entry,
        data,
        removed: false,
      };
      this.bytesCache.delete(i);
    } else this.add({ name: part, entry: null, data, removed: false });
    if (part.endsWith(".rels")) this.relsCache.clear();
  }

  remove(part: string): void {
    const i = this.byName.get(part.toLowerCase());
    if (i === undefined) return;
    this.slots[i] = { name: part, entry: null, data: null, removed: true };
    this.bytesCache.delete(i);
    if (part.endsWith(".rels")) this.relsCache.clear();
  }

  /** Whether a part was replaced or added since the package was opened. */
  changed(part: string): boolean {
    const s = this.slot(part);
    return s !== undefined && s.data !== null;
  }

  /** Run a parser over a part's text, turning malformed XML into one line naming the part. */
  parse<T>(part: string, read: (xml: string) => T): T {
    const xml = this.text(part);
    if (xml === undefined) throw this.unreadable(`is damaged and cannot be read (${part} is missing)`);
    try {
      return read(xml);
    } catch (e) {
      if (e instanceof XmlError) throw this.badPart(part, `not well-formed XML: ${e.message}`);
      throw e;
    }
  }

  /** The relationships whose source is `source` ("" for the package itself); [] when it has none. */
  rels(source: string): Relationship[] {
    const name = relsName(source);
    const cached = this.relsCache.get(name.toLowerCase());
    if (cached) return cached;
    const out: Relationship[] = [];
    if (this.has(name))
      this.parse(name, (xml) => {
        const s = new XmlScanner(xml);
        while (s.next() !== END) {
          if (s.kind !== OPEN || s.local !== "Relationship") continue;
          const id = s.attr("Id") ?? "";
          const type = s.attr("Type") ?? "";
          const target = s.attr("Target") ?? "";
          const external = s.attr("TargetMode") === "External";
          out.push({ id, type, target, part: external ? null : resolveTarget(source, target) });
        }
      });
    this.relsCache.set(name.toLowerCase(), out);
    return out;
  }

  /** The first relationship of a kind ("worksheet", "styles") from `source`. */
  rel(source: string, kind: string): Relationship | undefined {
    return this.rels(source).find((r) => relKind(r.type) === kind);
  }

  /** The package as zip bytes: untouched parts copied raw, changed ones compressed afresh. */
  toBytes(now = new Date()): Uint8Array {
    const entries: ZipEntry[] = [];
    for (const s of this.slots) {
      if (s.removed) continue;
      if (s.data !== null) entries.push(newEntry(s.name, s.data, this.codec, now));
      else if (s.entry) entries.push(s.entry);
    }
    return writeZip(entries);
  }
}

/**
 * The zip container of an .xlsx package, kept as raw entries: reading finds each entry through the
 * central directory and keeps its bytes still compressed; writing puts untouched entries back
 * exactly as they were (same compressed bytes, method, CRC and dates) and compresses only new or
 * changed parts. So a part the product does not own is never inflated, re-deflated or re-encoded.
 *
 * Why our own container code: JSZip re-compresses stored entries and every entry whose method
 * differs from the one chosen for the whole file, and runs each byte through its worker pipeline;
 * fflate's unzip always inflates and has no raw-entry read. Compression itself is fflate's (a
 * `Codec` lets a host pass a faster native one: the command line uses node:zlib).
 *
 * Not supported (refused with a reason, never guessed): encrypted entries, methods other than
 * stored and deflate, archives split over several disks. ZIP64 records are read; we write ZIP64
 * only if the file needs it, which the size limits keep from happening.
 */
import { inflateSync, deflateSync } from "fflate";
import { decodeText, encodeText } from "./text.js";

/** Inflate and deflate of raw DEFLATE data (no zlib header). */
export interface Codec {
  inflate(raw: Uint8Array, size: number): Uint8Array;
  deflate(data: Uint8Array): Uint8Array;
}

export const FFLATE: Codec = {
  inflate: (raw, size) => inflateSync(raw, { out: new Uint8Array(size) }),
  deflate: (data) => deflateSync(data, { level: 6 }),
};

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  crc: number;
  /** Uncompressed size. */
  size: number;
  /** The entry's data as stored in the file (compressed when method is 8). */
  raw: Uint8Array;
  /** MS-DOS time and date fields, carried across unchanged. */
  time: number;
  date: number;
}

/** Why a zip cannot be read: the caller turns it into one line for a person. */
export class ZipError extends Error {}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;

function damaged(): ZipError {
  return new ZipError("is damaged (the zip is truncated or corrupt)");
}

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(at: number): number {
    if (at + 2 > this.bytes.length) throw damaged();
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    if (at + 4 > this.bytes.length) throw damaged();
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    const low = this.u32(at);
    const high = this.u32(at + 4);
    if (high > 0x1fffff) throw damaged();
    return high * 0x100000000 + low;
  }
}

/** The end-of-central-directory record: searched backwards over the longest possible comment. */
function findEnd(r: Reader): number {
  const stop = Math.max(0, r.bytes.length - 22 - 0xffff);
  for (let at = r.bytes.length - 22; at >= stop; at--)
    if (r.bytes[at] === 0x50 && r.bytes[at + 1] === 0x4b && r.u32(at) === SIG_END) return at;
  throw damaged();
}

/** Where the central directory starts and how many entries it has (ZIP64 aware). */
function directory(r: Reader): { offset: number; count: number } {
  const end = findEnd(r);
  if (r.u16(end + 4) !== 0 || r.u16(end + 6) !== 0)
    throw new ZipError("is a zip split over several files, which is not an .xlsx workbook");
  let count = r.u16(end + 10);
  let offset = r.u32(end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || r.u32(locator) !== SIG_LOCATOR64) throw damaged();
    const end64 = r.u64(locator + 8);
    if (r.u32(end64) !== SIG_END64) throw damaged();
    count = r.u64(end64 + 32);
    offset = r.u64(end64 + 48);
  }
  return { offset, count };
}

/** ZIP64 extra field (id 1): the 64-bit values for the fields stored as 0xffffffff. */
function zip64Extra(
  r: Reader,
  at: number,
  length: number,
  need: { size: boolean; csize: boolean; offset: boolean },
): { size?: number; csize?: number; offset?: number } {
  const out: { size?: number; csize?: number; offset?: number } = {};
  for (let p = at; p + 4 <= at + length;) {
    const id = r.u16(p);
    const len = r.u16(p + 2);
    if (id === 1) {
      let q = p + 4;
      if (need.size) {
        out.size = r.u64(q);
        q += 8;
      }
      if (need.csize) {
        out.csize = r.u64(q);
        q += 8;
      }
      if (need.offset) out.offset = r.u64(q);
      return out;
    }
    p += 4 + len;
  }
  return out;
}

/**
 * Every entry of a zip, in the order of its central directory, data still compressed.
 * Throws ZipError for anything that is not a readable zip.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const r = new Reader(bytes);
  const { offset, count } = directory(r);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (r.u32(at) !== SIG_CENTRAL) throw damaged();
    const flags = r.u16(at + 8);
    const method = r.u16(at + 10);
    const time = r.u16(at + 12);
    const date = r.u16(at + 14);
    const crc = r.u32(at + 16);
    let csize = r.u32(at + 20);
    let size = r.u32(at + 24);
    const nameLen = r.u16(at + 28);
    const extraLen = r.u16(at + 30);
    const commentLen = r.u16(at + 32);
    let local = r.u32(at + 42);
    if (at + 46 + nameLen > bytes.length) throw damaged();
    // Part names are ASCII in practice; UTF-8 reads the flagged (bit 11) case and ASCII alike.
    const name = decodeText(bytes.subarray(at + 46, at + 46 + nameLen));
    if (csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) {
      const x = zip64Extra(r, at + 46 + nameLen, extraLen, {
        size: size === 0xffffffff,
        csize: csize === 0xffffffff,
        offset: local === 0xffffffff,
      });
      size = x.size ?? size;
      csize = x.csize ?? csize;
      local = x.offset ?? local;
    }
    at += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith("/")) continue; // a folder entry: no part
    if ((flags & 1) !== 0)
      throw new ZipError(`is encrypted (its part ${name} has a password): save it in Excel without one`);
    if (method !== 0 && method !== 8)
      throw new ZipError(`uses a kind of zip compression ladder cannot read (method ${method} in ${name})`);
    if (r.u32(local) !== SIG_LOCAL) throw damaged();
    const start = local + 30 + r.u16(local + 26) + r.u16(local + 28);
    if (start + csize > bytes.length) throw damaged();
    entries.push({ name, method, crc, size, raw: bytes.subarray(start, start + csize), time, date });
  }
  return entries;
}

/** The uncompressed bytes of an entry. Throws ZipError when they are corrupt. */
export function entryBytes(entry: ZipEntry, codec: Codec): Uint8Array {
  if (entry.method === 0) return entry.raw;
  let out: Uint8Array;
  try {
    out = codec.inflate(entry.raw, entry.size);
  } catch {
    throw new ZipError(`is damaged (its part ${entry.name} cannot be unpacked)`);
  }
  if (out.length !== entry.size) throw new ZipError(`is damaged (its part ${entry.name} is the wrong size)`);
  return out;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** MS-DOS time and date of a moment (local fields, as zip tools write them). */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A new entry for `data`, deflated (tiny parts are stored: deflate would make them bigger). */
export function newEntry(name: string, data: Uint8Array | string, codec: Codec, now = new Date()): ZipEntry {
  const bytes = typeof data === "string" ? encodeText(data) : data;
  const packed = bytes.length > 64 ? codec.deflate(bytes) : null;
  const useDeflate = packed !== null && packed.length < bytes.length;
  return {
    name,
    method: useDeflate ? 8 : 0,
    crc: crc32(bytes),
    size: bytes.length,
    raw: useDeflate ? packed : bytes,
    ...dosTime(now),
  };
}

/** A zip of the entries in order: local headers and data, then the central directory. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > 0xfffe) throw new ZipError("has too many parts for a zip file");
  const names = entries.map((e) => encodeText(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + 46 + 2 * names[i]!.length + e.raw.length));
  if (total > 0xfffffff0) throw new ZipError("would be larger than 4 GB");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (e: ZipEntry, name: Uint8Array, central: boolean): void => {
    const base = central ? 46 : 30;
    const p = at + (central ? 2 : 0); // the directory has 'version made by' first
    view.setUint32(at, central ? SIG_CENTRAL : SIG_LOCAL, true);
    if (central) view.setUint16(at + 4, 20, true); // version made by
    view.setUint16(p + 4, 20, true); // version needed
    view.setUint16(p + 6, /[^\x20-\x7e]/.test(e.name) ? 0x800 : 0, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, e.time, true);
    view.setUint16(p + 12, e.date, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.raw.length, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, name.length, true);
    // extra length (and, in the directory, comment, disk, attributes) stay 0
    out.set(name, at + base);
    at += base + name.length;
  };
  entries.forEach((e, i) => {
    offsets.push(at);
    header(e, names[i]!, false);
    out.set(e.raw, at);
    at += e.raw.length;
  });
  const dirStart = at;
  entries.forEach((e, i) => {
    const start = at;
    header(e, names[i]!, true);
    view.setUint32(start + 42, offsets[i]!, true);
  });
  const dirSize = at - dirStart;
  view.setUint32(at, SIG_END, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, dirSize, true);
  view.setUint32(at + 16, dirStart, true);
  at += 22;
  return at === out.length ? out : out.subarray(0, at);
}

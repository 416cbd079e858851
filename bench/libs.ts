/**
 * Why the package layer is built the way it is, by measurement (ARCHITECTURE.md quotes these): on
 * the same 300-tab school the command line's roll-up reads,
 * - the zip: our raw-entry reader/writer (xlsx/zip.ts: every part inflated to be read, untouched
 *   parts written back still compressed) against fflate's unzipSync + zipSync and JSZip's
 *   loadAsync + generateAsync, which must inflate and re-deflate every part to save one;
 * - the XML: our pull scanner (xlsx/xml.ts) against saxes (the SAX parser ExcelJS uses), walking
 *   every worksheet part and counting start tags, with and without namespace resolution.
 * In-process CPU time, median of 3 after a warm-up run, one library at a time.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { unzipSync, zipSync } from "fflate";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { newBook, toBuffer } from "../cli/xlsx/book.js";
import { writeSheet } from "../cli/xlsx/write.js";
import { decodeText, encodeText } from "../xlsx/text.js";
import { END, OPEN, XmlScanner } from "../xlsx/xml.js";
import { entryBytes, FFLATE, newEntry, readZip, writeZip, type Codec } from "../xlsx/zip.js";
import { schoolSpecs } from "./school.js";
import { emptyResult, fmtBytes, fmtMs, median, round, timed, type Part, type PartResult } from "./util.js";

const N = 300;
const RUNS = 3;
const CHANGED = "xl/worksheets/sheet1.xml";
const NODE_ZLIB: Codec = {
  inflate: (raw) => inflateRawSync(raw),
  deflate: (data) => deflateRawSync(data, { level: 6 }),
};

async function cpuMs(f: () => unknown): Promise<number> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await timed(f)).cpu);
  return median(times);
}

/** Read every part, replace one, write the file: the shape of a roll-up's zip work. */
function ours(bytes: Uint8Array, codec: Codec): number {
  const entries = readZip(bytes);
  let seen = 0;
  for (const e of entries) seen += entryBytes(e, codec).length;
  const out = entries.map((e) => (e.name === CHANGED ? newEntry(e.name, "<changed/>", codec) : e));
  return writeZip(out).length + seen;
}

function fflate(bytes: Uint8Array): number {
  const files: Record<string, Uint8Array> = unzipSync(bytes);
  files[CHANGED] = encodeText("<changed/>");
  return zipSync(files, { level: 6 }).length;
}

async function jszip(bytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  let seen = 0;
  for (const f of Object.values(zip.files)) if (!f.dir) seen += (await f.async("uint8array")).length;
  zip.file(CHANGED, "<changed/>");
  const out = await zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  return out.length + seen;
}

function scan(xmls: readonly string[]): number {
  let tags = 0;
  for (const xml of xmls) {
    const s = new XmlScanner(xml);
    for (let t = s.next(); t !== END; t = s.next()) if (t === OPEN) tags++;
  }
  return tags;
}

function sax(xmls: readonly string[], xmlns: boolean): number {
  let tags = 0;
  for (const xml of xmls) {
    const p = new SaxesParser({ xmlns });
    p.on("opentag", () => tags++);
    p.write(xml).close();
  }
  return tags;
}

export const libsPart: Part = {
  name: "libs",
  prefix: "libs",
  async run(): Promise<PartResult> {
    const out = emptyResult();
    const book = newBook();
    for (const spec of schoolSpecs(N)) writeSheet(book, spec);
    const file = await toBuffer(book);
    const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
    const sheets = readZip(bytes)
      .filter((e) => e.name.startsWith("xl/worksheets/"))
      .map((e) => decodeText(entryBytes(e, NODE_ZLIB)));
    const xmlBytes = sheets.reduce((n, x) => n + x.length, 0);

    const zips: [string, string, () => unknown][] = [
      ["ours.node", "xlsx/zip.ts raw entries, node:zlib", () => ours(bytes, NODE_ZLIB)],
      ["ours.fflate", "xlsx/zip.ts raw entries, fflate inflate", () => ours(bytes, FFLATE)],
      ["fflate", "fflate unzipSync + zipSync", () => fflate(bytes)],
      ["jszip", "JSZip loadAsync + generateAsync", () => jszip(bytes)],
    ];
    for (const [key, what, f] of zips) {
      const ms = await cpuMs(f);
      out.metrics[`libs.zip.${key}.ms.n${N}`] = round(ms, 1);
      out.rows.push({
        part: "libs",
        measure: `zip: read every part, replace one, write (${fmtBytes(bytes.length)} file): ${what}`,
        n: N,
        value: `${fmtMs(ms)} CPU`,
        target: "",
        ok: null,
      });
    }
    const tagCount = scan(sheets);
    const xmls: [string, string, () => unknown][] = [
      ["scanner", "xlsx/xml.ts pull scanner (namespaces resolved)", () => scan(sheets)],
      ["saxes", "saxes, xmlns off", () => sax(sheets, false)],
      ["saxes.xmlns", "saxes, xmlns on", () => sax(sheets, true)],
    ];
    for (const [key, what, f] of xmls) {
      const ms = await cpuMs(f);
      out.metrics[`libs.xml.${key}.ms.n${N}`] = round(ms, 1);
      out.rows.push({
        part: "libs",
        measure: `XML: every worksheet part (${fmtBytes(xmlBytes)} of text, ${tagCount} start tags): ${what}`,
        n: N,
        value: `${fmtMs(ms)} CPU (${((xmlBytes / 1e6 / ms) * 1000).toFixed(0)} MB/s)`,
        target: "",
        ok: null,
      });
    }
    return out;
  },
};

/**
 * Shared by the per-person end-to-end tests: 30 people (two with hostile names), staff CSV text,
 * colouring files with openpyxl (another writer; each file opened and saved once), and a package's
 * every part as text.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";

export const PYTHON = "/usr/bin/python3";

/** 30 distinct people (no name inside another), two of them hostile; appraisers are colleagues. */
const FIRST = ["Ann", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jo"];
const LAST = ["Lee", "Carter", "Singh"];
const BANDS = ["UNQ 1", "UNQ 2+ M1-6", "UPS1 TLR3", "H-I", "TLR1", "AH", "DH Head", "G", "3", "5"];
export function people(): { name: string; band: string; role: string; appraiser: string }[] {
  const names = LAST.flatMap((l) => FIRST.map((f) => `${f} ${l}`));
  names[7] = '=HYPERLINK("http://x","y")';
  names[12] = "Zoë 👩🏽‍🏫 O'Brien";
  return names.map((name, i) => ({
    name,
    band: BANDS[i % BANDS.length]!,
    role: i % 4 === 0 ? "Teaching assistant" : "Teacher",
    appraiser: i < 2 ? "Gov Chair" : names[i % 2]!,
  }));
}

export function csv(rows: readonly (readonly string[])[]): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(q).join(",")).join("\n") + "\n";
}

const PAINT_PY = `
import json, sys
from openpyxl import load_workbook
from openpyxl.styles import PatternFill
from openpyxl.styles.colors import Color
books = {}
for job in json.load(open(sys.argv[1])):
    if job["file"] not in books:
        books[job["file"]] = load_workbook(job["file"])
    ws = books[job["file"]][job["sheet"]]
    for ref, colour in job["cells"]:
        c = Color(theme=9, tint=0.0) if colour == "THEME9" else Color(rgb=colour)
        ws[ref].fill = PatternFill(fill_type="solid", fgColor=c)
for file, wb in books.items():
    wb.save(file)
`;

export function paint(dir: string, jobs: { file: string; sheet: string; cells: [string, string][] }[]): void {
  const script = join(dir, "paint.py");
  const plan = join(dir, `paint-${Date.now()}.json`);
  writeFileSync(script, PAINT_PY);
  writeFileSync(plan, JSON.stringify(jobs));
  execFileSync(PYTHON, [script, plan], { stdio: "pipe", timeout: 120_000 });
}

/** Every part of the package as text, XML character references decoded. */
export async function packageText(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    const text = await entry.async("string");
    out.set(
      name,
      text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
        const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
        if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
        return String.fromCodePoint(
          e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
        );
      }),
    );
  }
  return out;
}

/** `ladder rollup ... --json` as the per-person tests read it: each staff entry with its file. */
export interface RollupJson {
  staff: (Record<string, unknown> & { tab: string; name: string; file?: string })[];
  skipped: { tab?: string; file?: string; reason: string }[];
}

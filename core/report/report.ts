/**
 * The leadership report (issue 14) as one self-contained HTML document: inline CSS only, no
 * scripts, no fonts or images from the network, `@media print` for A4. Sections so far: staff per
 * zone per checkpoint, and level against target per person (target "not set" until the year
 * roll-up fills it).
 */
import type { SchoolRollup, StaffEntry } from "../rollup.js";
import { esc, row } from "./html.js";
import { zoneSection } from "./zones.js";

const CSS = `body{font-family:system-ui,sans-serif;color:#1a1a1a;max-width:60em;margin:1em auto;padding:0 1em}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #999;padding:.2em .5em;text-align:left}
caption{text-align:left;font-weight:bold}
@media print{@page{size:A4;margin:15mm}body{max-width:none;margin:0}section{break-inside:avoid}}`;

function latestLevel(s: StaffEntry, checkpoints: readonly string[]): number | null {
  for (let i = checkpoints.length - 1; i >= 0; i--) {
    const v = s.levels[checkpoints[i] ?? ""];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

/** Level against target per person: the latest level, the target, and the gap. */
export function targetSection(r: SchoolRollup): string {
  const head = row(["Person", "Latest level", "Target", "Gap to target"], "th");
  const body = r.staff.map((s) => {
    const level = latestLevel(s, r.checkpoints);
    const target = s.target ?? null;
    const gap = s.gap ?? (target !== null && level !== null ? target - level : null);
    return row([s.name, level ?? "not filled in", target ?? "not set", gap ?? "not set"]);
  });
  return `<section><h2>Level against target</h2><table id="targets"><caption>Latest level and target per person</caption><thead>${head}</thead><tbody>${body.join("")}</tbody></table></section>`;
}

/** The whole report for one school. */
export function schoolReport(r: SchoolRollup, title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head><body><h1>${esc(title)}</h1>${zoneSection(r)}${targetSection(r)}</body></html>`;
}

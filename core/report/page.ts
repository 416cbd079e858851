/**
 * The report's page: one self-contained HTML document, inline CSS only, no scripts, and no URL of
 * any kind (no fonts, images or styles from the network: it is opened from a file or an e-mail, often
 * offline, and must look the same printed). The zone key comes first so every symbol is explained
 * once. `@media print` lays it out on A4: each section starts a page, and no chart, figure or table
 * row is split across pages.
 *
 * Charts are hand-built SVG from the data (see zones.ts, movement.ts, bands.ts, trust.ts): a few
 * rects and labels per chart, which a charting library would add tens of kilobytes of script to
 * draw, would need inlining to work offline, and would render only with scripts running (a print
 * or an e-mail preview may not run them). Strings built here are the whole report.
 */
import { gradeBands } from "../catalog.js";
import { esc } from "./html.js";

export const CSS = `body{font-family:system-ui,"Segoe UI",Arial,sans-serif;color:#1a1a1a;background:#fff;max-width:60em;margin:1em auto;padding:0 1em;line-height:1.4}
h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:2px solid #404040;padding-bottom:.2em}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #808080;padding:.2em .5em;text-align:left}
td{font-variant-numeric:tabular-nums}thead th{background:#eeeeee}
table.small{font-size:.85em}
caption{text-align:left;font-weight:bold;padding:.3em 0}
figure{margin:.5em 0}svg.chart{max-width:40em;height:auto;font-size:13px;font-family:inherit}
svg text{fill:#1a1a1a}
ul.key{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.2em}
.swatch{display:inline-block;min-width:1.6em;text-align:center;border:1px solid #808080;margin-right:.3em}
.findings li{margin-bottom:.4em}
@media print{@page{size:A4;margin:14mm}
body{max-width:none;margin:0;padding:0;font-size:10pt}
section+section{break-before:page}
figure,svg,tr,li,caption,h2,h3{break-inside:avoid}
h2,h3,caption{break-after:avoid}
thead{display:table-header-group}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}`;

/** Names the report as ours in its head, so `ladder demo` replaces only a report it wrote. */
export const REPORT_GENERATOR = "ladder-sheets leadership report";

/** The zone key: each zone's symbol on its fill, its name and its meaning. */
export function zoneKeyHtml(): string {
  const items = gradeBands().zones.map(
    (z) =>
      `<li><span class="swatch" style="background:${z.fill}" aria-hidden="true">${z.symbol}</span><strong>${esc(z.label)}</strong>: ${esc(z.meaning)}</li>`,
  );
  return `<ul class="key" aria-label="Zone key">${items.join("")}</ul>`;
}

/** The document around the report's sections. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="generator" content="${REPORT_GENERATOR}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head><body><header><h1>${esc(title)}</h1>${zoneKeyHtml()}</header><main>${body}</main></body></html>`;
}

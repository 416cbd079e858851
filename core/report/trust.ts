/**
 * The report for a trust: schools side by side, counts only (as the trust roll-up: no names). The
 * counts come either from a trust workbook's trust tab (made by `ladder trust`), read back here, or
 * from school roll-ups done in memory (`ladder report a.xlsx b.xlsx`). Per checkpoint, one
 * hand-built SVG stacked bar per school (zones in the grade-band chart's fills and symbols), then
 * the same numbers as a table.
 */
import { LadderError } from "../errors.js";
import { norm, text } from "../read/layout.js";
import type { SchoolRollup } from "../rollup.js";
import type { TabSnapshot } from "../sheet.js";
import { CHECKPOINTS, ZONES, type Zone } from "../template.js";
import type { SchoolCounts } from "../trust.js";
import { page } from "./page.js";
import { esc, row } from "./html.js";
import { ZONE_LABEL, zoneKey } from "./zones.js";

/** A school's counts from its roll-up (what its summary tab would say). */
export function countsOf(school: string, r: SchoolRollup): SchoolCounts {
  const all = r.staff.flatMap((s) => s.findings);
  return {
    school,
    staff: r.staff.length,
    zones: Object.fromEntries(r.checkpoints.map((cp) => [cp, { ...r.distribution[cp]!.byZone }])),
    errors: all.filter((f) => f.severity === "error").length,
    warnings: all.filter((f) => f.severity === "warning").length,
  };
}

/**
 * The schools of a trust tab (its "Trust total" row left out: the report adds its own). Throws
 * LadderError("summary-invalid") when the tab has no School / Staff header.
 * @example readTrustTab(snap)[0].zones.Jul.expected
 */
export function readTrustTab(snap: TabSnapshot): SchoolCounts[] {
  const h = snap.values.findIndex((r) => norm(r[0]) === "school" && norm(r[1]) === "staff");
  if (h < 1)
    throw new LadderError(
      "summary-invalid",
      `The tab '${snap.name}' has no table of schools (School, Staff, ...); run ladder trust first.`,
    );
  const cpRow = snap.values[h - 1] ?? [];
  const head = snap.values[h] ?? [];
  const cpCol = new Map<string, number>();
  cpRow.forEach((v, c) => {
    const cp = CHECKPOINTS.find((x) => norm(v) === norm(x));
    if (cp !== undefined) cpCol.set(cp, c);
  });
  const errCol = head.findIndex((v) => norm(v) === "errors");
  const warnCol = head.findIndex((v) => norm(v) === "warnings");
  const out: SchoolCounts[] = [];
  for (let r = h + 1; r < snap.values.length; r++) {
    const cells = snap.values[r] ?? [];
    const school = text(cells[0]);
    if (school === "" || norm(school) === "trusttotal") break;
    const staff = Number(cells[1]) || 0;
    const zones: SchoolCounts["zones"] = {};
    for (const cp of CHECKPOINTS) {
      const c = cpCol.get(cp);
      const z = Object.fromEntries(
        ZONES.map((k, i) => [k, c === undefined ? 0 : Number(cells[c + i]) || 0]),
      ) as Record<Zone, number>;
      const none = staff - ZONES.reduce((n, k) => n + z[k], 0);
      zones[cp] = { ...z, none };
    }
    out.push({
      school,
      staff,
      zones,
      errors: errCol < 0 ? 0 : Number(cells[errCol]) || 0,
      warnings: warnCol < 0 ? 0 : Number(cells[warnCol]) || 0,
    });
  }
  return out;
}

function trustSvg(schools: readonly SchoolCounts[], cp: string, id: string): string {
  const key = zoneKey();
  const width = 480;
  const left = 150;
  const bars = schools.map((s, i) => {
    const z = s.zones[cp];
    const total = ZONES.reduce((n, k) => n + (z?.[k] ?? 0), 0);
    const y = 6 + i * 30;
    let x = left;
    const parts = ZONES.map((k) => {
      const n = z?.[k] ?? 0;
      const w = total === 0 ? 0 : (n / total) * (width - left - 10);
      const label =
        n > 0 && w >= 16
          ? `<text x="${(x + w / 2).toFixed(1)}" y="${y + 15}" text-anchor="middle" font-size="${w >= 30 ? 13 : 10}">${key[k].symbol}${w >= 30 ? " " : ""}${n}</text>`
          : "";
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="22" fill="${key[k].fill}" stroke="#ffffff"/>`;
      x += w;
      return rect + label;
    });
    const name = s.school.length > 20 ? `${s.school.slice(0, 19)}…` : s.school;
    return `<text x="0" y="${y + 15}">${esc(name)}</text>${parts.join("")}`;
  });
  const height = 12 + schools.length * 30;
  return `<svg role="img" aria-labelledby="${id}" viewBox="0 0 ${width} ${height}" width="100%" class="chart"><title id="${id}">Staff per zone in each school at ${esc(cp)}</title>${bars.join("")}</svg>`;
}

function pct(n: number, d: number): string {
  return d === 0 ? "–" : `${Math.round((100 * n) / d)}%`;
}

/** The whole trust report: one section per checkpoint, and the errors and warnings per school. */
export function trustReport(schools: readonly SchoolCounts[], title: string, note: string): string {
  const key = zoneKey();
  const sections = CHECKPOINTS.map((cp) => {
    const head = row(
      [
        "School",
        "Staff",
        ...ZONES.map((z) => `${key[z].symbol} ${ZONE_LABEL[z]}`),
        "Not filled in",
        "At or above expected",
      ],
      "th",
    );
    const body = schools.map((s) => {
      const z = s.zones[cp];
      const filled = ZONES.reduce((n, k) => n + (z?.[k] ?? 0), 0);
      return row([
        s.school,
        s.staff,
        ...ZONES.map((k) => z?.[k] ?? 0),
        z?.none ?? 0,
        pct((z?.expected ?? 0) + (z?.beyond ?? 0), filled),
      ]);
    });
    return `<section id="trust-${cp}"><h2>Schools side by side at ${esc(cp)}</h2><figure>${trustSvg(schools, cp, `trust-${cp}-title`)}</figure><table class="trust" id="trust-table-${cp}"><caption>Staff per zone in each school at ${esc(cp)}</caption><thead>${head}</thead><tbody>${body.join("")}</tbody></table></section>`;
  });
  const fHead = row(["School", "Staff", "Colouring errors", "Warnings"], "th");
  const fBody = schools.map((s) => row([s.school, s.staff, s.errors, s.warnings]));
  const findings = `<section id="trust-findings"><h2>Still to fix in each school</h2><table id="trust-errors"><caption>Errors and warnings per school</caption><thead>${fHead}</thead><tbody>${fBody.join("")}</tbody></table></section>`;
  return page(title, `<p>${esc(note)} Counts of staff only; no names.</p>${sections.join("")}${findings}`);
}

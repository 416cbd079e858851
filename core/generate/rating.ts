/**
 * A rating tab: items in sections, each rated per checkpoint on the template's scale, by typing a
 * key from the drop-down (G, A, R; Yes, Partly, No; ...) or by colouring the cell where the scale
 * gives its options colours. Table: Code | Standard | descriptor columns... | checkpoints.
 * A section heading row has its title in the Code column only (merged across), which is how the
 * reader tells it from an item row.
 */
import type { StaffDetails } from "../staff-list.js";
import type { RatingTemplate } from "../template.js";
import { HEADER_FILL, SheetBuilder } from "./builder.js";
import { staffHeader } from "./staff-header.js";

export const RATING_HEADERS = ["Code", "Standard"] as const;

export function scaleKey(t: RatingTemplate): string {
  return `Scale: ${t.scale.map((o) => `${o.key} = ${o.label}${o.colour ? ` (or colour ${o.colour})` : ""}`).join("; ")}.`;
}

/** Generate a rating tab for one member of staff (or one school, for self-review templates). */
export function ratingSheet(t: RatingTemplate, staff: StaffDetails, opts: { year: string; name: string }) {
  const cols = 2 + t.descriptorColumns.length + t.checkpoints.length;
  const firstCp = 2 + t.descriptorColumns.length;
  const b = new SheetBuilder(opts.name, cols, { templateId: t.id, version: t.version, role: "staff" });
  staffHeader(b, t.title, [...t.instructions, scaleKey(t)], staff, opts.year);
  const header = b.row([...RATING_HEADERS, ...t.descriptorColumns, ...t.checkpoints]);
  b.style(b.range(header, 0, header, cols - 1), { bold: true, fill: HEADER_FILL, border: true, wrap: true });
  const first = b.nextRow;
  let lastDomain: string | undefined;
  for (const section of t.sections) {
    if (section.domain && section.domain !== lastDomain) {
      const d = b.row([section.domain]);
      b.merge(d, 0, d, cols - 1);
      b.style(b.range(d, 0, d, cols - 1), { bold: true, fontSize: 12, border: true });
      lastDomain = section.domain;
    }
    const title = section.code ? `${section.code} ${section.title}` : section.title;
    const s = b.row([section.description ? `${title}: ${section.description}` : title]);
    b.merge(s, 0, s, cols - 1);
    b.style(b.range(s, 0, s, cols - 1), { bold: true, fill: HEADER_FILL, border: true, wrap: true });
    for (const item of section.items) {
      b.row([item.code, item.text, ...t.descriptorColumns.map((c) => item.descriptors?.[c] ?? null)]);
    }
  }
  const last = b.nextRow - 1;
  b.style(b.range(first, 0, last, cols - 1), { border: true, vAlign: "top" });
  b.style(b.range(first, 1, last, firstCp - 1), { wrap: true });
  b.style(b.range(first, firstCp, last, cols - 1), { hAlign: "center", vAlign: "middle" });
  b.spec.validations.push({
    range: b.range(first, firstCp, last, cols - 1),
    list: t.scale.map((o) => o.key),
    strict: false,
  });
  b.spec.frozenRows = header + 1;
  b.spec.columnWidths = [84, 300, ...t.descriptorColumns.map(() => 260), ...t.checkpoints.map(() => 64)];
  // Descriptor columns the template leaves wholly empty are for the school to write (a "write your
  // own" template), so only the codes and standards are locked there.
  const written = t.sections.some((s) => s.items.some((i) => Object.keys(i.descriptors ?? {}).length > 0));
  b.spec.protectedRanges.push({
    range: b.range(header, 0, last, written ? firstCp - 1 : 1),
    description: "Standards come from the template: change the template, not the tab.",
  });
  return b.build();
}

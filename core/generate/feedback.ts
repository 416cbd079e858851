/**
 * A professional-meeting feedback form: header fields (Meeting, Date, Chair, Observer), then
 * Strand | Code | Standard | Key indicators | Positive | Development, one row per code. The
 * observer writes a comment (or a tick) under Positive or Development. Each code's Outstanding and
 * Below-minimum meeting standards are attached as a note, so the guidance sits where it is needed.
 */
import type { FeedbackTemplate } from "../template.js";
import { HEADER_FILL, SheetBuilder, TITLE_SIZE } from "./builder.js";

export const FEEDBACK_HEADERS = ["Strand", "Code", "Standard", "Key indicators"] as const;

export function feedbackSheet(
  t: FeedbackTemplate,
  fields: Readonly<Record<string, string>>,
  opts: { name: string },
) {
  const cols = FEEDBACK_HEADERS.length + t.columns.length;
  const b = new SheetBuilder(opts.name, cols, { templateId: t.id, version: t.version, role: "feedback" });
  const title = b.row([t.title]);
  b.merge(title, 0, title, cols - 1);
  b.style(b.range(title, 0, title, cols - 1), { bold: true, fontSize: TITLE_SIZE });
  for (const p of [...t.instructions, ...t.guidance]) b.paragraph(p);
  b.row();
  const f0 = b.nextRow;
  for (const field of t.fields) {
    const r = b.row([field, fields[field] ?? ""]);
    b.merge(r, 1, r, cols - 1);
  }
  b.style(b.range(f0, 0, b.nextRow - 1, 0), { bold: true, fill: HEADER_FILL, border: true });
  b.style(b.range(f0, 1, b.nextRow - 1, cols - 1), { border: true, numberFormat: "@" });
  b.row();
  const header = b.row([...FEEDBACK_HEADERS, ...t.columns]);
  b.style(b.range(header, 0, header, cols - 1), { bold: true, fill: HEADER_FILL, border: true });
  const first = b.nextRow;
  for (const strand of t.strands) {
    const s0 = b.nextRow;
    strand.items.forEach((item, i) => {
      const r = b.row([
        i === 0 ? `${strand.letter} ${strand.title}` : null,
        item.code,
        item.name,
        i === 0 ? strand.indicators : null,
      ]);
      const guide = [
        item.fullName ? `${item.code} - ${item.fullName}` : null,
        item.outstanding ? `Outstanding: ${item.outstanding}` : null,
        item.belowMinimum ? `Below minimum standards: ${item.belowMinimum}` : null,
      ].filter((x): x is string => x !== null);
      if (guide.length > 0) b.spec.notes.push({ cell: b.cell(r, 1), text: guide.join("\n") });
    });
    b.merge(s0, 0, b.nextRow - 1, 0);
    b.merge(s0, 3, b.nextRow - 1, 3);
  }
  const last = b.nextRow - 1;
  b.style(b.range(first, 0, last, cols - 1), { border: true, vAlign: "top", wrap: true });
  b.style(b.range(first, 0, last, 0), { bold: true });
  b.spec.frozenRows = header + 1;
  b.spec.columnWidths = [110, 56, 200, 260, ...t.columns.map(() => 220)];
  b.spec.protectedRanges.push({
    range: b.range(header, 0, last, FEEDBACK_HEADERS.length - 1),
    description: "The standards come from the template.",
  });
  return b.build();
}

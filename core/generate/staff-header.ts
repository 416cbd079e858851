/**
 * The block above every staff tab's table (design §2): the template title, its instructions, a key in
 * words, and labelled cells Name, Role, Grade band, Appraiser, Year. Staff details are written as
 * plain text values; hosts store every string as text, so a name like "=HYPERLINK(...)" stays a name.
 */
import type { StaffDetails } from "../staff-list.js";
import { HEADER_FILL, SheetBuilder, TITLE_SIZE } from "./builder.js";

export const FIELD_LABELS = ["Name", "Role", "Grade band", "Appraiser", "Year"] as const;

/** The school year that contains `date` ("2026-27" from September on). */
export function schoolYear(date: Date): string {
  const y = date.getUTCFullYear();
  const start = date.getUTCMonth() >= 8 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

export function staffHeader(
  b: SheetBuilder,
  title: string,
  paragraphs: readonly string[],
  staff: StaffDetails,
  year: string,
): void {
  const t = b.row([title]);
  b.merge(t, 0, t, b.cols - 1);
  b.style(b.range(t, 0, t, b.cols - 1), { bold: true, fontSize: TITLE_SIZE });
  for (const p of paragraphs) b.paragraph(p);
  b.row();
  const values = [staff.name, staff.role, staff.band, staff.appraiser, staff.year ?? year];
  const first = b.nextRow;
  FIELD_LABELS.forEach((label, i) => {
    const r = b.row([label, values[i] ?? ""]);
    b.merge(r, 1, r, b.cols - 1);
  });
  const last = b.nextRow - 1;
  b.style(b.range(first, 0, last, 0), { bold: true, fill: HEADER_FILL, border: true });
  b.style(b.range(first, 1, last, b.cols - 1), { border: true, numberFormat: "@" });
  b.row();
}

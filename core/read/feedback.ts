/**
 * Reading meeting feedback forms back and rolling many up: per code, how many forms marked it
 * Positive or Development, with the comments written; per strand, the totals. A cell counts as
 * marked when it has any text; text that is only a tick mark ("✓", "x", "y", "yes") is a mark with
 * no comment.
 */
import type { TabSnapshot } from "../sheet.js";
import type { FeedbackTemplate } from "../template.js";
import { findHeader, norm, readFields, text, type Fields } from "./layout.js";

export interface FeedbackEntry {
  code: string;
  /** Text per judgement column ("Positive", "Development"), "" when empty. */
  marks: Record<string, string>;
}

export interface FeedbackRead {
  tab: string;
  fields: Fields;
  entries: FeedbackEntry[];
}

const TICKS = new Set(["✓", "✔", "x", "y", "yes", "tick", "☑", "✅"]);

export function readFeedback(snap: TabSnapshot, t: FeedbackTemplate): FeedbackRead | null {
  const required: Record<string, readonly string[]> = { code: ["code"] };
  for (const c of t.columns) required[c] = [norm(c)];
  // A feedback form has no checkpoints: the judgement columns stand in for them.
  const header = findHeader(snap.values, required, t.columns);
  if (!header) return null;
  const codeCol = header.cols.get("code")!;
  const codes = new Set(t.strands.flatMap((s) => s.items.map((i) => i.code)));
  const entries: FeedbackEntry[] = [];
  for (let r = header.row + 1; r < snap.values.length; r++) {
    const row = snap.values[r] ?? [];
    const code = text(row[codeCol]).split(/\s|-/)[0] ?? "";
    if (!codes.has(code)) continue;
    const marks: Record<string, string> = {};
    for (const c of t.columns) marks[c] = text(row[header.cols.get(c)!]);
    entries.push({ code, marks });
  }
  return { tab: snap.name, fields: readFields(snap.values, header.row), entries };
}

export interface FeedbackCodeSummary {
  code: string;
  strand: string;
  counts: Record<string, number>;
  comments: Record<string, { tab: string; text: string }[]>;
}

/** Roll many feedback forms up per code and per strand. */
export function rollupFeedback(t: FeedbackTemplate, forms: readonly FeedbackRead[]) {
  const codes: FeedbackCodeSummary[] = t.strands.flatMap((s) =>
    s.items.map((i) => ({
      code: i.code,
      strand: s.title,
      counts: Object.fromEntries(t.columns.map((c) => [c, 0])),
      comments: Object.fromEntries(t.columns.map((c) => [c, []])),
    })),
  );
  for (const form of forms)
    for (const e of form.entries) {
      const s = codes.find((c) => c.code === e.code);
      if (!s) continue;
      for (const c of t.columns) {
        const v = e.marks[c] ?? "";
        if (v === "") continue;
        s.counts[c] = (s.counts[c] ?? 0) + 1;
        if (!TICKS.has(v.toLowerCase())) s.comments[c]!.push({ tab: form.tab, text: v });
      }
    }
  const strands = t.strands.map((s) => ({
    strand: s.title,
    counts: Object.fromEntries(
      t.columns.map((c) => [
        c,
        codes.filter((x) => x.strand === s.title).reduce((n, x) => n + (x.counts[c] ?? 0), 0),
      ]),
    ),
  }));
  return { forms: forms.length, codes, strands };
}

/**
 * Reading a rating tab back and applying the rating rule: each item's answer per checkpoint is a
 * typed scale key or label (G, "Partly", "We do this"), or else the cell's colour where the scale
 * gives options colours. Unknown values and colours become findings. Counts per option, per
 * checkpoint and per section, for roll-ups.
 */
import { a1 } from "../a1.js";
import { colourClass } from "../colour.js";
import { colourName } from "../colour-names.js";
import { finding, type Finding } from "../findings.js";
import type { TabSnapshot } from "../sheet.js";
import type { RatingTemplate } from "../template.js";
import { findHeader, norm, readFields, text, type Fields } from "./layout.js";

export const RATING_LABELS = {
  code: ["code", "ref", "reference"],
  standard: [
    "standard",
    "standards",
    "statement",
    "behaviour",
    "behaviours",
    "practice",
    "item",
    "expectedpractice",
    "principle",
  ],
} as const;

export interface RatingAnswer {
  code: string;
  section: string;
  /** Scale key per checkpoint, or null when not rated. */
  answers: Record<string, string | null>;
}

export interface RatingRead {
  tab: string;
  template: RatingTemplate;
  fields: Fields;
  items: RatingAnswer[];
  /** counts[checkpoint][key] */
  counts: Record<string, Record<string, number>>;
  findings: Finding[];
}

/** Read a rating tab against its template; null when no rating header row is found. */
export function readRating(snap: TabSnapshot, t: RatingTemplate): RatingRead | null {
  const header = findHeader(snap.values, RATING_LABELS, t.checkpoints);
  if (!header) return null;
  const codeCol = header.cols.get("code")!;
  const stdCol = header.cols.get("standard")!;
  const findings: Finding[] = [];
  const byKey = new Map<string, string>();
  for (const o of t.scale) {
    byKey.set(norm(o.key), o.key);
    byKey.set(norm(o.label), o.key);
  }
  const counts: Record<string, Record<string, number>> = {};
  for (const cp of header.checkpoints) counts[cp.name] = Object.fromEntries(t.scale.map((o) => [o.key, 0]));
  const items: RatingAnswer[] = [];
  let section = "";
  for (let r = header.row + 1; r < snap.values.length; r++) {
    const row = snap.values[r] ?? [];
    const code = text(row[codeCol]);
    const std = text(row[stdCol]);
    if (code !== "" && std === "") {
      section = code;
      continue;
    }
    if (code === "" || std === "") continue;
    const answers: Record<string, string | null> = {};
    for (const cp of header.checkpoints) {
      const cell = a1(r, cp.col);
      const typed = text(row[cp.col]);
      let answer: string | null = null;
      if (typed !== "") {
        answer = byKey.get(norm(typed)) ?? null;
        if (answer === null)
          findings.push(
            finding(
              "unknown-value",
              cell,
              cp.name,
              `${cell} says '${typed}', which is not on the scale (${t.scale.map((o) => o.key).join(", ")}): pick one from the list.`,
            ),
          );
      } else {
        const fill = snap.fills[r]?.[cp.col] ?? null;
        const cls = colourClass(fill);
        if (cls !== "blank") {
          answer = t.scale.find((o) => o.colour === cls)?.key ?? null;
          if (answer === null)
            findings.push(
              finding(
                "unknown-colour",
                cell,
                cp.name,
                `${cell} is coloured ${colourName(fill) ?? "with a colour"}, which means nothing on this scale: type one of ${t.scale.map((o) => o.key).join(", ")} instead.`,
              ),
            );
        }
      }
      answers[cp.name] = answer;
      if (answer !== null) counts[cp.name]![answer] = (counts[cp.name]![answer] ?? 0) + 1;
    }
    items.push({ code, section, answers });
  }
  return {
    tab: snap.name,
    template: t,
    fields: readFields(snap.values, header.row),
    items,
    counts,
    findings,
  };
}

/**
 * Templates as data: the schema every file in templates/ must satisfy, and the loader that turns
 * unknown JSON into a typed Template or throws one LadderError naming the file, the JSON path and
 * what is wrong (nothing is ever half-loaded).
 *
 * Kinds are few and generic, so a trust adds its own framework by adding a JSON file:
 * - ladder:   statements in levels, coloured per checkpoint under the cumulative rule (design §3)
 * - rating:   items in sections, each rated per checkpoint on a scale (typed value or colour)
 * - feedback: a meeting feedback form (strands of coded items, Positive / Development columns)
 * - chart:    level names and descriptions, grade bands and their zones (design §4)
 */
import * as z from "zod";
import { LadderError } from "./errors.js";

const text = z.string().trim().min(1, "must be non-empty text");
const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens, like 'equip-teacher'");

export const CHECKPOINTS = ["Sep", "Mid", "Jul"] as const;
export type Checkpoint = (typeof CHECKPOINTS)[number];

const checkpoints = z
  .array(text)
  .min(1)
  .refine((a) => new Set(a).size === a.length, "checkpoint names must be unique");

const common = {
  id,
  version: z.number().int().positive(),
  title: text,
  /** Where the wording comes from (seed file and section), for people maintaining templates. */
  source: text,
  description: z.string().optional(),
  /** Shown above the table, one paragraph per entry. */
  instructions: z.array(text).default([]),
  /** For people maintaining the template (how it was transcribed, choices made); not shown on tabs. */
  notes: z.array(text).optional(),
};

const ladderStatement = z.strictObject({
  /** Sub-item numeral shown in the Level column ("i", "ii", ...); the first row of a level shows the level. */
  numeral: z.string().trim().min(1).optional(),
  text,
});

const ladderLevel = z.strictObject({
  level: z.number().int().min(1).max(10),
  name: text,
  /** Shown as a note on the level's first cell. */
  note: z.string().optional(),
  /** The seed's "Examples" for the level (Staff / Students / Governors), one paragraph each; in the same note. */
  examples: z.array(text).optional(),
  statements: z.array(ladderStatement).min(1),
});

/**
 * The appraisal year beside the ladder (issue 14): the three objectives and the STAR project's steps
 * in the framework's own words. The record's layout and labels are core's (generate/record.ts).
 */
const ladderRecord = z.strictObject({
  /** Why a target: shown as a note on the target cell. */
  targetNote: z.string().optional(),
  /** Exactly three: main role, STAR project, leadership. `guidance` is shown as a note on the title. */
  objectives: z.array(z.strictObject({ title: text, guidance: z.string().optional() })).length(3),
  starTitle: text,
  /** The STAR project's steps, in order, each ticked with a date when done. */
  starSteps: z.array(text).length(6),
});

export const ladderSchema = z.strictObject({
  ...common,
  kind: z.literal("ladder"),
  checkpoints,
  /** A tab can be generated up to any level from min to max; default is max. */
  generate: z.strictObject({ minLevel: z.number().int().min(1), maxLevel: z.number().int().max(10) }),
  levels: z.array(ladderLevel).min(1),
  /** The appraisal year record beside the ladder; ladders without it get none. */
  record: ladderRecord.optional(),
});

const scaleOption = z.strictObject({
  /** What a person types (or picks from the drop-down): "G", "Yes", "We do this". */
  key: text,
  label: text,
  /** Fill colour class that also means this option, when people colour instead of typing. */
  colour: z.enum(["green", "amber", "red"]).optional(),
  /** Ordinal score for roll-ups (higher is better); omit for options with no order. */
  score: z.number().optional(),
});

const ratingItem = z.strictObject({
  code: text,
  text,
  /** Descriptor per descriptor column, keyed by the column label (for example "Outstanding"). */
  descriptors: z.record(z.string(), z.string()).optional(),
});

const ratingSection = z.strictObject({
  code: z.string().optional(),
  title: text,
  /** A grouping above the section (for example a headteacher-standards domain). */
  domain: z.string().optional(),
  description: z.string().optional(),
  items: z.array(ratingItem).min(1),
});

export const ratingSchema = z.strictObject({
  ...common,
  kind: z.literal("rating"),
  checkpoints,
  scale: z.array(scaleOption).min(2),
  /** Extra read-only columns between the item text and the checkpoints (e.g. Outstanding, Below minimum). */
  descriptorColumns: z.array(text).default([]),
  sections: z.array(ratingSection).min(1),
});

const feedbackItem = z.strictObject({
  code: text,
  /** The label on the form ("QE2 - Explaining"). */
  name: text,
  /** The longer name in the meeting standards ("Explaining clearly"), if different. */
  fullName: z.string().optional(),
  outstanding: z.string().optional(),
  belowMinimum: z.string().optional(),
});

const feedbackStrand = z.strictObject({
  letter: text,
  title: text,
  /** The key indicators paragraph for the strand. */
  indicators: text,
  items: z.array(feedbackItem).min(1),
});

export const feedbackSchema = z.strictObject({
  ...common,
  kind: z.literal("feedback"),
  /** Header fields filled in per meeting: Meeting, Date, Chair, Observer. */
  fields: z.array(text).min(1),
  /** The two judgement columns, normally Positive and Development. */
  columns: z.array(text).min(1),
  strands: z.array(feedbackStrand).min(1),
  /** Guidance notes (for example the Outstanding / Below-minimum meeting standards headings). */
  guidance: z.array(text).default([]),
});

export const ZONES = ["below", "entry", "expected", "beyond"] as const;
export type Zone = (typeof ZONES)[number];

const zoneStyle = z.strictObject({
  zone: z.enum(ZONES),
  label: text,
  /** Fill for this zone, '#rrggbb'. Colour is never the only signal: label and symbol go with it. */
  fill: z.string().regex(/^#[0-9a-f]{6}$/, "must be a lower-case '#rrggbb' colour"),
  symbol: text,
  meaning: text,
});

const band = z.strictObject({
  band: z.number().int().min(1),
  teaching: text,
  nonTeaching: text,
  governance: text,
  /** Levels 'entry' for this band (new to the role). */
  entry: z.array(z.number().int().min(0).max(10)),
  /** Levels 'expected' for this band. Above the highest is 'beyond'; below entry and expected is 'below'. */
  expected: z.array(z.number().int().min(0).max(10)).min(1),
});

export const chartSchema = z.strictObject({
  ...common,
  kind: z.literal("chart"),
  levels: z
    .array(z.strictObject({ level: z.number().int().min(1).max(10), name: text, description: z.string() }))
    .min(1),
  bands: z.array(band).min(1),
  /** Held in ZONES order (Below -> Entry -> Expected -> Beyond) whatever the file's order, so every
   * table, key and chart series lists the zones the same way. */
  zones: z
    .array(zoneStyle)
    .length(4)
    .transform((zs) => [...zs].sort((a, b) => ZONES.indexOf(a.zone) - ZONES.indexOf(b.zone))),
  /** The seed's key paragraph under the chart. */
  key: z.string().optional(),
});

export const templateSchema = z.discriminatedUnion("kind", [
  ladderSchema,
  ratingSchema,
  feedbackSchema,
  chartSchema,
]);

export type Template = z.infer<typeof templateSchema>;
export type LadderTemplate = z.infer<typeof ladderSchema>;
export type LadderRecordTemplate = z.infer<typeof ladderRecord>;
export type RatingTemplate = z.infer<typeof ratingSchema>;
export type FeedbackTemplate = z.infer<typeof feedbackSchema>;
export type ChartTemplate = z.infer<typeof chartSchema>;
export type Band = ChartTemplate["bands"][number];
export type TemplateKind = Template["kind"];

/** "$.levels[3].statements[0].text" from a zod path. */
function jsonPath(path: readonly PropertyKey[]): string {
  let s = "$";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : `.${String(p)}`;
  return s;
}

/**
 * Parse one template file's JSON. Throws LadderError("template-invalid") naming the file, the JSON
 * path and the problem; checks beyond the schema (unique codes, level order) are included.
 *
 * @example loadTemplate(JSON.parse(text), "templates/equip-ta.json")
 */
export function loadTemplate(json: unknown, file: string): Template {
  const parsed = templateSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${file}: ${jsonPath(i.path)}: ${i.message}`);
    throw new LadderError("template-invalid", lines[0] ?? `${file}: invalid template`, lines);
  }
  const t = parsed.data;
  const problems = semanticProblems(t).map((p) => `${file}: ${p}`);
  if (problems.length > 0) throw new LadderError("template-invalid", problems[0]!, problems);
  return t;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

function semanticProblems(t: Template): string[] {
  const out: string[] = [];
  switch (t.kind) {
    case "ladder": {
      t.levels.forEach((l, i) => {
        if (l.level !== i + 1) out.push(`$.levels[${i}].level: expected level ${i + 1}, found ${l.level}`);
      });
      const max = t.levels.length;
      if (t.generate.minLevel > t.generate.maxLevel || t.generate.maxLevel > max)
        out.push(`$.generate: levels ${t.generate.minLevel}-${t.generate.maxLevel} must lie within 1-${max}`);
      break;
    }
    case "rating": {
      const codes = t.sections.flatMap((s) => s.items.map((i) => i.code));
      for (const d of duplicates(codes)) out.push(`$.sections: duplicate item code '${d}'`);
      for (const d of duplicates(t.scale.map((o) => o.key.toLowerCase())))
        out.push(`$.scale: duplicate key '${d}'`);
      t.sections.forEach((s, si) =>
        s.items.forEach((it, ii) => {
          for (const k of Object.keys(it.descriptors ?? {}))
            if (!t.descriptorColumns.includes(k))
              out.push(`$.sections[${si}].items[${ii}].descriptors.${k}: not one of descriptorColumns`);
        }),
      );
      break;
    }
    case "feedback": {
      const codes = t.strands.flatMap((s) => s.items.map((i) => i.code));
      for (const d of duplicates(codes)) out.push(`$.strands: duplicate item code '${d}'`);
      break;
    }
    case "chart": {
      for (const d of duplicates(t.bands.map((b) => String(b.band))))
        out.push(`$.bands: duplicate band ${d}`);
      for (const d of duplicates(t.zones.map((z) => z.zone))) out.push(`$.zones: duplicate zone '${d}'`);
      break;
    }
  }
  return out;
}

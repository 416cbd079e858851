/**
 * One entry point for a tab: recognise it (marker first, then the header row), read it with the
 * right reader and apply the right rule. Hosts and the command line call this and nothing lower,
 * so a tab gives the same answer everywhere.
 */
import { builtinTemplates, gradeBands } from "./catalog.js";
import { finding, type Finding } from "./findings.js";
import { readFeedback, type FeedbackRead } from "./read/feedback.js";
import { checkpointsRenamed, findLadderHeader, readLadder } from "./read/ladder.js";
import type { Fields } from "./read/layout.js";
import { readRating, type RatingRead } from "./read/rating.js";
import type { YearRecord } from "./read/record.js";
import { checkLadder, type Levels } from "./rules.js";
import { parseMarker, type Marker, type TabSnapshot } from "./sheet.js";
import type { LadderTemplate, Template } from "./template.js";
import { resolveBand } from "./zones.js";

export type TabKind = "ladder" | "rating" | "feedback";

export interface TabCheck {
  tab: string;
  kind: TabKind | null;
  template: Template | null;
  marker: Marker | null;
  fields: Fields;
  findings: Finding[];
  /** Ladder tabs: level per checkpoint. */
  levels: Levels | null;
  rating: RatingRead | null;
  feedback: FeedbackRead | null;
  /** Why the tab was not read (null when it was). Our own summary tabs say so too. */
  skipped: string | null;
  /** Ladder tabs: the appraisal year record beside the ladder, or null when the tab has none. */
  record?: YearRecord | null;
}

/** Tabs the roll-up writes itself (and the school register of person files); never read as staff tabs. */
export const OWN_ROLES = new Set(["summary", "chart", "trust", "register"]);

function blank(snap: TabSnapshot, marker: Marker | null, skipped: string): TabCheck {
  return {
    tab: snap.name,
    kind: null,
    template: null,
    marker,
    fields: {},
    findings: [],
    levels: null,
    rating: null,
    feedback: null,
    skipped,
  };
}

/** The ladder template whose statements best match the tab (for unmarked copies). */
function guessLadder(templates: readonly Template[]): LadderTemplate | null {
  const ladders = templates.filter((t): t is LadderTemplate => t.kind === "ladder");
  return ladders.length === 1 ? ladders[0]! : null;
}

/**
 * Check one tab.
 * @example checkTab(snapshot).levels // { Sep: 3, Mid: 4, Jul: null }
 */
export function checkTab(snap: TabSnapshot, templates: readonly Template[] = builtinTemplates()): TabCheck {
  const marker = parseMarker(snap.marker);
  if (marker && OWN_ROLES.has(marker.role)) return blank(snap, marker, "made by the roll-up");
  const marked = marker ? (templates.find((t) => t.id === marker.templateId) ?? null) : null;

  if (marked?.kind === "rating") {
    const rating = readRating(snap, marked);
    if (!rating)
      return blank(snap, marker, `no header row with Code, Standard and ${marked.checkpoints.join(", ")}`);
    return {
      ...blank(snap, marker, ""),
      kind: "rating",
      template: marked,
      fields: rating.fields,
      findings: rating.findings,
      rating,
      skipped: null,
    };
  }
  if (marked?.kind === "feedback") {
    const fb = readFeedback(snap, marked);
    if (!fb) return blank(snap, marker, `no header row with Code, ${marked.columns.join(", ")}`);
    return {
      ...blank(snap, marker, ""),
      kind: "feedback",
      template: marked,
      fields: fb.fields,
      feedback: fb,
      skipped: null,
    };
  }

  if (marked?.kind === "ladder" || findLadderHeader(snap.values)) {
    const template = marked?.kind === "ladder" ? marked : guessLadder(templates);
    const read = readLadder(snap, template, marker);
    if (!read)
      return blank(
        snap,
        marker,
        checkpointsRenamed(snap.values) ??
          "no header row with Level, Minimum standard and Sep, Mid or Jul (was it deleted or renamed?)",
      );
    if (read.rows.length === 0)
      return blank(snap, marker, "the header row is there but no statements are under it");
    const { findings, levels } = checkLadder(read, snap);
    const chart = gradeBands(templates);
    const bandCell = read.fields.band ?? "";
    if (!resolveBand(bandCell, chart))
      findings.push(
        finding(
          "band-unknown",
          "A1",
          null,
          bandCell === ""
            ? "No grade band is given, so the level cannot be compared with the level expected: fill in Grade band."
            : `'${bandCell}' is not a grade band on the grade-band chart: use a band number or one of its labels.`,
        ),
      );
    if ((read.fields.name ?? "") === "")
      findings.push(
        finding("name-missing", "A1", null, "The Name cell is empty: the tab name is used instead."),
      );
    return {
      ...blank(snap, marker, ""),
      kind: "ladder",
      template,
      fields: read.fields,
      findings,
      levels,
      skipped: null,
      record: read.record,
    };
  }

  // Unmarked rating tabs copied from another file: the rating template whose codes match best.
  let best: { score: number; check: TabCheck } | null = null;
  for (const t of templates) {
    if (t.kind !== "rating") continue;
    const rating = readRating(snap, t);
    if (!rating || rating.items.length === 0) continue;
    const codes = new Set(t.sections.flatMap((s) => s.items.map((i) => i.code)));
    const score = rating.items.filter((i) => codes.has(i.code)).length;
    if (best === null || score > best.score)
      best = {
        score,
        check: {
          ...blank(snap, marker, ""),
          kind: "rating",
          template: t,
          fields: rating.fields,
          findings: rating.findings,
          rating,
          skipped: null,
        },
      };
  }
  if (best && best.score > 0) return best.check;
  return blank(
    snap,
    marker,
    checkpointsRenamed(snap.values) ??
      "it has no header row with Level, Minimum standard, Sep, Mid and Jul, and it was not made by ladder-sheets, so it is not read as a staff tab",
  );
}

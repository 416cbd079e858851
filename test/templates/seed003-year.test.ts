/**
 * The templates issue 14 adds from seed 003, checked against the seed's own text (excerpts copied
 * verbatim into test/fixtures/seed003-*.txt, tab-separated as extracted): the "How do the Levels in
 * the Leadership Ladder link to EQUIP?" table, the support-staff standards with their regrouping
 * (UR2-4 under Understand, IE1-4 under Inspire learning, the uncoded Reflective row as UR1), and the
 * blank support-staff standards a school writes itself.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ratingSheet } from "../../core/generate/rating.js";
import { readRating } from "../../core/read/rating.js";
import { snapshotOf } from "../../core/snapshot.js";
import {
  loadTemplate,
  type LadderTemplate,
  type RatingTemplate,
  type Template,
} from "../../core/template.js";
import levelsJson from "../../templates/equip-ladder-levels.json";
import ladderJson from "../../templates/leadership-ladder.json";
import blankJson from "../../templates/equip-support-staff-blank.json";
import supportJson from "../../templates/equip-support-staff.json";
import { ANN } from "../helpers.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const seedLines = (file: string): string[][] =>
  readFileSync(join(FIXTURES, file), "utf8")
    .split("\n")
    .map((l) => l.split("\t"));

function ladderTemplate(json: unknown, file: string): LadderTemplate {
  const t: Template = loadTemplate(json, file);
  if (t.kind !== "ladder") throw new Error(`${file}: expected a ladder template, got ${t.kind}`);
  return t;
}

function rating(json: unknown, file: string): RatingTemplate {
  const t: Template = loadTemplate(json, file);
  if (t.kind !== "rating") throw new Error(`${file}: expected a rating template, got ${t.kind}`);
  return t;
}
const items = (t: RatingTemplate) => t.sections.flatMap((s) => s.items);

describe("How do the Levels in the Leadership Ladder link to EQUIP? (seed 003)", () => {
  const t = rating(levelsJson, "templates/equip-ladder-levels.json");
  const seed = seedLines("seed003-equip-levels.txt");
  const header = seed.find((r) => r[0] === "EQUIP")!;
  const rows = seed.slice(seed.indexOf(header) + 1).filter((r) => r.length === header.length);

  it("has the seed's four level columns, in order", () => {
    expect(header.slice(1)).toEqual([
      "Level 8 +",
      "Level 6-7 Expectations",
      "Level 3-5 Expectations",
      "Level 1-2 Expectations",
    ]);
    expect(t.descriptorColumns).toEqual(header.slice(1));
  });

  it("has every row of the seed's table, cell for cell, in the seed's order", () => {
    expect(rows).toHaveLength(6);
    expect(items(t)).toHaveLength(rows.length);
    items(t).forEach((item, i) => {
      const seedRow = rows[i]!;
      header.slice(1).forEach((col, k) => expect(item.descriptors?.[col]).toBe(seedRow[k + 1]!.trim()));
    });
  });

  it("names each row's strand as the seed does, with the letter joined back ('E xpect' -> 'Expect')", () => {
    const seedStrands = rows.map((r) => r[0]!.replace(/^([A-Z]) /, "$1"));
    expect(seedStrands).toEqual([
      "Expect the best",
      "Question deeply",
      "",
      "Understand goals",
      "Inspire learning",
      "Praise positive",
    ]);
    expect(t.sections.map((s) => [s.code, s.title, s.items.map((i) => i.code)])).toEqual([
      ["E", "Expect the best", ["E"]],
      ["Q", "Question deeply", ["Q1", "Q2"]],
      ["U", "Understand goals", ["U"]],
      ["I", "Inspire learning", ["I"]],
      ["P", "Praise positive", ["P"]],
    ]);
    // The unlabelled second Question deeply row is said to be so, not given a name the seed lacks.
    expect(items(t)[2]!.text).toBe("Question deeply (second row)");
    expect(t.notes?.join(" ")).toContain("the second has nothing in the EQUIP column");
  });

  it("carries the seed's caveat and a scale no spreadsheet turns into a date", () => {
    expect(t.instructions[0]).toBe(
      "The following descriptions are an attempt to provide broad differentiation and not as a literal guide.",
    );
    expect(t.scale.map((o) => o.key)).toEqual(["L1-2", "L3-5", "L6-7", "L8+"]);
    for (const o of t.scale) expect(o.key).not.toMatch(/^\d+-\d+$/);
  });

  it("makes a tab that reads back: a rating per strand and checkpoint", () => {
    const spec = ratingSheet(t, ANN, { year: "2026-27", name: "Ann Lee" });
    expect(spec.marker?.templateId).toBe(t.id);
    const snap = snapshotOf(spec);
    const q2 = snap.values.findIndex((r) => r[0] === "Q2");
    snap.values[q2]![6] = "L3-5"; // Sep: the first checkpoint column after Code, Standard and 4 levels
    const read = readRating(snap, t)!;
    const answer = read.items.find((i) => i.code === "Q2")!;
    expect(answer.answers.Sep).toBe("L3-5");
  });
});

describe("Support Staff Standards (Generic): the seed's grouping and UR1", () => {
  const t = rating(supportJson, "templates/equip-support-staff.json");
  const seed = seedLines("seed003-support-staff.txt");
  /** Seed rows that carry a code in the Shorthand column: code -> [Outstanding, Below minimum]. */
  const coded = new Map(
    seed.flatMap((r) => {
      const m = /^([A-Z]{2}\d) - /.exec(r[2] ?? "");
      return m ? [[m[1]!, [r[3] ?? "", r[4] ?? ""]] as const] : [];
    }),
  );

  it("the seed's extraction puts UR2-UR4 under 'Inspire learning / Enquiry' and IE1 under 'Team Worker'", () => {
    // What the regrouping corrects, as the extracted text has it.
    const row = (code: string) => seed.find((r) => (r[2] ?? "").startsWith(`${code} - `))!;
    expect(row("UR2").slice(0, 2)).toEqual(["Inspire learning", "Enquiry"]);
    expect(row("IE1").slice(0, 2)).toEqual(["", "Team Worker"]);
    expect(row("PT1").slice(0, 2)).toEqual(["Praise positive", "Team Worker"]);
  });

  it("regroups by the codes: UR1-UR4 under Understand, IE1-IE4 under Inspire learning, and says why", () => {
    const byCode = new Map(t.sections.map((s) => [s.code ?? "", s.items.map((i) => i.code)]));
    expect(byCode.get("U")).toEqual(["UR1", "UR2", "UR3", "UR4"]);
    expect(byCode.get("I")).toEqual(["IE1", "IE2", "IE3", "IE4"]);
    expect(byCode.get("P")).toEqual(["PT1", "PT2", "PT3", "PT4"]);
    const notes = t.notes?.join(" ") ?? "";
    expect(notes).toContain("plainly an extraction error");
    expect(notes).toContain("UR2-UR4 sit under Understand goals and IE1-IE4 under Inspire learning");
  });

  it("gives the uncoded 'U Understand / R Reflective' row the code UR1, with the seed's descriptors", () => {
    // The extracted row is shifted one cell right and has no code: "", "U Understand", "R Reflective",
    // then the Outstanding and Below minimum text in their own columns.
    const uncoded = seed.find((r) => r.includes("R Reflective"))!;
    expect(uncoded.slice(0, 3)).toEqual(["", "U Understand", "R Reflective"]);
    expect(uncoded.some((c) => /^[A-Z]{2}\d - /.test(c))).toBe(false);
    expect(uncoded[3]).toMatch(/^BC4A - Identify own skills/);
    const ur1 = items(t).find((i) => i.code === "UR1")!;
    expect(ur1.text).toBe("Reflective");
    expect(ur1.descriptors).toEqual({ Outstanding: uncoded[3], "Below minimum": uncoded[4] });
    expect(t.notes?.join(" ")).toContain("so it is UR1 here");
  });

  it("keeps every coded seed row's descriptors, whichever group it now sits in", () => {
    expect(coded.size).toBe(23); // all codes but UR1
    for (const [code, [outstanding, below]] of coded) {
      const item = items(t).find((i) => i.code === code)!;
      expect(item, code).toBeDefined();
      if (outstanding === "") expect(item.descriptors, code).toBeUndefined();
      else expect(item.descriptors, code).toEqual({ Outstanding: outstanding, "Below minimum": below });
    }
  });
});

describe("Support Staff Standards (Blank to write your own)", () => {
  const t = rating(blankJson, "templates/equip-support-staff-blank.json");
  const generic = rating(supportJson, "templates/equip-support-staff.json");

  it("has the generic set's strands, codes and shorthand, and no descriptors at all", () => {
    expect(t.title).toBe("Support Staff Standards (Blank to write your own)");
    expect(t.sections.map((s) => [s.code, s.title])).toEqual(generic.sections.map((s) => [s.code, s.title]));
    expect(items(t).map((i) => [i.code, i.text])).toEqual(items(generic).map((i) => [i.code, i.text]));
    expect(items(t).every((i) => i.descriptors === undefined)).toBe(true);
    expect(t.descriptorColumns).toEqual(["Outstanding", "Below minimum"]);
    expect(t.instructions[0]).toMatch(/^Write your own standards for the role/);
  });

  it("leaves the descriptor columns unlocked on the tab for the school to write; the generic set locks them", () => {
    const blankTab = ratingSheet(t, ANN, { year: "2026-27", name: "Ann Lee" });
    const genericTab = ratingSheet(generic, ANN, { year: "2026-27", name: "Ann Lee" });
    const lockedCols = (range: string) => /^([A-Z]+)\d+:([A-Z]+)\d+$/.exec(range)!.slice(1).join("-");
    expect(blankTab.protectedRanges.map((p) => lockedCols(p.range))).toEqual(["A-B"]);
    expect(genericTab.protectedRanges.map((p) => lockedCols(p.range))).toEqual(["A-D"]);
  });
});

describe("each level's Examples on the ladder tab (seed 003, Summary of levels)", () => {
  const t = ladderTemplate(ladderJson, "templates/leadership-ladder.json");
  // The seed's table as text: its cells' HTML tags dropped and spaces collapsed. One obvious typo
  // is fixed in the template ("means' e.g." -> "means, e.g."), as the seeds' README allows.
  const seed = readFileSync(join(FIXTURES, "seed003-level-summary.txt"), "utf8")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .replace("‘evidence based’ means’ e.g.", "‘evidence based’ means, e.g.");

  it("carries every example paragraph word for word from the seed's level table", () => {
    const examples = t.levels.flatMap((l) => (l.examples ?? []).map((e) => [l.level, e] as const));
    expect(examples.length).toBeGreaterThan(30);
    for (const [level, e] of examples) expect(seed, `level ${level}`).toContain(e.replace(/\s+/g, " "));
  });

  it("gives levels 1-7 staff and governors' examples, and levels 1-6 students' too", () => {
    const starts = (level: number, who: RegExp) =>
      (t.levels.find((l) => l.level === level)?.examples ?? []).some((e) => who.test(e));
    for (let level = 1; level <= 7; level++) {
      expect(starts(level, /^(All staff|Staff)\b/), `level ${level}`).toBe(true);
      expect(starts(level, /^Governors\/Trustees/), `level ${level}`).toBe(true);
    }
    for (let level = 1; level <= 6; level++)
      expect(starts(level, /^Students\b/), `level ${level}`).toBe(true);
  });
});

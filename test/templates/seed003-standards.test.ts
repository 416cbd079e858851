// Seed 003 standards templates: each loads through the schema and carries the seed's own wording.
import { describe, it, expect } from "vitest";
import { loadTemplate } from "../../core/template.js";
import type { FeedbackTemplate, RatingTemplate } from "../../core/template.js";
import teacherJson from "../../templates/equip-teacher.json";
import taJson from "../../templates/equip-ta.json";
import supportJson from "../../templates/equip-support-staff.json";
import headJson from "../../templates/headteacher-standards.json";
import meetingJson from "../../templates/equip-meeting-feedback.json";

const EQUIP_CODES = [
  ...["ES1", "ES2", "ES3", "ES4"],
  ...["QE1", "QE2", "QE3", "QE4", "QC1", "QC2", "QC3", "QC4"],
  ...["UR1", "UR2", "UR3", "UR4"],
  ...["IE1", "IE2", "IE3", "IE4"],
  ...["PT1", "PT2", "PT3", "PT4"],
];
const STRAND_TITLES = [
  "Expect the best",
  "Question deeply",
  "Understand goals",
  "Inspire learning",
  "Praise positive",
];

function rating(json: unknown, file: string): RatingTemplate {
  const t = loadTemplate(json, file);
  if (t.kind !== "rating") throw new Error(`${file}: expected a rating template, got ${t.kind}`);
  return t;
}

function feedback(json: unknown, file: string): FeedbackTemplate {
  const t = loadTemplate(json, file);
  if (t.kind !== "feedback") throw new Error(`${file}: expected a feedback template, got ${t.kind}`);
  return t;
}

function items(t: RatingTemplate) {
  return t.sections.flatMap((s) => s.items);
}

function item(t: RatingTemplate, code: string) {
  const found = items(t).find((i) => i.code === code);
  if (!found) throw new Error(`${t.id}: no item ${code}`);
  return found;
}

describe("EQUIP rating templates (teacher, TA, support staff)", () => {
  const all = [
    rating(teacherJson, "templates/equip-teacher.json"),
    rating(taJson, "templates/equip-ta.json"),
    rating(supportJson, "templates/equip-support-staff.json"),
  ];

  it.each(all.map((t) => [t.id, t] as const))("%s has the 24 EQUIP codes in five strands", (_id, t) => {
    expect(items(t).map((i) => i.code)).toEqual(EQUIP_CODES);
    expect(t.sections.map((s) => s.code)).toEqual(["E", "Q", "U", "I", "P"]);
    expect(t.sections.map((s) => s.title)).toEqual(STRAND_TITLES);
    expect(t.sections.map((s) => s.items.length)).toEqual([4, 8, 4, 4, 4]);
    expect(t.descriptorColumns).toEqual(["Outstanding", "Below minimum"]);
    expect(t.checkpoints).toEqual(["Sep", "Mid", "Jul"]);
    expect(t.scale.map((o) => [o.key, o.colour])).toEqual([
      ["G", "green"],
      ["A", "amber"],
      ["R", "red"],
    ]);
  });

  it("carries no HTML or bullet characters", () => {
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/<\/?[a-z]+[^>]*>/i);
    expect(text).not.toContain("•");
  });

  it("teacher standards keep the seed's wording", () => {
    const t = all[0]!;
    expect(item(t, "ES1").text).toBe("Consistent approach");
    expect(item(t, "ES1").descriptors?.Outstanding).toBe(
      "Establishing very clear working boundaries so new ideas are easier to try. People feel safe to experiment",
    );
    expect(item(t, "ES1").descriptors?.["Below minimum"]).toBe(
      "Inconsistency in books and expressed by pupils. Lack of clarity over the rules. (MR)",
    );
    expect(item(t, "UR2").text).toBe("Links all work to the objectives");
    expect(item(t, "IE3").descriptors?.Outstanding).toContain(
      "Magpie! Draws on a wide range of methods and ideas.",
    );
    expect(item(t, "PT4").text).toBe("Evaluation class ethos");
  });

  it("TA standards keep the STL references", () => {
    const t = all[1]!;
    expect(item(t, "ES1").descriptors?.Outstanding).toBe(
      "STL19/37 - Applies the same approach as the teacher. Consistently and positively applies the teacher rules",
    );
    expect(item(t, "IE2").text).toBe("Being Evaluative");
    expect(item(t, "PT4").text).toBe("Maintains a class ethos");
    expect(item(t, "PT2").descriptors?.Outstanding).toMatch(/^STL54\/57 - Proactively fills gaps/);
  });

  it("support staff standards pair the 'others / yourself' shorthands and leave the seed's gaps empty", () => {
    const t = all[2]!;
    expect(item(t, "ES1").text).toBe("Consistent protocols / Manage risk by following protocols");
    expect(item(t, "ES1").descriptors?.Outstanding).toBe(
      "BC4A - Find ways to learn and personally improve in the completion of day-to-day tasks",
    );
    expect(item(t, "PT4").descriptors?.["Below minimum"]).toBe(
      "Focuses on the failings of others or problems for which they themselves cannot offer a useful solution",
    );
    const empty = items(t)
      .filter((i) => i.descriptors === undefined)
      .map((i) => i.code);
    expect(empty).toEqual(["ES2", "ES3", "QE3", "QE4", "QC2", "IE4", "PT2"]);
    expect(t.description).toContain("BC4A = Building Capacity for All");
  });
});

describe("National Headteacher Standards", () => {
  const t = rating(headJson, "templates/headteacher-standards.json");

  it("has the 48 standards numbered 1-48 in order", () => {
    expect(items(t).map((i) => i.code)).toEqual(Array.from({ length: 48 }, (_, i) => String(i + 1)));
  });

  it("groups them into Section 1 and Domains One to Ten", () => {
    const domains = [...new Set(t.sections.map((s) => s.domain))];
    expect(domains).toEqual([
      "Section 1: Ethics and Professional Conduct",
      "Domain One: School Culture",
      "Domain Two: Teaching",
      "Domain Three: Curriculum and assessment",
      "Domain Four: Behaviour",
      "Domain Five: Additional and Special Educational needs and disabilities",
      "Domain Six: Professional Development",
      "Domain Seven: Organisational Management",
      "Domain Eight: Continuous School Improvement",
      "Domain Nine: Working in Partnership",
      "Domain Ten: Governance and Accountability",
    ]);
    expect(t.sections.map((s) => s.items.length)).toEqual([4, 6, 5, 3, 4, 4, 4, 3, 5, 3, 3, 4]);
  });

  it("keeps the standards' wording", () => {
    expect(item(t, "1").text).toBe(
      "build relationships rooted in mutual respect, and at all times observe proper boundaries appropriate to their professional position",
    );
    expect(item(t, "18").text).toBe("ensure effective use is made of formative assessment");
    expect(item(t, "48").text).toBe(
      "ensure the school effectively and efficiently operates within the required regulatory frameworks and meets all statutory duties",
    );
    expect(t.descriptorColumns).toEqual([]);
    expect(t.scale.map((o) => o.label)).toEqual(["Secure", "Developing", "Not yet"]);
  });
});

describe("EQUIP Professional Meeting Standards Feedback Form", () => {
  const t = feedback(meetingJson, "templates/equip-meeting-feedback.json");
  const all = t.strands.flatMap((s) => s.items);
  const byCode = (code: string) => {
    const found = all.find((i) => i.code === code);
    if (!found) throw new Error(`no item ${code}`);
    return found;
  };

  it("has the form's header fields, columns and 24 codes in five strands", () => {
    expect(t.fields).toEqual(["Meeting", "Date", "Chair", "Observer"]);
    expect(t.columns).toEqual(["Positive", "Development"]);
    expect(t.strands.map((s) => s.letter)).toEqual(["E", "Q", "U", "I", "P"]);
    expect(t.strands.map((s) => s.title)).toEqual(STRAND_TITLES);
    expect(all.map((i) => i.code)).toEqual(EQUIP_CODES);
    expect(t.guidance.length).toBeGreaterThan(0);
  });

  it("labels items as on the form, with the full names from the meeting standards", () => {
    expect(byCode("QE2").name).toBe("Explaining");
    expect(byCode("QE2").fullName).toBe("Explaining clearly");
    expect(byCode("QC3").name).toBe("HOT");
    expect(byCode("QC3").fullName).toBe("Developing HOT");
    expect(byCode("QC4").name).toBe("Flexible");
    expect(byCode("QC4").fullName).toBe("Being adaptable and flexible");
  });

  it("carries the meeting standards' Outstanding and Below minimum text", () => {
    expect(byCode("ES1").outstanding).toBe(
      "Regular meetings, agenda in advance, follow up actions completed before the meeting",
    );
    expect(byCode("ES1").belowMinimum).toBe(
      "Unprepared for the meeting, cancellations are not notified, actions from last meeting not followed up",
    );
    expect(byCode("UR1").outstanding).toBe(
      "Chair has a clear sense of where to go next and gets the level of challenge right",
    );
    expect(byCode("IE3").outstanding).toMatch(/^Magpie! /);
    for (const i of all) {
      expect(i.outstanding, i.code).toBeTruthy();
      expect(i.belowMinimum, i.code).toBeTruthy();
    }
  });

  it("has a key indicators paragraph per strand", () => {
    expect(t.strands.map((s) => s.indicators.split(":")[0])).toEqual([
      "Professional",
      "Cabinet Principle",
      "Reflective",
      "Core Purpose",
      "Positive Coaching",
    ]);
    expect(t.strands[0]!.indicators).toContain("Flexible 1/3 for wellbeing and space to listen");
  });
});

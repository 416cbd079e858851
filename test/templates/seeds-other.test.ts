/**
 * The templates transcribed from seeds 000, 001, 002, 004 and the grade-band chart of seed 003: each
 * loads through the schema, and carries the seed's structure and wording.
 */
import { describe, it, expect } from "vitest";
import starsLeadersJson from "../../templates/stars-leaders.json";
import starsAllStaffJson from "../../templates/stars-all-staff.json";
import principlesJson from "../../templates/trust-leadership-principles.json";
import policyJson from "../../templates/leadership-policy.json";
import gradeBandsJson from "../../templates/grade-bands.json";
import { loadTemplate } from "../../core/template.js";
import type { ChartTemplate, RatingTemplate, Template } from "../../core/template.js";

function rating(json: unknown, file: string): RatingTemplate {
  const t: Template = loadTemplate(json, file);
  if (t.kind !== "rating") throw new Error(`${file}: expected a rating template, got ${t.kind}`);
  return t;
}

function chart(json: unknown, file: string): ChartTemplate {
  const t: Template = loadTemplate(json, file);
  if (t.kind !== "chart") throw new Error(`${file}: expected a chart template, got ${t.kind}`);
  return t;
}

const allItems = (t: RatingTemplate) => t.sections.flatMap((s) => s.items);
const allText = (t: RatingTemplate) => allItems(t).map((i) => i.text);
const NO_MARKUP = /<\/?[a-z][^>]*>|\*\*/i;

const STARS = ["Success", "Teamwork", "Achievement", "Respect", "Service"];

describe("stars-leaders (seed 000)", () => {
  const t = rating(starsLeadersJson, "templates/stars-leaders.json");

  it("has the five STARS values, four expected behaviours each, rated Sep/Mid/Jul on G/A/R", () => {
    expect(t.id).toBe("stars-leaders");
    expect(t.sections.map((s) => s.title)).toEqual(STARS);
    expect(t.sections.map((s) => s.items.length)).toEqual([4, 4, 4, 4, 4]);
    expect(t.checkpoints).toEqual(["Sep", "Mid", "Jul"]);
    expect(t.scale.map((o) => [o.key, o.label, o.colour])).toEqual([
      ["G", "Consistently", "green"],
      ["A", "Sometimes", "amber"],
      ["R", "Not yet", "red"],
    ]);
    expect(allItems(t).map((i) => i.code)).toEqual([
      ...["S1", "S2", "S3", "S4", "T1", "T2", "T3", "T4", "A1", "A2", "A3", "A4"],
      ...["R1", "R2", "R3", "R4", "SV1", "SV2", "SV3", "SV4"],
    ]);
  });

  it("carries the seed's wording", () => {
    expect(t.sections[0]!.description).toBe(
      "Success is for all: we create a culture of continuous improvement, encouraging all learners and staff to strive to be better, and succeed.",
    );
    expect(t.sections[0]!.items[0]!.text).toBe(
      "Support and coach your team to build a school that is truly pupil centric in everything that they do",
    );
    expect(allText(t)).toContain(
      "Hold staff to account for their pupils and own achievement and manage effectively where this is not the case",
    );
    expect(t.sections[4]!.description).toContain("Leaders at every level serve with integrity");
    expect(t.description).toContain("what STAR behaviour looks like for leaders within the Trust");
  });
});

describe("stars-all-staff (seed 001)", () => {
  const t = rating(starsAllStaffJson, "templates/stars-all-staff.json");

  it("has the five STARS values, four behaviours each, with unique codes", () => {
    expect(t.id).toBe("stars-all-staff");
    expect(t.sections.map((s) => s.title)).toEqual(STARS);
    expect(t.sections.map((s) => s.items.length)).toEqual([4, 4, 4, 4, 4]);
    expect(new Set(allItems(t).map((i) => i.code)).size).toBe(20);
    expect(t.checkpoints).toEqual(["Sep", "Mid", "Jul"]);
  });

  it("carries the seed's wording, with the obvious typos fixed", () => {
    expect(t.sections[0]!.items[0]!.text).toBe(
      "Regardless of role puts the best interest and success of pupils at the heart of everything you do",
    );
    expect(allText(t)).toContain(
      "Respectfully challenge both upwards and with your peers where you think there is room for improvement or a better way of doing things",
    );
    expect(allText(t)).toContain("Play a key role in supporting the wider community through your school");
    expect(allText(t).join(" ")).not.toMatch(/\banad\b|\bthough your school/);
  });
});

const PRINCIPLES = [
  "Culture",
  "Children First",
  "Community",
  "Clarity",
  "Communication",
  "Collaboration",
  "Change Management",
  "Capability",
  "Consistency",
  "Capacity",
];

describe("trust-leadership-principles (seed 004)", () => {
  const t = rating(principlesJson, "templates/trust-leadership-principles.json");

  it("has the ten principles in order with their 'role of leaders' statements", () => {
    expect(t.sections.map((s) => s.title)).toEqual(PRINCIPLES);
    expect(t.sections.map((s) => s.items.length)).toEqual([4, 4, 3, 3, 3, 3, 4, 5, 2, 3]);
    expect(allItems(t)).toHaveLength(34);
    expect(t.sections.every((s) => s.description?.startsWith("The role of Trust & School Leaders is"))).toBe(
      true,
    );
  });

  it("rates the current situation once, on the seed's five-point scale", () => {
    expect(t.checkpoints).toEqual(["Now"]);
    expect(t.scale.map((o) => o.label)).toEqual([
      "We do this as a trust/school",
      "We talk about doing this",
      "We don't do this",
      "I have never even thought about this",
      "We should do this as a trust/school",
    ]);
    expect(t.scale.map((o) => o.colour ?? null)).toEqual(["green", "amber", "red", null, null]);
    const should = t.scale.find((o) => o.key === "Should");
    expect(should?.colour).toBeUndefined();
    expect(should?.score).toBeUndefined();
  });

  it("carries the seed's wording, with the extraction damage repaired", () => {
    expect(t.sections[0]!.items[0]!.text).toBe(
      "To be able to articulate what the trust stands for so that change is enacted against these core principles",
    );
    expect(t.sections[1]!.items[0]!.text).toBe(
      "To be the voice of young people who have very little agency in strategic decision making",
    );
    expect(t.sections[5]!.items[0]!.text).toContain("To place a high premium on the trust");
    expect(t.sections[9]!.items[1]!.text).toBe(
      "Understand that schools in the trust will be capacity givers and takers depending on their own performance trajectory and the nature of the change being delivered",
    );
    expect(t.sections[7]!.items[3]!.text).toContain("Talent Identification");
    expect(allText(t).join(" ")).not.toMatch(/[«»]|hiPh|Aow else|8n\|/);
  });
});

describe("leadership-policy (seed 002)", () => {
  const t = rating(policyJson, "templates/leadership-policy.json");

  it("has the expected practice under six headings", () => {
    expect(t.sections.map((s) => s.title)).toEqual([
      "Improvement Planning and Self Evaluation at whole school and middle leader level",
      "Effective deployment of Leadership resource",
      "Performance Management",
      "Safeguarding",
      "Communications",
      "Development of Networks to provide opportunities for colleagues to work together in a school and at trust level",
    ]);
    expect(t.sections.map((s) => s.items.length)).toEqual([6, 7, 4, 1, 1, 3]);
    expect(t.scale.map((o) => [o.key, o.label, o.colour, o.score])).toEqual([
      ["Yes", "In place", "green", 2],
      ["Partly", "Partly in place", "amber", 1],
      ["No", "Not yet in place", "red", 0],
    ]);
  });

  it("carries the seed's wording, the three strands and the impact metrics", () => {
    expect(allText(t)).toContain(
      "Effective use of Beckfoot Trust Career Stage Teaching and Leadership Standards.",
    );
    expect(allText(t)).toContain(
      "The Safeguarding Policy is fully understood and its implementation is quality assured.",
    );
    expect(t.description).toContain(
      "1. Future Thinking: Leaders shape the strategic direction of the school.",
    );
    expect(t.description).toContain(
      "3. Delivery/Impact: Leaders deliver improvement in all key facets of school life.",
    );
    const metrics = t.instructions.find((p) => p.startsWith("Impact is measured by:"));
    expect(metrics).toContain(
      "DfE published performance outcomes: Trust and school performance is benchmarked against the top 20% of similar schools nationally.",
    );
    expect(metrics).toContain("Trust Data Dashboard; Trust and schools' scorecards.");
  });
});

describe("grade-bands (seed 003 chart)", () => {
  const t = chart(gradeBandsJson, "templates/grade-bands.json");

  it("names levels 1-10 as the seed's chart does", () => {
    expect(t.levels.map((l) => [l.level, l.name])).toEqual([
      [1, "Self-led reliability"],
      [2, "Reliable team role"],
      [3, "Develops ideas"],
      [4, "Develops others"],
      [5, "Responsibility for a team"],
      [6, "Multiple team building"],
      [7, "Whole school change"],
      [8, "MAT wide change"],
      [9, "Build strategic capacity"],
      [10, "System leadership"],
    ]);
  });

  it("describes each level by its summary heading and its own minimum criteria", () => {
    const d = t.levels.map((l) => l.description);
    expect(d[0]).toMatch(/^Supporting the Team by Being Reliable and Keeping to Deadlines\n/);
    expect(d[0]).toContain("Complete tasks reliably to a deadline and prior agreed standard.");
    expect(d[1]).toMatch(/^Being an Active Member of the Team\n/);
    expect(d[3]).toContain("Collaborates in ways that build the capacity of all");
    expect(d[6]).toMatch(/^Full and delegated complex, multi-faceted responsibility\n/);
    for (const i of [7, 8, 9])
      expect(d[i]).toMatch(/^Responsible action across numerous schools and teams\n/);
    expect(d[7]).toContain("Must involve members of staff leading change across a number of teams");
    expect(d[8]).toContain("Must involve members of staff building strategic leadership capacity in others");
    expect(d[9]).toContain("Must involve members of staff being credited with system change");
    for (const text of d) expect(text).not.toMatch(NO_MARKUP);
  });

  it("has bands 1-7 labelled exactly as design §4", () => {
    expect(t.bands.map((b) => [b.band, b.teaching, b.nonTeaching, b.governance])).toEqual([
      [1, "UNQ 1", "A-E", "LGC"],
      [2, "UNQ 2+ M1-6", "F", "+Link"],
      [3, "UPS1 TLR3", "G", "VC /TB"],
      [4, "UPS2-3 TLR2", "H-I", "Chair"],
      [5, "TLR1", "J-K", "VC TB"],
      [6, "AH", "L-M", "TB Chair"],
      [7, "DH Head", "N+", "NLG"],
    ]);
  });

  it("expects levels k and k+1 of band k, with k-1 as entry (level 0 for band 1)", () => {
    for (const b of t.bands) {
      expect(b.expected).toEqual([b.band, b.band + 1]);
      expect(b.entry).toEqual([b.band - 1]);
    }
  });

  it("styles the four zones distinctly, never by colour alone, with the seed's key", () => {
    expect(t.zones.map((z) => [z.zone, z.label])).toEqual([
      ["below", "Below"],
      ["entry", "Entry"],
      ["expected", "Expected"],
      ["beyond", "Beyond"],
    ]);
    expect(new Set(t.zones.map((z) => z.symbol)).size).toBe(4);
    expect(new Set(t.zones.map((z) => z.fill)).size).toBe(4);
    expect(t.zones.find((z) => z.zone === "entry")?.meaning).toBe(
      "New to the role: set appraisal objectives to improve your leadership level",
    );
    expect(t.key).toContain("you may be operating in the light brown region");
    expect(t.key).toContain("you should progress to the Gold expected standard.");
    expect(t.key).toContain("Those operating in the red area will be given support to rapidly improve.");
    expect(t.key).not.toMatch(NO_MARKUP);
  });
});

describe("all five templates", () => {
  it("carry no HTML tags, markdown bold or run-together bullets in any text", () => {
    for (const json of [starsLeadersJson, starsAllStaffJson, principlesJson, policyJson, gradeBandsJson]) {
      const s = JSON.stringify(json);
      expect(s).not.toMatch(NO_MARKUP);
      expect(s).not.toMatch(/\S • /);
    }
  });
});

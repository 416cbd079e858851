// The leader's to-do list on literal roll-up data: the current checkpoint, who has not filled it in,
// which tabs have errors, and everyone by appraiser.
import { describe, expect, it } from "vitest";
import { chaseList, chaseSentence, NO_APPRAISER } from "../../core/chase.js";
import { finding } from "../../core/findings.js";
import type { StaffEntry } from "../../core/rollup.js";

const CPS = ["Sep", "Mid", "Jul"];

function staff(
  name: string,
  appraiser: string,
  levels: [number | null, number | null, number | null],
  findings: StaffEntry["findings"] = [],
): StaffEntry {
  return {
    tab: name,
    name,
    role: "Teacher",
    appraiser,
    band: 3,
    bandText: "UPS1 TLR3",
    expected: "3-4",
    levels: { Sep: levels[0], Mid: levels[1], Jul: levels[2] },
    zones: { Sep: null, Mid: null, Jul: null },
    movement: null,
    findings,
  };
}

const gap = (cell: string, cp: string) =>
  finding("green-after-gap", cell, cp, `${cell} is green below a gap.`);
const drop = finding("level-dropped", "D10", "Mid", "The level dropped.");

/** Seven staff: six have Sep and Mid; one also has Jul (issue 15: Jul must not count as current). */
function school(): StaffEntry[] {
  return [
    staff("Ann Lee", "Jo Head", [3, 4, null]),
    staff("Ben Okafor", "jo  head", [2, 3, null], [gap("D20", "Mid"), gap("D22", "Mid")]),
    staff("Cara Singh", "Max Deputy", [3, null, null]),
    staff("Dev Patel", "Max Deputy", [1, 0, null], [drop]),
    staff("Eve Brown", "", [null, null, null]),
    staff("Fay Wood", "Jo Head", [4, 4, 5]),
    staff("Gus Hill", "Max Deputy", [2, 2, null], [gap("C30", "Sep")]),
  ];
}

describe("chaseList", () => {
  it("chases the latest checkpoint most staff have filled in, not the latest anyone has", () => {
    const c = chaseList({ staff: school(), checkpoints: CPS });
    expect(c.checkpoint).toBe("Mid");
    expect(c.reason).toBe("Mid is the latest checkpoint most staff have filled in (5 of 7 staff).");
  });

  it("lists who has not filled in the current checkpoint, by name", () => {
    const c = chaseList({ staff: school(), checkpoints: CPS });
    expect(c.notFilledIn.map((p) => p.name)).toEqual(["Cara Singh", "Eve Brown"]);
    expect(c.notFilledIn[0]).toMatchObject({
      tab: "Cara Singh",
      state: "not-filled-in",
      level: null,
      cell: "A1",
      text: "Mid not filled in yet.",
    });
  });

  it("lists tabs with colouring errors with the first error's cell; warnings are not chased", () => {
    const c = chaseList({ staff: school(), checkpoints: CPS });
    expect(c.withErrors.map((p) => [p.name, p.errors, p.cell])).toEqual([
      ["Ben Okafor", 2, "D20"],
      ["Gus Hill", 1, "C30"],
    ]);
    expect(c.withErrors[0]!.text).toBe("2 colouring errors, the first at D20; level 3 in Mid.");
    expect(c.withErrors.map((p) => p.name)).not.toContain("Dev Patel");
  });

  it("groups everyone by appraiser, ignoring case and spacing, with nobody named last", () => {
    const c = chaseList({ staff: school(), checkpoints: CPS });
    expect(c.byAppraiser.map((g) => [g.appraiser, g.people.map((p) => `${p.name}: ${p.state}`)])).toEqual([
      ["Jo Head", ["Ben Okafor: errors", "Ann Lee: filled-in", "Fay Wood: filled-in"]],
      ["Max Deputy", ["Gus Hill: errors", "Cara Singh: not-filled-in", "Dev Patel: filled-in"]],
      [NO_APPRAISER, ["Eve Brown: not-filled-in"]],
    ]);
    const dev = c.byAppraiser[1]!.people[2]!;
    expect(dev.text).toBe("Below level 1 in Mid.");
    expect(c.byAppraiser[0]!.people[1]!.text).toBe("Level 4 in Mid.");
  });

  it("says the whole list in one sentence, and nothing when nothing is left to do", () => {
    const c = chaseList({ staff: school(), checkpoints: CPS });
    expect(chaseSentence(c)).toBe("2 people have not filled in Mid yet; 2 staff tabs have colouring errors.");
    const done = chaseList({ staff: [staff("Ann Lee", "Jo Head", [3, null, null])], checkpoints: CPS });
    expect(done.checkpoint).toBe("Sep");
    expect(chaseSentence(done)).toBeNull();
    const one = chaseList({
      staff: [
        staff("Ann Lee", "", [3, null, null]),
        staff("Bo Ray", "", [null, null, null], [gap("C12", "Sep")]),
      ],
      checkpoints: CPS,
    });
    expect(chaseSentence(one)).toBe("1 person has not filled in Sep yet; 1 staff tab has colouring errors.");
  });

  it("with nobody filled in, chases the first checkpoint and lists everyone", () => {
    const c = chaseList({
      staff: [
        staff("Ann Lee", "Jo Head", [null, null, null]),
        staff("Bo Ray", "Jo Head", [null, null, null]),
      ],
      checkpoints: CPS,
    });
    expect(c.checkpoint).toBe("Sep");
    expect(c.reason).toBe("Nobody has filled in a checkpoint yet.");
    expect(c.notFilledIn.map((p) => p.name)).toEqual(["Ann Lee", "Bo Ray"]);
  });

  it("an empty school has nothing to chase", () => {
    const c = chaseList({ staff: [], checkpoints: CPS });
    expect(c).toMatchObject({ notFilledIn: [], withErrors: [], byAppraiser: [] });
    expect(chaseSentence(c)).toBeNull();
  });
});

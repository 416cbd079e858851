// Movement between checkpoints, on literal levels: up, same, down and not compared per step; the
// section's tables say the same as the totals, and each person's cell names both levels.
import { describe, expect, it } from "vitest";
import { moveOf, movementSection, movementTotals } from "../../core/report/movement.js";
import type { StaffEntry } from "../../core/rollup.js";
import { tableRows } from "../report/tables.js";

function person(name: string, Sep: number | null, Mid: number | null, Jul: number | null): StaffEntry {
  return {
    tab: name,
    name,
    role: "",
    appraiser: "",
    band: 3,
    bandText: "3",
    expected: "3-4",
    levels: { Sep, Mid, Jul },
    zones: {},
    movement: null,
    findings: [],
  };
}

const STAFF = [
  person("Ann", 2, 3, 3),
  person("Ben", 4, 4, 2),
  person("Cat", null, 1, 2),
  person("Dan", 0, 0, null),
  person("Eve", 5, 7, 8),
];
const CPS = ["Sep", "Mid", "Jul"];

describe("movement", () => {
  it.each([
    [2, 3, "up"],
    [3, 3, "same"],
    [4, 2, "down"],
    [0, 0, "same"],
    [null, 1, "none"],
    [1, null, "none"],
  ] as const)("%s to %s is %s", (from, to, move) => {
    expect(moveOf(from, to)).toBe(move);
  });

  it("counts each neighbouring pair of checkpoints", () => {
    expect(movementTotals({ staff: STAFF, checkpoints: CPS })).toEqual([
      { from: "Sep", to: "Mid", up: 2, same: 2, down: 0, none: 1 },
      { from: "Mid", to: "Jul", up: 2, same: 1, down: 1, none: 1 },
    ]);
  });

  it("the section's tables hold the totals and each person's two levels", () => {
    const r = {
      staff: STAFF,
      skipped: [],
      other: [],
      checkpoints: CPS,
      distribution: {},
      chartCheckpoint: "Jul",
      chartReason: "",
      chartCounts: [],
    };
    const html = movementSection(r);
    expect(tableRows(html, "movement")).toEqual(
      movementTotals(r).map((t) => [`${t.from} to ${t.to}`, ...[t.up, t.same, t.down, t.none].map(String)]),
    );
    const people = tableRows(html, "movement-people");
    expect(people[1]).toEqual(["Ben", "→ same (4 to 4)", "↓ down (4 to 2)"]);
    expect(people[2]).toEqual(["Cat", "– not compared", "↑ up (1 to 2)"]);
    expect(html).toContain('<svg role="img"');
  });
});

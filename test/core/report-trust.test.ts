// The trust report's reader: the trust tab core writes reads back to the same counts per school
// (its "Trust total" row left out), and a tab without the School / Staff header is refused.
import { describe, expect, it } from "vitest";
import { LadderError } from "../../core/errors.js";
import { readTrustTab, trustReport } from "../../core/report/trust.js";
import { snapshotOf } from "../../core/snapshot.js";
import type { SchoolCounts } from "../../core/trust.js";
import { trustSheet } from "../../core/trust.js";
import { tableRows } from "../report/tables.js";

function school(name: string, staff: number, seed: number): SchoolCounts {
  const zones: SchoolCounts["zones"] = {};
  ["Sep", "Mid", "Jul"].forEach((cp, i) => {
    const below = (seed + i) % 3;
    const entry = (seed * 2 + i) % 4;
    const expected = (seed + 2 * i) % 5;
    const beyond = i;
    zones[cp] = { below, entry, expected, beyond, none: staff - below - entry - expected - beyond };
  });
  return { school: name, staff, zones, errors: seed, warnings: seed * 2 };
}

describe("trust report", () => {
  const schools = [school("Oak <Primary>", 20, 1), school("Elm", 15, 2), school("Ash", 30, 4)];

  it("reads back the trust tab core writes, school by school", () => {
    const snap = snapshotOf(
      trustSheet(schools, { date: "2026-12-04", problems: ["x.xlsx could not be read."] }),
    );
    expect(readTrustTab(snap)).toEqual(schools);
  });

  it("shows each school's counts per checkpoint, escaped", () => {
    const html = trustReport(schools, "Trust", "From the trust tab.");
    expect(html).not.toContain("<Primary>");
    const rows = tableRows(html, "trust-table-Mid");
    expect(rows.map((r) => r[0])).toEqual(schools.map((s) => s.school));
    rows.forEach((r, i) => {
      const z = schools[i]!.zones.Mid!;
      expect(r.slice(1, 7).map(Number)).toEqual([
        schools[i]!.staff,
        z.below,
        z.entry,
        z.expected,
        z.beyond,
        z.none,
      ]);
    });
  });

  it("refuses a tab that is not a trust table", () => {
    const snap = snapshotOf(trustSheet([], { date: "2026-12-04", problems: [] }));
    snap.values = snap.values.map((r) => r.map((v) => (v === "School" ? "Name" : v)));
    expect(() => readTrustTab(snap)).toThrow(LadderError);
  });
});

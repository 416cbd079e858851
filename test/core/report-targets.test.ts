// Level against target: read back from the report's table; a missing target says "not set".
import { describe, expect, it } from "vitest";
import type { SchoolRollup, StaffEntry } from "../../core/rollup.js";
import { schoolReport } from "../../core/report/report.js";
import { HOSTILE_NAMES } from "../bad-inputs/hostile-names.js";

function person(name: string, levels: Record<string, number | null>, target?: number | null): StaffEntry {
  const base: StaffEntry = {
    tab: name,
    name,
    role: "",
    appraiser: "",
    band: 1,
    bandText: "A",
    expected: "1-2",
    levels,
    zones: {},
    movement: null,
    findings: [],
  };
  return target === undefined
    ? base
    : { ...base, target, gap: target === null ? null : target - (levels["Jul"] ?? levels["Sep"] ?? 0) };
}

describe("target section", () => {
  it("rows hold each person's latest level and target, or 'not set'", () => {
    const staff = [
      person("Ann", { Sep: 3, Jul: 5 }, 6),
      person("Ben", { Sep: 2, Jul: null }),
      person("Cy", { Sep: 4, Jul: 7 }, 7),
      ...HOSTILE_NAMES.slice(0, 5).map(([, n], i) => person(n, { Sep: i, Jul: null }, null)),
    ];
    const r: SchoolRollup = {
      staff,
      skipped: [],
      other: [],
      checkpoints: ["Sep", "Jul"],
      distribution: {},
      chartCheckpoint: "Jul",
      chartReason: "",
      chartCounts: [],
    };
    const html = schoolReport(r, "Oak <School>");
    expect(html).not.toContain("<School>");
    const body = /<table id="targets">.*?<tbody>(.*?)<\/tbody>/.exec(html)?.[1] ?? "";
    const rows = [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
      [...(m[1] ?? "").matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1] ?? ""),
    );
    expect(rows).toHaveLength(staff.length);
    rows.forEach((cells, i) => {
      const s = staff[i] as StaffEntry;
      expect(cells[4]).toBe(s.target == null ? "not set" : String(s.target));
      const latest = s.levels["Jul"] ?? s.levels["Sep"];
      expect(cells[3]).toBe(String(latest));
    });
    // Ann: level 5 in Jul, target 6: one level to go, said with a symbol and words.
    expect(rows[0]?.[5]).toBe("▲ 1 to go");
    expect(rows[1]?.[5]).toBe("not set");
    expect(rows[2]?.[5]).toBe("● reached");
    // Counted from the rows: targets set, and those whose latest level is at or above the target.
    const set = staff.filter((s) => typeof s.target === "number");
    const reached = set.filter((s) => (s.levels["Jul"] ?? s.levels["Sep"] ?? -1) >= s.target!).length;
    expect(html).toContain(
      `${set.length} of ${staff.length} staff have set a target level for the year. ${reached} of them`,
    );
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<script|<link|src=|url\(/);
  });
});

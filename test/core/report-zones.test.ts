// The zone section's table holds the roll-up's counts, read back from the HTML (not hard-coded).
import { describe, expect, it } from "vitest";
import type { SchoolRollup } from "../../core/rollup.js";
import { zoneSection } from "../../core/report/zones.js";
import { ZONES } from "../../core/template.js";

function rollupWith(counts: Record<string, number[]>): SchoolRollup {
  const distribution: SchoolRollup["distribution"] = {};
  for (const [cp, n] of Object.entries(counts)) {
    distribution[cp] = {
      byLevel: {},
      byZone: { below: n[0] ?? 0, entry: n[1] ?? 0, expected: n[2] ?? 0, beyond: n[3] ?? 0, none: n[4] ?? 0 },
    };
  }
  return {
    staff: [],
    skipped: [],
    other: [],
    checkpoints: Object.keys(counts),
    distribution,
    chartCheckpoint: "Jul",
    chartReason: "",
    chartCounts: [],
  };
}

describe("zone section", () => {
  it("its table rows are the roll-up's zone counts, in zone order, then those not filled in", () => {
    const r = rollupWith({ Sep: [4, 3, 2, 1, 0], Mid: [1, 5, 0, 7, 2], Jul: [0, 2, 9, 3, 6] });
    const html = zoneSection(r);
    const body = /<tbody>(.*)<\/tbody>/.exec(html)?.[1] ?? "";
    const rows = [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
      [...(m[1] ?? "").matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]),
    );
    expect(rows.map((cells) => cells[0])).toEqual(r.checkpoints);
    for (const cells of rows) {
      const zones = r.distribution[cells[0] ?? ""]?.byZone;
      expect(cells.slice(1).map(Number)).toEqual([...ZONES.map((z) => zones?.[z]), zones?.none]);
    }
    expect(html).toContain("<svg");
  });
});

// The Sheets host's leadershipReport (the panel's Report view): the same zone counts the roll-up
// gives for the spreadsheet, made from one bulk read of the tabs; it writes nothing and adds no tab.
import { describe, expect, it } from "vitest";
import { makeServer } from "../../apps-script/server.js";
import { tableRows } from "../report/tables.js";
import { createFakeGas } from "./fake/index.js";

const NOW = new Date("2026-11-23T10:00:00Z");
const STAFF = [
  { name: "Ann Lee", band: "UPS1 TLR3", role: "Teacher", appraiser: "Sam Roe" },
  { name: "Bo Ray", band: "5", role: "Head of year", appraiser: "Sam Roe" },
];

describe("leadershipReport in Sheets", () => {
  it("reports the roll-up's numbers with reads only, per tab a constant number of calls", () => {
    const gas = createFakeGas();
    const api = makeServer({
      app: gas.SpreadsheetApp,
      html: gas.HtmlService,
      locks: gas.LockService,
      now: () => NOW,
    });
    api.createTabs({ templateId: "leadership-ladder", staff: STAFF, ticks: false });
    const zones = api.rollupSchool().zones;
    const tabsBefore = gas.ss.sheets.map((s) => s.name);
    const m = gas.log.measure(() => api.leadershipReport());
    expect(m.kinds.write).toBe(0);
    expect(gas.ss.sheets.map((s) => s.name)).toEqual(tabsBefore);
    const rows = tableRows(m.result, "zones");
    for (const [cp, ...cells] of rows) {
      const z = zones[cp!]!;
      expect(cells.map(Number)).toEqual([z.below, z.entry, z.expected, z.beyond, z.none]);
    }
    expect(rows).toHaveLength(3);
    // Three more tabs cost the same calls per tab (bulk reads, no per-cell calls).
    api.createTabs({
      templateId: "leadership-ladder",
      staff: ["Cy", "Di", "Ed"].map((name) => ({ ...STAFF[0]!, name })),
      ticks: false,
    });
    const more = gas.log.measure(() => api.leadershipReport());
    const perTab = (more.total - m.total) / 3;
    expect(Number.isInteger(perTab)).toBe(true);
    expect(perTab).toBeLessThanOrEqual(4);
  });
});

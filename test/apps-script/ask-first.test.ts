// The Sheets server asks first too: with askIfExists, a person whose tab exists gets no second tab
// (the request's flag survives the server's schema, and the clash is found by the names it proposes).
import { describe, expect, it } from "vitest";
import { makeServer } from "../../apps-script/server.js";
import { createFakeGas } from "./fake/index.js";

const NOW = new Date("2026-11-23T10:00:00Z");
const ANN = { name: "Ann Lee", band: "UPS1 TLR3", role: "Teacher", appraiser: "Sam Roe" };

describe("Sheets createTabs with askIfExists", () => {
  const server = (gas: ReturnType<typeof createFakeGas>) =>
    makeServer({ app: gas.SpreadsheetApp, html: gas.HtmlService, locks: gas.LockService, now: () => NOW });

  it("refuses, names the person and makes nothing when their tab exists; makes it once asked not to ask", () => {
    const gas = createFakeGas();
    gas.ss.add("ann lee");
    const before = gas.ss.sheets.map((s) => s.name);
    const req = { templateId: "leadership-ladder", staff: [ANN], ticks: false, askIfExists: true };
    expect(() => server(gas).createTabs(req)).toThrow(/There is already a tab called 'Ann Lee'/);
    expect(gas.ss.sheets.map((s) => s.name)).toEqual(before);
    expect(server(gas).createTabs({ ...req, askIfExists: false }).created).toEqual(["Ann Lee (2)"]);
  });

  it("makes the tab straight away when nobody has one", () => {
    const gas = createFakeGas();
    const req = { templateId: "leadership-ladder", staff: [ANN], ticks: false, askIfExists: true };
    expect(server(gas).createTabs(req).created).toEqual(["Ann Lee"]);
  });
});

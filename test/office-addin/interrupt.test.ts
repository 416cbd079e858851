// Interruption: the roll-up fails on sync k, for every k, in three ways (nothing applied; the first
// half of the batch applied, as when Excel stops at a failing operation; everything applied but the
// answer lost). Whatever happens, the old summary or the new one stands whole (never both, never a
// half-built tab), and every staff tab is exactly as it was.
import { beforeAll, describe, expect, it } from "vitest";
import { planCreate } from "../../core/app.js";
import { isLadderError } from "../../core/errors.js";
import { parseMarker } from "../../core/sheet.js";
import { ExcelAdapter } from "../../office-addin/adapter.js";
import { createExcelApi } from "../../office-addin/api.js";
import { FakeExcel } from "./fake-excel.js";
import { valuesGrid, type SheetState, type WorkbookState } from "./fake-state.js";
import { paintPlan, staffList, stateSnapshot, TODAY } from "./school.js";

const roleOf = (s: SheetState) => parseMarker(stateSnapshot(s).marker)?.role ?? "none";
const own = (state: WorkbookState, role: string) => state.sheets.filter((s) => roleOf(s) === role);

let base: WorkbookState;
let oldOwn: Record<string, unknown[][]>;
let newOwn: Record<string, unknown[][]>;
let syncsPerRollup = 0;

function apiOn(state: WorkbookState) {
  const fake = new FakeExcel([]);
  fake.state = structuredClone(state);
  return { fake, api: createExcelApi(new ExcelAdapter({ run: fake.run }), { today: () => TODAY }) };
}

beforeAll(async () => {
  const { fake, api } = apiOn(new FakeExcel().state);
  const specs = planCreate(
    { templateId: "leadership-ladder", staff: staffList(8), ticks: false },
    ["Sheet1"],
    TODAY,
  );
  await new ExcelAdapter({ run: fake.run }).writeSheets(specs);
  for (const p of paintPlan(specs)) fake.colour(p.tab, p.cell, p.hex);
  await api.rollupSchool();
  oldOwn = {
    summary: valuesGrid(own(fake.state, "summary")[0]!),
    chart: valuesGrid(own(fake.state, "chart")[0]!),
  };
  for (const p of paintPlan(specs, 5)) fake.colour(p.tab, p.cell, p.hex); // the colours move on
  base = structuredClone(fake.state);

  const clean = apiOn(base);
  await clean.api.rollupSchool("Jul");
  syncsPerRollup = clean.fake.syncs;
  newOwn = {
    summary: valuesGrid(own(clean.fake.state, "summary")[0]!),
    chart: valuesGrid(own(clean.fake.state, "chart")[0]!),
  };
  expect(newOwn.summary).not.toEqual(oldOwn.summary);
});

describe("roll-up interrupted on sync k", () => {
  it("runs 6 syncs when nothing fails", () => {
    expect(syncsPerRollup).toBe(6);
  });

  for (const mode of ["before", "midway", "after"] as const)
    it(`failing ${mode} any sync leaves the old or the new summary whole and staff tabs unchanged`, async () => {
      const staffBefore = base.sheets.filter((s) => roleOf(s) === "staff");
      const outcomes: string[] = [];
      for (let k = 1; k <= syncsPerRollup + 2; k++) {
        const { fake, api } = apiOn(base);
        fake.fail = { onSync: k, mode };
        let failed = false;
        try {
          await api.rollupSchool("Jul");
        } catch (e) {
          failed = true;
          expect(isLadderError(e) ? e.code : e).toBe("host-failed");
        }
        expect(fake.state.sheets.filter((s) => roleOf(s) === "staff")).toEqual(staffBefore);
        for (const role of ["summary", "chart"] as const) {
          const tabs = own(fake.state, role);
          expect(tabs, `k=${k} ${mode}: one ${role}`).toHaveLength(1);
          const grid = valuesGrid(tabs[0]!);
          expect([oldOwn[role], newOwn[role]], `k=${k} ${mode}: ${role} whole`).toContainEqual(grid);
        }
        // Nothing half-built is left behind, and the names are the usual ones.
        expect(fake.state.sheets.map((s) => s.name).filter((n) => n.includes("(building)"))).toEqual([]);
        expect(fake.state.sheets.map((s) => s.name)).toEqual(
          expect.arrayContaining(["School summary", "Grade-band chart"]),
        );
        expect(fake.state.sheets).toHaveLength(base.sheets.length);
        const which =
          valuesGrid(own(fake.state, "summary")[0]!) === null
            ? "?"
            : JSON.stringify(valuesGrid(own(fake.state, "summary")[0]!)) === JSON.stringify(newOwn.summary)
              ? "new"
              : "old";
        outcomes.push(`${k}:${failed ? "failed" : "ok"}:${which}`);
      }
      // Failing before the swap keeps the old summary; failing at or after it ends with the new one.
      expect(outcomes.some((o) => o.endsWith("old"))).toBe(true);
      expect(outcomes.some((o) => o.endsWith("new"))).toBe(true);
    });
});

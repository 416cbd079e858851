// The school summary tab's Appraiser column and its to-do blocks, from real staff tabs rolled up;
// the trust roll-up still reads the staff table back.
import { describe, expect, it } from "vitest";
import { planRollup } from "../../core/app.js";
import { parseA1 } from "../../core/a1.js";
import { NO_APPRAISER } from "../../core/chase.js";
import { snapshotOf } from "../../core/snapshot.js";
import type { CellValue } from "../../core/sheet.js";
import { readSchoolSummary } from "../../core/trust.js";
import { ANN, GREEN, ladderSnap, paint, paintRun, statementCell } from "../helpers.js";

const TODAY = new Date("2026-11-23T10:00:00Z");

/** Ann (Sam Roe) Sep+Mid; Ben (Sam Roe) Sep+Mid with a green after a gap in Mid; Cat (no appraiser) Sep only. */
function school() {
  const ann = paintRun(ladderSnap(), "C", 0, 15, GREEN);
  paintRun(ann, "D", 0, 15, GREEN);
  const ben = paintRun(ladderSnap({}, { ...ANN, name: "Ben Ng" }), "C", 0, 9, GREEN);
  paintRun(ben, "D", 0, 5, GREEN);
  paint(ben, statementCell(ben, 7, "D"), GREEN);
  const cat = paintRun(ladderSnap({}, { ...ANN, name: "Cat Ito", appraiser: "" }), "C", 0, 3, GREEN);
  return [ann, ben, cat];
}

function rowsOf(values: CellValue[][]): string[][] {
  return values.map((r) => r.map((v) => (v === null ? "" : String(v))));
}

/** The rows of the block whose first header cell is `title`, up to the blank row that ends it. */
function block(rows: string[][], title: string): string[][] {
  const at = rows.findIndex((r) => r[0] === title);
  expect(at, `no block '${title}'`).toBeGreaterThanOrEqual(0);
  const end = rows.findIndex((r, i) => i > at && r.every((c) => c === ""));
  const trim = (r: string[]): string[] => {
    const out = [...r];
    while (out.length > 0 && out[out.length - 1] === "") out.pop();
    return out;
  };
  return rows.slice(at, end).map(trim);
}

describe("school summary: Appraiser column and the leader's to-do list", () => {
  const { sheets, rollup } = planRollup(school(), undefined, TODAY);
  const summary = sheets[0]!;
  const rows = rowsOf(summary.values);

  it("has an Appraiser column after Role, filled from each tab", () => {
    const head = rows.findIndex((r) => r[0] === "Staff tab" && r.includes("Warnings"));
    const header = rows[head]!;
    expect(header.slice(0, 6)).toEqual(["Staff tab", "Name", "Role", "Appraiser", "Grade band", "Expected"]);
    const col = header.indexOf("Appraiser");
    const byName = Object.fromEntries(rows.slice(head + 1, head + 4).map((r) => [r[0] ?? "", r[col] ?? ""]));
    expect(byName).toEqual({ "Ann Lee": "Sam Roe", "Ben Ng": "Sam Roe", "Cat Ito": "" });
  });

  it("colours each zone cell in its zone column (the column moved one to the right)", () => {
    const head = rows.findIndex((r) => r[0] === "Staff tab" && r.includes("Warnings"));
    const sepZone = rows[head]!.indexOf("Sep zone");
    const annRow = rows.findIndex((r, i) => i > head && r[0] === "Ann Lee");
    expect(rows[annRow]![sepZone]).toMatch(/Expected/);
    const letter = String.fromCharCode(65 + sepZone);
    const style = summary.styles.find((s) => s.range === `${letter}${annRow + 1}`);
    expect(style?.fill).toBeTruthy();
  });

  it("says what is left to do and which checkpoint it chases", () => {
    const todo = rows.find((r) => r[0]?.startsWith("To do:"))?.[0];
    expect(todo).toBe(
      "To do: 1 person has not filled in Mid yet; 1 staff tab has colouring errors. The to-do list chases Mid. Mid is the latest checkpoint most staff have filled in (2 of 3 staff).",
    );
    expect(rollup.chartCheckpoint).toBe("Mid");
  });

  it("lists who has not filled in Mid and the tab with errors, by name", () => {
    expect(block(rows, "Not filled in Mid yet")).toEqual([
      ["Not filled in Mid yet", "Staff tab", "Name", "Appraiser"],
      ["", "Cat Ito", "Cat Ito", NO_APPRAISER],
    ]);
    const errors = block(rows, "Colouring errors");
    expect(errors[0]).toEqual([
      "Colouring errors",
      "Staff tab",
      "Name",
      "Appraiser",
      "Errors",
      "First error at",
    ]);
    expect(errors.slice(1)).toEqual([
      ["", "Ben Ng", "Ben Ng", "Sam Roe", "1", statementCell(school()[1]!, 7, "D")],
    ]);
  });

  it("groups everyone by appraiser with their state in words", () => {
    const byAppraiser = block(rows, "By appraiser");
    expect(byAppraiser.map((r) => r.slice(0, 3))).toEqual([
      ["By appraiser", "Staff tab", "Name"],
      ["Sam Roe", "Ben Ng", "Ben Ng"],
      ["", "Ann Lee", "Ann Lee"],
      [NO_APPRAISER, "Cat Ito", "Cat Ito"],
    ]);
    expect(byAppraiser.map((r) => r[3])).toEqual([
      "State",
      `1 colouring error, the first at ${statementCell(school()[1]!, 7, "D")}; level 1 in Mid.`,
      "Level 3 in Mid.",
      "Mid not filled in yet.",
    ]);
  });

  it("says so when there is nothing to chase", () => {
    const [only] = school();
    const { sheets: s } = planRollup([only!], undefined, TODAY);
    const r = rowsOf(s[0]!.values);
    expect(r.find((x) => x[0]?.startsWith("To do:"))?.[0]).toMatch(
      /^To do: Nothing to chase: everyone has filled in Mid and no tab has colouring errors\./,
    );
    expect(block(r, "Not filled in Mid yet")[1]).toEqual(["", "Everyone has filled in Mid."]);
    expect(block(r, "Colouring errors")[1]).toEqual(["", "No staff tab has colouring errors."]);
  });

  it("the trust roll-up still reads the staff table (3 staff, the error counted once)", () => {
    const counts = readSchoolSummary("Oak", snapshotOf(summary));
    expect(counts.staff).toBe(3);
    expect(counts.errors).toBe(1);
    expect(counts.zones.Sep!.expected + counts.zones.Sep!.below + counts.zones.Sep!.entry).toBe(3);
  });

  it("each to-do name links to its tab: the first error's cell for tabs with errors, else A1", () => {
    const links = summary.links ?? [];
    const linkAt = (cell: string) => links.find((l) => l.cell === cell);
    const errorsHead = rows.findIndex((r) => r[0] === "Colouring errors");
    const benRow = rows.findIndex((r, i) => i > errorsHead && r[1] === "Ben Ng");
    const benError = rollup.staff
      .find((s) => s.tab === "Ben Ng")!
      .findings.find((f) => f.severity === "error")!;
    expect(linkAt(`B${benRow + 1}`)).toEqual({ cell: `B${benRow + 1}`, tab: "Ben Ng", at: benError.cell });
    const byHead = rows.findIndex((r) => r[0] === "By appraiser");
    const catRow = rows.findIndex((r, i) => i > byHead && r[1] === "Cat Ito");
    expect(linkAt(`B${catRow + 1}`)).toEqual({ cell: `B${catRow + 1}`, tab: "Cat Ito" });
    // Every link sits on a cell holding its tab's exact name, and names a tab that was rolled up.
    for (const l of links) {
      const { row, col } = parseA1(l.cell);
      expect(rows[row]![col]).toBe(l.tab);
      expect(rollup.staff.map((s) => s.tab)).toContain(l.tab);
    }
  });
});

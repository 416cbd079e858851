import { describe, expect, it } from "vitest";
import { staffSheet } from "../../core/app.js";
import { builtinTemplates } from "../../core/catalog.js";
import { checkTab } from "../../core/check.js";
import { readFeedback } from "../../core/read/feedback.js";
import { readLadder } from "../../core/read/ladder.js";
import { snapshotOf } from "../../core/snapshot.js";
import { ANN, GREEN, headerRow, ladder, ladderSnap, paintRun } from "../helpers.js";

describe("reading a generated ladder tab back", () => {
  it("gives the template's 75 statements with their levels, the fields and the marker", () => {
    const snap = ladderSnap();
    const read = readLadder(snap, ladder(), null)!;
    const want = ladder().levels.flatMap((l) => l.statements.map((s) => ({ level: l.level, text: s.text })));
    expect(read.rows.map((r) => ({ level: r.level, text: r.text }))).toEqual(want);
    expect(read.rows).toHaveLength(75);
    expect(read.fields).toMatchObject({
      name: "Ann Lee",
      band: "UPS1 TLR3",
      role: "Teacher",
      appraiser: "Sam Roe",
      year: "2026-27",
    });
    expect(read.warnings).toEqual([]);
    expect(snap.marker).toBe("ladder-sheets:leadership-ladder@1:staff:upto=8");
  });

  it("up to level 6 has the 45 statements of levels 1-6 and keeps numerals i-xii", () => {
    const read = readLadder(ladderSnap({ upTo: 6 }), ladder(), null)!;
    expect(read.rows).toHaveLength(45);
    expect(read.rows.filter((r) => r.level === 6).map((r) => r.numeral)).toEqual([
      null,
      "i",
      "ii",
      "iii",
      "iv",
      "v",
      "vi",
      "vii",
      "viii",
      "ix",
      "x",
      "xi",
      "xii",
    ]);
  });

  it("refuses levels outside 5-8", () => {
    expect(() => ladderSnap({ upTo: 4 })).toThrow("can stop at level 5, 6, 7 or 8; 4 is not one of those.");
  });
});

describe("tabs people have edited", () => {
  function coloured() {
    return paintRun(ladderSnap(), "C", 0, 15, GREEN); // levels 1-3
  }

  it("a renamed tab without its marker still reads the same level", () => {
    const snap = { ...coloured(), name: "Copy of Ann", marker: null };
    expect(checkTab(snap).levels!.Sep).toBe(3);
  });

  it("rows inserted above the header move nothing", () => {
    const snap = coloured();
    snap.values.unshift(["Notes from the meeting"], []);
    snap.fills.unshift([], []);
    expect(checkTab(snap).levels!.Sep).toBe(3);
  });

  it("blank rows inside the table are skipped", () => {
    const snap = coloured();
    const at = headerRow(snap) + 4;
    snap.values.splice(at, 0, [null, null, null, null, null]);
    snap.fills.splice(at, 0, [null, null, null, null, null]);
    expect(checkTab(snap).levels!.Sep).toBe(3);
    expect(checkTab(snap).findings).toEqual([]);
  });

  it("merged Level cells (number only in the top cell) read the same", () => {
    const snap = coloured();
    // Generated tabs already leave the cells below a level number blank, as a merge reads back.
    const read = readLadder(snap, ladder(), null)!;
    expect(read.rows.filter((r) => r.level === 2)).toHaveLength(4);
  });

  it("a reworded statement is read from its position, with a warning", () => {
    const snap = coloured();
    snap.values[headerRow(snap) + 2]![1] = "Something else entirely";
    const c = checkTab(snap);
    expect(c.levels!.Sep).toBe(3);
    expect(c.findings.map((f) => f.rule)).toEqual(["statement-changed"]);
  });

  it("a deleted statement row is reported, and the level is read from the rows that are there", () => {
    const snap = coloured();
    snap.values.splice(headerRow(snap) + 3, 1);
    snap.fills.splice(headerRow(snap) + 3, 1);
    const c = checkTab(snap);
    expect(c.findings.map((f) => f.rule)).toEqual(["statements-missing"]);
    expect(c.levels!.Sep).toBe(3);
  });

  it("a tab whose header row was deleted is skipped with a reason", () => {
    const snap = coloured();
    snap.values.splice(headerRow(snap), 1);
    snap.marker = null;
    expect(checkTab(snap).skipped).toMatch(/header row/);
  });
});

describe("every template round-trips", () => {
  for (const t of builtinTemplates().filter((x) => x.kind !== "chart")) {
    it(`${t.id}: generate, snapshot, read back`, () => {
      const snap = snapshotOf(staffSheet(t, ANN, { name: "Ann", year: "2026-27" }));
      const c = checkTab(snap);
      expect(c.skipped).toBeNull();
      expect(c.template?.id).toBe(t.id);
      if (t.kind === "rating") {
        expect(c.rating!.items.map((i) => i.code)).toEqual(
          t.sections.flatMap((s) => s.items.map((i) => i.code)),
        );
        expect(c.findings).toEqual([]);
      }
      if (t.kind === "feedback") {
        const fb = readFeedback(snap, t)!;
        expect(fb.entries.map((e) => e.code)).toEqual(t.strands.flatMap((s) => s.items.map((i) => i.code)));
      }
      if (t.kind === "ladder") expect(c.levels).toEqual({ Sep: null, Mid: null, Jul: null });
    });
  }

  it("rating answers typed or coloured are read back and counted", () => {
    const t = builtinTemplates().find((x) => x.id === "equip-teacher")!;
    const snap = snapshotOf(staffSheet(t, ANN, { name: "Ann", year: "2026-27" }));
    const c0 = checkTab(snap).rating!;
    const first = snap.values.findIndex((r) => r[0] === c0.items[0]!.code);
    const sep =
      snap.values.findIndex((r) => r[0] === "Code") >= 0
        ? snap.values.find((r) => r[0] === "Code")!.indexOf("Sep")
        : -1;
    snap.values[first]![sep] = "g";
    snap.fills[first + 1]![sep] = "#ffc000";
    snap.values[first + 2]![sep] = "maybe";
    const c = checkTab(snap);
    expect(c.rating!.counts.Sep).toMatchObject({ G: 1, A: 1, R: 0 });
    expect(c.findings.map((f) => f.rule)).toEqual(["unknown-value"]);
  });
});

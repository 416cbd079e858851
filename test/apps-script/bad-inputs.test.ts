/**
 * Issue 7's bad inputs through the Sheets adapter: hostile staff names written into the fake and read
 * back are the same text with no formula anywhere on the tab; awkward tab names come out legal and
 * unique in Sheets (and in Excel, whose rules are stricter); tabs people have edited are read or
 * skipped with a reason, never a crash, and checking them writes nothing.
 */
import { describe, expect, it } from "vitest";
import { HOSTILE_NAMES } from "../bad-inputs/hostile-names.js";
import { checkResult, planCreate } from "../../core/app.js";
import { isLegalTabName } from "../../core/names.js";
import { readActiveTab, writeSheet } from "../../apps-script/adapter.js";
import { createFakeGas, type FakeGas } from "./fake/index.js";
import { snapshotOf, statementRows } from "./workbook.js";

const NOW = new Date("2026-11-23T10:00:00Z");
const person = (name: string) => ({ name, band: "3", role: "Teacher", appraiser: "Sam Roe" });

function create(names: string[], gas: FakeGas = createFakeGas()) {
  const specs = planCreate(
    { templateId: "leadership-ladder", staff: names.map(person), ticks: false },
    gas.ss.sheets.map((s) => s.name),
    NOW,
  );
  for (const s of specs) writeSheet(gas.SpreadsheetApp, gas.ss, s, gas.ss.sheets.length);
  return { gas, tabs: specs.map((s) => gas.ss.tab(s.name)) };
}

describe("hostile staff names through the Sheets adapter", () => {
  it.each(HOSTILE_NAMES)(
    "%s: the Name cell reads back as the same text, and the tab has no formula",
    (_label, name) => {
      const { gas, tabs } = create([name]);
      const tab = tabs[0]!;
      // What the cell holds: the name, or (in a plain-text cell, when it starts like a formula) the
      // name behind the apostrophe that keeps it text whatever the format; never a formula.
      const row = snapshotOf(tab).values.findIndex((r) => r[0] === "Name");
      const stored = tab.peek(row + 1, 2)?.value;
      const quoted = /^[=+\-@]/.test(name.trim());
      expect(stored).toBe(quoted ? `'${name.trim()}` : name.trim());
      expect(Object.values(tab.cells.dump()).filter((c) => c.formula)).toEqual([]);
      gas.ss.setActive(tab, null);
      // What the add-on reads back: the name itself.
      const read = readActiveTab(gas.ss).snapshot;
      expect(read.values.find((r) => r[0] === "Name")?.[1]).toBe(name.trim());
      expect(checkResult(read).findings.filter((f) => f.rule === "name-missing")).toEqual([]);
    },
  );
});

describe("awkward tab names through the Sheets adapter", () => {
  it("over 31 characters, []:*?/\\, apostrophes, History and duplicates come out legal and unique", () => {
    const wanted = [
      "A name that is much longer than thirty-one characters",
      "Smith [J]: *?/\\",
      "'Quoted'",
      "History",
      "history",
      "Ann Lee",
      "ann lee",
      "Ann Lee",
    ];
    const { gas, tabs } = create(wanted);
    const names = tabs.map((t) => t.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(wanted.length);
    for (const n of names) expect(isLegalTabName(n), n).toBe(true);
    tabs.forEach((t, i) => expect(snapshotOf(t).values.find((r) => r[0] === "Name")?.[1]).toBe(wanted[i]));
    // A second batch sees the first batch's names and never reuses one.
    const again = create(["Ann Lee"], gas).tabs[0]!.name;
    expect(names.map((n) => n.toLowerCase())).not.toContain(again.toLowerCase());
  });
});

describe("tabs people have edited, checked through the adapter", () => {
  const edits: [string, (gas: FakeGas, name: string) => void][] = [
    [
      "a whole checkpoint column coloured",
      (gas, n) => gas.ss.tab(n).getRange("C1:C200").setBackground("#b6d7a8"),
    ],
    [
      "colour in the Level column",
      (gas, n) =>
        gas.ss
          .tab(n)
          .getRange(statementRows(gas.ss.tab(n))[0]!, 1, 3, 1)
          .setBackground("#b6d7a8"),
    ],
    [
      "values typed into checkpoint cells",
      (gas, n) =>
        gas.ss
          .tab(n)
          .getRange(statementRows(gas.ss.tab(n))[0]!, 3, 2, 1)
          .setValue("G"),
    ],
    [
      "the header row renamed",
      (gas, n) => {
        const t = gas.ss.tab(n);
        t.getRange(statementRows(t)[0]! - 1, 2, 1, 1).setValue("Standards");
      },
    ],
    [
      "a blue cell",
      (gas, n) =>
        gas.ss
          .tab(n)
          .getRange(statementRows(gas.ss.tab(n))[2]!, 4, 1, 1)
          .setBackground("#4a86e8"),
    ],
    [
      "everything deleted",
      (gas, n) => {
        const t = gas.ss.tab(n);
        t.getRange(1, 1, 200, 5).setValue("");
      },
    ],
  ];

  it.each(edits)(
    "%s: read with findings or skipped with a reason, and the tab is not written",
    (_label, edit) => {
      const { gas, tabs } = create(["Ann Lee"]);
      const tab = tabs[0]!;
      edit(gas, tab.name);
      gas.ss.setActive(tab, null);
      const before = tab.snapshot();
      const writes = gas.log.measure(() => checkResult(readActiveTab(gas.ss).snapshot));
      expect(writes.kinds.write).toBe(0);
      expect(tab.snapshot()).toEqual(before);
      const r = writes.result;
      expect(r.skipped !== null || r.kind === "ladder").toBe(true);
      if (r.skipped !== null) expect(r.skipped.length).toBeGreaterThan(10);
    },
  );
});

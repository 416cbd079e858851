/**
 * The fake behaves like Sheets in the details that bite, so tests on it mean something: colours,
 * 1-based bounds, sheet names, grid dimensions, how setValues parses strings, tick boxes, the
 * metadata finder, merges, deleted sheets, and the call log with its injected failures.
 */
import { describe, expect, it } from "vitest";
import { createFakeGas } from "./fake/index.js";

function fresh() {
  const gas = createFakeGas();
  return { gas, sheet: gas.ss.tab("Sheet1") };
}

describe("the SpreadsheetApp fake", () => {
  it("answers backgrounds as lower-case '#rrggbb', and '#ffffff' for no fill", () => {
    const { sheet } = fresh();
    sheet.getRange("A1").setBackground("#B6D7A8");
    sheet.getRange("B1").setBackground("red");
    sheet.getRange("C1").setBackground("#abc");
    expect(sheet.getRange(1, 1, 1, 4).getBackgrounds()).toEqual([
      ["#b6d7a8", "#ff0000", "#aabbcc", "#ffffff"],
    ]);
    expect(() => sheet.getRange("A1").setBackground("greenish")).toThrow(/Invalid color/);
  });

  it("is 1-based and refuses ranges outside the sheet's 1000 rows and 26 columns", () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange(0, 1, 1, 1)).toThrow(/outside the dimensions/);
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(/at least 1/);
    expect(() => sheet.getRange(1000, 26, 1, 1)).not.toThrow();
    expect(() => sheet.getRange(1001, 1, 1, 1)).toThrow(/outside the dimensions/);
    expect(() => sheet.getRange("AA1")).toThrow(/outside the dimensions/);
    sheet.insertColumnsAfter(26, 4);
    expect(() => sheet.getRange("AD1")).not.toThrow();
  });

  it("keeps sheet names at most 100 characters, non-empty, and unique ignoring case", () => {
    const { gas } = fresh();
    expect(() => gas.ss.insertSheet("sheet1", 1)).toThrow(/already exists/);
    expect(() => gas.ss.insertSheet("x".repeat(101), 1)).toThrow(/too long/);
    expect(() => gas.ss.insertSheet("  ", 1)).toThrow(/empty/);
    const s = gas.ss.insertSheet("x".repeat(100), 0);
    expect(gas.ss.sheets[0]).toBe(s);
    expect(gas.ss.active).toBe(s);
    expect(() => s.setName("SHEET1")).toThrow(/already exists/);
  });

  it("throws when a grid does not match the range, as setValues and friends do", () => {
    const { sheet } = fresh();
    const r = sheet.getRange(1, 1, 2, 2);
    expect(() => r.setValues([["a", "b"]])).toThrow(/number of rows in the data does not match/);
    expect(() => r.setValues([["a"], ["b"]])).toThrow(/number of columns in the data does not match/);
    expect(() =>
      r.setBackgrounds([
        [null, null, null],
        [null, null, null],
      ]),
    ).toThrow(/columns/);
  });

  it("parses strings given to setValues as if typed, unless apostrophe-prefixed or in plain-text cells", () => {
    const { sheet } = fresh();
    const typed = ['=HYPERLINK("http://x","y")', "+1", "-1+2", "@SUM(A1)", "TRUE", "007", "plain"];
    sheet.getRange(1, 1, 1, typed.length).setValues([typed]);
    const cells = typed.map((_, i) => sheet.peek(1, i + 1)!);
    expect(cells.map((c) => c.formula ?? c.value)).toEqual([
      '=HYPERLINK("http://x","y")',
      1,
      "=-1+2",
      "=SUM(A1)",
      true,
      7,
      "plain",
    ]);
    sheet.getRange(2, 1, 1, typed.length).setValues([typed.map((t) => `'${t}`)]);
    expect(sheet.getRange(2, 1, 1, typed.length).getValues()).toEqual([typed]);
    expect(sheet.getRange(2, 1, 1, typed.length).getFormulas()).toEqual([typed.map(() => "")]);
    sheet.getRangeList(["A3:G3"]).setNumberFormat("@");
    sheet.getRange(3, 1, 1, typed.length).setValues([typed]);
    expect(sheet.getRange(3, 1, 1, typed.length).getValues()).toEqual([typed]);
    sheet.getRangeList(["A4"]).setNumberFormat("@");
    sheet.getRange("A4").setValue("'Neill");
    expect(sheet.getRange("A4").getValues()).toEqual([["'Neill"]]);
  });

  it("makes tick boxes hold false until ticked", () => {
    const { sheet } = fresh();
    sheet.getRange(1, 1, 1, 2).setValues([["x", "y"]]);
    sheet.getRangeList(["A1:B1"]).insertCheckboxes();
    expect(sheet.getRange("A1:B1").getValues()).toEqual([[false, false]]);
    expect(sheet.peek(1, 1)?.validation).toBe("checkbox");
  });

  it("finds sheet-level developer metadata by key across the spreadsheet, and forgets it with its sheet", () => {
    const { gas, sheet } = fresh();
    const other = gas.ss.insertSheet("Other", 1);
    sheet.addDeveloperMetadata("ladder-sheets", "a");
    other.addDeveloperMetadata("ladder-sheets", "b");
    other.addDeveloperMetadata("someone-else", "c");
    const found = gas.ss.createDeveloperMetadataFinder().withKey("ladder-sheets").find();
    expect(found.map((m) => [m.getValue(), m.getLocation().getSheet()?.getName()])).toEqual([
      ["a", "Sheet1"],
      ["b", "Other"],
    ]);
    gas.ss.deleteSheet(other);
    expect(gas.ss.createDeveloperMetadataFinder().withKey("ladder-sheets").find()).toHaveLength(1);
    expect(() => other.getName()).toThrow(/has been deleted/);
    expect(() => gas.ss.deleteSheet(sheet)).toThrow(/remove all the sheets/);
  });

  it("spans getDataRange over the cells with values, and keeps the top-left value of a merge", () => {
    const { sheet } = fresh();
    expect(sheet.getDataRange().getValues()).toEqual([[""]]);
    sheet.getRange(1, 1, 1, 3).setValues([["a", "b", "c"]]);
    sheet.getRange("D5").setBackground("#00ff00");
    expect(sheet.getDataRange().getValues()).toEqual([["a", "b", "c"]]);
    sheet.getRange("A1:C1").mergeAcross();
    expect(sheet.getRange("A1:C1").getValues()).toEqual([["a", "", ""]]);
    expect(() => sheet.getRange("B1:B2").merge()).toThrow(/merged range/);
  });

  it("counts every call by method and kind, and fails call k once or from k on", () => {
    const { gas, sheet } = fresh();
    const m = gas.log.measure(() => sheet.getRange(1, 1, 1, 1).getValues());
    expect(m.total).toBe(2);
    expect(m.kinds.read).toBe(2);
    gas.log.reset();
    gas.log.failAt = 2;
    gas.log.failMode = "once";
    expect(() => sheet.getRange("A1").getValues()).toThrow(/injected failure at call 2: Range.getValues/);
    expect(() => sheet.getRange("A1").getValues()).not.toThrow();
    gas.log.reset();
    gas.log.failAt = 1;
    gas.log.failMode = "from";
    expect(() => sheet.getName()).toThrow(/call 1/);
    expect(() => sheet.getName()).toThrow(/call 2/);
  });
});

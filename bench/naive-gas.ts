/**
 * The naive way to do the same work in Apps Script, one cell at a time, counted on the same fake:
 * what a first script usually looks like (`getRange(r, c).getValue()` and `.getBackground()` per
 * cell to read; `setValue` / `setBackground` per cell to write). It is generous to the naive side:
 * one getRange serves both reads of a cell, the grid size costs one call (getDataRange, standing in
 * for getLastRow + getLastColumn), and only values and fills are written (no fonts, borders, merges,
 * widths, tick boxes or rules), so real naive code makes more calls than this, not fewer.
 */
import { parseRange } from "../core/a1.js";
import type { SheetSpec } from "../core/sheet.js";
import type { FakeGas, FakeSheet } from "../test/apps-script/fake/index.js";

/** Read one tab cell by cell: name, size, then three calls per cell (the marker is a cell too). */
export function naiveReadTab(sheet: FakeSheet): void {
  sheet.getName();
  sheet.getDataRange();
  const { rows, cols } = sheet.cells.extent(); // uncounted: the size getDataRange stood in for
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= cols; c++) {
      const cell = sheet.getRange(r, c, 1, 1);
      cell.getValues();
      cell.getBackgrounds();
    }
}

/** Read every tab cell by cell. */
export function naiveReadAll(gas: FakeGas): void {
  gas.ss.getSheets();
  for (const s of [...gas.ss.sheets]) naiveReadTab(s);
}

/** Write one spec cell by cell: insert the tab, setValue per non-empty cell, setBackground per filled cell. */
export function naiveWrite(gas: FakeGas, spec: SheetSpec): void {
  gas.ss.insertSheet(spec.name, gas.ss.sheets.length);
  const sheet = gas.ss.tab(spec.name); // uncounted: the same object insertSheet returned
  spec.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== "") sheet.getRange(r + 1, c + 1, 1, 1).setValue(v);
    }),
  );
  for (const s of spec.styles) {
    if (s.fill === undefined) continue;
    const b = parseRange(s.range);
    for (let r = b.row; r < b.row + b.rows; r++)
      for (let c = b.col; c < b.col + b.cols; c++) sheet.getRange(r + 1, c + 1, 1, 1).setBackground(s.fill);
  }
}

/**
 * The preview's workbook view: the active tab drawn as a grid (values, fills, merges, bold) with a
 * tab strip below, as in a spreadsheet. Checkpoint cells are buttons: click, Enter or Space cycles the
 * fill (none -> green -> amber -> red -> none); in tick-box tabs they tick and untick. Each shows its
 * class as a letter (G, A, R) or a tick mark, so colour is never the only signal, and is described by
 * its row's statement.
 *
 * Keyboard, as in a spreadsheet: the grid is ONE Tab stop (a roving tabindex over the checkpoint
 * cells, not 225 stops a tab); arrow keys move between cells, Home and End along the row, Ctrl+Home
 * and Ctrl+End to the first and last cell, Page Up and Page Down ten rows; Escape goes back to the
 * panel (opts.onEscape). When the panel selects a cell (a finding, a to-do), focus moves to it.
 *
 * Every value is drawn with textContent. Redraws keep the scroll position and the focused cell.
 */
import { a1, columnLetters, parseA1, parseRange } from "../../core/a1.js";
import { CLASS_SYMBOL, colourClass } from "../../core/colour.js";
import { findLadderHeader } from "../../core/read/ladder.js";
import type { CellValue } from "../../core/sheet.js";
import { h, replace } from "../panel/dom.js";
import type { MemoryTab, MemoryWorkbook } from "./memory-workbook.js";

const DEFAULT_WIDTH = 100;
const MAX_WIDTH = 420;

function styleMaps(tab: MemoryTab): { bold: Set<string>; center: Set<string> } {
  const bold = new Set<string>();
  const center = new Set<string>();
  for (const s of tab.spec.styles) {
    if (!s.bold && s.hAlign !== "center") continue;
    const g = parseRange(s.range);
    for (let r = g.row; r < g.row + g.rows; r++)
      for (let c = g.col; c < g.col + g.cols; c++) {
        if (s.bold) bold.add(`${r},${c}`);
        if (s.hAlign === "center") center.add(`${r},${c}`);
      }
  }
  return { bold, center };
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

export interface GridOptions {
  /** Escape pressed in the grid: give focus back (the preview returns it to the panel). */
  onEscape?: () => void;
}

const PAGE_ROWS = 10;

/** A cell button's row and column (drawn as data-row / data-col). */
function pos(el: HTMLElement): { row: number; col: number } {
  return { row: Number(el.dataset.row), col: Number(el.dataset.col) };
}

export function mountGrid(host: HTMLElement, wb: MemoryWorkbook, opts: GridOptions = {}): void {
  const scroll = h("div", { class: "sheet-scroll", role: "region" });
  const strip = h("div", { class: "tabstrip", role: "tablist", "aria-label": "Tabs" });
  replace(host, scroll, strip);
  let lastSelections = wb.selections;
  /** The roving cell of each tab (its A1 reference), so coming back to a tab lands where you were. */
  const roving = new Map<string, string>();

  const cells = (): HTMLElement[] => [...scroll.querySelectorAll<HTMLElement>("[data-cell][data-row]")];
  const rove = (to: HTMLElement): void => {
    for (const b of cells()) b.tabIndex = b === to ? 0 : -1;
    const tab = wb.activeTab();
    if (tab && to.dataset.cell) roving.set(tab.name, to.dataset.cell);
  };
  const moveTo = (to: HTMLElement | undefined): void => {
    if (!to) return;
    rove(to);
    to.focus();
  };

  // A cell focused any other way (a click, the panel going to a finding) becomes the Tab stop, so
  // Tab away and Shift+Tab back returns to it.
  scroll.addEventListener("focusin", (ev) => {
    const t = ev.target;
    if (t instanceof HTMLElement && t.matches("[data-cell][data-row]") && t.tabIndex !== 0) rove(t);
  });

  scroll.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && opts.onEscape) {
      ev.preventDefault();
      opts.onEscape();
      return;
    }
    const from = ev.target as HTMLElement;
    const all = cells();
    // From a focused cell without a button (a finding on a statement), arrows start at its row.
    const at = from.dataset.row !== undefined ? pos(from) : null;
    if (!at || all.length === 0) return;
    const inCol = all.filter((b) => pos(b).col === at.col);
    const inRow = all.filter((b) => pos(b).row === at.row);
    const below = inCol.filter((b) => pos(b).row > at.row);
    const above = inCol.filter((b) => pos(b).row < at.row);
    const right = inRow.filter((b) => pos(b).col > at.col);
    const left = inRow.filter((b) => pos(b).col < at.col);
    const byRow = (rows: number): HTMLElement | undefined =>
      [...inCol].sort(
        (a, b) => Math.abs(pos(a).row - at.row - rows) - Math.abs(pos(b).row - at.row - rows),
      )[0];
    const targets: Record<string, HTMLElement | undefined> = {
      ArrowDown: below[0],
      ArrowUp: above.at(-1),
      ArrowRight: right[0],
      ArrowLeft: left.at(-1),
      Home: ev.ctrlKey ? all[0] : inRow[0],
      End: ev.ctrlKey ? all.at(-1) : inRow.at(-1),
      PageDown: byRow(PAGE_ROWS),
      PageUp: byRow(-PAGE_ROWS),
    };
    if (!(ev.key in targets)) return;
    ev.preventDefault();
    moveTo(targets[ev.key]);
  });

  const drawTabs = (): void => {
    const hadFocus = strip.contains(document.activeElement);
    replace(
      strip,
      ...wb.tabs.map((t, i) => {
        const b = h(
          "button",
          {
            type: "button",
            role: "tab",
            "aria-selected": String(i === wb.active),
            tabindex: i === wb.active ? 0 : -1,
          },
          t.name,
        );
        b.addEventListener("click", () => wb.setActive(t.name));
        return b;
      }),
    );
    if (hadFocus) strip.querySelector<HTMLButtonElement>('[aria-selected="true"]')?.focus();
  };
  strip.addEventListener("keydown", (ev) => {
    const step = ev.key === "ArrowRight" ? 1 : ev.key === "ArrowLeft" ? -1 : 0;
    if (!step || wb.tabs.length === 0) return;
    ev.preventDefault();
    const next = wb.tabs[(wb.active + step + wb.tabs.length) % wb.tabs.length];
    if (next) wb.setActive(next.name);
  });

  const cellButton = (
    tab: MemoryTab,
    r: number,
    c: number,
    cp: string,
    describedBy: string | null,
  ): HTMLElement => {
    const kind = wb.cellKind(tab, r, c);
    const where = `${cp}, row ${r + 1} (${a1(r, c)})`;
    if (kind === "tick") {
      const on = tab.values[r]?.[c] === true;
      const b = h(
        "button",
        {
          type: "button",
          role: "checkbox",
          "aria-checked": String(on),
          "aria-label": `${where}: tick box`,
          "aria-describedby": describedBy,
          "data-cell": a1(r, c),
          "data-row": r,
          "data-col": c,
          tabindex: -1,
        },
        on ? "☑" : "☐",
      );
      b.addEventListener("click", () => wb.toggleTick(tab.name, r, c));
      return b;
    }
    const cls = colourClass(tab.fills[r]?.[c] ?? null);
    const b = h(
      "button",
      {
        type: "button",
        "aria-label": `${where}: ${cls === "blank" ? "no colour" : cls}. Press to change.`,
        "aria-describedby": describedBy,
        "data-cell": a1(r, c),
        "data-row": r,
        "data-col": c,
        tabindex: -1,
      },
      cls === "blank" ? "" : CLASS_SYMBOL[cls],
    );
    b.addEventListener("click", () => wb.cycleFill(tab.name, r, c));
    return b;
  };

  const drawGrid = (): void => {
    const tab = wb.activeTab();
    const focused = (document.activeElement as HTMLElement | null)?.dataset.cell;
    const top = scroll.scrollTop;
    const left = scroll.scrollLeft;
    if (!tab) {
      scroll.removeAttribute("tabindex");
      replace(scroll, h("p", { class: "empty-book" }, "No tabs yet: make one with the panel."));
      return;
    }
    scroll.setAttribute("aria-label", `Cells of the tab ${tab.name}`);
    const cols = Math.max(1, ...tab.values.map((r) => r.length));
    const covered = new Set<string>();
    const spans = new Map<string, { rows: number; cols: number }>();
    for (const m of tab.spec.merges) {
      const g = parseRange(m);
      spans.set(`${g.row},${g.col}`, { rows: g.rows, cols: g.cols });
      for (let r = g.row; r < g.row + g.rows; r++)
        for (let c = g.col; c < g.col + g.cols; c++) if (r !== g.row || c !== g.col) covered.add(`${r},${c}`);
    }
    const { bold, center } = styleMaps(tab);
    const header = findLadderHeader(tab.values);
    const cpName = (c: number): string =>
      header?.checkpoints.find((x) => x.col === c)?.name ?? columnLetters(c);
    const sel = wb.selected?.tab === tab.name ? parseA1(wb.selected.cell) : null;
    const statementCol = header?.cols.get("statement");
    const statementId = (r: number): string => `stmt-${r}`;

    const rowNumbers = h("col");
    rowNumbers.style.width = "40px";
    const colgroup = h("colgroup", {}, rowNumbers);
    for (let c = 0; c < cols; c++) {
      const col = h("col");
      col.style.width = `${Math.min(MAX_WIDTH, tab.spec.columnWidths[c] ?? DEFAULT_WIDTH)}px`;
      colgroup.append(col);
    }
    const head = h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Row")),
        ...Array.from({ length: cols }, (_, c) => h("th", { scope: "col" }, columnLetters(c))),
      ),
    );
    const body = h("tbody");
    tab.values.forEach((row, r) => {
      const tr = h("tr", {}, h("th", { scope: "row" }, String(r + 1)));
      for (let c = 0; c < cols; c++) {
        const key = `${r},${c}`;
        if (covered.has(key)) continue;
        const td = h("td");
        const span = spans.get(key);
        if (span) {
          td.rowSpan = span.rows;
          td.colSpan = span.cols;
        }
        const fill = wb.shownFill(tab, r, c);
        if (fill) td.style.backgroundColor = fill;
        if (bold.has(key)) td.classList.add("bold");
        if (center.has(key)) td.classList.add("center");
        if (sel && sel.row === r && sel.col === c) td.classList.add("selected");
        if (wb.cellKind(tab, r, c)) {
          td.classList.add("cp");
          const described = statementCol !== undefined ? statementId(r) : null;
          td.append(cellButton(tab, r, c, cpName(c), described));
        } else {
          td.textContent = text(row[c]);
          if (c === statementCol && r > (header?.row ?? -1)) td.id = statementId(r);
          td.dataset.ref = a1(r, c);
          td.dataset.row = String(r);
          td.dataset.col = String(c);
        }
        tr.append(td);
      }
      body.append(tr);
    });
    replace(scroll, h("table", { class: "grid" }, colgroup, head, body));
    scroll.scrollTop = top;
    scroll.scrollLeft = left;

    // One Tab stop: the roving cell (where you were on this tab, else the first cell). A tab with no
    // cells to colour (a summary) makes the region itself the stop, so it can still be scrolled.
    const all = cells();
    const keep = roving.get(tab.name);
    const stop = all.find((b) => b.dataset.cell === keep) ?? all[0];
    if (stop) rove(stop);
    if (stop) scroll.removeAttribute("tabindex");
    else scroll.tabIndex = 0;

    if (focused)
      scroll.querySelector<HTMLElement>(`[data-cell="${focused}"]`)?.focus({ preventScroll: true });
    if (wb.selections !== lastSelections && sel) {
      // The panel asked to go to this cell: scroll to it and put focus on it (its button, or the
      // cell itself when it has none, so a screen reader reads it).
      const td = scroll.querySelector<HTMLElement>("td.selected");
      td?.scrollIntoView({ block: "center", inline: "nearest" });
      const target = td?.querySelector<HTMLElement>("[data-cell]") ?? td;
      if (target && target !== td) rove(target);
      else if (td) td.tabIndex = -1;
      target?.focus({ preventScroll: true });
    }
    lastSelections = wb.selections;
  };

  const draw = (): void => {
    drawTabs();
    drawGrid();
  };
  wb.onChange(draw);
  draw();
}

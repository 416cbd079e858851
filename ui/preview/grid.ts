/**
 * The preview's workbook view: the active tab drawn as a grid (values, fills, merges, bold) with a
 * tab strip below, as in a spreadsheet. Checkpoint cells are buttons: click, Enter or Space cycles the
 * fill (none -> green -> amber -> red -> none); in tick-box tabs they tick and untick. Each shows its
 * class as a letter (G, A, R) or a tick mark, so colour is never the only signal.
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

export function mountGrid(host: HTMLElement, wb: MemoryWorkbook): void {
  const scroll = h("div", { class: "sheet-scroll", tabindex: 0, role: "region" });
  const strip = h("div", { class: "tabstrip", role: "tablist", "aria-label": "Tabs" });
  replace(host, scroll, strip);
  let lastSelected = "";

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

  const cellButton = (tab: MemoryTab, r: number, c: number, cp: string): HTMLElement => {
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
          "data-cell": a1(r, c),
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
        "data-cell": a1(r, c),
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
          td.append(cellButton(tab, r, c, cpName(c)));
        } else td.textContent = text(row[c]);
        tr.append(td);
      }
      body.append(tr);
    });
    replace(scroll, h("table", { class: "grid" }, colgroup, head, body));
    scroll.scrollTop = top;
    scroll.scrollLeft = left;
    if (focused)
      scroll.querySelector<HTMLElement>(`[data-cell="${focused}"]`)?.focus({ preventScroll: true });
    const selKey = wb.selected ? `${wb.selected.tab}!${wb.selected.cell}` : "";
    if (selKey !== lastSelected && sel) {
      scroll.querySelector("td.selected")?.scrollIntoView({ block: "center", inline: "nearest" });
    }
    lastSelected = selKey;
  };

  const draw = (): void => {
    drawTabs();
    drawGrid();
  };
  wb.onChange(draw);
  draw();
}

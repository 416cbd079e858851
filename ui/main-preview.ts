/**
 * Entry for `npm run preview`: the panel beside an in-memory workbook, so create -> colour a few
 * cells -> check -> roll up can be tried in a browser with no Google or Microsoft account. "Save as
 * .xlsx" posts the workbook's specs to the preview server (scripts/preview-server.ts), which writes
 * the file with the command line's .xlsx writer; if that fails the workbook downloads as JSON.
 */
import "./preview/preview.css";
import { mountPanel } from "./panel.js";
import { h } from "./panel/dom.js";
import { personFilesSection } from "./panel/person-files.js";
import { mountGrid } from "./preview/grid.js";
import { MemoryWorkbook } from "./preview/memory-workbook.js";
import { previewPersonFiles } from "./preview/person-files.js";
import { seedDemo } from "./preview/seed.js";

/** The preview re-checks like the Sheets sidebar does, a little more often. */
export const PREVIEW_LIVE_MS = 3000;

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function start(): void {
  const root = document.getElementById("app");
  if (!root) return;
  const wb = new MemoryWorkbook({ delayMs: 120 });
  seedDemo(wb);

  const save = h("button", { type: "button" }, "Save as .xlsx");
  const note = h("span", { class: "save-note", role: "status" });
  const book = h("div", { class: "book-view" });
  const panel = h("aside", {
    class: "panel-frame",
    id: "ladder-panel",
    "aria-label": "Ladder panel",
    tabindex: -1,
  });
  // Keyboard users get a way straight to the panel: this skip link first on the page, and Escape in
  // the grid, which goes back to where they were in the panel (or to its top).
  const skip = h("a", { class: "skip", href: "#ladder-panel" }, "Skip to the panel");
  skip.addEventListener("click", (ev) => {
    ev.preventDefault();
    panel.focus();
  });
  let lastInPanel: HTMLElement | null = null;
  panel.addEventListener("focusin", (ev) => {
    if (ev.target instanceof HTMLElement && ev.target !== panel) lastInPanel = ev.target;
  });
  const backToPanel = (): void => {
    const target = lastInPanel?.isConnected && lastInPanel.getClientRects().length > 0 ? lastInPanel : panel;
    target.focus();
  };
  root.append(
    skip,
    h(
      "div",
      { class: "preview" },
      // The workbook is the page's main content; the panel beside it is the <aside>.
      h(
        "main",
        { class: "book", "aria-label": "Workbook" },
        h(
          "div",
          { class: "book-bar" },
          h("h1", {}, "ladder-sheets preview"),
          h(
            "p",
            {},
            "An in-memory workbook. Click a Sep, Mid or Jul cell to colour it (none → green → amber → red), then use the panel. By keyboard: arrow keys move between cells, Enter or Space colours, Escape goes back to the panel. Nothing leaves this page unless you save.",
          ),
          save,
          note,
        ),
        book,
      ),
      panel,
    ),
  );
  book.classList.add("sheet-area");
  mountGrid(book, wb, { onEscape: backToPanel });
  mountPanel(panel, wb, {
    host: "preview",
    personFiles: personFilesSection(previewPersonFiles(wb)),
  }).startLiveCheck(PREVIEW_LIVE_MS);

  save.addEventListener("click", () => {
    note.textContent = "Saving…";
    const specs = wb.toSpecs();
    fetch("/api/xlsx", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ specs }),
    })
      .then(async (res) => {
        if (!res.ok) throw new Error((await res.text()) || `The preview server said ${res.status}.`);
        download(await res.blob(), "ladder-preview.xlsx");
        note.textContent = "Saved ladder-preview.xlsx (see your downloads).";
      })
      .catch((e: unknown) => {
        download(
          new Blob([JSON.stringify({ specs }, null, 1)], { type: "application/json" }),
          "ladder-preview.json",
        );
        note.textContent = `Could not make an .xlsx (${e instanceof Error ? e.message : String(e)}); saved the workbook as JSON instead.`;
      });
  });
}

start();

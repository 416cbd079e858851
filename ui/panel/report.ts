/**
 * The panel's "Report" view: asks the host for the leadership report (the same self-contained HTML
 * page `ladder report` writes; nothing is written to the workbook), then offers it two ways: open
 * it in a new window (where the browser allows one: the preview, a desktop task pane) and save it
 * as an .html file (a link with `download`, which works inside the Sheets sidebar's frame and the
 * Excel task pane, where a new window may be blocked). Kept to itself so the panel only mounts it.
 */
import type { Ctx } from "./context.js";
import { h, replace } from "./dom.js";

export const REPORT_FILE = "leadership-report.html";

/** The Report section (none when the host has no report to give). */
export function reportSection(ctx: Ctx): HTMLElement[] {
  const make = ctx.api.leadershipReport?.bind(ctx.api);
  if (!make) return [];
  const button = h("button", { type: "button" }, "Make the leadership report");
  const out = h("div", { class: "report-result" });
  let url = "";
  button.addEventListener("click", () => {
    void ctx.act(button, "Making the report…", "The report was not made.", async () => {
      const html = await make();
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([html], { type: "text/html" }));
      const open = h("button", { type: "button" }, "Open the report in a new window");
      open.addEventListener("click", () => {
        if (!window.open(url, "_blank"))
          ctx.status.show("warn", "The browser did not open a new window. Use 'Save the report' instead.");
      });
      const save = h("a", { href: url, download: REPORT_FILE, class: "button" }, "Save the report (HTML)");
      replace(out, h("div", { class: "actions" }, open, save));
      ctx.status.show("ok", "The leadership report is ready: open it, or save it and print it on A4.");
      open.focus();
    });
  });
  const section = h(
    "div",
    { class: "section-body report-section" },
    h("h3", {}, "Leadership report"),
    h(
      "p",
      { class: "hint" },
      "One printable page for leaders: staff per zone, movement, targets, band by band and what is left to fix.",
    ),
    h("div", { class: "actions" }, button),
    out,
  );
  return [section];
}

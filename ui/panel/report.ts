/**
 * The panel's "Report" view: asks the host for the leadership report (the same self-contained HTML
 * page `ladder report` writes; nothing is written to the workbook), then offers it as an .html file
 * to save (a link with `download`). Not a new window: a page opened from the panel inherits the
 * panel's Content-Security-Policy, which blocks the report's own inline stylesheet (the browser test
 * saw it unstyled), and the Sheets sidebar and Excel task pane may block new windows anyway. The
 * saved file opens from disk with no policy but its own and no network. Kept to itself so the panel
 * only mounts it.
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
      const save = h("a", { href: url, download: REPORT_FILE }, "Save the report (HTML)");
      replace(out, h("div", { class: "actions" }, save));
      ctx.status.show(
        "ok",
        "The leadership report is ready: save it, then open it in a web browser to read or print.",
      );
      save.focus();
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

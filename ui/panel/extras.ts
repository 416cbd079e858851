/**
 * "More": the meeting feedback form (Meeting, Date, Chair, Observer) and the grade-band chart tab.
 */
import type { Ctx } from "./context.js";
import { field, h } from "./dom.js";

export const FEEDBACK_FIELDS = ["Meeting", "Date", "Chair", "Observer"] as const;

export function feedbackSection(ctx: Ctx): HTMLElement {
  const inputs = FEEDBACK_FIELDS.map((f) => ({
    f,
    input: h("input", { type: f === "Date" ? "date" : "text", name: f.toLowerCase(), autocomplete: "off" }),
  }));
  const button = h("button", { type: "button" }, "Make feedback form");
  button.addEventListener("click", () => {
    void ctx.act(button, "Making the feedback form…", "The feedback form was not made.", async () => {
      const fields = Object.fromEntries(inputs.map(({ f, input }) => [f, input.value.trim()]));
      const r = await ctx.api.createFeedbackForm(fields);
      ctx.status.show("ok", `Made the tab '${r.tab}'.`);
    });
  });
  return h(
    "div",
    { class: "subsection" },
    h("h3", {}, "Meeting feedback form"),
    ...inputs.map(({ f, input }) => field(f, input)),
    h("div", { class: "actions" }, button),
  );
}

export function chartSection(ctx: Ctx): HTMLElement {
  const button = h("button", { type: "button" }, "Make grade-band chart");
  button.addEventListener("click", () => {
    void ctx.act(button, "Making the chart…", "The chart was not made.", async () => {
      const r = await ctx.api.createGradeBandChart();
      ctx.status.show("ok", `Made the tab '${r.tab}'.`);
    });
  });
  return h(
    "div",
    { class: "subsection" },
    h("h3", {}, "Grade-band chart"),
    h(
      "p",
      { class: "hint" },
      "The levels expected of each grade band, as a tab (the roll-up also refreshes it).",
    ),
    h("div", { class: "actions" }, button),
  );
}

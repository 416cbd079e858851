/**
 * The panel's one status area: progress, results and errors in plain words, in an aria-live region
 * so screen readers hear them, with a "Details" disclosure for the lines behind an error. Errors say
 * "Problem:" and results that need attention (a check or roll-up that found colouring errors) say
 * "Needs attention:" in words, so colour is never the only signal and errors are never "Done"; a
 * question the panel asks before it acts (a tab that exists already) says "Your answer is needed:".
 * Each message is scrolled into view, so it appears where the person is looking.
 */
import { h, replace } from "./dom.js";
import { toPanelError } from "./errors.js";

export type Tone = "info" | "busy" | "ok" | "warn" | "ask" | "error";

const PREFIX: Record<Tone, string> = {
  info: "",
  busy: "",
  ok: "Done: ",
  warn: "Needs attention: ",
  ask: "Your answer is needed: ",
  error: "Problem: ",
};

export class Status {
  readonly el: HTMLElement;
  private readonly message: HTMLElement;
  private readonly detailsBox: HTMLDetailsElement;
  private readonly detailsList: HTMLUListElement;

  constructor() {
    this.message = h("p", { class: "status-message" });
    this.detailsList = h("ul", { class: "status-details" });
    this.detailsBox = h(
      "details",
      { class: "status-more", hidden: true },
      h("summary", {}, "Details"),
      this.detailsList,
    );
    this.el = h(
      "div",
      { class: "status", role: "status", "aria-live": "polite" },
      this.message,
      this.detailsBox,
    );
    this.el.hidden = true;
  }

  show(tone: Tone, text: string, details: readonly string[] = []): void {
    this.el.hidden = false;
    this.el.dataset.tone = tone;
    const prefix = PREFIX[tone];
    replace(this.message, prefix ? h("strong", {}, prefix) : null, text);
    replace(this.detailsList, ...details.map((d) => h("li", {}, d)));
    this.detailsBox.hidden = details.length === 0;
    this.detailsBox.open = false;
    // jsdom and old hosts have no scrollIntoView; the message is still there.
    if (tone !== "busy") this.el.scrollIntoView?.({ block: "nearest" });
  }

  error(e: unknown, context?: string): void {
    const pe = toPanelError(e);
    this.show("error", context ? `${context} ${pe.message}` : pe.message, pe.details);
  }

  clear(): void {
    this.el.hidden = true;
    replace(this.message);
  }
}

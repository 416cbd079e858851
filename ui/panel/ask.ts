/**
 * A question the panel asks in place, before it does something the person may not want (making a
 * second tab for someone who has one). Not a window.confirm: hosts block or hide browser dialogs
 * (Apps Script's sidebar frame, Office task panes), and a dialog would take the person away from the
 * list it is about. The question, the names it concerns and one button per answer appear where the
 * action was. The last answer is the safe one (cancel, stop): focus moves to it and Escape picks it,
 * so pressing Enter twice on Create can never say yes by accident. The box goes once answered.
 */
import { h, replace, uid } from "./dom.js";

export interface Choice<T> {
  label: string;
  value: T;
  primary?: boolean;
}

/**
 * Show `question` (and `names`, one per line) inside `where` and resolve with the chosen value.
 * @example await ask(box, "Kay Board has a tab already. Make a second one?", [], [{ label: "Make a second tab", value: true }, { label: "Cancel", value: false }])
 */
export function ask<T>(
  where: HTMLElement,
  question: string,
  names: readonly string[],
  choices: readonly [Choice<T>, ...Choice<T>[]],
): Promise<T> {
  const id = uid("ask");
  return new Promise<T>((resolve) => {
    const answer = (value: T): void => {
      replace(where);
      where.hidden = true;
      resolve(value);
    };
    const buttons = choices.map((c) => {
      const b = h("button", { type: "button", class: c.primary ? "primary" : null }, c.label);
      b.addEventListener("click", () => answer(c.value));
      return b;
    });
    const box = h(
      "div",
      { class: "ask", role: "group", "aria-labelledby": id },
      h("p", { id }, question),
      names.length ? h("ul", {}, ...names.map((n) => h("li", {}, n))) : null,
      h("div", { class: "actions" }, ...buttons),
    );
    box.addEventListener("keydown", (ev) => {
      if (ev.key !== "Escape") return;
      ev.preventDefault();
      answer(choices[choices.length - 1]!.value);
    });
    where.hidden = false;
    replace(where, box);
    box.scrollIntoView?.({ block: "nearest" });
    buttons[buttons.length - 1]!.focus();
  });
}

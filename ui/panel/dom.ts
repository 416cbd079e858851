/**
 * A tiny element builder for the panel. Text goes in as text nodes and attributes through
 * setAttribute, so untrusted text (staff names, tab names, messages) can never become markup.
 *
 * It does not offer innerHTML or inline event handler attributes at all: `on*` attribute names
 * throw, so a handler can only be attached with addEventListener (and the page's CSP forbids
 * inline handlers anyway).
 */

export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/**
 * Create an element with attributes and children.
 * @example h("label", { for: "name" }, "Name") // <label for="name">Name</label>
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (/^on/i.test(name)) throw new Error(`Inline handler attribute '${name}' is not allowed.`);
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, ...children);
  return el;
}

/** Append children as nodes; strings and numbers become text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(
      typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c,
    );
  }
}

/** Replace all children of `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

let counter = 0;
/** A page-unique id for label/for pairs. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A labelled control: the label's `for` names the control's id. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id ||= uid("f");
  const hintEl = hint ? h("p", { class: "hint", id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute("aria-describedby", hintEl.id);
  return h("div", { class: "field" }, h("label", { for: control.id }, label), control, hintEl);
}

/** A tick box with its label beside it: the box, and the block holding both. */
export function checkbox(name: string, label: string): { box: HTMLInputElement; field: HTMLElement } {
  const box = h("input", { type: "checkbox", name, id: uid(name) });
  return { box, field: h("div", { class: "check" }, box, h("label", { for: box.id }, label)) };
}

/**
 * The leader's to-do list in the panel, after a school roll-up (core/chase.ts decides what is on
 * it): a sentence saying what is left and which checkpoint is chased and why; the tabs with
 * colouring errors and the people who have not filled in the current checkpoint, each a button that
 * goes to the tab (to the first error's cell when there is one; across person files, a link to the
 * file or its name); and everyone grouped by appraiser, folded away until wanted. Every state is said in words beside the name, never by colour alone.
 */
import type { ChaseList, ChasePerson } from "../../core/chase.js";
import { chaseSentence } from "../../core/chase-words.js";
import type { Ctx } from "./context.js";
import { h, uid } from "./dom.js";

/**
 * A way to the person's tab: a button in this workbook; rolled up across person files, a link to
 * their file when it is on the web (Google Sheets), else the name with the file's name beside it.
 */
function goTo(ctx: Ctx, label: string, p: ChasePerson): HTMLElement {
  if (p.file !== undefined)
    return /^https:\/\//.test(p.file)
      ? h("a", { href: p.file, target: "_blank", rel: "noopener" }, label)
      : h("span", {}, label, h("span", { class: "hint" }, ` (${p.file})`));
  const b = h("button", { type: "button", class: "link" }, label);
  b.addEventListener("click", () => {
    ctx.api.selectCell(p.tab, p.cell).catch((e: unknown) => ctx.status.error(e, "Could not go to the tab."));
  });
  return b;
}

/** A headed list of people; nothing when there is nobody on it. */
function block(
  title: string,
  cls: string,
  people: readonly ChasePerson[],
  item: (p: ChasePerson) => HTMLElement,
): HTMLElement | null {
  if (people.length === 0) return null;
  const id = uid("chase");
  return h(
    "div",
    { class: "chase-block" },
    h("h4", { id }, `${title} (${people.length})`),
    h("ul", { class: cls, "aria-labelledby": id }, ...people.map((p) => h("li", {}, item(p)))),
  );
}

export function chaseView(ctx: Ctx, c: ChaseList): HTMLElement {
  const sentence =
    chaseSentence(c) ??
    `Nothing to chase: everyone has filled in ${c.checkpoint} and no tab has colouring errors.`;
  const errorWord = (n: number): string => `${n} colouring error${n === 1 ? "" : "s"}`;
  return h(
    "div",
    { class: "chase" },
    h("h3", {}, "To do"),
    h("p", {}, `${sentence} The to-do list chases ${c.checkpoint}: ${c.reason}`),
    block("Tabs with colouring errors", "error-tabs", c.withErrors, (p) =>
      h("span", {}, goTo(ctx, `${p.tab} (${p.cell})`, p), ` ${errorWord(p.errors)}`),
    ),
    block(`Not filled in ${c.checkpoint} yet`, "late", c.notFilledIn, (p) =>
      h("span", {}, goTo(ctx, p.tab, p), p.name === p.tab ? null : ` ${p.name}`),
    ),
    c.byAppraiser.length
      ? h(
          "details",
          { class: "by-appraiser" },
          h("summary", {}, `Everyone by appraiser (${c.byAppraiser.length})`),
          ...c.byAppraiser.map((g) =>
            block(g.appraiser, "appraisees", g.people, (p) =>
              h("span", {}, goTo(ctx, p.tab, p), ` ${p.text}`),
            ),
          ),
        )
      : null,
  );
}

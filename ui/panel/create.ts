/**
 * "Make staff tabs": choose a template (and, for a ladder, the highest level), then one person's
 * details or a pasted staff list, tick-box mode, and Create. A pasted list is checked here with
 * core's parseStaffList against the bands the host sent, with line-numbered problems; nothing is
 * sent while any row is bad. Staff go to the host in batches of BATCH, with "n of N tabs" progress,
 * so a long list neither hits a host's time limit nor leaves the person wondering.
 *
 * No silent surprises: each batch asks the host to refuse anyone who has a tab already (askIfExists),
 * and the panel then asks the person (ask.ts): a second tab, skip them, or stop. Once made, the
 * one-person form clears and the section folds away, so Enter twice cannot make 'Kay Board (2)'.
 */
import type { BandInfo, StaffInput, TemplateInfo } from "../api.js";
import { parseStaffList } from "../../core/staff-list.js";
import { batches, type Ctx } from "./context.js";
import { checkbox, field, h, replace, uid } from "./dom.js";
import { ask } from "./ask.js";
import { toPanelError } from "./errors.js";

export const BATCH = 10;

type ListCheck = { ok: true; staff: StaffInput[] } | { ok: false; message: string; details: string[] };

/** Check a pasted list with core's parser; never throws. */
export function checkStaffList(text: string, bands: readonly BandInfo[]): ListCheck {
  try {
    const rows = parseStaffList(text, { bands: [...bands] });
    return {
      ok: true,
      staff: rows.map(({ name, band, role, appraiser, email, appraiserEmail }) => ({
        name,
        band,
        role,
        appraiser,
        ...(email ? { email } : {}),
        ...(appraiserEmail ? { appraiserEmail } : {}),
      })),
    };
  } catch (e) {
    const pe = toPanelError(e);
    return { ok: false, message: pe.message, details: pe.details };
  }
}

/** The templates a staff tab or file can use: ladders first (the main template), then rating sheets. */
export function staffTemplates(templates: readonly TemplateInfo[]): TemplateInfo[] {
  return [...templates.filter((t) => t.kind === "ladder"), ...templates.filter((t) => t.kind === "rating")];
}

export function createSection(ctx: Ctx, templates: readonly TemplateInfo[], bands: readonly BandInfo[]) {
  const usable = staffTemplates(templates);
  const template = h("select", { name: "template" });
  for (const t of usable) template.append(h("option", { value: t.id }, t.title));
  const upTo = h("select", { name: "upTo" });
  const upToField = field("Up to level", upTo, "The highest level on the tab.");

  const modeName = uid("mode");
  const onePerson = h("input", {
    type: "radio",
    name: modeName,
    value: "one",
    id: uid("one"),
    checked: true,
  });
  const fromList = h("input", { type: "radio", name: modeName, value: "list", id: uid("list") });
  const mode = h(
    "fieldset",
    { class: "choice" },
    h("legend", {}, "Who is it for?"),
    h("div", { class: "radio" }, onePerson, h("label", { for: onePerson.id }, "One person")),
    h("div", { class: "radio" }, fromList, h("label", { for: fromList.id }, "A staff list (paste it)")),
  );

  const name = h("input", { type: "text", name: "name", autocomplete: "off", maxlength: 200 });
  const band = h("select", { name: "band" }, h("option", { value: "" }, "Choose a band…"));
  for (const b of bands) band.append(h("option", { value: String(b.band) }, b.label));
  const role = h("input", { type: "text", name: "role", autocomplete: "off" });
  const appraiser = h("input", { type: "text", name: "appraiser", autocomplete: "off" });
  const person = h(
    "div",
    { class: "group" },
    field("Name", name),
    field("Grade band", band),
    field("Role", role),
    field("Appraiser", appraiser),
  );

  const list = h("textarea", { name: "staffList", rows: 6, spellcheck: "false" });
  const listCheck = h("div", { class: "list-check", "aria-live": "polite" });
  // Hosts with a range selection (Sheets, Excel) can fill the list from the selected rows.
  const readSelection = ctx.api.readSelection?.bind(ctx.api);
  const fromSelection = readSelection ? h("button", { type: "button" }, "Use the selected rows") : null;
  const listGroup = h(
    "div",
    { class: "group", hidden: true },
    field(
      "Staff list",
      list,
      readSelection
        ? "One person per line: name, band, role, appraiser (commas, semicolons or columns copied from a spreadsheet). A header row is optional. Or select the rows in the sheet and use the button below."
        : "One person per line: name, band, role, appraiser (commas, semicolons or columns copied from a spreadsheet). A header row is optional.",
    ),
    fromSelection ? h("div", { class: "actions" }, fromSelection) : null,
    listCheck,
  );

  const { box: ticks, field: ticksField } = checkbox(
    "ticks",
    "Tick boxes: the tab colours itself as boxes are ticked",
  );

  const create = h("button", { type: "button", class: "primary" }, "Create tab");
  const progress = h("progress", { max: 1, value: 0, hidden: true });
  const progressText = h("span", { class: "progress-text" });
  const made = h("ul", { class: "made", "aria-label": "Tabs made" });
  const question = h("div", { class: "question", hidden: true });

  const current = (): TemplateInfo | undefined => usable.find((t) => t.id === template.value);
  const syncTemplate = (): void => {
    const t = current();
    const ladder = t?.kind === "ladder";
    upToField.hidden = !ladder;
    ticksField.hidden = !ladder;
    replace(upTo);
    if (ladder && t.minLevel !== undefined && t.maxLevel !== undefined)
      for (let l = t.minLevel; l <= t.maxLevel; l++)
        upTo.append(h("option", { value: String(l), selected: l === t.maxLevel }, `Level ${l}`));
  };
  const syncMode = (): void => {
    person.hidden = fromList.checked;
    listGroup.hidden = !fromList.checked;
    create.textContent = fromList.checked ? "Create tabs" : "Create tab";
  };
  const showListCheck = (): ListCheck | null => {
    if (list.value.trim() === "") {
      replace(listCheck);
      list.removeAttribute("aria-invalid");
      return null;
    }
    const c = checkStaffList(list.value, bands);
    if (c.ok) {
      list.removeAttribute("aria-invalid");
      replace(listCheck, h("p", { class: "ok" }, `✓ ${c.staff.length} staff ready.`));
    } else {
      list.setAttribute("aria-invalid", "true");
      const n = c.details.length;
      replace(
        listCheck,
        n === 0
          ? h("p", { class: "bad" }, `✗ ${c.message}`)
          : h(
              "p",
              { class: "bad" },
              `✗ ${n} problem${n === 1 ? "" : "s"} to fix first (nothing is made until every line is right):`,
            ),
        n ? h("ul", {}, ...c.details.map((d) => h("li", {}, d))) : null,
      );
    }
    return c;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  list.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(showListCheck, 300);
  });
  if (fromSelection && readSelection)
    fromSelection.addEventListener("click", () => {
      void ctx.act(
        fromSelection,
        "Reading the selected rows…",
        "Reading the selection stopped.",
        async () => {
          const sel = await readSelection();
          list.value = sel.text;
          const c = showListCheck();
          if (c?.ok)
            ctx.status.show(
              "ok",
              `Read ${c.staff.length} staff from the selected rows: check them, then Create tabs.`,
            );
          else
            ctx.status.show(
              "error",
              "The selected rows are not a staff list yet: see the problems under the list.",
            );
          list.focus();
        },
      );
    });
  template.addEventListener("change", syncTemplate);
  onePerson.addEventListener("change", syncMode);
  fromList.addEventListener("change", syncMode);

  /** The staff to send, or null after saying (and focusing) what is missing. */
  const staffToSend = (): StaffInput[] | null => {
    if (fromList.checked) {
      const c = showListCheck();
      if (c === null) {
        ctx.status.show("error", "Paste a staff list first (one person per line).");
        list.focus();
        return null;
      }
      if (!c.ok) {
        ctx.status.show("error", c.message, c.details); // core's message already says what to do
        list.focus();
        return null;
      }
      return c.staff;
    }
    // Every missing field at once, not one per press of Create.
    const missing = (
      [
        [name, "a name"],
        [band, "a grade band"],
      ] as const
    ).filter(([el]) => {
      const empty = el.value.trim() === "";
      if (empty) el.setAttribute("aria-invalid", "true");
      else el.removeAttribute("aria-invalid");
      return empty;
    });
    if (missing.length > 0) {
      ctx.status.show("error", `Give ${missing.map(([, what]) => what).join(" and ")} first.`);
      missing[0]![0].focus();
      return null;
    }
    // "Band 3" reads well on the tab and resolves like any of the band's labels.
    return [{ name: name.value, band: `Band ${band.value}`, role: role.value, appraiser: appraiser.value }];
  };

  /** Ask about people who already have a tab: "again" (second tabs), "skip" them, or "stop". */
  const askAboutExisting = (names: readonly string[], one: boolean): Promise<"again" | "skip" | "stop"> => {
    if (one) {
      const who = names[0] ?? "This person";
      ctx.status.show("ask", `${who} has a tab already: make a second one, or cancel?`);
      return ask<"again" | "stop">(
        question,
        `There is already a tab called '${who}'. Make a second tab for ${who} (its name gets a number, such as '${who} (2)'), or cancel and keep the one they have?`,
        [],
        [
          { label: "Make a second tab", value: "again" },
          { label: "Cancel", value: "stop" },
        ],
      );
    }
    const n = names.length;
    ctx.status.show(
      "ask",
      `${n === 1 ? "1 person" : `${n} people`} on the list ${n === 1 ? "has" : "have"} a tab already: choose what to do under the list.`,
    );
    return ask<"again" | "skip" | "stop">(
      question,
      `${n === 1 ? "This person has" : `These ${n} people have`} a tab already. Make a second tab for ${n === 1 ? "them" : "each"} (the name gets a number), skip them and make the others, or stop here?`,
      names,
      [
        { label: n === 1 ? "Make a second tab" : "Make second tabs", value: "again" },
        { label: n === 1 ? "Skip them" : "Skip these people", value: "skip" },
        { label: "Stop", value: "stop" },
      ],
    );
  };

  create.addEventListener("click", () => {
    const staff = staffToSend();
    const t = current();
    if (!staff || !t) return;
    const one = onePerson.checked;
    void ctx.act(create, "Creating…", "Creating tabs stopped.", async () => {
      const total = staff.length;
      const names: string[] = [];
      let skipped = 0;
      let stopped = false;
      replace(made);
      progress.hidden = total < 2;
      progress.max = total;
      const tell = (): void => {
        progress.value = names.length + skipped;
        progressText.textContent = total > 1 ? `${names.length} of ${total} tabs` : "";
      };
      const request = (batch: StaffInput[], askIfExists: boolean) =>
        ctx.api.createTabs({
          templateId: t.id,
          staff: batch,
          ticks: t.kind === "ladder" && ticks.checked,
          ...(t.kind === "ladder" && upTo.value ? { upTo: Number(upTo.value) } : {}),
          ...(askIfExists ? { askIfExists } : {}),
        });
      /** One batch, asking first about anyone who has a tab already. */
      const send = async (batch: StaffInput[]): Promise<string[]> => {
        try {
          return (await request(batch, true)).created;
        } catch (e) {
          const pe = toPanelError(e);
          if (pe.code !== "tab-exists") throw e;
          const choice = await askAboutExisting(pe.details, one);
          if (choice === "stop") {
            stopped = true;
            return [];
          }
          const key = (n: string): string => n.trim().toLowerCase();
          const already = new Set(pe.details.map(key));
          const rest = choice === "skip" ? batch.filter((p) => !already.has(key(p.name))) : batch;
          skipped += batch.length - rest.length;
          ctx.status.show("busy", "Creating…");
          return rest.length ? (await request(rest, false)).created : [];
        }
      };
      tell();
      try {
        for (const batch of batches(staff, BATCH)) {
          const res = await send(batch);
          names.push(...res);
          for (const n of res) made.append(h("li", {}, n));
          tell();
          if (stopped) break;
          if (total > 1) ctx.status.show("busy", `Creating… ${names.length} of ${total} tabs`);
        }
      } catch (e) {
        const pe = toPanelError(e);
        const sofar = names.length
          ? `${names.length} of ${total} tabs were made (listed below); the rest were not.`
          : "No tabs were made.";
        ctx.status.show("error", `Creating tabs stopped. ${pe.message} ${sofar}`, pe.details);
        return;
      }
      if (stopped) {
        ctx.status.show(
          "info",
          names.length === 0
            ? one
              ? `Nothing was made: ${staff[0]!.name.trim()} keeps the tab they have.`
              : "Stopped: no tabs were made."
            : `Stopped: ${names.length} of ${total} tabs were made (listed below); the rest were not.`,
        );
        create.focus();
        return;
      }
      const skippedText = skipped
        ? ` Skipped ${skipped} ${skipped === 1 ? "person" : "people"} who already had a tab.`
        : "";
      ctx.status.show(
        "ok",
        names.length === 1
          ? `Made the tab '${names[0]!}'.${skippedText}`
          : `Made ${names.length} tabs.${skippedText}`,
      );
      // Clear the one-person form, so pressing Create again cannot make a second tab for them.
      if (one) for (const el of [name, role, appraiser]) el.value = "";
      // The section has done its job: fold it away so the next step (colour, check) is in view, and
      // keep keyboard focus on its heading rather than on a button that is now hidden.
      const section = create.closest("details");
      if (section) {
        section.open = false;
        section.querySelector("summary")?.focus();
      }
    });
  });

  syncTemplate();
  syncMode();
  return h(
    "div",
    { class: "section-body" },
    field("Template", template),
    upToField,
    mode,
    person,
    listGroup,
    ticksField,
    question,
    h("div", { class: "actions" }, create, progress, progressText),
    made,
  );
}

/**
 * "One file per person" (issue 13): make one .xlsx workbook per person from a staff list, each
 * holding only that person's tab, and roll up the person files the leader picks into this
 * workbook's summary and grade-band chart tabs. Files that could not be read are listed with the
 * reason; the others still roll up. Long runs say "n of N" as they go.
 *
 * The panel only asks its host (PersonFilesHost): the Excel pane opens each file as a new workbook
 * (Excel.createWorkbook), the preview offers each as a download. Only hosts that can make .xlsx
 * files pass a host, so the Sheets sidebar never loads this section's heavy half (ui/person-files/).
 */
import type { BandInfo, StaffInput, TemplateInfo } from "../api.js";
import type { FilesRollupResult, PickedFile } from "../person-files/files.js";
import type { Ctx } from "./context.js";
import { checkStaffList } from "./create.js";
import { field, h, replace } from "./dom.js";
import { zoneTable } from "./rollup.js";

/** A file made for one person, with a link to save it when the host gives one (the preview). */
export interface MadeFile {
  person: string;
  file: string;
  link?: string;
}

export interface PersonFilesHost {
  /** One sentence: where each made file goes and what the leader does next. */
  readonly madeHint: string;
  makeFiles(
    req: { templateId: string; staff: StaffInput[]; ticks: boolean },
    onProgress: (done: number, total: number) => void,
  ): Promise<MadeFile[]>;
  rollupFiles(
    files: readonly PickedFile[],
    onProgress: (done: number, total: number, file: string) => void,
  ): Promise<FilesRollupResult>;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function makePart(
  ctx: Ctx,
  host: PersonFilesHost,
  templates: readonly TemplateInfo[],
  bands: readonly BandInfo[],
) {
  const usable = [
    ...templates.filter((t) => t.kind === "ladder"),
    ...templates.filter((t) => t.kind === "rating"),
  ];
  const template = h("select", { name: "personTemplate" });
  for (const t of usable) template.append(h("option", { value: t.id }, t.title));
  const list = h("textarea", { name: "personStaffList", rows: 5, spellcheck: "false" });
  const make = h("button", { type: "button", class: "primary" }, "Make the files");
  const progress = h("p", { class: "files-progress", "aria-live": "polite" });
  const made = h("ul", { class: "made", "aria-label": "Person files made" });

  make.addEventListener("click", () => {
    if (list.value.trim() === "") {
      ctx.status.show("error", "Paste a staff list first (one person per line).");
      list.focus();
      return;
    }
    const c = checkStaffList(list.value, bands);
    if (!c.ok) {
      list.setAttribute("aria-invalid", "true");
      ctx.status.show("error", c.message, c.details);
      list.focus();
      return;
    }
    list.removeAttribute("aria-invalid");
    void ctx.act(make, "Making the person files…", "Making the files stopped.", async () => {
      replace(made);
      const files = await host.makeFiles(
        { templateId: template.value, staff: c.staff, ticks: false },
        (done, total) => {
          progress.textContent = `${done} of ${plural(total, "file")} made.`;
        },
      );
      replace(
        made,
        ...files.map((f) =>
          h("li", {}, f.link ? h("a", { href: f.link, download: f.file }, `Save ${f.file}`) : f.file),
        ),
      );
      progress.textContent = `${plural(files.length, "file")} made.`;
      ctx.status.show("ok", `Made ${plural(files.length, "person file")}. ${host.madeHint}`);
    });
  });

  return h(
    "div",
    { class: "subsection" },
    h("h3", {}, "Make a file for each person"),
    field("Template", template),
    field(
      "Staff list",
      list,
      "One person per line: name, band, role, appraiser. Each file holds only that person's tab, so share it with them and their appraiser only.",
    ),
    h("div", { class: "actions" }, make),
    progress,
    made,
  );
}

function rollupPart(ctx: Ctx, host: PersonFilesHost) {
  const picker = h("input", { type: "file", multiple: true, accept: ".xlsx", name: "personFiles" });
  const roll = h("button", { type: "button" }, "Roll up the picked files");
  const progress = h("p", { class: "files-progress", "aria-live": "polite" });
  const out = h("div", { class: "rollup-result" });

  roll.addEventListener("click", () => {
    const picked = [...(picker.files ?? [])].map((f): PickedFile => ({
      name: f.name,
      bytes: async () => new Uint8Array(await f.arrayBuffer()),
    }));
    if (picked.length === 0) {
      ctx.status.show("error", "Pick the person files first (Person files, above the button).");
      picker.focus();
      return;
    }
    void ctx.act(roll, "Rolling up the picked files…", "The roll-up did not finish.", async () => {
      replace(out);
      const r = await host.rollupFiles(picked, (done, total, file) => {
        progress.textContent =
          done < total
            ? `Reading ${done + 1} of ${plural(total, "file")}: ${file}`
            : `Read ${plural(total, "file")}.`;
      });
      replace(
        out,
        h(
          "p",
          {},
          `${r.staffCount} staff from ${plural(r.files - r.unread.length, "file")} rolled up into ${r.tabs.map((t) => `'${t}'`).join(" and ")}. The grade-band chart counts ${r.chartCheckpoint}.`,
        ),
        r.unread.length
          ? h(
              "div",
              { class: "unread" },
              h("h4", {}, `${plural(r.unread.length, "file")} not read`),
              h("ul", {}, ...r.unread.map((u) => h("li", {}, h("strong", {}, u.file), `: ${u.reason}`))),
            )
          : null,
        r.skipped.length
          ? h(
              "details",
              {},
              h("summary", {}, `${plural(r.skipped.length, "tab")} left out`),
              h("ul", {}, ...r.skipped.map((k) => h("li", {}, h("strong", {}, k.tab), `: ${k.reason}`))),
            )
          : null,
        zoneTable(r),
      );
      if (r.unread.length)
        ctx.status.show(
          "warn",
          `Rolled up ${r.staffCount} staff, but ${plural(r.unread.length, "file")} could not be read (listed under One file per person).`,
        );
      else ctx.status.show("ok", `Rolled up ${r.staffCount} staff from ${plural(r.files, "file")}.`);
    });
  });

  return h(
    "div",
    { class: "subsection" },
    h("h3", {}, "Roll up person files"),
    field(
      "Person files (.xlsx)",
      picker,
      "Pick every person's file (Ctrl or Shift to pick many). The summary and grade-band chart are written into this workbook.",
    ),
    h("div", { class: "actions" }, roll),
    progress,
    out,
  );
}

/**
 * The section for a host, as mountPanel's `personFiles` option.
 * @example mountPanel(root, api, { host: "excel", personFiles: personFilesSection(excelPersonFiles(...)) })
 */
export function personFilesSection(host: PersonFilesHost) {
  return (ctx: Ctx, templates: readonly TemplateInfo[], bands: readonly BandInfo[]): HTMLElement =>
    h(
      "div",
      { class: "section-body person-files" },
      h(
        "p",
        { class: "hint" },
        "For privacy: each person gets their own workbook, holding nobody else's name or colours.",
      ),
      makePart(ctx, host, templates, bands),
      rollupPart(ctx, host),
    );
}

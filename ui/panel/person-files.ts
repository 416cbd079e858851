/**
 * "One file per person" (issue 13): make one file per person from a staff list, each holding only
 * that person's tab, list them on the leaders' register, and roll the person files up into this
 * workbook's summary and grade-band chart tabs. Files that could not be read are listed with the
 * reason; the others still roll up. Long runs show "n of N" as they go.
 *
 * The panel only asks its host (PersonFilesHost). The Excel pane opens each file as a new workbook
 * and the preview offers each as a download; both roll up the files the leader picks. The Sheets
 * sidebar makes each file in a Drive folder (and can share it) and rolls up the files the register
 * lists. Only the Excel and preview hosts import the heavy .xlsx half (ui/person-files/); this file
 * takes its types only, so the Sheets sidebar's bundle stays light.
 */
import type { BandInfo, FilesRollupResult, StaffInput, TemplateInfo } from "../api.js";
import type { PickedFile } from "../person-files/files.js";
import { chaseView } from "./chase.js";
import type { Ctx } from "./context.js";
import { checkStaffList, staffTemplates } from "./create.js";
import { checkbox, field, h, replace, uid } from "./dom.js";
import { zoneTable } from "./rollup.js";
import { plural } from "../../core/words.js";

/** A file made for one person, with a link when the host gives one (a download, or the Drive file). */
export interface MadeFile {
  person: string;
  file: string;
  link?: string;
  /** Download links save the file; other links open it. */
  download?: boolean;
  /** Who it was shared with, when the host shares (Sheets). */
  sharedWith?: string[];
}

/** How a Drive host shares each new file with the person and their appraiser. */
export type ShareMode = "none" | "silent" | "notify";

export interface MakeFilesRequest {
  templateId: string;
  staff: StaffInput[];
  ticks: boolean;
  /** Drive hosts: a folder link or id to put the files in, or the name of a new folder ("" = the default). */
  folder?: string;
  share?: ShareMode;
}

export interface MadeFiles {
  files: MadeFile[];
  /** What was left out or not shared, in words. */
  problems: string[];
  /** The register tab the files were listed on, when the host keeps one. */
  registerTab?: string;
  /** Where the files are (a Drive folder), when the host puts them in one. */
  folder?: { link: string };
}

/** Progress while making: how many of the total are done, and the files made so far. */
export type MakeProgress = (done: number, total: number, made: readonly MadeFile[]) => void;

export interface PersonFilesHost {
  /** One sentence: where each made file goes and what the leader does next. */
  readonly madeHint: string;
  /** Drive hosts (Sheets) put the files in a folder and can share them from the panel. */
  readonly drive?: boolean;
  makeFiles(req: MakeFilesRequest, onProgress: MakeProgress): Promise<MadeFiles>;
  /**
   * Where the roll-up's files come from: those the leader picks in the panel (Excel, the preview),
   * or those the register tab lists, which the host reads itself (Sheets).
   */
  readonly rollup:
    | {
        from: "picked";
        run(
          files: readonly PickedFile[],
          onProgress: (done: number, total: number, file: string) => void,
        ): Promise<FilesRollupResult>;
      }
    | {
        from: "register";
        run(onProgress: (done: number, total: number) => void): Promise<FilesRollupResult>;
      };
}

/** Lists of up to this many files are shown open. */
const FEW = 5;

function madeItem(f: MadeFile): HTMLElement {
  const shared = f.sharedWith?.length ? ` (shared with ${f.sharedWith.join(" and ")})` : "";
  if (!f.link) return h("li", {}, f.file, shared);
  const link = f.download
    ? h("a", { href: f.link, download: f.file }, `Save ${f.file}`)
    : h("a", { href: f.link, target: "_blank", rel: "noopener" }, f.file);
  return h("li", {}, link, shared);
}

/** The Drive choices: which folder, and whether to share. */
function driveFields() {
  const folder = h("input", { type: "text", name: "personFolder", autocomplete: "off", spellcheck: "false" });
  const share = h("select", { name: "personShare" });
  for (const [value, label] of [
    ["none", "Do not share yet (share from Google Drive later)"],
    ["silent", "Share with the person and their appraiser, without an email"],
    ["notify", "Share with the person and their appraiser, and let Google email them"],
  ] as const)
    share.append(h("option", { value }, label));
  const el = h(
    "div",
    {},
    field(
      "Folder",
      folder,
      "Leave empty for this school year's folder (made in your Drive the first time), or type a folder name, or paste the link of a folder the add-on made before.",
    ),
    field(
      "Sharing",
      share,
      "Sharing needs email addresses in the list: add Email and Appraiser email columns. Each person gets edit access to their own file only.",
    ),
  );
  return { el, folder, share };
}

function makePart(
  ctx: Ctx,
  host: PersonFilesHost,
  templates: readonly TemplateInfo[],
  bands: readonly BandInfo[],
) {
  const usable = staffTemplates(templates);
  const template = h("select", { name: "personTemplate" });
  for (const t of usable) template.append(h("option", { value: t.id }, t.title));
  const { box: ticks, field: ticksField } = checkbox(
    "personTicks",
    "Tick boxes: each file colours itself as boxes are ticked",
  );
  const isLadder = (): boolean => usable.find((t) => t.id === template.value)?.kind === "ladder";
  template.addEventListener("change", () => {
    ticksField.hidden = !isLadder();
  });
  ticksField.hidden = !isLadder();
  const list = h("textarea", { name: "personStaffList", rows: 5, spellcheck: "false" });
  const drive = host.drive ? driveFields() : null;
  const readSelection = ctx.api.readSelection?.bind(ctx.api);
  const fromSelection = readSelection
    ? h("button", { type: "button", id: uid("person-sel") }, "Use the selected rows")
    : null;
  const make = h("button", { type: "button", class: "primary" }, "Make the files");
  const bar = h("progress", { max: 1, value: 0, hidden: true, "aria-label": "Making the files" });
  const progress = h("p", { class: "files-progress", "aria-live": "polite" });
  const where = h("p", { class: "hint" });
  const made = h("ul", { class: "made", "aria-label": "Person files made" });
  // A long list is folded under one line (open when there are only a few files).
  const madeBox = h(
    "details",
    { class: "made-files", hidden: true },
    h("summary", {}, "Show the list of files"),
    made,
  );
  const showMade = (files: readonly MadeFile[]): void => {
    madeBox.hidden = files.length === 0;
    replace(made, ...files.map(madeItem));
  };
  const problems = h("ul", { class: "problems", "aria-label": "Left out or not shared" });

  fromSelection?.addEventListener("click", () => {
    if (!readSelection) return;
    void ctx.act(fromSelection, "Reading the selected rows…", "Reading the selection stopped.", async () => {
      const sel = await readSelection();
      list.value = sel.text;
      const c = checkStaffList(list.value, bands);
      if (c.ok)
        ctx.status.show("ok", `Read ${plural(c.staff.length, "person", "people")} from the selected rows.`);
      else ctx.status.show("error", c.message, c.details);
      list.focus();
    });
  });

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
    const share = (drive?.share.value ?? "none") as ShareMode;
    if (share !== "none" && !c.staff.some((s) => s.email || s.appraiserEmail)) {
      ctx.status.show(
        "error",
        "Nothing was made: to share the files, the staff list needs email addresses. Add an Email column (and an Appraiser email column), or choose 'Do not share yet'.",
      );
      drive?.share.focus();
      return;
    }
    void ctx.act(make, "Making the person files…", "Making the files stopped.", async () => {
      madeBox.hidden = true;
      madeBox.open = c.staff.length <= FEW;
      replace(made);
      replace(problems);
      replace(where);
      bar.hidden = c.staff.length < 2;
      bar.max = c.staff.length;
      bar.value = 0;
      const r = await host.makeFiles(
        {
          templateId: template.value,
          staff: c.staff,
          ticks: isLadder() && ticks.checked,
          ...(drive ? { folder: drive.folder.value.trim(), share } : {}),
        },
        (done, total, files) => {
          bar.value = done;
          progress.textContent = `${done} of ${plural(total, "file")} made.`;
          showMade(files);
        },
      );
      bar.hidden = true;
      showMade(r.files);
      replace(problems, ...r.problems.map((p) => h("li", {}, p)));
      progress.textContent = `${plural(r.files.length, "file")} made.`;
      if (r.folder) {
        if (drive) drive.folder.value = r.folder.link;
        replace(
          where,
          "They are in ",
          h("a", { href: r.folder.link, target: "_blank", rel: "noopener" }, "this Drive folder"),
          ".",
        );
      }
      const listed = r.registerTab ? ` They are listed on the '${r.registerTab}' tab.` : "";
      const text = `Made ${plural(r.files.length, "person file")}.${listed} ${host.madeHint}`;
      if (r.problems.length)
        ctx.status.show(
          "warn",
          `${text} ${plural(r.problems.length, "thing")} to look at, listed under the files.`,
        );
      else ctx.status.show("ok", text);
    });
  });

  const hint = host.drive
    ? "One person per line: name, band, role, appraiser, email, appraiser's email (the emails only to share). Each file holds only that person's tab."
    : "One person per line: name, band, role, appraiser. Each file holds only that person's tab, so share it with them and their appraiser only.";
  return h(
    "div",
    { class: "subsection" },
    h("h3", {}, "Make a file for each person"),
    field("Template", template),
    ticksField,
    field("Staff list", list, hint),
    fromSelection ? h("div", { class: "actions" }, fromSelection) : null,
    drive?.el,
    h("div", { class: "actions" }, make, bar),
    progress,
    where,
    madeBox,
    problems,
  );
}

function resultView(ctx: Ctx, out: HTMLElement, r: FilesRollupResult): void {
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
    r.notPicked?.length
      ? h(
          "div",
          { class: "unread" },
          h(
            "h4",
            {},
            `${plural(r.notPicked.length, "person", "people")} on the register, but their file was not picked`,
          ),
          h(
            "p",
            {},
            `${r.notPicked.join(", ")}. Pick their files too and roll up again, or remove a leaver's row from the register.`,
          ),
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
    r.chase ? chaseView(ctx, r.chase) : null,
  );
}

function rollupPart(ctx: Ctx, host: PersonFilesHost) {
  const source = host.rollup;
  const picker =
    source.from === "picked"
      ? h("input", { type: "file", multiple: true, accept: ".xlsx", name: "personFiles" })
      : null;
  const roll = h(
    "button",
    { type: "button" },
    source.from === "picked" ? "Roll up the picked files" : "Roll up the files on the register",
  );
  const bar = h("progress", { max: 1, value: 0, hidden: true, "aria-label": "Reading the files" });
  const progress = h("p", { class: "files-progress", "aria-live": "polite" });
  const out = h("div", { class: "rollup-result" });

  const say = (r: FilesRollupResult): void => {
    resultView(ctx, out, r);
    const missed = r.notPicked?.length ?? 0;
    if (missed)
      ctx.status.show(
        "warn",
        `Rolled up ${r.staffCount} staff, but ${plural(missed, "person", "people")} on the register ${missed === 1 ? "is" : "are"} missing: their file was not picked (listed under One file per person).`,
      );
    else if (r.unread.length)
      ctx.status.show(
        "warn",
        `Rolled up ${r.staffCount} staff, but ${plural(r.unread.length, "file")} could not be read (listed under One file per person).`,
      );
    else ctx.status.show("ok", `Rolled up ${r.staffCount} staff from ${plural(r.files, "file")}.`);
  };
  const step = (done: number, total: number): void => {
    bar.hidden = false;
    bar.max = Math.max(total, 1);
    bar.value = done;
  };

  roll.addEventListener("click", () => {
    if (source.from === "register") {
      void ctx.act(roll, "Rolling up the person files…", "The roll-up did not finish.", async () => {
        replace(out);
        const r = await source.run((done, total) => {
          step(done, total);
          progress.textContent =
            done < total ? `Read ${done} of ${plural(total, "file")}…` : `Read ${plural(total, "file")}.`;
        });
        bar.hidden = true;
        say(r);
      });
      return;
    }
    const picked = [...(picker?.files ?? [])].map((f): PickedFile => ({
      name: f.name,
      bytes: async () => new Uint8Array(await f.arrayBuffer()),
    }));
    if (picked.length === 0) {
      ctx.status.show("error", "Pick the person files first (Person files, above the button).");
      picker?.focus();
      return;
    }
    void ctx.act(roll, "Rolling up the picked files…", "The roll-up did not finish.", async () => {
      replace(out);
      const r = await source.run(picked, (done, total, file) => {
        step(done, total);
        progress.textContent =
          done < total
            ? `Reading ${done + 1} of ${plural(total, "file")}: ${file}`
            : `Read ${plural(total, "file")}.`;
      });
      bar.hidden = true;
      say(r);
    });
  });

  return h(
    "div",
    { class: "subsection" },
    h("h3", {}, "Roll up person files"),
    picker
      ? field(
          "Person files (.xlsx)",
          picker,
          "Pick every person's file (Ctrl or Shift to pick many). The summary and grade-band chart are written into this workbook.",
        )
      : h(
          "p",
          { class: "hint" },
          "Reads every file listed on the Register tab (add a newcomer or remove a leaver there first) and writes the summary and grade-band chart into this spreadsheet.",
        ),
    h("div", { class: "actions" }, roll, bar),
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
        "For privacy: each person gets their own file, holding nobody else's name or colours.",
      ),
      makePart(ctx, host, templates, bands),
      rollupPart(ctx, host),
    );
}

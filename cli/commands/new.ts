/**
 * `ladder new FILE --template ID ...`: add one tab, or one per row of a staff CSV, to FILE (created
 * when missing). Core plans the tabs (legal, unique names; every band checked before anything is
 * made); this command reads the CSV, writes the tabs and saves atomically. Existing tabs are never
 * overwritten, and a person who already has a tab of this template is refused unless
 * --allow-duplicate (then the second tab gets "(2)", and its Name cell says whose it is).
 */
import { readFile } from "node:fs/promises";
import { existingTabsFor, planCreate, planGradeBandChart } from "../../core/app.js";
import { findTemplate, gradeBands } from "../../core/catalog.js";
import { LadderError } from "../../core/errors.js";
import { upToChoices } from "../../core/generate/ladder.js";
import { legalTabName } from "../../core/names.js";
import type { StaffInput } from "../../core/panel-api.js";
import { parseMarker, type SheetSpec } from "../../core/sheet.js";
import { parseStaffList } from "../../core/staff-list.js";
import { parse, positionals, required } from "../args.js";
import { EXIT, type Command } from "../command.js";
import { ladderCommand, plural } from "../format.js";
import { MAX_TABS, saveBook } from "../xlsx/book.js";
import { writeSheet } from "../xlsx/write.js";
import { openOrCreate, requireXlsx } from "../workbook.js";
import { isFolderPath } from "../person-files.js";
import { newPersonFiles } from "./new-files.js";

async function readStaffCsv(path: string): Promise<StaffInput[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LadderError(
      "file-unreadable",
      `${path}: ${code === "ENOENT" ? "no such file" : `cannot be read (${code ?? "error"})`}`,
    );
  }
  return parseStaffList(text, gradeBands()).map((r) => ({
    name: r.name,
    band: r.band,
    role: r.role,
    appraiser: r.appraiser,
  }));
}

export const newTabs: Command = {
  name: "new",
  help: `Usage:
  ladder new FILE --template ID --name NAME --band BAND [--role ROLE] [--appraiser NAME]
                  [--ticks] [--up-to N] [--allow-duplicate]
  ladder new FILE --template ID --staff STAFF.csv [--ticks] [--up-to N] [--allow-duplicate]
  ladder new DIR/ --template ID --staff STAFF.csv [--register LEADERS.xlsx] [...]

Adds tabs to FILE (an .xlsx workbook; created if missing). Existing tabs are never changed.
Someone who already has a tab of this template is refused (nothing is written) unless you add
--allow-duplicate; a second tab then gets a number, e.g. 'Ann Lee (2)'. Tab names are made legal
for Excel (at most 31 characters, none of []:*?/\\), and the full name is kept on the tab.

One file per person: when the target is a folder (a path ending in /, or a folder that exists),
each person gets their own .xlsx file in it, named after them and the school year (for example
'Ann Lee 2026-27.xlsx'), holding only their own tab: no other colleague's name or level is in it,
so it can be shared with them and their appraiser alone. The register of who has which file is
written to DIR/register.csv, or to a 'Register' tab in the leaders' workbook given with
--register. Someone already on the register keeps their file (a tab of another template is added
to it); a newcomer is added. Then roll them up with: ladder rollup DIR -o school.xlsx

Options:
  --template ID     template id (see: ladder templates)
  --name NAME       the member of staff (or the meeting, for a feedback form)
  --band BAND       grade band: a number 1-7 or any of its labels, e.g. 3, "UPS1 TLR3", G
  --role ROLE       job title
  --appraiser NAME  who appraises them
  --staff FILE      a staff list, one tab per row: columns name, band, role, appraiser
                    (a header row naming them may come first; separated by commas,
                    semicolons or tabs, as pasted from a spreadsheet). If any row is wrong
                    (or a name is there twice), nothing is written and each bad line is listed.
  --ticks           tick-box variant: tick statements, the sheet colours itself
  --up-to N         ladder templates: highest level on the tab
  --allow-duplicate make a second tab for someone who already has one of this template
  --register FILE   one file per person: keep the register in this workbook's 'Register' tab
                    (file names relative to it) instead of DIR/register.csv
  -h, --help        show this help

Examples:
  ladder new school.xlsx --template leadership-ladder --name "Ann Lee" --band 3 --role Teacher
  ladder new school.xlsx --template leadership-ladder --staff staff.csv
  ladder new staff/ --template leadership-ladder --staff staff.csv
  ladder new staff/ --template leadership-ladder --staff staff.csv --register school.xlsx`,
  async run(argv, io) {
    const { values, positionals: pos } = parse("new", argv, {
      template: { type: "string" },
      name: { type: "string" },
      band: { type: "string" },
      role: { type: "string" },
      appraiser: { type: "string" },
      staff: { type: "string" },
      ticks: { type: "boolean" },
      "up-to": { type: "string" },
      "allow-duplicate": { type: "boolean" },
      register: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    const [file] = positionals("new", pos, ["FILE"]);
    const folder = await isFolderPath(file!);
    if (!folder) requireXlsx(file!);
    if (!folder && values.register !== undefined)
      throw new LadderError(
        "argument-invalid",
        `--register is for one file per person: give a folder (ending in /) instead of ${file!}. See: ladder new --help.`,
      );
    const template = findTemplate(required("new", values.template, "template"));
    let upTo: number | undefined;
    if (values["up-to"] !== undefined) {
      if (template.kind !== "ladder")
        throw new LadderError(
          "argument-invalid",
          `--up-to is for ladder templates, such as leadership-ladder: a ${template.title} has no levels to stop at. Leave --up-to out.`,
        );
      upTo = Number(values["up-to"]);
      if (!Number.isInteger(upTo))
        throw new LadderError(
          "argument-invalid",
          `--up-to is the highest level on the tab: a ${template.title} can stop at level ${upToChoices(template)}, not '${values["up-to"]}'.`,
        );
    }
    if (values.staff !== undefined && values.name !== undefined)
      throw new LadderError(
        "argument-invalid",
        "Give either --name or --staff, not both. See: ladder new --help.",
      );

    let staff: StaffInput[];
    if (values.staff !== undefined) staff = await readStaffCsv(values.staff);
    else {
      const name = required("new", values.name, "name");
      const needsBand = template.kind === "ladder" || template.kind === "rating";
      staff = [
        {
          name,
          band: needsBand ? required("new", values.band, "band") : (values.band ?? ""),
          role: values.role ?? "",
          appraiser: values.appraiser ?? "",
        },
      ];
    }

    if (folder)
      return newPersonFiles(
        {
          dir: file!,
          template,
          staff,
          ticks: values.ticks === true,
          upTo,
          allowDuplicate: values["allow-duplicate"] === true,
          register: values.register,
        },
        io,
      );
    const { book, snapshots, created } = await openOrCreate(file!);
    const existing = snapshots.map((s) => s.name);
    if (template.kind !== "chart" && values["allow-duplicate"] !== true) {
      const already = existingTabsFor(
        template.id,
        snapshots,
        staff.map((s) => s.name),
      );
      if (already.length > 0)
        throw new LadderError(
          "tab-exists",
          `Nothing was written: ${plural(already.length, "person has", "people have")} a ${template.title} in ${file!} already. Colour the tab they have, or add --allow-duplicate to make a second one:`,
          already.map((a) => (a.tab === a.name ? a.tab : `${a.name} (tab '${a.tab}')`)),
        );
    }
    const specs: SheetSpec[] =
      template.kind === "chart"
        ? [
            {
              ...planGradeBandChart(null),
              name: legalTabName(staff[0]?.name ?? "Grade-band chart", existing),
            },
          ]
        : planCreate(
            {
              templateId: template.id,
              staff,
              ticks: values.ticks === true,
              ...(upTo !== undefined ? { upTo } : {}),
            },
            existing,
            io.now,
          );
    if (existing.length + specs.length > MAX_TABS)
      throw new LadderError(
        "staff-list-invalid",
        `${file!} would have ${existing.length + specs.length} tabs; the most is ${MAX_TABS}. Nothing was written: split the staff list across workbooks (one per school).`,
      );
    for (const spec of specs) writeSheet(book, spec);
    await saveBook(book, file!);

    io.out(
      `${created ? "Created" : "Updated"} ${file!}: added ${plural(specs.length, "tab")} (${template.title}).`,
    );
    specs.forEach((spec, i) => {
      const who = staff[i]?.name.trim() ?? spec.name;
      io.out(spec.name === who ? `  ${spec.name}` : `  ${spec.name}  (for ${who})`);
    });
    if (template.kind !== "chart" && snapshots.some((s) => parseMarker(s.marker)?.role === "summary"))
      io.out(
        `The school summary in ${file!} does not include ${specs.length === 1 ? "this tab" : "these tabs"} yet. To bring it up to date, run: ${ladderCommand("rollup", file!)}`,
      );
    return EXIT.ok;
  },
};

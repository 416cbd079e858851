/**
 * `ladder new DIR/ --template ID --staff STAFF.csv [--register school.xlsx]`: one file per person
 * (design §8). Each person's file, named after them and the school year, holds only their own tab,
 * so sharing it with them and their appraiser shows nobody else; the register (DIR/register.csv, or
 * the register tab of the leaders' workbook given with --register) lists who has which file.
 *
 * Someone already on the register keeps their file: a tab of another template is added to it. As
 * with one workbook, someone who already has a tab of this template is refused (nothing is written)
 * unless --allow-duplicate, and every band is checked before any file is made. All file access is
 * in cli/person-files.ts.
 */
import { existingTabsFor, planCreate } from "../../core/app.js";
import { LadderError } from "../../core/errors.js";
import { schoolYear } from "../../core/generate/staff-header.js";
import type { StaffInput } from "../../core/panel-api.js";
import {
  addToRegister,
  emptyRegister,
  personFileName,
  personKey,
  readRegisterCsv,
  readRegisterTab,
  registerCsv,
  registerSheet,
  type RegisterEntry,
  type RegisterRead,
} from "../../core/register.js";
import type { Template } from "../../core/template.js";
import { EXIT } from "../command.js";
import { plural } from "../format.js";
import type { Io } from "../io.js";
import {
  addPersonTab,
  dirname,
  exists,
  folderNames,
  join,
  makeFolder,
  readTabs,
  readTabsIfAny,
  readTextIfAny,
  REGISTER_CSV,
  registerName,
  registerTarget,
  writeOwnTabs,
  writeText,
} from "../person-files.js";
import { requireXlsx } from "../workbook.js";

export interface PersonFilesArgs {
  dir: string;
  template: Template;
  staff: readonly StaffInput[];
  ticks: boolean;
  upTo: number | undefined;
  allowDuplicate: boolean;
  /** The leaders' workbook that keeps the register tab; else DIR/register.csv. */
  register: string | undefined;
}

/** Where the register is kept, and what it holds now. */
interface Register {
  /** Folder its file names are relative to. */
  base: string;
  /** As people see it: "staff/register.csv" or "the register tab of school.xlsx". */
  label: string;
  read: RegisterRead;
  save(read: RegisterRead): Promise<void>;
}

async function openRegister(args: PersonFilesArgs): Promise<Register> {
  if (args.register !== undefined) {
    const book = requireXlsx(args.register);
    const read = readRegisterTab(await readTabsIfAny(book)) ?? emptyRegister();
    return {
      base: dirname(book),
      label: `the register tab of ${book}`,
      read,
      save: async (r) => {
        await writeOwnTabs(book, () => [registerSheet(r.entries, { columns: r.columns })]);
      },
    };
  }
  const path = join(args.dir, REGISTER_CSV);
  const text = await readTextIfAny(path);
  return {
    base: args.dir,
    label: path,
    read: text === null ? emptyRegister() : readRegisterCsv(text, path),
    save: (r) => writeText(path, registerCsv(r)),
  };
}

interface Target {
  person: StaffInput;
  path: string;
  entry: RegisterEntry;
}

/** Each person's file: the one the register gives them, else a new legal, unique name in DIR. */
async function targets(args: PersonFilesArgs, register: Register, year: string): Promise<Target[]> {
  const onRegister = new Map(register.read.entries.map((e) => [personKey(e.name), e]));
  const taken = await folderNames(args.dir);
  taken.push(...register.read.entries.map((e) => e.file.split("/").pop() ?? e.file));
  return args.staff.map((person) => {
    const known = onRegister.get(personKey(person.name));
    if (known) return { person, path: registerTarget(register.base, known.file), entry: known };
    const file = personFileName(person.name, year, taken);
    taken.push(file);
    const path = join(args.dir, file);
    const entry = {
      name: person.name.trim(),
      band: person.band.trim(),
      role: person.role.trim(),
      appraiser: person.appraiser.trim(),
      file: registerName(register.base, path),
    };
    return { person, path, entry };
  });
}

export async function newPersonFiles(args: PersonFilesArgs, io: Io): Promise<number> {
  const { template } = args;
  if (template.kind !== "ladder" && template.kind !== "rating")
    throw new LadderError(
      "argument-invalid",
      `One file per person is for staff tabs (ragging sheets and standards); '${template.id}' is a ${template.kind === "chart" ? "chart" : "meeting form"}, so make it in a workbook instead: ladder new FILE.xlsx --template ${template.id} ...`,
    );
  const request = (staff: StaffInput[]) => ({
    templateId: template.id,
    staff,
    ticks: args.ticks,
    ...(args.upTo !== undefined ? { upTo: args.upTo } : {}),
  });
  // Every band and name checked before any file is made (the same messages as one workbook).
  planCreate(request([...args.staff]), [], io.now);

  await makeFolder(args.dir);
  const register = await openRegister(args);
  const year = schoolYear(io.now);
  const list = await targets(args, register, year);

  if (!args.allowDuplicate) {
    const already: string[] = [];
    for (const t of list) {
      if (!(await exists(t.path))) continue;
      const found = existingTabsFor(template.id, await readTabs(t.path), [t.person.name]);
      for (const a of found) already.push(`${a.name} (${t.path}, tab '${a.tab}')`);
    }
    if (already.length > 0)
      throw new LadderError(
        "tab-exists",
        `Nothing was written: ${plural(already.length, "person has", "people have")} a ${template.title} in their file already. Colour the tab they have, or add --allow-duplicate to make a second one:`,
        already,
      );
  }

  const made: { path: string; tab: string; created: boolean }[] = [];
  try {
    for (const [i, t] of list.entries()) {
      io.progress(`[${i + 1}/${list.length}] ${t.path}`);
      const w = await addPersonTab(
        t.path,
        (existing) => planCreate(request([t.person]), existing, io.now)[0]!,
        `${t.entry.name} ${year}`,
      );
      made.push({ path: t.path, ...w });
    }
  } finally {
    // The register lists every file made, even when a later one failed (disk full): none is lost.
    const done = new Set(made.map((m) => m.path));
    const entries = list.filter((t) => done.has(t.path)).map((t) => t.entry);
    if (entries.length > 0) await register.save(addToRegister(register.read, entries));
    io.progressDone();
  }

  const created = made.filter((m) => m.created).length;
  io.out(
    `Made ${plural(created, "person file")} in ${args.dir}${created < made.length ? ` and added a tab to ${plural(made.length - created, "other")}` : ""} (${template.title}); each holds only that person's tab:`,
  );
  for (const m of made) io.out(`  ${m.path}`);
  io.out(
    `Who has which file is in ${register.label}. Share each file with its person and their appraiser only; the register names everyone, so keep it for leaders.`,
  );
  const rollup =
    args.register !== undefined
      ? `ladder rollup -o ${args.register}`
      : `ladder rollup ${args.dir} -o school.xlsx`;
  io.out(`To roll them up into the leaders' workbook: ${rollup}`);
  return EXIT.ok;
}

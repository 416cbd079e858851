/**
 * `ladder rollup FILE... | DIR -o OUT` and `ladder rollup -o OUT`: the school roll-up across files
 * (one file per person). Which files: those named; for a folder, the ones its register.csv lists
 * (else every .xlsx file in it); with no files named, the ones OUT's register tab lists. Each file
 * is read and rolled on its own (core/rollup-files.ts), one at a time; files that cannot be used
 * are listed with the reason and the rest still roll up. Only the summary and grade-band chart
 * tabs of OUT are written. All file access is in cli/person-files.ts.
 */
import { basename, resolve } from "node:path";
import { LadderError } from "../../core/errors.js";
import { readRegisterCsv, readRegisterTab, type RegisterRead } from "../../core/register.js";
import { FilesRollup, planFilesRollup, rollupFile, unreadableFile } from "../../core/rollup-files.js";
import { rollupJson, type SchoolRollup } from "../../core/rollup.js";
import { EXIT } from "../command.js";
import { json, plural, sentence } from "../format.js";
import type { Io } from "../io.js";
import {
  dirname,
  isFolderPath,
  join,
  readTabs,
  readTabsIfAny,
  readTextIfAny,
  REGISTER_CSV,
  registerTarget,
  samePath,
  writeOwnTabs,
  xlsxFilesIn,
} from "../person-files.js";
import { requireXlsx } from "../workbook.js";
import { printSummary } from "./rollup.js";

/** One file to read: as shown to people, and where it came from (for a missing file's advice). */
interface Source {
  file: string;
  register: string | null;
}

export interface FilesRollupArgs {
  inputs: readonly string[];
  out: string;
  json: boolean;
  checkpoint: string | undefined;
}

const WEB_LINK = /^[a-z][a-z0-9+.-]*:\/\//i;

function registerSources(read: RegisterRead, dir: string, label: string): Source[] {
  return read.entries.map((e) => ({
    file: WEB_LINK.test(e.file) ? e.file : registerTarget(dir, e.file),
    register: label,
  }));
}

/** The files to roll up, in order, with the register's problems and notes for people. */
async function sources(
  args: FilesRollupArgs,
  io: Io,
): Promise<{ list: Source[]; problems: { file: string; reason: string }[] }> {
  const list: Source[] = [];
  const problems: { file: string; reason: string }[] = [];
  if (args.inputs.length === 0) {
    const register = readRegisterTab(await readTabsIfAny(args.out));
    if (register === null)
      throw new LadderError(
        "argument-invalid",
        `${args.out} has no register tab, so there is no list of person files to roll up. Name the files or their folder, for example: ladder rollup staff/ -o ${args.out}`,
      );
    problems.push(...register.problems.map((reason) => ({ file: args.out, reason })));
    list.push(...registerSources(register, dirname(args.out), `the register tab of ${args.out}`));
  }
  for (const input of args.inputs) {
    if (!(await isFolderPath(input))) {
      list.push({ file: input, register: null });
      continue;
    }
    const csvPath = join(input, REGISTER_CSV);
    const csv = await readTextIfAny(csvPath);
    const names = await xlsxFilesIn(input);
    if (csv !== null) {
      const register = readRegisterCsv(csv, csvPath);
      problems.push(...register.problems.map((reason) => ({ file: csvPath, reason })));
      const listed = registerSources(register, input, csvPath);
      list.push(...listed);
      const listedPaths = new Set(listed.map((l) => resolve(l.file)));
      const unlisted = names
        .map((n) => join(input, n))
        .filter((p) => !samePath(p, args.out) && !listedPaths.has(resolve(p)));
      if (unlisted.length > 0)
        io.err(
          `ladder rollup: ${plural(unlisted.length, "file")} in ${input} ${unlisted.length === 1 ? "is" : "are"} not in ${csvPath}, so not rolled up: ${unlisted.map((p) => basename(p)).join(", ")}. To include one, add a row for it to the register.`,
        );
    } else
      for (const n of names) {
        const p = join(input, n);
        if (!samePath(p, args.out)) list.push({ file: p, register: null });
      }
  }
  // The same file listed twice is read once.
  const seen = new Set<string>();
  const unique = list.filter((s) => {
    if (WEB_LINK.test(s.file)) return true;
    const key = resolve(s.file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { list: unique, problems };
}

/** Why a file could not be used, in words, with what to do when it came from a register. */
function unreadableReason(source: Source, e: LadderError): string {
  const why = e.message;
  if (source.register === null) return why;
  if (why === "no such file")
    return `no such file (was it deleted, moved or renamed?): fix or delete its row in ${source.register}`;
  return `${why} (listed in ${source.register})`;
}

async function readPart(source: Source, checkpointOpts: object) {
  if (WEB_LINK.test(source.file))
    return unreadableFile(
      source.file,
      "is a web link: the command line reads files on this computer. Download the file and put its name in the register instead",
    );
  try {
    return rollupFile(source.file, await readTabs(source.file), checkpointOpts);
  } catch (e) {
    if (!(e instanceof LadderError)) throw e;
    return unreadableFile(source.file, unreadableReason(source, e));
  }
}

function bar(done: number, total: number): string {
  const width = 20;
  const full = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(full)}${"-".repeat(width - full)}] ${done}/${total}`;
}

/** Files that could not be used at all (not tabs within a file, not a second copy of someone). */
function fileProblems(r: SchoolRollup): SchoolRollup["skipped"] {
  return r.skipped.filter((s) => s.tab === "");
}

export async function rollupAcrossFiles(args: FilesRollupArgs, io: Io): Promise<number> {
  requireXlsx(args.out);
  const { list, problems } = await sources(args, io);
  if (list.length === 0 && problems.length === 0)
    throw new LadderError(
      "argument-invalid",
      `There are no .xlsx files to roll up in ${args.inputs.join(", ") || args.out}.`,
    );
  const opts = args.checkpoint !== undefined ? { checkpoint: args.checkpoint } : {};
  const acc = new FilesRollup(opts);
  for (const p of problems) acc.add(unreadableFile(p.file, p.reason));
  for (const [i, source] of list.entries()) {
    io.progress(`${bar(i, list.length)} ${basename(source.file)}`);
    acc.add(await readPart(source, opts));
  }
  io.progress(`${bar(list.length, list.length)} writing ${basename(args.out)}`);
  const rollup = acc.finish();
  if (rollup.staff.length === 0 && rollup.other.length === 0) {
    io.progressDone();
    throw new LadderError(
      "file-unreadable",
      `No staff tab could be read from ${plural(list.length, "file")}, so ${args.out} was not written:`,
      rollup.skipped.map((s) => `${s.file ?? s.tab}: ${sentence(s.reason)}`),
    );
  }
  const tabs = await writeOwnTabs(args.out, (existing) => planFilesRollup(rollup, existing, io.now));
  io.progressDone();
  const bad = fileProblems(rollup);
  if (args.json) io.out(json(rollupJson(rollup)));
  else {
    io.out(
      `Rolled up ${plural(list.length - bad.length, "file")} into ${tabs.map((t) => `'${t}'`).join(" and ")} in ${args.out}.`,
    );
    printSummary(io, { ...rollup, skipped: [] }, args.out);
    if (bad.length > 0) {
      io.out(`Not rolled up: ${plural(bad.length, "file")}:`);
      for (const s of bad) io.out(`  ${s.file ?? ""}: ${sentence(s.reason)}`);
    }
    const tabSkips = rollup.skipped.filter((s) => s.tab !== "");
    for (const s of tabSkips) io.out(`Skipped '${s.tab}' in ${s.file ?? ""}: ${sentence(s.reason)}`);
  }
  return bad.length > 0 ? EXIT.bad : EXIT.ok;
}

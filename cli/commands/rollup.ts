/**
 * `ladder rollup FILE [--json] [--checkpoint Sep|Mid|Jul]`: reads every tab, has core roll up the
 * staff tabs, and writes (or replaces) only the roll-up's own tabs: the school summary and the
 * grade-band chart. Staff tabs are carried through untouched; the save is atomic.
 */
import { planRollup } from "../../core/app.js";
import { gradeBands } from "../../core/catalog.js";
import { chaseList, type ChaseList } from "../../core/chase.js";
import { LadderError } from "../../core/errors.js";
import { rollupJson, type SchoolRollup } from "../../core/rollup.js";
import { CHECKPOINTS } from "../../core/template.js";
import { parse, positionals } from "../args.js";
import { EXIT, type Command } from "../command.js";
import { json, ladderCommand, plural, sentence, table } from "../format.js";
import type { Io } from "../io.js";
import { saveBook } from "../xlsx/book.js";
import { readWorkbook } from "../xlsx/read.js";
import { yearLines } from "../year-lines.js";
import { replaceOwnTabs, requireXlsx } from "../workbook.js";
import { isFolderPath } from "../person-files.js";
import { rollupAcrossFiles } from "./rollup-files.js";

/** The short readable summary `rollup` and `demo` print for the workbook `file`. */
export function printSummary(io: Io, rollup: SchoolRollup, file: string): void {
  const zones = gradeBands().zones;
  const cps = rollup.checkpoints;
  const rows = zones.map((z) => [
    `${z.symbol} ${z.label}`,
    ...cps.map((cp) => rollup.distribution[cp]?.byZone[z.zone] ?? 0),
  ]);
  rows.push(["Not filled in / no band", ...cps.map((cp) => rollup.distribution[cp]?.byZone.none ?? 0)]);
  io.out(`${plural(rollup.staff.length, "member")} of staff rolled up. Staff in each zone:`);
  for (const line of table([["Zone", ...cps], ...rows])) io.out(`  ${line}`);
  const all = rollup.staff.flatMap((s) => s.findings);
  const errors = all.filter((f) => f.severity === "error").length;
  const erring = rollup.staff.filter((s) => s.findings.some((f) => f.severity === "error"));
  io.out(
    `Findings: ${plural(errors, "error")} on ${plural(erring.length, "tab")}, ${plural(all.length - errors, "warning")}.`,
  );
  if (erring.length > 0) {
    io.out("Tabs with colouring errors (they are counted as coloured until they are fixed):");
    for (const s of erring) io.out(`  ${s.tab}${s.file !== undefined ? ` (${s.file})` : ""}`);
    const first = erring[0]!;
    io.out(
      `To see what to fix on a tab, run: ${ladderCommand("check", first.file ?? file, "--tab", first.tab)}`,
    );
  }
  io.out(`The grade-band chart counts ${rollup.chartCheckpoint}: ${rollup.chartReason}`);
  for (const line of yearLines(rollup)) io.out(line); // the appraisal year (issue 14)
  printToDo(io, chaseList(rollup));
  for (const s of rollup.skipped) io.out(`Skipped '${s.tab}': ${sentence(s.reason)}`);
}

/** At most this many names per to-do line; the summary tab lists everyone. */
const TODO_NAMES = 10;

/**
 * The leader's to-do list, kept short: who has not filled in the checkpoint being chased (one tab a
 * line, as the error tabs are) and one line per appraiser with their people's state in numbers.
 */
function printToDo(io: Io, c: ChaseList): void {
  const late = c.notFilledIn;
  if (late.length > 0) {
    io.out(`Not filled in ${c.checkpoint} yet:`);
    for (const p of late.slice(0, TODO_NAMES))
      io.out(`  ${p.tab}${p.appraiser ? `, appraised by ${p.appraiser}` : ""}`);
    if (late.length > TODO_NAMES)
      io.out(`  and ${late.length - TODO_NAMES} more (the 'School summary' tab lists everyone).`);
  }
  io.out("By appraiser:");
  for (const g of c.byAppraiser) {
    const n = (state: string): number => g.people.filter((p) => p.state === state).length;
    const parts = [
      n("errors") ? `${n("errors")} with colouring errors` : "",
      n("not-filled-in") ? `${n("not-filled-in")} not filled in ${c.checkpoint} yet` : "",
      n("filled-in") ? `${n("filled-in")} filled in` : "",
    ].filter(Boolean);
    io.out(`  ${g.appraiser}: ${plural(g.people.length, "person", "people")}, ${parts.join(", ")}.`);
  }
}

export function checkpointOption(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const cp = CHECKPOINTS.find((c) => c.toLowerCase() === v.trim().toLowerCase());
  if (!cp)
    throw new LadderError(
      "argument-invalid",
      `--checkpoint must be one of ${CHECKPOINTS.join(", ")}, not '${v}'`,
    );
  return cp;
}

export const rollup: Command = {
  name: "rollup",
  help: `Usage: ladder rollup FILE [--json] [--checkpoint Sep|Mid|Jul]
       ladder rollup FILE... | DIR -o OUT [--json] [--checkpoint Sep|Mid|Jul]
       ladder rollup -o OUT [--json] [--checkpoint Sep|Mid|Jul]

Reads every staff tab of FILE and writes, in the same workbook, the school summary (levels and
zones per member of staff, staff in each zone per checkpoint with a chart, levels per checkpoint)
and the grade-band chart with staff counts. Running it again replaces only those tabs; staff tabs
are never changed.

One file per person: with -o, reads the staff tabs of many files, one at a time, and writes the
summary and chart into OUT (made if missing; its other tabs stay as they are). The files are those
named; for a folder DIR, the files its register.csv lists (else every .xlsx file in it); with no
files named, the files listed in OUT's register tab (see: ladder new --help). A file that cannot
be read (missing, damaged, not a ladder file) is listed with the reason and the others still roll
up (the exit code is then 2, so scripts notice). Someone found in two files (same name and
template) is rolled up once, with a warning.

Options:
  -o, --out OUT    the leaders' workbook to write the summary into (.xlsx), for many files
  --checkpoint CP  the checkpoint the grade-band chart counts (default: the latest one
                   most staff have filled in; the summary says which and why)
  --json           print {"staff": [{"tab", "name", "band", "levels", "zones", "findings"}],
                   "skipped": [{"tab", "reason"}]}; across files each staff entry also has
                   "file", and each skipped entry "file" (a file not read at all has no "tab")
  -h, --help       show this help

Examples:
  ladder rollup school.xlsx
  ladder rollup staff/ -o school.xlsx
  ladder rollup staff/*.xlsx -o school.xlsx --json`,
  async run(argv, io) {
    const { values, positionals: pos } = parse("rollup", argv, {
      json: { type: "boolean" },
      checkpoint: { type: "string" },
      out: { type: "string", short: "o" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    // Across files (one file per person): several files, a folder, or -o OUT.
    if (values.out !== undefined || pos.length > 1 || (pos.length === 1 && (await isFolderPath(pos[0]!)))) {
      if (values.out === undefined)
        throw new LadderError(
          "argument-invalid",
          `To roll up ${pos.length > 1 ? "several files" : "a folder"}, say which workbook the summary goes in with -o, for example: ladder rollup ${pos.length > 1 ? "staff/*.xlsx" : pos[0]!} -o school.xlsx. See: ladder rollup --help.`,
        );
      const args = { inputs: pos, out: values.out, json: values.json === true };
      return rollupAcrossFiles({ ...args, checkpoint: checkpointOption(values.checkpoint) }, io);
    }
    const [file] = positionals("rollup", pos, ["FILE"]);
    requireXlsx(file!);
    const checkpoint = checkpointOption(values.checkpoint);
    const { book, snapshots } = await readWorkbook(file!);
    const plan = planRollup(snapshots, checkpoint, io.now);
    const tabs = replaceOwnTabs(book, snapshots, plan.sheets);
    await saveBook(book, file!);
    if (values.json) {
      io.out(json(rollupJson(plan.rollup)));
      return EXIT.ok;
    }
    printSummary(io, plan.rollup, file!);
    io.out(`Wrote ${tabs.map((t) => `'${t}'`).join(" and ")} in ${file!}.`);
    return EXIT.ok;
  },
};

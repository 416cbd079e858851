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
import { replaceOwnTabs, requireXlsx } from "../workbook.js";

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
    for (const s of erring) io.out(`  ${s.tab}`);
    io.out(`To see what to fix on a tab, run: ${ladderCommand("check", file, "--tab", erring[0]!.tab)}`);
  }
  io.out(`The grade-band chart counts ${rollup.chartCheckpoint}: ${rollup.chartReason}`);
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

function checkpointOption(v: string | undefined): string | undefined {
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
  summary: "write or refresh the school summary and grade-band chart tabs",
  help: `Usage: ladder rollup FILE [--json] [--checkpoint Sep|Mid|Jul]

Reads every staff tab of FILE and writes, in the same workbook, the school summary (levels and
zones per member of staff, staff in each zone per checkpoint with a chart, levels per checkpoint)
and the grade-band chart with staff counts. Running it again replaces only those tabs; staff tabs
are never changed.

Options:
  --checkpoint CP  the checkpoint the grade-band chart counts (default: the latest one
                   most staff have filled in; the summary says which and why)
  --json           print {"staff": [{"tab", "name", "band", "levels", "zones", "findings"}],
                   "skipped": [{"tab", "reason"}]}
  -h, --help       show this help`,
  async run(argv, io) {
    const { values, positionals: pos } = parse("rollup", argv, {
      json: { type: "boolean" },
      checkpoint: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(this.help);
      return EXIT.ok;
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

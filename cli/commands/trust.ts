/**
 * `ladder trust FILE... -o OUT`: each school workbook's summary tab (made by `ladder rollup`) ->
 * one trust workbook with staff counts per zone per checkpoint per school (no names). A file that
 * cannot be read gets one line on stderr and a line in the trust tab's "Not included" list; the
 * others still roll up. Progress shows on a terminal only.
 */
import { basename } from "node:path";
import { planTrust, SUMMARY_TAB } from "../../core/app.js";
import { isLadderError, LadderError } from "../../core/errors.js";
import { parseMarker, type TabSnapshot } from "../../core/sheet.js";
import { readSchoolSummary, summaryStaleness } from "../../core/trust.js";
import { parse, required } from "../args.js";
import { EXIT, type Command } from "../command.js";
import { json, ladderCommand, plural, sentence } from "../format.js";
import { saveBook } from "../xlsx/book.js";
import { readWorkbook } from "../xlsx/read.js";
import { openOrCreate, replaceOwnTabs, requireXlsx } from "../workbook.js";

function summaryTab(snapshots: readonly TabSnapshot[]): TabSnapshot | undefined {
  return (
    snapshots.find((s) => parseMarker(s.marker)?.role === "summary") ??
    snapshots.find((s) => s.name.toLowerCase() === SUMMARY_TAB.toLowerCase())
  );
}

function bar(done: number, total: number): string {
  const width = 20;
  const full = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(full)}${"-".repeat(width - full)}] ${done}/${total}`;
}

/** What changed since a school's summary was made, or null (also when it cannot be read: planTrust says so). */
function staleness(school: string, summary: TabSnapshot, snapshots: readonly TabSnapshot[]): string | null {
  try {
    return summaryStaleness(readSchoolSummary(school, summary), snapshots);
  } catch (e) {
    if (isLadderError(e)) return null;
    throw e;
  }
}

export const trust: Command = {
  name: "trust",
  help: `Usage: ladder trust FILE... -o OUT [--json]

Reads the school summary tab (written by 'ladder rollup') of each school workbook FILE and writes
the trust summary tab to OUT: staff per zone per checkpoint for each school and the trust, with the
error and warning counts. No names of staff are copied. The school is named after its file.
If OUT exists, only its trust summary tab is replaced.

A file that cannot be read gets one line on stderr and is listed under "Not included"; the other
schools still roll up, and the exit code is 2 so scripts notice. A school whose summary no longer
matches its staff tabs (someone added, or cells coloured since its roll-up) is included as its
summary says, with a warning giving the 'ladder rollup' command that brings it up to date.

Options:
  -o, --out OUT  the trust workbook to write (.xlsx)
  --json         print {"tabs", "schools", "problems"}
  -h, --help     show this help`,
  async run(argv, io) {
    const { values, positionals: files } = parse("trust", argv, {
      out: { type: "string", short: "o" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    const out = requireXlsx(required("trust", values.out, "out (-o)"));
    if (files.length === 0)
      throw new LadderError(
        "argument-invalid",
        "Give at least one school workbook. See: ladder trust --help.",
      );

    const summaries: { school: string; snapshot: TabSnapshot }[] = [];
    const problems: string[] = [];
    const names = new Map<string, number>();
    for (const [i, file] of files.entries()) {
      io.progress(`${bar(i, files.length)} ${basename(file)}`);
      const base = basename(file).replace(/\.xlsx$/i, "");
      const seen = (names.get(base.toLowerCase()) ?? 0) + 1;
      names.set(base.toLowerCase(), seen);
      const school = seen > 1 ? `${base} (${seen})` : base;
      try {
        const { snapshots } = await readWorkbook(file);
        const snapshot = summaryTab(snapshots);
        if (!snapshot)
          throw new LadderError(
            "summary-invalid",
            `${file} has no school summary tab. Run ${ladderCommand("rollup", file)} first.`,
          );
        summaries.push({ school, snapshot });
        const stale = staleness(school, snapshot, snapshots);
        if (stale !== null)
          io.err(
            `ladder trust: ${file} is out of date: ${stale} To bring it up to date, run ${ladderCommand("rollup", file)}, then run trust again.`,
          );
      } catch (e) {
        if (!isLadderError(e)) throw e;
        problems.push(e.message);
      }
    }
    io.progress(`${bar(files.length, files.length)} writing ${basename(out)}`);
    const plan = planTrust(summaries, io.now, problems);
    io.progressDone();
    for (const p of plan.result.problems) io.err(`ladder trust: ${sentence(p)}`);
    if (plan.schools.length === 0)
      throw new LadderError("file-unreadable", `No school could be read, so ${out} was not written.`);

    const { book, snapshots } = await openOrCreate(out);
    const tabs = replaceOwnTabs(book, snapshots, plan.sheets);
    await saveBook(book, out);
    if (values.json) io.out(json({ ...plan.result, tabs }));
    else {
      const staff = plan.schools.reduce((n, s) => n + s.staff, 0);
      io.out(
        `Rolled up ${plural(plan.schools.length, "school")} (${plural(staff, "member")} of staff) into '${tabs[0] ?? ""}' in ${out}.`,
      );
      if (plan.result.problems.length > 0)
        io.out(`Not included: ${plural(plan.result.problems.length, "file")} (listed above).`);
    }
    return plan.result.problems.length > 0 ? EXIT.bad : EXIT.ok;
  },
};

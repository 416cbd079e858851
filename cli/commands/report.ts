/**
 * `ladder report FILE... -o REPORT.html`: the leadership report, one self-contained printable HTML
 * file. One school workbook: its staff tabs are rolled up in memory (the workbook is not changed)
 * and reported in full. A trust workbook (a tab made by `ladder trust`), or several school
 * workbooks: the schools side by side, counts only. Written beside, then renamed.
 */
import { basename } from "node:path";
import { planRollup } from "../../core/app.js";
import { LadderError } from "../../core/errors.js";
import { schoolReport } from "../../core/report/report.js";
import { countsOf, readTrustTab, trustReport } from "../../core/report/trust.js";
import { parseMarker } from "../../core/sheet.js";
import type { SchoolCounts } from "../../core/trust.js";
import { parse } from "../args.js";
import { checkpointOption } from "./rollup.js";
import { EXIT, type Command } from "../command.js";
import { plural } from "../format.js";
import type { Io } from "../io.js";
import { writeAtomic } from "../xlsx/book.js";
import { readWorkbook } from "../xlsx/read.js";
import { requireXlsx } from "../workbook.js";

/** The report's HTML for FILE(s), and what it covers in words. */
export async function reportHtml(
  files: readonly string[],
  now: Date,
  checkpoint?: string,
): Promise<{ html: string; what: string }> {
  if (files.length === 1) {
    const file = files[0]!;
    const { snapshots } = await readWorkbook(file);
    const trustTab = snapshots.find((s) => parseMarker(s.marker)?.role === "trust");
    if (trustTab) {
      const schools = readTrustTab(trustTab);
      const html = trustReport(
        schools,
        `Trust leadership report: ${basename(file)}`,
        `From '${trustTab.name}' in ${basename(file)}.`,
      );
      return { html, what: plural(schools.length, "school") };
    }
    const plan = planRollup(snapshots, checkpoint, now);
    return {
      html: schoolReport(plan.rollup, `Leadership report: ${basename(file)}`),
      what: plural(plan.rollup.staff.length, "member") + " of staff",
    };
  }
  const schools: SchoolCounts[] = [];
  const seen = new Map<string, number>();
  for (const file of files) {
    const base = basename(file).replace(/\.xlsx$/i, "");
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    const { snapshots } = await readWorkbook(file);
    schools.push(countsOf(n > 1 ? `${base} (${n})` : base, planRollup(snapshots, undefined, now).rollup));
  }
  const html = trustReport(
    schools,
    "Trust leadership report",
    `Rolled up from ${plural(files.length, "school workbook")}.`,
  );
  return { html, what: plural(schools.length, "school") };
}

export const report: Command = {
  name: "report",
  help: `Usage: ladder report FILE... -o REPORT.html [--checkpoint Sep|Mid|Jul]

One school workbook: rolls up its staff tabs and writes one self-contained, printable HTML report:
staff per zone at each checkpoint, movement between checkpoints, level against target per person,
the grade-band chart band by band, and the colouring errors still to fix.

A trust workbook (with the tab written by 'ladder trust'), or several school workbooks: the
schools side by side, staff counts per zone only (no names).

The workbooks are only read, never changed. The report needs no network to open or print.

Options:
  -o, --out FILE   where to write the report (.html)
  --checkpoint CP  the checkpoint the band-by-band view counts (default: the latest one
                   most staff have filled in; the report says which and why)
  -h, --help       show this help`,
  async run(argv, io: Io) {
    const { values, positionals: files } = parse("report", argv, {
      out: { type: "string", short: "o" },
      checkpoint: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    if (files.length === 0)
      throw new LadderError(
        "argument-invalid",
        "Give a school or trust workbook. See: ladder report --help.",
      );
    for (const f of files) requireXlsx(f);
    const out = values.out;
    if (out === undefined || !/\.html?$/i.test(out))
      throw new LadderError(
        "argument-invalid",
        "Give the report's file name with -o, ending in .html. See: ladder report --help.",
      );
    const { html, what } = await reportHtml(files, io.now, checkpointOption(values.checkpoint));
    await writeAtomic(out, Buffer.from(html));
    io.out(`Wrote the report (${what}) to ${out}.`);
    return EXIT.ok;
  },
};

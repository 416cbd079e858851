/**
 * `ladder report FILE -o REPORT.html`: rolls up the school workbook's staff tabs (in memory; the
 * workbook is not changed) and writes the leadership report, written beside then renamed.
 */
import { basename } from "node:path";
import { planRollup } from "../../core/app.js";
import { LadderError } from "../../core/errors.js";
import { schoolReport } from "../../core/report/report.js";
import { parse, positionals } from "../args.js";
import { EXIT, type Command } from "../command.js";
import type { Io } from "../io.js";
import { writeAtomic } from "../xlsx/book.js";
import { readWorkbook } from "../xlsx/read.js";
import { requireXlsx } from "../workbook.js";

export const report: Command = {
  name: "report",
  summary: "write the leadership report (one printable HTML file) from a school workbook",
  help: `Usage: ladder report FILE -o REPORT.html

Rolls up every staff tab of FILE and writes one self-contained, printable HTML report: staff per
zone at each checkpoint and level against target per person. FILE is not changed.

Options:
  -o, --out FILE  where to write the report (.html)
  -h, --help      show this help`,
  async run(argv, io: Io) {
    const { values, positionals: pos } = parse("report", argv, {
      out: { type: "string", short: "o" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    const [file] = positionals("report", pos, ["FILE"]);
    requireXlsx(file!);
    const out = values.out;
    if (out === undefined || !/\.html?$/i.test(out))
      throw new LadderError(
        "argument-invalid",
        "Give the report's file name with -o, ending in .html. See: ladder report --help.",
      );
    const { snapshots } = await readWorkbook(file!);
    const plan = planRollup(snapshots, undefined, io.now);
    await writeAtomic(out, Buffer.from(schoolReport(plan.rollup, `Leadership report: ${basename(file!)}`)));
    io.out(`Wrote the report to ${out}.`);
    return EXIT.ok;
  },
};

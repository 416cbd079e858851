/**
 * `ladder demo [FILE]`: writes a realistic demo school (40 staff across all bands, a tick-box tab,
 * a feedback form, a few colouring mistakes), then rolls it up exactly as `ladder rollup` would
 * (reading the saved file back), prints the summary and writes the leadership report beside it
 * (demo.html). It overwrites FILE only when FILE is an earlier demo, and the report only when it is
 * an earlier report (or with --force), so it never replaces someone's real file by accident.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { planRollup } from "../../core/app.js";
import { LadderError } from "../../core/errors.js";
import { parse } from "../args.js";
import { EXIT, type Command } from "../command.js";
import { ladderCommand, plural } from "../format.js";
import { demoSheets } from "../demo/school.js";
import { DEMO_SCHOOL } from "../demo/staff.js";
import { setBookTitle } from "../../xlsx/tabs.js";
import { newBook, saveBook } from "../xlsx/book.js";
import { readWorkbook } from "../xlsx/read.js";
import { writeSheet } from "../xlsx/write.js";
import { exists, replaceOwnTabs, requireNewXlsx } from "../workbook.js";
import { printSummary } from "./rollup.js";
import { REPORT_GENERATOR } from "../../core/report/page.js";
import { schoolReport } from "../../core/report/report.js";
import { writeAtomic } from "../xlsx/book.js";

const DEMO_TITLE = `${DEMO_SCHOOL}: ladder-sheets demo`;

export const demo: Command = {
  name: "demo",
  help: `Usage: ladder demo [FILE] [--force]

Writes a demo school to FILE (default demo.xlsx): 40 staff tabs across all seven grade bands at
several levels, one tick-box tab, a meeting feedback form, and a few colouring mistakes for
'ladder check' to find. Then rolls it up (school summary and grade-band chart tabs), prints
the summary and writes the leadership report beside FILE (demo.html), replacing only an
earlier report. Open the file in Excel, LibreOffice or Google Sheets to look around.

Options:
  --force     overwrite FILE (and its .html) even if not an earlier demo
  -h, --help  show this help`,
  async run(argv, io) {
    const { values, positionals: pos } = parse("demo", argv, {
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    if (pos.length > 1)
      throw new LadderError("argument-invalid", "Give at most one FILE. See: ladder demo --help.");
    const file = requireNewXlsx(pos[0] ?? "demo.xlsx");
    if (!values.force && (await exists(file))) {
      const { title } = await readWorkbook(file);
      if (title !== DEMO_TITLE)
        throw new LadderError(
          "argument-invalid",
          `${file} already exists and is not a demo workbook. Choose another name, or add --force to replace it.`,
        );
    }

    // The leadership report goes beside the workbook (demo.html), replacing only a report of ours.
    const reportFile = file.replace(/\.xlsx$/i, ".html");
    if (!values.force && (await exists(reportFile))) {
      const text = await readFile(reportFile, "utf8");
      if (!text.includes(REPORT_GENERATOR))
        throw new LadderError(
          "argument-invalid",
          `${reportFile} already exists and is not a ladder report. Move it, or add --force to replace it.`,
        );
    }

    const book = newBook();
    setBookTitle(book, DEMO_TITLE);
    const sheets = demoSheets(io.now);
    for (const spec of sheets) writeSheet(book, spec);
    await saveBook(book, file);

    // Roll up from the saved file, as a person running `ladder rollup` would.
    const read = await readWorkbook(file);
    const plan = planRollup(read.snapshots, undefined, io.now);
    const tabs = replaceOwnTabs(read.book, read.snapshots, plan.sheets);
    await saveBook(read.book, file);

    io.out(`${DEMO_SCHOOL}: a demo workbook with ${plural(sheets.length, "tab")} and the roll-up.`);
    io.out("");
    printSummary(io, plan.rollup, file);
    io.out("");
    io.out(`Wrote ${resolve(io.cwd, file)}:`);
    io.out(`  ${tabs.map((t) => `'${t}'`).join(" and ")} first, then one tab per member of staff.`);
    await writeAtomic(
      reportFile,
      Buffer.from(schoolReport(plan.rollup, `Leadership report: ${DEMO_SCHOOL}`)),
    );
    io.out(`Wrote the leadership report to ${resolve(io.cwd, reportFile)} (open it in a web browser).`);
    io.out("Next, try:");
    io.out(`  ${ladderCommand("check", file)}`);
    io.out(`  ${ladderCommand("rollup", file, "--json")}`);
    return EXIT.ok;
  },
};

/**
 * `ladder check FILE [--tab NAME] [--json]`: the colouring rule, tab by tab. Reads the workbook
 * and never writes it. Exit 1 when any error is found (so a script or a CI job can gate on it),
 * 0 otherwise; warnings alone do not fail.
 */
import { checkResult, isOwnTab } from "../../core/app.js";
import { LadderError } from "../../core/errors.js";
import { didYouMean } from "../../core/suggest.js";
import type { CheckResult } from "../../core/panel-api.js";
import { levelsText } from "../../core/words.js";
import { parse, positionals } from "../args.js";
import { EXIT, type Command } from "../command.js";
import { findingLine, json, plural, sentence } from "../format.js";
import { readWorkbook } from "../xlsx/read.js";

/** The findings as rollup --json gives them (described in docs/cli.md), per tab. */
export function checkJson(results: readonly CheckResult[]) {
  return {
    tabs: results.map((r) => ({
      tab: r.tab,
      kind: r.kind,
      levels: r.levels,
      skipped: r.skipped,
      findings: r.findings.map((f) => ({
        cell: f.cell,
        checkpoint: f.checkpoint,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
      })),
    })),
  };
}

export const check: Command = {
  name: "check",
  help: `Usage: ladder check FILE [--tab NAME] [--json]

Checks every staff tab of FILE against the colouring rule: for each checkpoint column, green while
the statement is true, the first untrue one blank, amber (never green) after it. Lists each finding
with its cell, checkpoint, what is wrong and what to do. The file is only read, never changed.

Exit code: 0 no errors (warnings allowed), 1 errors found, 2 the file or an argument is bad.

Options:
  --tab NAME  check only this tab
  --json      print {"tabs": [{"tab", "kind", "levels", "skipped", "findings": [...]}]}
  -h, --help  show this help`,
  async run(argv, io) {
    const { values, positionals: pos } = parse("check", argv, {
      tab: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    const [file] = positionals("check", pos, ["FILE"]);
    const { snapshots } = await readWorkbook(file!);
    let chosen = snapshots.filter((s) => !isOwnTab(s.marker));
    if (values.tab !== undefined) {
      const want = values.tab;
      const names = snapshots.map((s) => s.name);
      chosen = snapshots.filter((s) => s.name === want);
      if (chosen.length === 0) chosen = snapshots.filter((s) => s.name.toLowerCase() === want.toLowerCase());
      if (chosen.length === 0)
        throw new LadderError(
          "argument-invalid",
          `${file!} has no tab called '${want}'.${didYouMean(want, names)} Its tabs are:`,
          names,
        );
    }
    const results = chosen.map((s) => checkResult(s));
    const all = results.flatMap((r) => r.findings);
    const errors = all.filter((f) => f.severity === "error").length;
    const warnings = all.length - errors;

    if (values.json) io.out(json(checkJson(results)));
    else {
      for (const r of results) {
        if (r.skipped !== null) {
          io.out(`${r.tab} was not checked: ${sentence(r.skipped)}`);
          continue;
        }
        const lv = levelsText(r.levels);
        const head = `${r.tab}${r.templateTitle ? ` (${r.templateTitle})` : ""}${lv ? `: ${lv}` : ""}`;
        io.out(
          r.findings.length === 0
            ? `${head}. No problems.`
            : `${head}. ${plural(r.findings.length, "finding")}:`,
        );
        for (const f of r.findings) io.out(findingLine(f));
      }
      const read = results.filter((r) => r.skipped === null).length;
      const notRead = results.length - read;
      io.out("");
      io.out(
        `${plural(read, "tab")} checked${notRead > 0 ? ` (${notRead} not checked, said above)` : ""}: ${plural(errors, "error")}, ${plural(warnings, "warning")}.` +
          (errors > 0 ? " Fix the errors, then run the check again." : ""),
      );
    }
    return errors > 0 ? EXIT.findings : EXIT.ok;
  },
};

/**
 * The command table `ladder --help` prints, kept light on purpose: each command's code (and with
 * it core, the templates and the .xlsx package layer) is imported only when that command runs, so
 * `ladder --help` and a mistyped command answer as soon as Node has started.
 */
import type { Command } from "../command.js";

export interface CommandEntry {
  name: string;
  /** One line for `ladder --help`. */
  summary: string;
  load(): Promise<Command>;
}

export const COMMAND_LIST: readonly CommandEntry[] = [
  {
    name: "demo",
    summary: "write a demo school workbook, roll it up and print the summary",
    load: async () => (await import("./demo.js")).demo,
  },
  {
    name: "new",
    summary: "add a staff tab (or one per row of a staff CSV) to a workbook",
    load: async () => (await import("./new.js")).newTabs,
  },
  {
    name: "templates",
    summary: "list the template ids and titles",
    load: async () => (await import("./templates.js")).templates,
  },
  {
    name: "check",
    summary: "check the colouring rule on every staff tab (exit 1 on errors)",
    load: async () => (await import("./check.js")).check,
  },
  {
    name: "rollup",
    summary: "write or refresh the school summary and grade-band chart tabs",
    load: async () => (await import("./rollup.js")).rollup,
  },
  {
    name: "trust",
    summary: "roll the summary tabs of many school workbooks into one trust workbook",
    load: async () => (await import("./trust.js")).trust,
  },
  {
    name: "report",
    summary: "write the leadership report (one printable HTML file) from a school or trust workbook",
    load: async () => (await import("./report.js")).report,
  },
];

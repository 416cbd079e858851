/**
 * The command table and the one place where errors become exit codes: a LadderError (bad file,
 * bad argument, bad staff list) is one line on stderr (plus its detail lines, e.g. one per bad CSV
 * row) and exit 2; anything else is a bug: a short line, the stack only with LADDER_DEBUG=1, exit 3.
 */
import { isLadderError } from "../core/errors.js";
import { didYouMean } from "../core/suggest.js";
import pkg from "../package.json" with { type: "json" };
import { EXIT } from "./command.js";
import { COMMAND_LIST as COMMANDS } from "./commands/index.js";
import { sentence } from "./format.js";
import type { Io } from "./io.js";

const MAX_DETAILS = 20;

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: ladder <command> [options]      (ladder <command> --help for each)",
    "",
    "Leadership Ladder ragging sheets in .xlsx workbooks: generate, check the colouring rule,",
    "roll up a school and a trust. No account or server needed.",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Exit codes: 0 ok, 1 check found colouring errors, 2 bad file or argument.",
  ].join("\n");
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...more] = argv;
  // "ladder help new" is "ladder new --help".
  const asked = first === "help" && more.length > 0;
  const name = asked ? more[0] : first;
  const rest = asked ? ["--help"] : more;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    if (name === undefined) {
      io.err(usage());
      return EXIT.bad;
    }
    io.out(usage());
    return EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.out(pkg.version);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const names = COMMANDS.map((c) => c.name);
    io.err(
      `ladder: '${name}' is not a command.${didYouMean(name, names)} Commands: ${names.join(", ")}. See: ladder --help.`,
    );
    return EXIT.bad;
  }
  try {
    return await (await entry.load()).run(rest, io);
  } catch (e) {
    io.progressDone();
    if (isLadderError(e)) {
      io.err(`ladder ${name}: ${sentence(e.message)}`);
      const extra = e.details.filter((d) => d !== e.message);
      for (const d of extra.slice(0, MAX_DETAILS)) io.err(`  ${d}`);
      if (extra.length > MAX_DETAILS) io.err(`  ... and ${extra.length - MAX_DETAILS} more`);
      return EXIT.bad;
    }
    io.err(`ladder ${name}: internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.LADDER_DEBUG === "1" && e instanceof Error && e.stack) io.err(e.stack);
    else io.err("  (set LADDER_DEBUG=1 to see the details, and please report it)");
    return EXIT.internal;
  }
}

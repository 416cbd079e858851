/**
 * Argument parsing for every command: node:util parseArgs, with its errors turned into one
 * LadderError("argument-invalid") line of our own (Node's text about positionals after '--' means
 * nothing to a teacher): what was wrong, the closest option, the command's options, and --help.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { LadderError } from "../core/errors.js";
import { didYouMean } from "../core/suggest.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

export function parse<O extends Options>(
  command: string,
  argv: readonly string[],
  options: O,
): {
  values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>["values"];
  positionals: string[];
} {
  try {
    const r = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: r.values, positionals: r.positionals };
  } catch (e) {
    throw new LadderError("argument-invalid", optionProblem(command, e, options));
  }
}

/** The option a parseArgs error names ("Unknown option '--nme'" -> "--nme"), if any. */
function namedOption(message: string): string | null {
  return /'(-{1,2}[^' <]+)/.exec(message)?.[1] ?? null;
}

function optionProblem(command: string, e: unknown, options: Options): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown }).code;
  const names = Object.keys(options).map((o) => `--${o}`);
  const opt = namedOption(message);
  const see = `See: ladder ${command} --help.`;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && opt !== null)
    return `${opt} is not an option of 'ladder ${command}'.${didYouMean(opt, names)} Its options are ${names.join(", ")}. ${see}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && opt !== null) {
    const bare = opt.replace(/^-+/, "");
    return options[bare]?.type === "boolean"
      ? `${opt} takes no value. ${see}`
      : `${opt} needs a value after it. ${see}`;
  }
  return `${message.split("\n")[0]!.replace(/\.$/, "")}. ${see}`;
}

/** Exactly `n` positionals, or a clear argument error naming what is missing or extra. */
export function positionals(command: string, got: readonly string[], names: readonly string[]): string[] {
  if (got.length < names.length)
    throw new LadderError("argument-invalid", `Missing ${names[got.length]}. See: ladder ${command} --help.`);
  if (got.length > names.length) {
    const extra = got[names.length]!;
    // Usually the second word of a name typed without quotes: --tab Ann Lee.
    const quotes = /\.xlsx$/i.test(extra)
      ? ""
      : ` A name with spaces needs quotes round it, such as "Ann Lee".`;
    throw new LadderError(
      "argument-invalid",
      `Unexpected argument '${extra}'.${quotes} See: ladder ${command} --help.`,
    );
  }
  return [...got];
}

export function required(command: string, value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === "")
    throw new LadderError("argument-invalid", `--${option} is required. See: ladder ${command} --help.`);
  return value;
}

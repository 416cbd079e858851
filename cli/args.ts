/**
 * Argument parsing for every command: node:util parseArgs, with its errors ("Unknown option
 * '--nme'") turned into one LadderError("argument-invalid") line that points at --help.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { LadderError } from "../core/errors.js";

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
    const why = e instanceof Error ? e.message.split("\n")[0]! : String(e);
    throw new LadderError("argument-invalid", `${why.replace(/\.$/, "")} (see: ladder ${command} --help)`);
  }
}

/** Exactly `n` positionals, or a clear argument error naming what is missing or extra. */
export function positionals(command: string, got: readonly string[], names: readonly string[]): string[] {
  if (got.length < names.length)
    throw new LadderError("argument-invalid", `Missing ${names[got.length]} (see: ladder ${command} --help)`);
  if (got.length > names.length)
    throw new LadderError(
      "argument-invalid",
      `Unexpected argument '${got[names.length]}' (see: ladder ${command} --help)`,
    );
  return [...got];
}

export function required(command: string, value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === "")
    throw new LadderError("argument-invalid", `--${option} is required (see: ladder ${command} --help)`);
  return value;
}

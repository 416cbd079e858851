/**
 * A command is parse -> call core -> print, and returns its exit code. It never calls
 * process.exit and never catches LadderError: main.ts turns errors into exit codes in one place.
 */
import type { Io } from "./io.js";

/** 0 ok; 1 the check found colouring errors; 2 bad file or argument (one line on stderr). */
export const EXIT = { ok: 0, findings: 1, bad: 2, internal: 3 } as const;

export interface Command {
  name: string;
  /** The full `ladder <name> --help` text. */
  help: string;
  run(argv: readonly string[], io: Io): Promise<number>;
}

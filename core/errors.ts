/**
 * Typed errors for misuse and bad input, each with a code from a fixed list and a message meant
 * for the person using the product. Findings (a rule broken in a cell) are NOT errors: they are
 * returned values (see rules.ts). Hosts turn these into an exit code, a sidebar or a task-pane
 * message at their edge, and nowhere else.
 */

export type ErrorCode =
  | "template-invalid"
  | "template-unknown"
  | "staff-list-invalid"
  | "band-unknown"
  | "tab-name-invalid"
  | "tab-exists"
  | "level-out-of-range"
  | "argument-invalid"
  | "file-unreadable"
  | "summary-invalid"
  | "host-failed";

export class LadderError extends Error {
  readonly code: ErrorCode;
  /** Extra detail lines (for example one per bad row), already phrased for a person. */
  readonly details: readonly string[];

  constructor(code: ErrorCode, message: string, details: readonly string[] = []) {
    super(message);
    this.name = "LadderError";
    this.code = code;
    this.details = details;
  }
}

export function isLadderError(e: unknown): e is LadderError {
  return e instanceof LadderError;
}

/**
 * Errors as the panel shows them: one plain sentence, plus detail lines (for example one per bad row
 * of a staff list) behind a "Details" disclosure.
 *
 * Hosts throw LadderError (code, message, details). A direct call (Excel, preview) keeps those
 * fields; google.script.run keeps only the message, so the Apps Script side should throw
 * `new Error(encodePanelError(e))` and the panel decodes it here. Anything else still reads as its
 * message, never as "[object Object]".
 */

export interface PanelError {
  code: string | null;
  message: string;
  details: string[];
}

const WIRE_PREFIX = "ladder-sheets-error:";

/** Encode an error for google.script.run, which passes only Error.message to the failure handler. */
export function encodePanelError(e: unknown): string {
  return WIRE_PREFIX + JSON.stringify(toPanelError(e));
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Whatever was thrown or rejected, as a PanelError. */
export function toPanelError(e: unknown): PanelError {
  if (typeof e === "string") return decode(e);
  if (e !== null && typeof e === "object") {
    const o = e as { code?: unknown; message?: unknown; details?: unknown };
    const message = typeof o.message === "string" ? o.message : "";
    const decoded = decode(message);
    if (decoded.code !== null || decoded.details.length) return decoded;
    return {
      code: typeof o.code === "string" ? o.code : null,
      message: message || "Something went wrong, and the host did not say what.",
      details: strings(o.details),
    };
  }
  return { code: null, message: "Something went wrong, and the host did not say what.", details: [] };
}

function decode(message: string): PanelError {
  const at = message.indexOf(WIRE_PREFIX);
  if (at >= 0) {
    try {
      const o = JSON.parse(message.slice(at + WIRE_PREFIX.length)) as Partial<PanelError>;
      return {
        code: typeof o.code === "string" ? o.code : null,
        message: typeof o.message === "string" ? o.message : message,
        details: strings(o.details),
      };
    } catch {
      // fall through: show the raw message
    }
  }
  return {
    code: null,
    message: message.replace(/^(Exception|Error|ScriptError):\s*/i, "") || "Something went wrong.",
    details: [],
  };
}

/** Shared by the bad-input corpus: catching LadderErrors, temp folders, deep freezing, sheet XML. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { LadderError } from "../../core/errors.js";

/** The LadderError `f` throws; any other outcome fails the test. */
export function thrown(f: () => unknown): LadderError {
  try {
    f();
  } catch (e) {
    if (e instanceof LadderError) return e;
    throw e;
  }
  throw new Error("expected a LadderError, but nothing was thrown");
}

export async function rejected(p: Promise<unknown>): Promise<LadderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LadderError) return e;
    throw e;
  }
  throw new Error("expected a LadderError, but the promise resolved");
}

/** A fresh temporary folder and a function that removes it. */
export async function tempFolder(prefix: string): Promise<{ dir: string; done: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `ladder-bad-${prefix}-`));
  return { dir, done: () => rm(dir, { recursive: true, force: true }) };
}

/** Object.freeze all the way down, so any write by the code under test throws (ES modules are strict). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** The XML of every worksheet part in an .xlsx, joined. */
export async function allSheetXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = zip.file(/^xl\/worksheets\/[^/]+\.xml$/);
  const texts = await Promise.all(parts.map((p) => p.async("string")));
  return texts.join("\n");
}

/** True when the XML has a formula element (<f> or <f ...>). */
export function hasFormulaElement(xml: string): boolean {
  return /<f[\s>/]/.test(xml);
}

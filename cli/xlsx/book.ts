/**
 * The command line's side of the .xlsx package layer (xlsx/): the only place that touches the
 * file system for workbooks. It reads a file's bytes (a missing file or a folder is one clear
 * line), hands them to the layer with Node's native zlib as the codec, and saves atomically: the
 * bytes go to a temporary file beside the target, then a rename replaces the target in one step;
 * on any failure the temporary file is removed and the original is untouched.
 *
 * Bad files (empty, a PDF, a web page, text, an old .xls or a password-protected file, a
 * truncated zip, a zip that is not a workbook, a damaged part) are classified by the layer and
 * become one LadderError("file-unreadable") line naming the file, the part and the reason.
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { LadderError } from "../../core/errors.js";
import { newBook as newLayerBook, type Book } from "../../xlsx/tabs.js";
import type { Codec } from "../../xlsx/zip.js";

export type { Book } from "../../xlsx/tabs.js";
export { MAX_TABS } from "../../xlsx/tabs.js";

/** Node's zlib: native inflate and deflate, several times faster than a JavaScript one. */
export const NODE_CODEC: Codec = {
  inflate: (raw, size) => inflateRawSync(raw, { info: false, maxOutputLength: Math.max(size, 1) }),
  deflate: (data) => deflateRawSync(data, { level: 6 }),
};

/** A new, empty workbook (for `new` on a missing file, or a trust workbook). */
export function newBook(label?: string): Book {
  return newLayerBook(label, NODE_CODEC);
}

function unreadable(file: string, why: string): LadderError {
  return new LadderError("file-unreadable", `${file}: ${why}`);
}

/** Read the file's bytes; a missing file or a folder is one clear line. */
export async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw unreadable(path, "no such file");
    if (code === "EISDIR") throw unreadable(path, "is a folder, not an .xlsx file");
    if (code === "EACCES" || code === "EPERM") throw unreadable(path, "permission denied");
    throw unreadable(path, `cannot be read (${code ?? "unknown error"})`);
  }
}

/** The workbook as .xlsx bytes: the user's parts copied as they were, ours written afresh. */
export async function toBuffer(book: Book): Promise<Buffer> {
  // Loaded on first use, so `ladder --help` and argument errors never load the package layer.
  const { bookBytes } = await import("../../xlsx/save.js");
  const bytes = bookBytes(book);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Hooks for tests: make the write fail part-way to prove the original survives. */
export interface SaveHooks {
  beforeRename?: (tempPath: string) => Promise<void> | void;
}

/**
 * Fault injection for the end-to-end tests, in the spirit of git's GIT_TEST_* variables: with
 * LADDER_TEST_FAIL_SAVE=1 every save fails after the temporary file is written, before the rename.
 */
function envHooks(): SaveHooks {
  if (process.env.LADDER_TEST_FAIL_SAVE !== "1") return {};
  return {
    beforeRename: () => {
      throw new Error("simulated failure (LADDER_TEST_FAIL_SAVE=1)");
    },
  };
}

/**
 * Save atomically: temp file beside the target (same folder, so rename never crosses devices),
 * then rename over it. On any error the temp file is removed and the target is as it was.
 */
export async function saveBook(book: Book, path: string, hooks: SaveHooks = envHooks()): Promise<void> {
  const bytes = await toBuffer(book);
  await writeAtomic(path, bytes, hooks);
}

export async function writeAtomic(path: string, bytes: Uint8Array, hooks: SaveHooks = {}): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    await hooks.beforeRename?.(temp);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    if (e instanceof LadderError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new LadderError(
      "host-failed",
      `${path}: could not be saved (${code ?? (e instanceof Error ? e.message : String(e))}); the original is unchanged`,
    );
  }
}

/**
 * Reads an .xlsx workbook (a path or its bytes) into core's TabSnapshots through the package layer
 * (xlsx/read.ts): displayed values, fills as '#rrggbb' resolved through the workbook's own theme,
 * and the hidden marker. The Book it returns can be changed and saved by the caller; reading
 * itself never writes anything.
 */
import type { ReadResult } from "../../xlsx/read.js";
import { NODE_CODEC, readBytes } from "./book.js";

export type { ReadResult } from "../../xlsx/read.js";

/**
 * Read every tab of a workbook. Throws LadderError("file-unreadable") with one line for a file
 * that is not a readable .xlsx workbook.
 *
 * @example const { snapshots, book } = await readWorkbook("school.xlsx")
 */
export async function readWorkbook(source: string | Uint8Array, label?: string): Promise<ReadResult> {
  const name = label ?? (typeof source === "string" ? source : "the file");
  const bytes = typeof source === "string" ? await readBytes(source) : source;
  // Loaded on first use, so `ladder --help` and argument errors never load the package layer.
  const { readBook } = await import("../../xlsx/read.js");
  return readBook(bytes, name, NODE_CODEC);
}

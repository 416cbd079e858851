/**
 * One file per person in the browser (issue 13), shared by the Excel task pane and the preview:
 * make each person's .xlsx bytes with the package layer (the same workbook `ladder new DIR/`
 * writes for one person: only their own tab, titled with their name and the school year), and roll
 * up the person files a leader picks, read with the same layer, into the summary and grade-band
 * chart sheets for the leaders' workbook (core/rollup-files.ts).
 *
 * It touches no file system and no host: hosts hand it bytes and take specs and bytes back. It is
 * the heavy half (zip, XML), so only the Excel pane and preview bundles import it, never the Sheets
 * sidebar's.
 */
import { planCreate } from "../../core/app.js";
import { LadderError } from "../../core/errors.js";
import { schoolYear } from "../../core/generate/staff-header.js";
import type { CreateRequest, FilesRollupResult, StaffInput } from "../../core/panel-api.js";
import { notPicked, personFileName, readRegisterTab } from "../../core/register.js";
import {
  FilesRollup,
  filesRollupResult,
  planFilesRollup,
  rollupFile,
  unreadableFile,
} from "../../core/rollup-files.js";
import type { SheetSpec, TabSnapshot } from "../../core/sheet.js";
import { readBook } from "../../xlsx/read.js";
import { bookBytes } from "../../xlsx/save.js";
import { addTab, newBook, setBookTitle } from "../../xlsx/tabs.js";
import { FFLATE } from "../../xlsx/zip.js";
import { plural } from "../../core/words.js";

/** One person's new file: its name (legal, unique in the batch) and its .xlsx bytes. */
export interface PersonFile {
  person: string;
  file: string;
  bytes: Uint8Array;
}

/**
 * Every person's file, one at a time: `onFile` gets each as it is made (so a host can hand it out
 * and drop it). Every band and name is checked before any file is made, as on the command line.
 */
export async function makePersonFiles(
  req: Omit<CreateRequest, "askIfExists">,
  now: Date,
  onFile: (f: PersonFile, index: number, total: number) => Promise<void>,
): Promise<string[]> {
  const one = (staff: StaffInput[]) => ({ ...req, staff });
  planCreate(one([...req.staff]), [], now);
  const year = schoolYear(now);
  const taken: string[] = [];
  for (const [i, person] of req.staff.entries()) {
    const file = personFileName(person.name, year, taken);
    taken.push(file);
    const book = newBook(file, FFLATE);
    setBookTitle(book, `${person.name.trim()} ${year}`);
    addTab(book, planCreate(one([person]), [], now)[0]!);
    await onFile({ person: person.name.trim(), file, bytes: bookBytes(book) }, i, req.staff.length);
  }
  return taken;
}

/** A picked file: its name, and a way to get its bytes (File.arrayBuffer in a browser). */
export interface PickedFile {
  name: string;
  bytes(): Promise<Uint8Array>;
}

/** A picked file's tabs; a file that is not a readable workbook throws LadderError with the reason. */
async function tabsOf(f: PickedFile): Promise<TabSnapshot[]> {
  if (!/\.xlsx$/i.test(f.name))
    throw new LadderError(
      "file-unreadable",
      `${f.name}: is not an .xlsx workbook (pick the .xlsx person files)`,
    );
  return readBook(await f.bytes(), f.name, FFLATE).snapshots;
}

/** The reason without the file's name in front (the panel names the file itself). */
function reasonOf(file: string, e: LadderError): string {
  return e.message.startsWith(`${file}: `) ? e.message.slice(file.length + 2) : e.message;
}

/**
 * Roll up the picked files one at a time (only one file's tabs held at once), then plan the summary
 * and chart for the leaders' workbook, whose tabs `leadersTabs` reads (once the files are read). A file that cannot be read is
 * listed with its reason and the rest still roll up.
 */
export async function rollupPicked(
  picked: readonly PickedFile[],
  leadersTabs: () => Promise<readonly TabSnapshot[]>,
  checkpoint: string | undefined,
  today: Date,
  onProgress: (done: number, total: number, file: string) => void = () => {},
): Promise<{ sheets: SheetSpec[]; result: FilesRollupResult }> {
  const opts = checkpoint !== undefined ? { checkpoint } : {};
  const acc = new FilesRollup(opts);
  for (const [i, f] of picked.entries()) {
    onProgress(i, picked.length, f.name);
    try {
      acc.add(rollupFile(f.name, await tabsOf(f), opts));
    } catch (e) {
      if (!(e instanceof LadderError)) throw e;
      acc.add(unreadableFile(f.name, reasonOf(f.name, e)));
    }
  }
  onProgress(picked.length, picked.length, "");
  const rollup = acc.finish();
  if (rollup.staff.length === 0 && rollup.other.length === 0)
    throw new LadderError(
      "file-unreadable",
      `No staff tab could be read from the ${plural(picked.length, "file")} picked, so nothing was written.`,
      rollup.skipped.filter((u) => u.tab === "").map((u) => `${u.file ?? ""}: ${u.reason}`),
    );
  const leaders = await leadersTabs();
  const sheets = planFilesRollup(rollup, leaders, today);
  const missing = notPicked(
    readRegisterTab(leaders),
    picked.map((f) => f.name),
    rollup.staff.map((p) => p.name),
  );
  return { sheets, result: { ...filesRollupResult(rollup, sheets, picked.length), notPicked: missing } };
}

/** Bytes as base64 (what Excel.createWorkbook takes), in chunks so a large file never overflows the stack. */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

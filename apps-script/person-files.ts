/**
 * One file per person on Google Sheets (issue 13): the server side of the sidebar's "One file per
 * person". createPersonFiles makes one spreadsheet per member of staff in a Drive folder, holding
 * only their own tab, optionally shares it with them and their appraiser, and lists it in the
 * register tab of the leaders' spreadsheet (the one the add-on is open in). rollupPersonFiles reads
 * the files the register lists and writes the school summary and chart into the leaders' file.
 *
 * Least privilege: person files are created and read through the advanced Drive and Sheets services
 * under `drive.file` (only files this add-on created or the user opened with it), never the full
 * `spreadsheets` or `drive` scopes; the leaders' file is the open one (`spreadsheets.currentonly`).
 *
 * Requests, counted by test/apps-script/person-files.test.ts:
 * - creating: 1 Drive.Files.create and 1 Sheets batchUpdate per person (the whole tab in one
 *   batchUpdate), plus 1 Drive.Permissions.create per address shared with; 1 Drive.Files.create per
 *   call when no folder is given (the folder);
 * - rolling up: exactly 1 Sheets.Spreadsheets.get per file (values and own fills, by field mask).
 * An execution stops at 6 minutes, so both work in chunks: the sidebar sends the next batch of staff
 * (with the folder the first call made), or calls the roll-up again from `next` with the parts read
 * so far, until `done`.
 */
import * as z from "zod";
import { planCreate } from "../core/app.js";
import { LadderError } from "../core/errors.js";
import {
  SHEETS_PERSON_FILES,
  type CreatedFile,
  type CreatePersonFilesResult,
  type RollupPersonFilesResult,
} from "../core/panel-api.js";
import { schoolYear } from "../core/generate/staff-header.js";
import {
  addToRegister,
  emptyRegister,
  personFileName,
  personKey,
  readRegisterTab,
  registerSheet,
  type RegisterEntry,
} from "../core/register.js";
import {
  FilesRollup,
  filesRollupResult,
  planFilesRollup,
  rollupFile,
  unreadableFile,
  type FilePart,
} from "../core/rollup-files.js";
export type { CreatedFile, CreatePersonFilesResult, RollupPersonFilesResult };
import type { TabSnapshot } from "../core/sheet.js";
import { plural } from "../core/words.js";
import { listTabs } from "./adapter.js";
import type { AdvancedServices, GDriveService, GSheetsService } from "./advanced.js";
import type { Services } from "./ports.js";
import { isTempTab, replaceOwnTabs, withDocumentLock } from "./replace.js";
import { parse, StaffRowSchema, text } from "./server.js";
import { READ_FIELDS, snapshotsOf, specRequests } from "./sheets-api.js";

export const SPREADSHEET_MIME = "application/vnd.google-apps.spreadsheet";
export const FOLDER_MIME = "application/vnd.google-apps.folder";
/** Most people one createPersonFiles call makes (2-4 requests each, well inside 6 minutes). */
export const MAX_PEOPLE_PER_CALL = SHEETS_PERSON_FILES.peoplePerCall;
/** Files one rollupPersonFiles call reads (one request each) before handing back to the sidebar. */
export const ROLLUP_CHUNK = SHEETS_PERSON_FILES.readsPerCall;

const email = z.union([z.literal(""), z.email().max(320)]).default("");
const CreateSchema = z.object({
  templateId: text(100),
  staff: z
    .array(StaffRowSchema.extend({ email, appraiserEmail: email }))
    .min(1)
    .max(MAX_PEOPLE_PER_CALL),
  ticks: z.boolean().default(false),
  upTo: z.number().int().optional(),
  /** The Drive folder to make the files in; when absent, one is made and returned. */
  folderId: text(200).optional(),
  folderName: text(200).optional(),
  /** Share each file as editor with the person and their appraiser: "notify" sends Google's email. */
  share: z.enum(["none", "silent", "notify"]).default("none"),
});
const PartSchema = z.object({
  file: text(2000),
  staff: z.array(z.looseObject({ name: z.string(), tab: z.string() })),
  templateIds: z.array(z.string()),
  skipped: z.array(z.looseObject({ tab: z.string(), reason: z.string() })),
  other: z.array(z.looseObject({})),
});
const RollupSchema = z.object({
  startAt: z.number().int().min(0).default(0),
  parts: z.array(PartSchema).max(5000).default([]),
  checkpoint: text(20).optional(),
  /** Files to read in this call (at most ROLLUP_CHUNK): smaller shows progress more often. */
  chunk: z.number().int().min(1).max(ROLLUP_CHUNK).default(ROLLUP_CHUNK),
});

export type CreatePersonFilesRequest = z.input<typeof CreateSchema>;
export type RollupPersonFilesRequest = z.input<typeof RollupSchema>;

function need<T>(service: T | undefined, name: string): T {
  if (service === undefined)
    throw new LadderError(
      "host-failed",
      `The add-on's ${name} service is not switched on, so it cannot make or read person files. Ask whoever installed the add-on to reinstall it.`,
    );
  return service;
}

export function fileLink(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** The spreadsheet id in a register's File cell: a link, or a bare id; null when it is neither. */
export function fileIdOf(file: string): string | null {
  const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]{20,})/.exec(file);
  if (m) return m[1]!;
  return /^[A-Za-z0-9_-]{25,}$/.test(file.trim()) ? file.trim() : null;
}

/** An advanced service's error as the reason a file cannot be read, in plain words. */
export function unreadableReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/not found|404/i.test(msg)) return "cannot be found: it may have been deleted, or the link is wrong";
  if (/permission|403|forbidden/i.test(msg))
    return "cannot be opened by the add-on: it can open only files it made, and only if you still have access. Make this person's file again with the add-on (delete their row on the register first), or put the link of the file the add-on made in that row";
  return `cannot be read (Google Sheets said: ${msg.replace(/[.\s]+$/, "")})`;
}

/**
 * The folder of that name the add-on made before (under `drive.file` a search sees only its own
 * files), so newcomers added later in the year join their colleagues; else a new one. 1 request,
 * 2 when the folder is new.
 */
function folderNamed(drive: GDriveService, name: string): string {
  // Drive's query language: a string in single quotes, with \ and ' escaped by a backslash.
  const quoted = `'${name.replace(/[\\']/g, (c) => `\\${c}`)}'`;
  const found = drive.Files.list({
    q: `name = ${quoted} and mimeType = '${FOLDER_MIME}' and trashed = false`,
    fields: "files(id)",
    pageSize: 1,
  }).files?.[0]?.id;
  return found ?? drive.Files.create({ name, mimeType: FOLDER_MIME }).id ?? "";
}

function registerOf(tabs: readonly TabSnapshot[]) {
  return readRegisterTab(tabs) ?? emptyRegister();
}

export function makePersonFiles(svc: Services, api: AdvancedServices) {
  const ss = () => svc.app.getActiveSpreadsheet();

  function share(drive: GDriveService, id: string, to: string, notify: boolean): void {
    drive.Permissions.create({ type: "user", role: "writer", emailAddress: to }, id, {
      sendNotificationEmail: notify,
    });
  }

  function createOne(
    sheets: GSheetsService,
    drive: GDriveService,
    folderId: string,
    title: string,
    requests: ReturnType<typeof specRequests>,
  ): string {
    const file = drive.Files.create({ name: title, mimeType: SPREADSHEET_MIME, parents: [folderId] });
    const id = file.id;
    if (!id) throw new LadderError("host-failed", `Google Drive did not make the file '${title}'.`);
    // A new spreadsheet's first sheet has id 0.
    sheets.Spreadsheets.batchUpdate({ requests }, id);
    return id;
  }

  return {
    createPersonFiles(req: unknown): CreatePersonFilesResult {
      const r = parse(CreateSchema, req, "a person-files request");
      const sheets = need(api.sheets, "Google Sheets API");
      const drive = need(api.drive, "Google Drive API");
      const now = svc.now();
      const year = schoolYear(now);
      // Every band and name checked before any file is made (planCreate throws with the messages).
      const specs = planCreate({ ...r, staff: r.staff }, [], now);
      return withDocumentLock(svc.app, svc.locks, () => {
        const book = ss();
        const tabs = listTabs(book, { skip: isTempTab });
        const snaps = tabs.flatMap((t) => (t.snapshot ? [t.snapshot] : []));
        let register = registerOf(snaps);
        const onRegister = new Set(register.entries.map((e) => personKey(e.name)));
        const folderId = r.folderId ?? folderNamed(drive, r.folderName ?? `Leadership Ladder ${year}`);
        if (folderId === "") throw new LadderError("host-failed", "Google Drive did not make the folder.");
        const created: CreatedFile[] = [];
        const problems: string[] = [];
        const added: RegisterEntry[] = [];
        const taken: string[] = [];
        let failed: { name: string; title: string; error: unknown } | null = null;
        for (const [i, person] of r.staff.entries()) {
          const name = person.name.trim();
          if (onRegister.has(personKey(name))) {
            problems.push(`${name} is on the register already, so no new file was made for them.`);
            continue;
          }
          onRegister.add(personKey(name));
          const title = personFileName(name, year, taken, "");
          taken.push(title);
          const spec = specs[i]!;
          let id: string;
          try {
            id = createOne(sheets, drive, folderId, title, specRequests(spec, 0));
          } catch (error) {
            failed = { name, title, error };
            break;
          }
          const sharedWith: string[] = [];
          if (r.share !== "none") {
            const missing = [
              person.email === "" ? "them" : "",
              person.appraiserEmail === "" ? "their appraiser" : "",
            ].filter((x) => x !== "");
            if (missing.length)
              problems.push(
                `${name}'s file was not shared with ${missing.join(" or ")}: the staff list has no email address for ${missing.length === 2 ? "either" : missing[0]}. Share it from Google Drive, or add the address and share it there.`,
              );
            for (const to of [person.email, person.appraiserEmail].filter((x) => x !== "")) {
              try {
                share(drive, id, to, r.share === "notify");
                sharedWith.push(to);
              } catch (e) {
                problems.push(
                  `${name}'s file was made but could not be shared with ${to}: ${e instanceof Error ? e.message : String(e)}. Share it from Google Drive.`,
                );
              }
            }
          }
          created.push({ name, file: fileLink(id), id, sharedWith });
          added.push({
            name,
            band: person.band.trim(),
            role: person.role.trim(),
            appraiser: person.appraiser.trim(),
            file: fileLink(id),
          });
        }
        // The files made so far are registered even when Google failed part-way, so a second run
        // makes only the rest (people on the register are skipped).
        register = addToRegister(register, added);
        const [registerTab] = replaceOwnTabs(svc.app, book, tabs, [
          registerSheet(register.entries, { columns: register.columns }),
        ]);
        if (failed) {
          const why = failed.error instanceof Error ? failed.error.message : String(failed.error);
          throw new LadderError(
            "host-failed",
            `Made ${created.length} of ${r.staff.length} files and listed them in the register, then Google failed while making ${failed.name}'s file: ${why}. If an empty file called '${failed.title}' is in the folder, delete it, then make the files again: people already on the register are skipped.`,
          );
        }
        return { folderId, created, problems, registerTab: registerTab! };
      });
    },

    rollupPersonFiles(req: unknown): RollupPersonFilesResult {
      const r = parse(RollupSchema, req ?? {}, "a roll-up request");
      const sheets = need(api.sheets, "Google Sheets API");
      const book = ss();
      const tabs = listTabs(book, { skip: isTempTab });
      const snaps = tabs.flatMap((t) => (t.snapshot ? [t.snapshot] : []));
      const register = readRegisterTab(snaps);
      if (!register || register.entries.length === 0)
        throw new LadderError(
          "argument-invalid",
          "There is no register tab listing person files in this spreadsheet: make the person files first, or add a Register tab with a Name and a File column.",
        );
      const opts = r.checkpoint !== undefined ? { checkpoint: r.checkpoint } : {};
      const entries = register.entries;
      // The parts an earlier call of this roll-up returned, carried back by the sidebar (shape-checked).
      const parts = [...(r.parts as unknown as FilePart[])];
      const end = Math.min(entries.length, r.startAt + r.chunk);
      for (let i = r.startAt; i < end; i++) {
        const entry = entries[i]!;
        const id = fileIdOf(entry.file);
        if (id === null) {
          parts.push(
            unreadableFile(
              `${entry.name}'s file`,
              `'${entry.file}' on the register is not a link to a Google spreadsheet: put the file's link in that File cell`,
            ),
          );
          continue;
        }
        try {
          const read = sheets.Spreadsheets.get(id, { fields: READ_FIELDS });
          parts.push(rollupFile(entry.file, snapshotsOf(read), opts));
        } catch (e) {
          parts.push(unreadableFile(`${entry.name}'s file`, unreadableReason(e)));
        }
      }
      if (end < entries.length) return { done: false, next: end, total: entries.length, parts };
      const acc = new FilesRollup(opts);
      for (const p of parts) acc.add(p);
      const rollup = acc.finish();
      if (rollup.staff.length === 0 && rollup.other.length === 0)
        throw new LadderError(
          "file-unreadable",
          `No staff tab could be read from the ${plural(entries.length, "file")} on the register, so nothing was written.`,
          rollup.skipped.map((u) => `${u.file ?? ""}: ${u.reason}`),
        );
      const specs = planFilesRollup(rollup, snaps, svc.now());
      const written = withDocumentLock(svc.app, svc.locks, () =>
        replaceOwnTabs(svc.app, book, listTabs(book, { skip: isTempTab }), specs),
      );
      return {
        done: true,
        total: entries.length,
        ...filesRollupResult(rollup, specs, entries.length),
        tabs: written,
      };
    },
  };
}

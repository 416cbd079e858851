/**
 * One file per person in the Google Sheets sidebar: the panel's PersonFilesHost over the add-on's
 * server functions createPersonFiles and rollupPersonFiles (apps-script/person-files.ts).
 *
 * An Apps Script call must end within 6 minutes, so the work goes in batches: files are made for
 * SHEETS_PERSON_FILES.peoplePerCall people a call (the first call makes the folder when none is
 * given, and later calls use it), and the roll-up reads `chunk` files a call, handing the parts read
 * so far back to the next call until it is done. Progress is reported after every call. Nothing is
 * kept on the server between calls.
 *
 * It only talks to the server; the files are made and read there, so the sidebar bundle carries no
 * .xlsx code.
 */
import { SHEETS_PERSON_FILES, type CreatePersonFilesResult, type RollupPersonFilesResult } from "../api.js";
import type { MadeFile, PersonFilesHost } from "../panel/person-files.js";
import { gasCaller, type GasRunner } from "./gas.js";

/** A Drive folder's address. */
export function folderLink(id: string): string {
  return `https://drive.google.com/drive/folders/${id}`;
}

/**
 * What the leader typed in Folder: a Drive folder link (or a bare id) to use, or the name of a new
 * folder ("" lets the server name it).
 */
export function folderChoice(text: string): { folderId: string } | { folderName?: string } {
  const t = text.trim();
  const link = /\/folders\/([A-Za-z0-9_-]{10,})/.exec(t) ?? /[?&]id=([A-Za-z0-9_-]{10,})/.exec(t);
  if (link) return { folderId: link[1]! };
  if (/^[A-Za-z0-9_-]{25,}$/.test(t)) return { folderId: t };
  return t === "" ? {} : { folderName: t };
}

/** Files the roll-up reads per call: fewer than the most, so the progress moves every few seconds. */
export const ROLLUP_STEP = 30;

export function gasPersonFiles(getRunner?: () => GasRunner): PersonFilesHost {
  const call = gasCaller(getRunner);
  return {
    drive: true,
    madeHint:
      "Each person's file is in the folder: only you can open it unless you shared it, and the people it was shared with see only their own file.",
    async makeFiles(req, onProgress) {
      const per = SHEETS_PERSON_FILES.peoplePerCall;
      const made: MadeFile[] = [];
      const problems: string[] = [];
      let where = folderChoice(req.folder ?? "");
      let registerTab: string | undefined;
      let folderId: string | undefined;
      onProgress(0, req.staff.length, made);
      for (let i = 0; i < req.staff.length; i += per) {
        const r = (await call("createPersonFiles", [
          {
            templateId: req.templateId,
            staff: req.staff.slice(i, i + per),
            ticks: req.ticks,
            share: req.share ?? "none",
            ...where,
          },
        ])) as CreatePersonFilesResult;
        folderId = r.folderId;
        where = { folderId };
        registerTab = r.registerTab;
        problems.push(...r.problems);
        made.push(
          ...r.created.map((c) => ({ person: c.name, file: c.name, link: c.file, sharedWith: c.sharedWith })),
        );
        onProgress(Math.min(i + per, req.staff.length), req.staff.length, made);
      }
      return {
        files: made,
        problems,
        ...(registerTab !== undefined ? { registerTab } : {}),
        ...(folderId !== undefined ? { folder: { link: folderLink(folderId) } } : {}),
      };
    },
    rollup: {
      from: "register",
      async run(onProgress) {
        let req: { startAt: number; parts: unknown[]; chunk: number } = {
          startAt: 0,
          parts: [],
          chunk: ROLLUP_STEP,
        };
        for (;;) {
          const r = (await call("rollupPersonFiles", [req])) as RollupPersonFilesResult;
          if (r.done) {
            onProgress(r.total, r.total);
            return r;
          }
          onProgress(r.next, r.total);
          req = { ...req, startAt: r.next, parts: r.parts };
        }
      },
    },
  };
}

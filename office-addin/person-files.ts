/**
 * One file per person in the Excel task pane (issue 13). Making: each person's workbook is the same
 * generated .xlsx the command line writes for one person (ui/person-files/files.ts), opened with
 * Excel.createWorkbook (ExcelApi 1.8) for them to save to OneDrive or SharePoint and share: one
 * createWorkbook call per person. Then the files are listed on the register tab of this workbook
 * (the leaders' file), added to what it already lists: readWorkbook, then replaceOwnSheets.
 * Rolling up: the leader picks the person files in the pane (<input type="file" multiple>), the
 * pane reads them with the .xlsx layer, and the summary and grade-band chart are written into this
 * workbook exactly as today's roll-up writes them (readWorkbook, then replaceOwnSheets). No
 * permission beyond ReadWriteDocument.
 */
import { LadderError } from "../core/errors.js";
import { registerAfterMaking } from "../core/register.js";
import type { MadeFile, PersonFilesHost } from "../ui/panel/person-files.js";
import { makePersonFiles, rollupPicked, toBase64 } from "../ui/person-files/files.js";
import type { ExcelAdapter } from "./adapter.js";
import type { XCreateWorkbook } from "./excel-port.js";

export function excelPersonFiles(
  adapter: ExcelAdapter,
  createWorkbook: XCreateWorkbook,
  today: () => Date = () => new Date(),
): PersonFilesHost {
  return {
    madeHint:
      "Each opened in Excel as a new workbook: save each one (File > Save As) to OneDrive or SharePoint with the name shown, and share it with that person and their appraiser only.",
    async makeFiles(req, onProgress) {
      const made: MadeFile[] = [];
      const register = async () => {
        const read = await adapter.readWorkbook();
        const { sheet, problems } = registerAfterMaking(read.snapshots, req.staff, made);
        const [tab] = await adapter.replaceOwnSheets(["register"], [sheet], read.tabs);
        return { tab: tab!, problems };
      };
      try {
        await makePersonFiles(req, today(), async (f, i, total) => {
          await createWorkbook(toBase64(f.bytes));
          made.push({ person: f.person, file: f.file });
          onProgress(i + 1, total, made);
        });
      } catch (e) {
        // The workbooks opened so far are real: list them on the register before saying what stopped.
        if (made.length === 0 || !(e instanceof Error)) throw e;
        const { tab } = await register();
        throw new LadderError(
          "host-failed",
          `Opened ${made.length} of ${req.staff.length} workbooks and listed them on the '${tab}' tab, then Excel stopped: ${e.message.replace(/[.\s]+$/, "")}. Save the ones that opened, then make the files again for the others only.`,
        );
      }
      const { tab, problems } = await register();
      return { files: made, problems, registerTab: tab };
    },
    rollup: {
      from: "picked",
      async run(files, onProgress) {
        let tabs: Awaited<ReturnType<ExcelAdapter["readWorkbook"]>>["tabs"] = [];
        const { sheets, result } = await rollupPicked(
          files,
          async () => {
            const read = await adapter.readWorkbook();
            tabs = read.tabs;
            return read.snapshots;
          },
          undefined,
          today(),
          onProgress,
        );
        const names = await adapter.replaceOwnSheets(["summary", "chart"], sheets, tabs);
        return { ...result, tabs: names };
      },
    },
  };
}

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
      await makePersonFiles(req, today(), async (f, i, total) => {
        await createWorkbook(toBase64(f.bytes));
        made.push({ person: f.person, file: f.file });
        onProgress(i + 1, total, made);
      });
      const read = await adapter.readWorkbook();
      const { sheet, problems } = registerAfterMaking(read.snapshots, req.staff, made);
      const [registerTab] = await adapter.replaceOwnSheets(["register"], [sheet], read.tabs);
      return { files: made, problems, registerTab: registerTab! };
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

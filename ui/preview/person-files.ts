/**
 * One file per person in `npm run preview`: each person's .xlsx is made in the page with the .xlsx
 * layer (the same workbook the command line and the Excel pane make) and offered as a "Save" link
 * (a download), one per person, and the files are listed on the in-memory workbook's register tab;
 * roll-up reads the files picked in the panel and writes the summary and grade-band chart into the
 * in-memory workbook. Nothing leaves the page.
 */
import { registerAfterMaking } from "../../core/register.js";
import type { MadeFile, PersonFilesHost } from "../panel/person-files.js";
import { makePersonFiles, rollupPicked } from "../person-files/files.js";
import type { MemoryWorkbook } from "./memory-workbook.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function previewPersonFiles(
  wb: MemoryWorkbook,
  today: () => Date = () => new Date(),
): PersonFilesHost {
  let links: string[] = [];
  const snapshots = () => wb.tabs.map((t) => wb.snapshot(t));
  return {
    madeHint:
      "Save each file with its link under One file per person; in a school you would share each with that person and their appraiser only.",
    async makeFiles(req, onProgress) {
      for (const url of links) URL.revokeObjectURL(url);
      links = [];
      const made: MadeFile[] = [];
      await makePersonFiles(req, today(), async (f, i, total) => {
        const link = URL.createObjectURL(new Blob([f.bytes as BlobPart], { type: XLSX_TYPE }));
        links.push(link);
        made.push({ person: f.person, file: f.file, link, download: true });
        onProgress(i + 1, total, made);
        // Let the page draw the progress between files.
        await new Promise((r) => setTimeout(r, 0));
      });
      const { sheet, problems } = registerAfterMaking(snapshots(), req.staff, made);
      const [registerTab] = wb.writeOwnTabs([sheet], ["register"]);
      return { files: made, problems, registerTab: registerTab! };
    },
    rollup: {
      from: "picked",
      async run(files, onProgress) {
        const { sheets, result } = await rollupPicked(
          files,
          () => Promise.resolve(snapshots()),
          undefined,
          today(),
          onProgress,
        );
        return { ...result, tabs: wb.writeOwnTabs(sheets) };
      },
    },
  };
}

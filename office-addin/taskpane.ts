/**
 * The task pane: wait for Office (Office.onReady), then mount the shared panel over the Excel
 * PanelApi, with live checking driven by Excel's change events. Nothing runs on import: main.ts
 * calls `start()`, and tests call it with a fake Office/Excel on the page.
 *
 * Outside Excel (Office.js absent, blocked, or the page opened in a plain browser) the panel still
 * shows, templates and all; any action that needs the workbook says to open the add-in in Excel.
 */
import { checkResult } from "../core/app.js";
import { LadderError } from "../core/errors.js";
import { mountPanel, type PanelHandle } from "../ui/panel.js";
import { personFilesSection } from "../ui/panel/person-files.js";
import { ExcelAdapter } from "./adapter.js";
import { createExcelApi } from "./api.js";
import { asPort, BASE_CAPS, type ExcelRunner, type HostCaps } from "./excel-port.js";
import { listen, LiveCheck } from "./live.js";
import { excelPersonFiles } from "./person-files.js";

/** How often the panel asks for the kept live result (free: no Excel round trip unless something changed). */
export const PANEL_REFRESH_MS = 1000;

const notInExcel: ExcelRunner = () =>
  Promise.reject(
    new LadderError(
      "host-failed",
      "Excel is not available here: open Leadership Ladder from Excel (Home > Add-ins).",
    ),
  );

function officeReady(): Promise<{ host: Office.HostType | null } | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(null);
  return Office.onReady();
}

function capsOf(): HostCaps {
  const req = typeof Office !== "undefined" ? Office.context.requirements : undefined;
  const v118 = req?.isSetSupported("ExcelApi", "1.18") ?? false;
  return { ...BASE_CAPS, checkboxControl: v118, notes: v118 };
}

/**
 * Start the task pane inside `root` (default: #app).
 * @example await start() // in main.ts
 */
export async function start(
  root: HTMLElement | null = document.getElementById("app"),
): Promise<PanelHandle | null> {
  if (!root) return null;
  const info = await officeReady();
  const inExcel = info !== null && info.host === Office.HostType.Excel && typeof Excel !== "undefined";
  const run: ExcelRunner = inExcel ? (batch) => Excel.run((ctx) => batch(asPort(ctx))) : notInExcel;
  const adapter = new ExcelAdapter({ run, caps: inExcel ? capsOf() : BASE_CAPS });
  // Excel.createWorkbook is ExcelApi 1.8; the manifest asks for 1.9, so every host that loads us has it.
  const personFiles = personFilesSection(
    excelPersonFiles(
      adapter,
      inExcel ? (base64) => Excel.createWorkbook(base64) : () => notInExcel(() => Promise.resolve()),
    ),
  );
  if (!inExcel) return mountPanel(root, createExcelApi(adapter), { host: "excel", personFiles });

  const live = new LiveCheck(async () => checkResult(await adapter.readActive()));
  const panel = mountPanel(root, createExcelApi(adapter, { live }), { host: "excel", personFiles });
  try {
    await listen(run, () => live.changed());
    panel.startLiveCheck(PANEL_REFRESH_MS);
  } catch {
    // Without events the panel still checks on demand ("Check this tab").
  }
  return panel;
}

/**
 * The Excel task pane's PanelApi: each call reads what it needs through the adapter (in bulk), asks
 * core/app.ts what to do, and writes the result back through the adapter (in bulk). It holds no
 * logic of its own beyond that wiring, so the task pane answers exactly as the Sheets sidebar, the
 * preview and the command line do.
 */
import {
  bandInfos,
  checkResult,
  planCreate,
  planFeedbackForm,
  planGradeBandChart,
  planRollup,
  planTrust,
  selectionResult,
  templateInfos,
} from "../core/app.js";
import { legalTabName } from "../core/names.js";
import { reportFromSnapshots } from "../core/report/report.js";
import { parseMarker } from "../core/sheet.js";
import type { PanelApi } from "../ui/api.js";
import type { ExcelAdapter } from "./adapter.js";
import type { LiveCheck } from "./live.js";

export interface ExcelApiOptions {
  /** When given, checkActiveTab answers from the live check (no round trip while nothing changed). */
  live?: LiveCheck;
  today?: () => Date;
}

export function createExcelApi(adapter: ExcelAdapter, opts: ExcelApiOptions = {}): PanelApi {
  const today = opts.today ?? (() => new Date());
  const writeOne = async (spec: ReturnType<typeof planGradeBandChart>) => {
    await adapter.writeSheets([spec]);
    return { tab: spec.name };
  };
  return {
    listTemplates: () => Promise.resolve(templateInfos()),
    listBands: () => Promise.resolve(bandInfos()),
    async createTabs(req) {
      const specs = planCreate(req, await adapter.sheetNames(), today());
      await adapter.writeSheets(specs);
      return { created: specs.map((s) => s.name) };
    },
    async createFeedbackForm(fields) {
      return writeOne(planFeedbackForm(fields, await adapter.sheetNames()));
    },
    async createGradeBandChart() {
      const spec = planGradeBandChart(null);
      return writeOne({ ...spec, name: legalTabName(spec.name, await adapter.sheetNames()) });
    },
    async checkActiveTab() {
      return opts.live ? opts.live.current() : checkResult(await adapter.readActive());
    },
    selectCell: (tab, cell) => adapter.selectCell(tab, cell),
    async readSelection() {
      return selectionResult(await adapter.readSelection());
    },
    async leadershipReport() {
      return reportFromSnapshots((await adapter.readWorkbook()).snapshots, today());
    },
    async rollupSchool(checkpoint) {
      const { tabs, snapshots } = await adapter.readWorkbook();
      const plan = planRollup(snapshots, checkpoint, today());
      const names = await adapter.replaceOwnSheets(["summary", "chart"], plan.sheets, tabs);
      return { ...plan.result, tabs: names };
    },
    async rollupTrust() {
      const { tabs, snapshots } = await adapter.readWorkbook();
      const summaries = snapshots
        .filter((s) => parseMarker(s.marker)?.role === "summary")
        .map((s) => ({ school: s.name, snapshot: s }));
      const plan = planTrust(summaries, today());
      const names = await adapter.replaceOwnSheets(["trust"], plan.sheets, tabs);
      return { ...plan.result, tabs: names };
    },
  };
}

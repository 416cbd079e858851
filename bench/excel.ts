/**
 * Excel adapter: context.sync() calls and payload bytes (request and response JSON, as the fake
 * measures them against Excel on the web's 5 MB cap) counted on the Excel fake
 * (test/office-addin/fake-excel.ts), through office-addin/adapter.ts wired as office-addin/api.ts
 * wires it, for the same operations as gas.ts:
 *   read     readWorkbook (every tab: names, values, markers, fills)
 *   check    readActive (one tab)
 *   summary  writeSheets([summary]) (the school summary tab alone)
 *   rollup   readWorkbook + planRollup + replaceOwnSheets(summary, chart)
 *   create   sheetNames + writeSheets(planCreate(...)) per panel batch of 10
 * Target: the same number of syncs for N = 10 and N = 500, more only for payload splits.
 */
import { planCreate, planRollup } from "../core/app.js";
import { ExcelAdapter } from "../office-addin/adapter.js";
import { EXCEL_WEB_LIMITS } from "../office-addin/read.js";
import { FakeExcel } from "../test/office-addin/fake-excel.js";
import { schoolSpecs, staffList } from "./school.js";
import { emptyResult, fmtBytes, type Part, type PartResult } from "./util.js";

export const EXCEL_NS = [10, 100, 500] as const;
const PANEL_BATCH = 10;
/** Excel on the web: largest request or response. */
const LIMIT = EXCEL_WEB_LIMITS.maxBytes;
const TODAY = new Date("2027-07-15T12:00:00Z");

interface Measure {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  /** Largest single request or response, to show how close a sync came to the 5 MB cap. */
  largest: number;
}

async function measure(fake: FakeExcel, fn: () => Promise<unknown>): Promise<Measure> {
  fake.take();
  await fn();
  const largest = Math.max(0, ...fake.log.map((r) => Math.max(r.requestBytes, r.responseBytes)));
  return { ...fake.take(), largest };
}

/** A fake workbook holding the painted school (written through the adapter, not counted). */
async function school(n: number): Promise<{ fake: FakeExcel; adapter: ExcelAdapter }> {
  const fake = new FakeExcel();
  const adapter = new ExcelAdapter({ run: fake.run });
  await adapter.writeSheets(schoolSpecs(n));
  fake.take();
  return { fake, adapter };
}

export const excelPart: Part = {
  name: "excel",
  prefix: "excel",
  async run(): Promise<PartResult> {
    const out = emptyResult();
    const syncsAt: Record<string, Record<number, Measure>> = {};
    for (const n of EXCEL_NS) {
      const { fake, adapter } = await school(n);
      const ops: [string, string, Measure][] = [];

      let read: Awaited<ReturnType<ExcelAdapter["readWorkbook"]>> = { tabs: [], snapshots: [] };
      ops.push([
        "read",
        "read all tabs",
        await measure(fake, async () => (read = await adapter.readWorkbook())),
      ]);
      if (read.snapshots.length !== n + 1)
        throw new Error(`excel: read ${read.snapshots.length} tabs, wanted ${n + 1}`);

      const middle = fake.state.sheets[Math.floor(fake.state.sheets.length / 2)]!;
      fake.state.activeId = middle.id;
      ops.push(["check", "check one tab", await measure(fake, () => adapter.readActive())]);

      const plan = planRollup(read.snapshots, undefined, TODAY);
      const scratch = new FakeExcel();
      const scratchAdapter = new ExcelAdapter({ run: scratch.run });
      ops.push([
        "summary",
        "write the summary tab",
        await measure(scratch, () => scratchAdapter.writeSheets([plan.sheets[0]!])),
      ]);

      ops.push([
        "rollup",
        "roll up (read + summary + chart)",
        await measure(fake, async () => {
          const r = await adapter.readWorkbook();
          const p = planRollup(r.snapshots, undefined, TODAY);
          await adapter.replaceOwnSheets(["summary", "chart"], p.sheets, r.tabs);
        }),
      ]);

      const fresh = new FakeExcel();
      const freshAdapter = new ExcelAdapter({ run: fresh.run });
      const staff = staffList(n);
      ops.push([
        "create",
        `create N tabs (${Math.ceil(n / PANEL_BATCH)} panel calls of ${PANEL_BATCH})`,
        await measure(fresh, async () => {
          for (let i = 0; i < staff.length; i += PANEL_BATCH) {
            const req = {
              templateId: "leadership-ladder",
              staff: staff.slice(i, i + PANEL_BATCH),
              ticks: false,
            };
            await freshAdapter.writeSheets(planCreate(req, await freshAdapter.sheetNames(), TODAY));
          }
        }),
      ]);

      for (const [key, label, m] of ops) {
        out.metrics[`excel.${key}.syncs.n${n}`] = m.syncs;
        out.metrics[`excel.${key}.request.bytes.n${n}`] = m.requestBytes;
        out.metrics[`excel.${key}.response.bytes.n${n}`] = m.responseBytes;
        out.metrics[`excel.${key}.largest.bytes.n${n}`] = m.largest;
        (syncsAt[key] ??= {})[n] = m;
        out.rows.push({
          part: "excel",
          measure: `${label}: syncs (sent / received; largest)`,
          n,
          value: `${m.syncs} (${fmtBytes(m.requestBytes)} / ${fmtBytes(m.responseBytes)}; ${fmtBytes(m.largest)})`,
          target: "",
          ok: null,
        });
      }
    }
    const lo = EXCEL_NS[0];
    const hi = EXCEL_NS[2];
    for (const key of ["read", "check", "summary", "rollup"]) {
      const a = syncsAt[key]![lo]!;
      const b = syncsAt[key]![hi]!;
      // Extra syncs are allowed only where one batch could not carry the payload under the cap.
      const payload = Math.max(b.requestBytes, b.responseBytes);
      const split = b.syncs > a.syncs && payload > LIMIT;
      out.rows.push({
        part: "excel",
        measure: `${key}: syncs at N ${lo} vs N ${hi}`,
        n: null,
        value: `${a.syncs} vs ${b.syncs}${split ? ` (${fmtBytes(payload)} at N ${hi} > the 5 MB cap: split)` : ""}`,
        target: "equal (more only for payload splits)",
        ok: a.syncs === b.syncs || split,
      });
    }
    out.notes.push(
      "excel: syncs and payload bytes (JSON of each request and response) counted on the Excel fake; " +
        "`create` is one Excel.run per panel batch of 10 (sheetNames, then writeSheets), so its syncs grow with N / 10 by design. " +
        "No naive per-cell baseline for Excel: per-cell code there would be one load + sync per cell, as in gas.",
    );
    return out;
  },
};

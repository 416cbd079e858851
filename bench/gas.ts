/**
 * Apps Script adapter: service calls counted on the SpreadsheetApp fake (test/apps-script/fake),
 * through the add-on's own server functions (apps-script/server.ts, what google.script.run calls)
 * and adapter, for a school of N painted staff tabs:
 *   read     listTabs + readTabs (every tab: names, values, fills, the marker cell with the values)
 *   check    checkActiveTab (one tab)
 *   summary  writing the school summary tab alone (writeSheet of planRollup's summary sheet)
 *   rollup   the whole rollupSchool call (lock, read all, plan, build summary + chart, swap in)
 *   create   createTabs for N staff, in the panel's batches of 10 (ui/panel/create.ts BATCH)
 * and the same work done one cell at a time (naive-gas.ts) on the same fake. Wall time is estimated
 * at 100 ms per call; an Apps Script execution stops at 6 minutes.
 */
import { planCreate, planRollup } from "../core/app.js";
import { listTabs, readTabs, writeSheet } from "../apps-script/adapter.js";
import { makeServer } from "../apps-script/server.js";
import type { Services } from "../apps-script/ports.js";
import { createFakeGas, type FakeGas } from "../test/apps-script/fake/index.js";
import { naiveReadAll, naiveReadTab, naiveWrite } from "./naive-gas.js";
import { schoolSpecs, staffList } from "./school.js";
import { emptyResult, type Part, type PartResult } from "./util.js";

export const GAS_NS = [10, 100, 500] as const;
const MS_PER_CALL = 100;
const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
const PANEL_BATCH = 10;
const TARGET_READ_PER_TAB = 3;
const TARGET_SUMMARY_CALLS = 20;
const TODAY = new Date("2027-07-15T12:00:00Z");

function services(gas: FakeGas): Services {
  return { app: gas.SpreadsheetApp, html: gas.HtmlService, locks: gas.LockService, now: () => TODAY };
}

/** A fake spreadsheet holding the painted school (written through the adapter, uncounted). */
function school(n: number): FakeGas {
  const gas = createFakeGas();
  for (const spec of schoolSpecs(n)) writeSheet(gas.SpreadsheetApp, gas.ss, spec, gas.ss.sheets.length);
  gas.log.reset();
  return gas;
}

function calls(gas: FakeGas, fn: () => unknown): number {
  return gas.log.measure(fn).total;
}

/** Calls and, for the notes, which methods made them. */
function detail(gas: FakeGas, fn: () => unknown): { total: number; builder: number; methods: string } {
  const m = gas.log.measure(fn);
  const methods = Object.entries(m.methods)
    .sort(([, a], [, b]) => b - a)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return { total: m.total, builder: m.kinds.builder, methods };
}

export function wall(calls: number): string {
  const ms = calls * MS_PER_CALL;
  const s = ms / 1000;
  const text =
    s >= 3600 ? `${(s / 3600).toFixed(1)} h` : s >= 60 ? `${(s / 60).toFixed(1)} min` : `${s.toFixed(1)} s`;
  return ms > EXECUTION_LIMIT_MS ? `${text} (over the 6-min limit)` : text;
}

interface Op {
  key: string;
  label: string;
  adapter: number;
  naive: number;
  target: string;
  ok: boolean | null;
}

export const gasPart: Part = {
  name: "gas",
  prefix: "gas",
  run(): Promise<PartResult> {
    const out = emptyResult();
    const reads: Record<number, number> = {};
    for (const n of GAS_NS) {
      const gas = school(n);
      const server = makeServer(services(gas));
      const ops: Op[] = [];

      let snaps: ReturnType<typeof readTabs> = [];
      const readDetail = detail(gas, () => (snaps = readTabs(listTabs(gas.ss))));
      const read = readDetail.total;
      reads[n] = read;
      const naiveRead = calls(gas, () => naiveReadAll(gas));
      ops.push({
        key: "read",
        label: "read all tabs",
        adapter: read,
        naive: naiveRead,
        target: "",
        ok: null,
      });

      const middle = gas.ss.sheets[Math.floor(gas.ss.sheets.length / 2)]!;
      gas.ss.setActive(middle, null);
      const check = calls(gas, () => server.checkActiveTab());
      const naiveCheck = calls(gas, () => naiveReadTab(middle));
      ops.push({
        key: "check",
        label: "check one tab",
        adapter: check,
        naive: naiveCheck,
        target: "",
        ok: null,
      });

      const plan = planRollup(snaps, undefined, TODAY);
      const summary = plan.sheets[0]!;
      const scratch = createFakeGas();
      const sumDetail = detail(scratch, () => writeSheet(scratch.SpreadsheetApp, scratch.ss, summary, 1));
      const sum = sumDetail.total;
      out.metrics[`gas.summary.builder.calls.n${n}`] = sumDetail.builder;
      out.metrics[`gas.summary.document.calls.n${n}`] = sumDetail.total - sumDetail.builder;
      if (n === GAS_NS[0]) {
        out.notes.push(
          `gas: read all tabs at n${n} (${gas.ss.sheets.length} tabs with the default Sheet1): ${readDetail.methods}`,
        );
        out.notes.push(
          `gas: write the summary at n${n}: ${sumDetail.total} calls, ${sumDetail.builder} of them in-memory chart/rule builder calls: ${sumDetail.methods}`,
        );
      }
      const naiveSum = calls(scratch, () =>
        naiveWrite(scratch, { ...summary, name: `${summary.name} (naive)` }),
      );
      ops.push({
        key: "summary",
        label: `write the summary tab (${sum - sumDetail.builder} touch the spreadsheet, ${sumDetail.builder} in-memory chart builder)`,
        adapter: sum,
        naive: naiveSum,
        target: `<= ${TARGET_SUMMARY_CALLS}`,
        ok: sum <= TARGET_SUMMARY_CALLS,
      });

      const rollup = calls(gas, () => server.rollupSchool(undefined));
      // Naive roll-up: read everything cell by cell, then write both sheets cell by cell.
      const naiveRollup =
        naiveRead +
        plan.sheets.reduce(
          (t, s) => t + calls(scratch, () => naiveWrite(scratch, { ...s, name: `${s.name} (n)` })),
          0,
        );
      ops.push({
        key: "rollup",
        label: "roll up (read + summary + chart)",
        adapter: rollup,
        naive: naiveRollup,
        target: "",
        ok: null,
      });

      const fresh = createFakeGas();
      const staff = staffList(n);
      const freshServer = makeServer(services(fresh));
      let create = 0;
      for (let i = 0; i < staff.length; i += PANEL_BATCH)
        create += calls(fresh, () =>
          freshServer.createTabs({
            templateId: "leadership-ladder",
            staff: staff.slice(i, i + PANEL_BATCH),
            ticks: false,
          }),
        );
      const naiveFresh = createFakeGas();
      const specs = planCreate({ templateId: "leadership-ladder", staff, ticks: false }, [], TODAY);
      const naiveCreate = calls(naiveFresh, () => {
        for (const s of specs) naiveWrite(naiveFresh, s);
      });
      out.metrics[`gas.create.roundtrips.n${n}`] = Math.ceil(n / PANEL_BATCH);
      ops.push({
        key: "create",
        label: `create N tabs (${Math.ceil(n / PANEL_BATCH)} panel calls of ${PANEL_BATCH})`,
        adapter: create,
        naive: naiveCreate,
        target: "",
        ok: null,
      });

      for (const op of ops) {
        out.metrics[`gas.${op.key}.calls.n${n}`] = op.adapter;
        out.metrics[`gas.${op.key}.naive.calls.n${n}`] = op.naive;
        out.metrics[`gas.${op.key}.est.ms.n${n}`] = op.adapter * MS_PER_CALL;
        out.metrics[`gas.${op.key}.naive.est.ms.n${n}`] = op.naive * MS_PER_CALL;
        out.rows.push({
          part: "gas",
          measure: `${op.label}: calls (naive per-cell)`,
          n,
          value: `${op.adapter} = ${wall(op.adapter)} (naive ${op.naive} = ${wall(op.naive)})`,
          target: op.target,
          ok: op.ok,
        });
      }
    }
    // Reading: calls = per-tab slope x N + constant, from the smallest and largest N.
    const lo = GAS_NS[0];
    const hi = GAS_NS[2];
    const slope = (reads[hi]! - reads[lo]!) / (hi - lo);
    const constant = reads[lo]! - slope * lo;
    out.metrics["gas.read.calls.per.tab"] = slope;
    out.metrics["gas.read.calls.constant"] = constant;
    out.rows.push({
      part: "gas",
      measure: `read: calls per tab + constant (N ${lo}..${hi})`,
      n: null,
      value: `${slope.toFixed(2)} per tab + ${constant.toFixed(0)}`,
      target: `<= ${TARGET_READ_PER_TAB} per tab + constant`,
      ok: slope <= TARGET_READ_PER_TAB,
    });
    out.notes.push(
      `gas: calls counted on the SpreadsheetApp fake (every service method, getters included); wall time estimated at ${MS_PER_CALL} ms per call. ` +
        "The naive baseline (bench/naive-gas.ts) writes only values and fills, so it undercounts real naive code.",
    );
    return Promise.resolve(out);
  },
};

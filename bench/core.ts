/**
 * Core: milliseconds to roll up N staff tabs from snapshots (core/app.ts planRollup: read and check
 * every tab, the school roll-up, the summary and grade-band chart sheets), median of 7 runs after one
 * warm-up, in CPU time of the process (wall time alongside); and planCreate for N staff. No host, no
 * file: this is the CPU floor under every host.
 */
import { planCreate, planRollup } from "../core/app.js";
import { schoolSnapshots, staffList } from "./school.js";
import { emptyResult, fmtMs, median, round, timed, type Part, type PartResult } from "./util.js";

export const CORE_NS = [10, 100, 500, 1000] as const;
const RUNS = 7;
const TARGET_MS_1000 = 100;
const TODAY = new Date("2027-07-15T12:00:00Z");

export const corePart: Part = {
  name: "core",
  prefix: "core",
  async run(): Promise<PartResult> {
    const out = emptyResult();
    for (const n of CORE_NS) {
      const snaps = schoolSnapshots(n);
      const first = planRollup(snaps, undefined, TODAY); // warm-up, and a sanity check of the school
      if (first.result.staffCount !== n)
        throw new Error(`core: rolled up ${first.result.staffCount} of ${n} tabs`);
      const times: number[] = [];
      const walls: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = await timed(() => planRollup(snaps, undefined, TODAY));
        times.push(t.cpu);
        walls.push(t.wall);
      }
      const ms = median(times);
      out.metrics[`core.rollup.ms.n${n}`] = round(ms, 3);
      out.metrics[`core.rollup.wall.ms.n${n}`] = round(median(walls), 3);
      out.rows.push({
        part: "core",
        measure: "planRollup, CPU ms (median of 7)",
        n,
        value: `${fmtMs(ms)} (wall ${fmtMs(median(walls))})`,
        target: n === 1000 ? `< ${TARGET_MS_1000} ms` : "",
        ok: n === 1000 ? ms < TARGET_MS_1000 : null,
      });
      if (n === 1000) {
        const z = first.result.zones[first.result.chartCheckpoint] ?? {};
        out.notes.push(
          `core: the n1000 school has ${first.result.errors} rule errors and ${first.result.warnings} warnings; ` +
            `${first.result.chartCheckpoint} zones ${JSON.stringify(z)}`,
        );
      }
      const staff = staffList(n);
      const create: number[] = [];
      for (let i = 0; i < 3; i++)
        create.push(
          (await timed(() => planCreate({ templateId: "leadership-ladder", staff, ticks: false }, [], TODAY)))
            .cpu,
        );
      const cms = median(create);
      out.metrics[`core.create.ms.n${n}`] = round(cms, 3);
      out.rows.push({
        part: "core",
        measure: "planCreate, CPU ms (median of 3)",
        n,
        value: fmtMs(cms),
        target: "",
        ok: null,
      });
    }
    return out;
  },
};

/**
 * Command line over .xlsx files: `rollup` on an N-tab workbook against a bare ExcelJS load-and-save
 * of the same file (the floor: the same library must parse and write the whole file anyway), as a
 * ratio measured in one run, median of 5 alternating pairs after two warm-up pairs; and `new --staff` for N staff. Times are
 * the process's CPU time (util.ts timed), wall time alongside.
 *
 * The real commands (cli/main.ts `main`) run in-process with a silent Io.
 */
import { copyFile, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { planRollup } from "../core/app.js";
import type { Io } from "../cli/io.js";
import { main } from "../cli/main.js";
import { newBook, readBytes, saveBook, toBuffer, writeAtomic } from "../cli/xlsx/book.js";
import { readWorkbook } from "../cli/xlsx/read.js";
import { writeSheet } from "../cli/xlsx/write.js";
import { schoolSpecs, staffList } from "./school.js";
import { emptyResult, fmtBytes, fmtMs, median, round, timed, type Part, type PartResult } from "./util.js";

type Timing = Awaited<ReturnType<typeof timed>>;

export const CLI_NS = [10, 100, 200] as const;
const PAIRS = 5;
/**
 * Pairs run first and not counted. V8 optimises a function only after it has run a few times, and
 * that compiling is CPU time of this process: with one warm-up pair, the first counted rollup (which
 * ran first in its pair) still paid about 150 ms of it at N = 10 (measured with --trace-opt: core's
 * checkLadder alone took 38 ms to optimise, plus ExcelJS functions both sides share), so the N = 10
 * ratio measured warm-up rather than work. Two pairs let both orders run once before counting.
 */
const WARMUP_PAIRS = 2;
const TARGET_RATIO = 1.3;
const TODAY = new Date("2027-07-15T12:00:00Z");

/** `rollup FILE` and `new FILE --staff CSV` through the real commands, output silenced. */
function commands(): {
  rollup(path: string): Promise<void>;
  newStaff(path: string, csv: string): Promise<void>;
} {
  const errors: string[] = [];
  const io: Io = {
    out: () => undefined,
    err: (line) => errors.push(line),
    progress: () => undefined,
    progressDone: () => undefined,
    cwd: process.cwd(),
    now: TODAY,
  };
  const call = async (argv: string[]): Promise<void> => {
    errors.length = 0;
    const code = await main(argv, io);
    if (code !== 0) throw new Error(`ladder ${argv.join(" ")}: exit ${code}: ${errors.join(" / ")}`);
  };
  return {
    rollup: (path) => call(["rollup", path]),
    newStaff: (path, csv) => call(["new", path, "--template", "leadership-ladder", "--staff", csv]),
  };
}

/**
 * Where rollup's time goes beyond the floor, one run through the adapter: read (zip check, theme,
 * ExcelJS load, snapshots), core, writing the two tabs, serialising (ExcelJS's write, with the
 * native charts added to its zip before its one compression pass), and the atomic write.
 */
async function phases(path: string): Promise<Record<string, number>> {
  const t: Record<string, number> = {};
  const timeMs = async (f: () => unknown) => (await timed(f)).cpu;
  let bytes: Buffer = Buffer.alloc(0);
  t.bareLoad = await timeMs(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readBytes(path)) as unknown as ArrayBuffer);
  });
  let read: Awaited<ReturnType<typeof readWorkbook>> | null = null;
  t.read = await timeMs(async () => (read = await readWorkbook(path)));
  const { snapshots, book } = read!;
  let plan: ReturnType<typeof planRollup> | null = null;
  t.core = await timeMs(() => (plan = planRollup(snapshots, undefined, TODAY)));
  t.writeTabs = await timeMs(() => {
    for (const sheet of plan!.sheets) writeSheet(book, sheet);
  });
  t.serialise = await timeMs(async () => (bytes = await toBuffer(book)));
  t.save = await timeMs(() => writeAtomic(`${path}.out.xlsx`, bytes));
  return t;
}

function staffCsv(n: number): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return (
    [
      "name,band,role,appraiser",
      ...staffList(n).map((s) => [s.name, s.band, s.role, s.appraiser].map(q).join(",")),
    ].join("\n") + "\n"
  );
}

/** The floor: the same library loads the same file and saves it, nothing else. */
async function bareLoadSave(path: string, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  await wb.xlsx.writeFile(out);
}

export const cliPart: Part = {
  name: "cli",
  prefix: "cli",
  async run(): Promise<PartResult> {
    const out = emptyResult();
    const cmd = commands();
    out.notes.push(
      "cli: `rollup` and `new --staff` measured through the real commands (cli/main.ts `main`, in-process, silent output)",
    );
    const dir = await mkdtemp(join(tmpdir(), "ladder-bench-"));
    try {
      for (const n of CLI_NS) {
        const source = join(dir, `school-${n}.xlsx`);
        const book = newBook();
        for (const spec of schoolSpecs(n)) writeSheet(book, spec);
        await saveBook(book, source);
        const bytes = (await stat(source)).size;
        out.metrics[`cli.file.bytes.n${n}`] = bytes;

        const work = join(dir, `work-${n}.xlsx`);
        const bareOut = join(dir, `bare-${n}.xlsx`);
        const bare: Timing[] = [];
        const roll: Timing[] = [];
        const ratios: number[] = [];
        const wallRatios: number[] = [];
        // Warm-up pairs first (first-call costs: module loading, JIT, template parsing), not counted.
        for (let i = -WARMUP_PAIRS; i < PAIRS; i++) {
          const b = async () => {
            const t = await timed(() => bareLoadSave(source, bareOut));
            if (i >= 0) bare.push(t);
            return t;
          };
          const r = async () => {
            await copyFile(source, work);
            const t = await timed(() => cmd.rollup(work));
            if (i >= 0) roll.push(t);
            return t;
          };
          // Alternate which goes first, so neither always runs on a warmer heap.
          let tb: Timing;
          let tr: Timing;
          if (i % 2 !== 0) {
            tb = await b();
            tr = await r();
          } else {
            tr = await r();
            tb = await b();
          }
          if (i < 0) continue;
          ratios.push(tr.cpu / tb.cpu);
          wallRatios.push(tr.wall / tb.wall);
        }
        const ratio = median(ratios);
        const cpu = (ts: Timing[]) => median(ts.map((t) => t.cpu));
        const wall = (ts: Timing[]) => median(ts.map((t) => t.wall));
        out.metrics[`cli.rollup.ms.n${n}`] = round(cpu(roll), 1);
        out.metrics[`cli.bare.ms.n${n}`] = round(cpu(bare), 1);
        out.metrics[`cli.rollup.wall.ms.n${n}`] = round(wall(roll), 1);
        out.metrics[`cli.bare.wall.ms.n${n}`] = round(wall(bare), 1);
        out.metrics[`cli.rollup.ratio.n${n}`] = round(ratio, 3);
        out.metrics[`cli.rollup.wall.ratio.n${n}`] = round(median(wallRatios), 3);
        out.rows.push({
          part: "cli",
          measure: `rollup / bare ExcelJS load+save, CPU (${fmtBytes(bytes)} file)`,
          n,
          value: `${ratio.toFixed(2)}x (${fmtMs(cpu(roll))} vs ${fmtMs(cpu(bare))}; wall ${median(wallRatios).toFixed(2)}x)`,
          target: `<= ${TARGET_RATIO}x`,
          ok: ratio <= TARGET_RATIO,
        });

        const csv = join(dir, `staff-${n}.csv`);
        await writeFile(csv, staffCsv(n));
        if (n === CLI_NS[CLI_NS.length - 1]) {
          const t = await phases(source);
          for (const [k, v] of Object.entries(t)) out.metrics[`cli.phase.${k}.ms.n${n}`] = round(v, 1);
          out.notes.push(
            `cli: rollup phases at n${n} (one run through the adapter, CPU): read ${fmtMs(t.read!)} (bare ExcelJS load ${fmtMs(t.bareLoad!)}), ` +
              `core ${fmtMs(t.core!)}, write 2 tabs ${fmtMs(t.writeTabs!)}, serialise ${fmtMs(t.serialise!)}, ` +
              `atomic save ${fmtMs(t.save!)}`,
          );
        }
        const created: Timing[] = [];
        for (let i = 0; i < PAIRS; i++) {
          const path = join(dir, `new-${n}-${i}.xlsx`);
          created.push(await timed(() => cmd.newStaff(path, csv)));
          await rm(path, { force: true });
        }
        out.metrics[`cli.new.ms.n${n}`] = round(cpu(created), 1);
        out.metrics[`cli.new.wall.ms.n${n}`] = round(wall(created), 1);
        out.rows.push({
          part: "cli",
          measure: "new --staff (new file), CPU",
          n,
          value: `${fmtMs(cpu(created))} (wall ${fmtMs(wall(created))})`,
          target: "",
          ok: null,
        });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return out;
  },
};

/**
 * One file per person at trust scale: `ladder rollup DIR -o school.xlsx` over 100 and 1,000 person
 * files in one folder (each a painted Leadership Ladder tab, as bench/school.ts paints them, plus
 * the folder's register.csv), through the built command line in a child process, as people run it.
 *
 * Reported: wall time; milliseconds per file beyond Node's start (the same bundle's `--version`,
 * which loads every module); the marginal cost per file between the two sizes; and the child's peak
 * resident memory, which must stay flat as the number of files grows (files are read one at a time).
 * Target: at most 10 ms per file beyond Node's start.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newBook, saveBook } from "../cli/xlsx/book.js";
import { writeSheet } from "../cli/xlsx/write.js";
import { personFileName, registerCsv } from "../core/register.js";
import { schoolSpecs, staffList } from "./school.js";
import { emptyResult, fmtBytes, fmtMs, median, round, type Part, type PartResult } from "./util.js";

const ROOT = join(import.meta.dirname, "..");
const SIZES = [100, 1000] as const;
const TARGET_MS_PER_FILE = 10;
/** Peak memory at 1,000 files may be at most this many times that at 100 ("flat"). */
const FLAT_RATIO = 1.5;
const RUNS = 3;

/** Prints the process's peak resident set size (KB on Linux) to stderr as it exits. */
const PEAK_RSS_HOOK =
  "data:text/javascript,import{writeSync}from'node:fs';" +
  "process.on('exit',()=>{const u=process.resourceUsage();" +
  "writeSync(2,'\\nbench-maxrss='+u.maxRSS+' bench-cpu='+(u.userCPUTime+u.systemCPUTime)+'\\n')})";

interface Run {
  wallMs: number;
  peakBytes: number;
  /** The child's CPU time (user + system): steadier than wall time on a busy shared machine. */
  cpuMs: number;
}

function runCli(cli: string, cwd: string, args: readonly string[]): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", PEAK_RSS_HOOK, cli, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 600_000,
  });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`ladder ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  const kb = Number(/bench-maxrss=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const cpuUs = Number(/bench-cpu=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { wallMs, peakBytes: kb * 1024, cpuMs: cpuUs / 1000 };
}

/** N person files (painted ladder tabs) and the register, as `ladder new DIR/` would lay them out. */
async function personFolder(dir: string, n: number, source?: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const staff = staffList(n);
  const taken: string[] = [];
  const entries = staff.map((s) => {
    const file = personFileName(s.name, "2026-27", taken);
    taken.push(file);
    return { ...s, file };
  });
  const specs = source === undefined ? schoolSpecs(n) : [];
  for (const [i, e] of entries.entries()) {
    const path = join(dir, e.file);
    if (source !== undefined) await copyFile(join(source, e.file), path);
    else {
      const book = newBook();
      writeSheet(book, specs[i]!);
      await saveBook(book, path);
    }
  }
  await writeFile(join(dir, "register.csv"), registerCsv({ columns: [], entries }));
}

export const personFilesPart: Part = {
  name: "files",
  prefix: "files",
  async run(): Promise<PartResult> {
    const out = emptyResult();
    const work = await mkdtemp(join(tmpdir(), "ladder-bench-files-"));
    try {
      // The bundle carries its dependencies (and its lazily loaded chunks beside it).
      const bundle = join(work, "cli", "ladder.js");
      execFileSync(process.execPath, ["scripts/build-cli.mjs", bundle], { cwd: ROOT, stdio: "pipe" });

      const big = join(work, `n${SIZES[SIZES.length - 1]}`);
      await personFolder(big, SIZES[SIZES.length - 1]!);
      for (const n of SIZES.slice(0, -1)) await personFolder(join(work, `n${n}`), n, big);

      const starts = Array.from({ length: 5 }, () => runCli(bundle, work, ["--version"]));
      const start = median(starts.map((r) => r.wallMs));
      const startCpu = median(starts.map((r) => r.cpuMs));
      out.metrics["files.node-start.ms"] = round(start, 1);
      out.metrics["files.node-start.cpu.ms"] = round(startCpu, 1);
      const results = new Map<number, { wall: number; peak: number }>();
      for (const n of SIZES) {
        const runs: Run[] = [];
        for (let i = 0; i < RUNS; i++) {
          await rm(join(work, `school-${n}.xlsx`), { force: true });
          runs.push(runCli(bundle, work, ["rollup", `n${n}/`, "-o", `school-${n}.xlsx`]));
        }
        const wall = median(runs.map((r) => r.wallMs));
        const peak = Math.max(...runs.map((r) => r.peakBytes));
        const cpu = median(runs.map((r) => r.cpuMs));
        results.set(n, { wall, peak });
        const perFile = (wall - start) / n;
        const perFileCpu = (cpu - startCpu) / n;
        // The aim is for a trust-sized folder; at the smaller size the one-off costs (loading the
        // package layer, writing the summary) are shared by fewer files, so it is shown, not judged.
        const judged = n === SIZES[SIZES.length - 1];
        out.metrics[`files.rollup.per-file.cpu.ms.n${n}`] = round(perFileCpu, 2);
        out.metrics[`files.rollup.wall.ms.n${n}`] = round(wall, 1);
        out.metrics[`files.rollup.per-file.ms.n${n}`] = round(perFile, 2);
        out.metrics[`files.rollup.peak-rss.bytes.n${n}`] = peak;
        out.rows.push({
          part: "files",
          measure: "rollup DIR -o school.xlsx: ms per person file beyond Node's start (wall)",
          n,
          value: `${perFile.toFixed(2)} ms (wall ${fmtMs(wall)}, Node start ${fmtMs(start)})`,
          target: judged ? `<= ${TARGET_MS_PER_FILE} ms` : "",
          ok: judged ? perFile <= TARGET_MS_PER_FILE : null,
        });
        out.rows.push({
          part: "files",
          measure: "rollup DIR -o school.xlsx: CPU ms per person file beyond Node's start",
          n,
          value: `${perFileCpu.toFixed(2)} ms (CPU ${fmtMs(cpu)}, Node start ${fmtMs(startCpu)})`,
          target: "",
          ok: null,
        });
        out.rows.push({
          part: "files",
          measure: "rollup DIR -o school.xlsx: peak memory (RSS)",
          n,
          value: fmtBytes(peak),
          target: "",
          ok: null,
        });
      }
      const [small, large] = SIZES.map((n) => results.get(n)!);
      const marginal = (large!.wall - small!.wall) / (SIZES[1] - SIZES[0]);
      const ratio = large!.peak / small!.peak;
      out.metrics["files.rollup.marginal.ms"] = round(marginal, 2);
      out.metrics["files.rollup.peak-rss.ratio"] = round(ratio, 3);
      out.rows.push({
        part: "files",
        measure: `peak memory ${SIZES[1]} files / ${SIZES[0]} files (flat: files read one at a time)`,
        n: null,
        value: `${ratio.toFixed(2)}x (${fmtBytes(large!.peak)} vs ${fmtBytes(small!.peak)})`,
        target: `<= ${FLAT_RATIO}x`,
        ok: ratio <= FLAT_RATIO,
      });
      out.notes.push(
        `files: each added person file costs ${marginal.toFixed(2)} ms of wall time (${SIZES[0]} -> ${SIZES[1]} files, median of ${RUNS} runs each); ` +
          "child process per run, peak RSS from process.resourceUsage() at exit",
      );
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    return out;
  },
};

/**
 * Command line over .xlsx files, measured as whole processes (bench/proc.ts), the way a person
 * runs them: `node dist/cli/ladder.js rollup | check | new | trust ...` on an N-tab school, each
 * against a bare ExcelJS `readFile` + `writeFile` of the same file in its own process
 * (bench/exceljs-load-save.mjs: the cost of merely opening and saving the workbook with the
 * library the command line used to be built on). Ratios are CPU time (user + system of the child,
 * which other load on a shared machine inflates less than wall time), paired per repeat and the
 * median taken; wall times and peak RSS alongside. Also `ladder --help` start-up, and how peak
 * memory grows with the file.
 *
 * The bundle is built first (scripts/build-cli.mjs), so the numbers are those of the code in the
 * tree. Schools are written by the package layer from bench/school.ts (fixed seed).
 */
import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { newBook, saveBook } from "../cli/xlsx/book.js";
import { writeSheet } from "../cli/xlsx/write.js";
import { MAX_TABS } from "../xlsx/tabs.js";
import { readZip } from "../xlsx/zip.js";
import { HOW, runNode, type ProcRun } from "./proc.js";
import { schoolSpecs, staffList } from "./school.js";
import { emptyResult, fmtBytes, fmtMs, median, round, type Part, type PartResult } from "./util.js";

export const CLI_NS = [10, 100, 300, 1000] as const;
/** Repeats per N: whole processes are slow at N = 1,000 (the bare ExcelJS run alone takes ~15 s). */
const repeats = (n: number): number => (n >= 1000 ? 2 : n >= 300 ? 4 : 5);
const HELP_RUNS = 11;
const TARGET_RATIO = 0.3;
const TARGET_N = 300;
const TARGET_HELP_MS = 150;
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LADDER = join(ROOT, "dist/cli/ladder.js");
const BARE = join(ROOT, "bench/exceljs-load-save.mjs");
const NEW_STAFF = 10;
const MB = 1024 * 1024;

type Cmd = "bare" | "rollup" | "refresh" | "check" | "new" | "trust";
const CMDS: readonly Cmd[] = ["bare", "rollup", "refresh", "check", "new", "trust"];
const WHAT: Record<Exclude<Cmd, "bare">, string> = {
  rollup: "rollup FILE (first roll-up: summary + chart added to a copy)",
  refresh: "rollup FILE again (summary + chart replaced, their parts dropped)",
  check: "check FILE (read only)",
  new: `new FILE --staff (${NEW_STAFF} more tabs into a copy)`,
  trust: "trust FILE -o NEW (the rolled-up school)",
};

/**
 * What cannot run at this N: `new` refuses to take a workbook past MAX_TABS, and the layer refuses
 * to read a workbook of more than MAX_TABS tabs, which a rolled-up 1,000-tab school is (1,002).
 */
function refused(cmd: Cmd, n: number): string | null {
  if (cmd === "new" && n + NEW_STAFF > MAX_TABS) return `new refuses to make more than ${MAX_TABS} tabs`;
  if ((cmd === "refresh" || cmd === "trust") && n + 2 > MAX_TABS)
    return `the rolled-up school has ${n + 2} tabs, over the ${MAX_TABS} the layer reads`;
  return null;
}

function csv(rows: readonly { name: string; band: string; role: string; appraiser: string }[]): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = rows.map((s) => [s.name, s.band, s.role, s.appraiser].map(q).join(","));
  return ["name,band,role,appraiser", ...lines].join("\n") + "\n";
}

/** Write the N-tab school with the package layer; its size and unpacked size. */
async function makeSchool(n: number, path: string): Promise<{ bytes: number; unpacked: number }> {
  const book = newBook();
  for (const spec of schoolSpecs(n)) writeSheet(book, spec);
  await saveBook(book, path);
  const data = await readFile(path);
  const unpacked = readZip(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).reduce(
    (sum, e) => sum + e.size,
    0,
  );
  return { bytes: (await stat(path)).size, unpacked };
}

const cpuOf = (rs: readonly ProcRun[]) => median(rs.map((r) => r.cpu));
const wallOf = (rs: readonly ProcRun[]) => median(rs.map((r) => r.wall));
const rssOf = (rs: readonly ProcRun[]) => median(rs.map((r) => r.rss));

/** `ladder --help` (and an argument error, and node doing nothing) from spawn to exit. */
async function startUp(out: PartResult): Promise<void> {
  const sample = async (args: string[], ok: number[] = [0]) => {
    const runs: ProcRun[] = [];
    for (let i = 0; i < HELP_RUNS; i++) runs.push(await runNode(args, ok));
    return runs.slice(1); // the first run reads the files from disk
  };
  const node = await sample(["-e", "0"]);
  const help = await sample([LADDER, "--help"]);
  const argError = await sample([LADDER, "rollup"], [2]);
  out.metrics["cli.start.node.wall.ms"] = round(wallOf(node), 1);
  out.metrics["cli.start.node.cpu.ms"] = round(cpuOf(node), 1);
  out.metrics["cli.start.help.wall.ms"] = round(wallOf(help), 1);
  out.metrics["cli.start.help.cpu.ms"] = round(cpuOf(help), 1);
  out.metrics["cli.start.argerror.wall.ms"] = round(wallOf(argError), 1);
  out.rows.push({
    part: "cli",
    measure: `ladder --help, spawn to exit (median of ${HELP_RUNS - 1})`,
    n: null,
    value:
      `${fmtMs(wallOf(help))} wall, ${fmtMs(cpuOf(help))} CPU ` +
      `(node -e 0: ${fmtMs(wallOf(node))} wall, ${fmtMs(cpuOf(node))} CPU)`,
    target: `<= ${TARGET_HELP_MS} ms`,
    ok: wallOf(help) <= TARGET_HELP_MS,
  });
  out.rows.push({
    part: "cli",
    measure: "ladder rollup (no file: argument error), spawn to exit",
    n: null,
    value: `${fmtMs(wallOf(argError))} wall, ${fmtMs(cpuOf(argError))} CPU`,
    target: `<= ${TARGET_HELP_MS} ms`,
    ok: wallOf(argError) <= TARGET_HELP_MS,
  });
}

interface AtN {
  n: number;
  bytes: number;
  unpacked: number;
  runs: Record<Cmd, ProcRun[]>;
}

/** Every command and the bare floor at one N, interleaved so a slow minute hits them alike. */
async function measureN(dir: string, n: number): Promise<AtN> {
  const school = join(dir, `school-${n}.xlsx`);
  const { bytes, unpacked } = await makeSchool(n, school);
  const staff = join(dir, `staff-${n}.csv`);
  const joiners = staffList(NEW_STAFF, 99).map((s, i) => ({ ...s, name: `Joiner ${i + 1}` }));
  await writeFile(staff, csv(joiners));
  const work = join(dir, `work-${n}.xlsx`);
  const rolled = join(dir, `rolled-${n}.xlsx`);
  const other = join(dir, `other-${n}.xlsx`);
  // The school as trust reads it: rolled up once (rollup's own runs below roll up `work`).
  await copyFile(school, rolled);
  await runNode([LADDER, "rollup", rolled]);

  const run: Record<Cmd, () => Promise<ProcRun>> = {
    bare: () => runNode([BARE, school, other]),
    rollup: async () => {
      await copyFile(school, work);
      return runNode([LADDER, "rollup", work]);
    },
    refresh: async () => {
      await copyFile(rolled, work);
      return runNode([LADDER, "rollup", work]);
    },
    check: () => runNode([LADDER, "check", school], [0, 1]),
    new: async () => {
      await copyFile(school, other);
      return runNode([LADDER, "new", other, "--template", "leadership-ladder", "--staff", staff]);
    },
    trust: async () => {
      await rm(other, { force: true });
      return runNode([LADDER, "trust", rolled, "-o", other]);
    },
  };
  const runs = { bare: [], rollup: [], refresh: [], check: [], new: [], trust: [] } as Record<Cmd, ProcRun[]>;
  for (let i = 0; i < repeats(n); i++)
    for (let k = 0; k < CMDS.length; k++) {
      const cmd = CMDS[(i + k) % CMDS.length]!;
      if (refused(cmd, n) === null) runs[cmd].push(await run[cmd]());
    }
  return { n, bytes, unpacked, runs };
}

function report(out: PartResult, at: AtN): void {
  const { n, runs } = at;
  const bare = runs.bare;
  for (const cmd of CMDS) {
    const rs = runs[cmd];
    if (rs.length === 0) continue;
    out.metrics[`cli.${cmd}.cpu.ms.n${n}`] = round(cpuOf(rs), 1);
    out.metrics[`cli.${cmd}.wall.ms.n${n}`] = round(wallOf(rs), 1);
    out.metrics[`cli.${cmd}.rss.mb.n${n}`] = round(rssOf(rs) / MB, 1);
  }
  out.metrics[`cli.file.bytes.n${n}`] = at.bytes;
  out.metrics[`cli.file.unpacked.bytes.n${n}`] = at.unpacked;
  out.rows.push({
    part: "cli",
    measure: `bare ExcelJS readFile + writeFile (${fmtBytes(at.bytes)} file, ${fmtBytes(at.unpacked)} unpacked)`,
    n,
    value: `${fmtMs(cpuOf(bare))} CPU, ${fmtMs(wallOf(bare))} wall, peak RSS ${fmtBytes(rssOf(bare))}`,
    target: "",
    ok: null,
  });
  for (const cmd of CMDS) {
    if (cmd === "bare") continue;
    const rs = runs[cmd];
    const why = refused(cmd, n);
    if (why !== null) {
      out.notes.push(`cli: ${cmd} not measured at N ${n}: ${why}`);
      continue;
    }
    const ratios = rs.map((r, i) => r.cpu / bare[i]!.cpu);
    const wallRatios = rs.map((r, i) => r.wall / bare[i]!.wall);
    const ratio = median(ratios);
    out.metrics[`cli.${cmd}.ratio.n${n}`] = round(ratio, 3);
    out.metrics[`cli.${cmd}.wall.ratio.n${n}`] = round(median(wallRatios), 3);
    const targeted = cmd === "rollup" && n === TARGET_N;
    out.rows.push({
      part: "cli",
      measure: `${WHAT[cmd]} / bare, CPU`,
      n,
      value:
        `${ratio.toFixed(2)}x (${fmtMs(cpuOf(rs))} CPU, ${fmtMs(wallOf(rs))} wall (${median(wallRatios).toFixed(2)}x), ` +
        `peak RSS ${fmtBytes(rssOf(rs))})`,
      target: targeted ? `<= ${TARGET_RATIO}x` : "",
      ok: targeted ? ratio <= TARGET_RATIO : null,
    });
  }
}

/** Peak RSS of rollup against the file: the largest N against the smallest N >= 100. */
function memory(out: PartResult, all: readonly AtN[]): void {
  const big = all[all.length - 1]!;
  const small = all.find((a) => a.n >= 100 && a !== big) ?? all[0]!;
  const rss = (a: AtN) => rssOf(a.runs.rollup);
  const rssGrowth = rss(big) / rss(small);
  const fileGrowth = big.bytes / small.bytes;
  const slopes = all.slice(1).map((a, i) => {
    const prev = all[i]!;
    return `${prev.n}->${a.n}: ${((rss(a) - rss(prev)) / (a.bytes - prev.bytes)).toFixed(1)}`;
  });
  out.metrics[`cli.rollup.rss.growth.n${small.n}.n${big.n}`] = round(rssGrowth, 2);
  out.metrics[`cli.file.growth.n${small.n}.n${big.n}`] = round(fileGrowth, 2);
  out.rows.push({
    part: "cli",
    measure: `rollup peak RSS growth vs file growth, N ${small.n} -> ${big.n}`,
    n: big.n,
    value:
      `RSS ${fmtBytes(rss(small))} -> ${fmtBytes(rss(big))} (x${rssGrowth.toFixed(2)}); ` +
      `file ${fmtBytes(small.bytes)} -> ${fmtBytes(big.bytes)} (x${fileGrowth.toFixed(2)}); ` +
      `extra RSS per extra file byte ${slopes.join(", ")}`,
    target: "RSS grows no faster than the file",
    ok: rssGrowth <= fileGrowth,
  });
}

export const cliPart: Part = {
  name: "cli",
  prefix: "cli",
  async run(): Promise<PartResult> {
    const out = emptyResult();
    execFileSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")], { cwd: ROOT, stdio: "inherit" });
    out.notes.push(
      `cli: whole processes (node dist/cli/ladder.js ..., and node bench/exceljs-load-save.mjs for the bare floor), ` +
        `CPU and peak RSS by ${HOW}; medians of ${CLI_NS.map((n) => `${repeats(n)} (N ${n})`).join(", ")} ` +
        `interleaved repeats; ratios are CPU, paired per repeat`,
    );
    await startUp(out);
    const dir = await mkdtemp(join(tmpdir(), "ladder-bench-"));
    const only = process.env.BENCH_CLI_NS?.split(",").map(Number);
    const all: AtN[] = [];
    try {
      for (const n of CLI_NS) {
        if (only && !only.includes(n)) continue;
        process.stderr.write(` n${n}`);
        const at = await measureN(dir, n);
        report(out, at);
        all.push(at);
        for (const f of ["school", "work", "rolled", "other"])
          await rm(join(dir, `${f}-${n}.xlsx`), { force: true });
      }
      if (all.length > 1) memory(out, all);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return out;
  },
};

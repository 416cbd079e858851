/**
 * Measuring whole processes, as a person runs them: a child `node ...` from spawn to exit, with its
 * wall time, its CPU time (user + system) and its peak resident memory. Start-up, module loading,
 * JIT warm-up, garbage collection and the final write are all inside the number, which in-process
 * timing of a function would miss.
 *
 * GNU time (`/usr/bin/time -f ... -o FILE`) reads the child's rusage from wait4(); where it is not
 * installed, a tiny preload (`--import` of a data: URL) records `process.resourceUsage()` from the
 * child's own exit handler instead (it misses only the last instants of teardown).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

export interface ProcRun {
  /** Spawn to exit, milliseconds. */
  wall: number;
  /** User + system CPU of the child, milliseconds. */
  cpu: number;
  /** Peak resident set size of the child, bytes. */
  rss: number;
  code: number;
}

const GNU_TIME = "/usr/bin/time";
const HAVE_GNU_TIME = existsSync(GNU_TIME);

/** Child-side fallback: write this process's rusage to $BENCH_RUSAGE as it exits. */
const RUSAGE_HOOK =
  "data:text/javascript," +
  encodeURIComponent(
    `import { writeFileSync } from "node:fs";` +
      `process.on("exit", () => { const u = process.resourceUsage();` +
      `writeFileSync(process.env.BENCH_RUSAGE, [u.userCPUTime / 1e3, u.systemCPUTime / 1e3, u.maxRSS].join(" ")); });`,
  );

let serial = 0;

/** How the numbers are taken, for the notes under the table. */
export const HOW = HAVE_GNU_TIME
  ? "GNU time (/usr/bin/time: wait4 rusage of the child)"
  : "process.resourceUsage() in the child's exit handler (no /usr/bin/time here)";

/**
 * Run `node ARGS...` once and measure it. stdout and stderr are kept (for errors) but not shown.
 * Throws when the exit code is not one of `ok`.
 */
export async function runNode(args: readonly string[], ok: readonly number[] = [0]): Promise<ProcRun> {
  const stats = join(tmpdir(), `ladder-bench-${process.pid}-${serial++}.txt`);
  const cmd = HAVE_GNU_TIME ? GNU_TIME : process.execPath;
  const argv = HAVE_GNU_TIME
    ? ["-f", "%U %S %M", "-o", stats, process.execPath, ...args]
    : ["--import", RUSAGE_HOOK, ...args];
  const env = HAVE_GNU_TIME ? process.env : { ...process.env, BENCH_RUSAGE: stats };
  let output = "";
  const t0 = performance.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(cmd, argv, { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (c) => resolve(c ?? -1));
  });
  const wall = performance.now() - t0;
  const text = (await readFile(stats, "utf8").catch(() => "")).trim().split("\n").pop() ?? "";
  await rm(stats, { force: true });
  if (!ok.includes(code)) throw new Error(`node ${args.join(" ")}: exit ${code}\n${output.slice(-2000)}`);
  const [user, sys, rss] = text.split(/\s+/).map(Number);
  if (user === undefined || sys === undefined || rss === undefined || [user, sys, rss].some(Number.isNaN))
    throw new Error(`node ${args.join(" ")}: no resource usage ('${text}')`);
  // GNU time reports seconds and KB; the hook milliseconds and KB.
  const cpu = HAVE_GNU_TIME ? (user + sys) * 1000 : user + sys;
  return { wall, cpu, rss: rss * 1024, code };
}

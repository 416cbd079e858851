/**
 * Shared bench plumbing: one shape for every part (core, cli, gas, excel, bundles), timing, medians
 * and the printed table. A part returns named numbers for bench/results.json plus rows and notes for
 * the table; a part whose host has not landed returns only a note saying so.
 */
import { performance } from "node:perf_hooks";

/** What one part of the bench reports. */
export interface PartResult {
  /** Flat named numbers, e.g. "core.rollup.ms.n1000". */
  metrics: Record<string, number>;
  /** Table rows: measure, N, value, target, verdict. */
  rows: Row[];
  /** Lines printed under the table (how it was measured, what is missing). */
  notes: string[];
}

export interface Row {
  part: string;
  measure: string;
  n: number | null;
  value: string;
  target: string;
  /** true met, false missed, null no target. */
  ok: boolean | null;
}

export interface Part {
  name: string;
  /** Its keys in results.json start with this and a dot. */
  prefix: string;
  run(): Promise<PartResult>;
}

export function emptyResult(): PartResult {
  return { metrics: {}, rows: [], notes: [] };
}

export function notAvailable(part: string, why: string): PartResult {
  return { metrics: {}, rows: [], notes: [`${part}: not available yet (${why})`] };
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of nothing");
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Milliseconds one call takes: `cpu` is this process's CPU time (user + system, all its threads),
 * which other load on a shared machine does not inflate; `wall` is elapsed time. On an idle machine
 * they agree within a few percent for this single-threaded work.
 */
export async function timed(f: () => unknown): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** Elapsed milliseconds of one call. */
export async function timeMs(f: () => unknown): Promise<number> {
  return (await timed(f)).wall;
}

/** Round to `digits` decimals, for results.json. */
export function round(x: number, digits = 2): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

export function fmtBytes(b: number): string {
  return b >= 1024 * 1024
    ? `${(b / 1024 / 1024).toFixed(2)} MB`
    : b >= 1024
      ? `${(b / 1024).toFixed(1)} KB`
      : `${b} B`;
}

/** A fixed-seed PRNG (mulberry32), so every run measures the same school. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The table as aligned text (also used, with pipes, for the Markdown in docs/benchmarks.md). */
export function table(rows: readonly Row[], markdown = false): string {
  const head = ["part", "measure", "N", "value", "target", "met"];
  const body = rows.map((r) => [
    r.part,
    r.measure,
    r.n === null ? "" : String(r.n),
    r.value,
    r.target,
    r.ok === null ? "" : r.ok ? "yes" : "NO",
  ]);
  if (markdown) {
    const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
    return [line(head), line(head.map(() => "---")), ...body.map(line)].join("\n");
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

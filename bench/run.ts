/**
 * `npm run bench`: every part in turn (core, cli, libs, gas, excel, bundles), one flat object of named
 * numbers in bench/results.json, and a table on stdout. Not part of `npm test`.
 *
 * Usage: npm run bench [-- PART...]   e.g. `npm run bench -- core gas` runs only those parts and
 * merges their numbers into the existing results.json.
 */
import { readFile, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { cliPart } from "./cli.js";
import { corePart } from "./core.js";
import { bundlesPart } from "./bundles.js";
import { excelPart } from "./excel.js";
import { gasPart } from "./gas.js";
import { libsPart } from "./libs.js";
import { personFilesPart } from "./person-files.js";
import { fmtMs, table, timeMs, type Part, type Row } from "./util.js";

const PARTS: Part[] = [corePart, cliPart, libsPart, gasPart, excelPart, bundlesPart, personFilesPart];
const RESULTS = new URL("./results.json", import.meta.url);

async function previous(): Promise<Record<string, number>> {
  try {
    return JSON.parse(await readFile(RESULTS, "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((p) => !PARTS.some((x) => x.name === p));
  if (unknown.length > 0) {
    process.stderr.write(
      `bench: unknown part ${unknown.join(", ")} (parts: ${PARTS.map((p) => p.name).join(", ")})\n`,
    );
    process.exit(2);
  }
  const chosen = only.length > 0 ? PARTS.filter((p) => only.includes(p.name)) : PARTS;
  // A partial run keeps the other parts' numbers; a full run starts afresh.
  const prefixes = chosen.map((p) => `${p.prefix}.`);
  const kept = only.length > 0 ? Object.entries(await previous()) : [];
  const metrics: Record<string, number> = Object.fromEntries(
    kept.filter(([k]) => !prefixes.some((x) => k.startsWith(x))),
  );
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const p of chosen) {
    process.stderr.write(`bench: ${p.name}...`);
    let result = { metrics: {}, rows: [] as Row[], notes: [] as string[] };
    const ms = await timeMs(async () => (result = await p.run()));
    process.stderr.write(` ${fmtMs(ms)}\n`);
    Object.assign(metrics, result.metrics);
    rows.push(...result.rows);
    notes.push(...result.notes);
  }
  const sorted = Object.fromEntries(Object.entries(metrics).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(RESULTS, `${JSON.stringify(sorted, null, 2)}\n`);
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(`Machine: ${cpus().length} cores, ${cpu}, Node ${process.version}\n`);
  console.log(table(rows));
  if (notes.length > 0) console.log(`\n${notes.map((n) => `- ${n}`).join("\n")}`);
  if (process.env.BENCH_MARKDOWN) console.log(`\n${table(rows, true)}`);
  console.log(`\nWrote ${Object.keys(sorted).length} numbers to bench/results.json`);
}

await main();

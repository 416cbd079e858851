// `ladder --help` and argument errors do not load the .xlsx package layer: the built CLI still
// answers them with every lazily loaded chunk deleted, and those chunks are where the layer is.
// `ladder --help` goes further: the entry file alone answers it (the command table is light and
// each command's code is imported when it runs). How fast it starts is measured in bench/cli.ts.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, runCli, tempDir } from "./run.js";

let cli: string;
let lazy: string[];
let dir: string;

/** Chunks the entry imports statically (transitively); every other chunk is loaded on demand. */
function staticChunks(folder: string, file: string, seen = new Set<string>()): Set<string> {
  const code = readFileSync(join(folder, file), "utf8");
  for (const m of code.matchAll(/^(?:import|export)\b[^;]*?from\s*"\.\/(?:chunks\/)?([^"]+)"/gms)) {
    const name = m[1]!;
    if (seen.has(name)) continue;
    seen.add(name);
    staticChunks(join(folder, "chunks"), name, seen);
  }
  return seen;
}

/** Text that is only in the package layer's code. */
const LAYER = [
  "class XmlScanner",
  "function readZip",
  "function readSheet",
  "function sheetXml",
  "inflateSync",
];

beforeAll(() => {
  const built = buildCli("startup");
  dir = tempDir("startup");
  // A copy without the chunks that hold the package layer.
  const folder = join(dir, "cli");
  cpSync(dirname(built), folder, { recursive: true });
  cli = join(folder, "ladder.js");
  const all = readdirSync(join(folder, "chunks"));
  const needed = staticChunks(folder, "ladder.js");
  lazy = all.filter((c) => {
    const code = readFileSync(join(folder, "chunks", c), "utf8");
    return LAYER.some((m) => code.includes(m));
  });
  expect(lazy.filter((c) => needed.has(c))).toEqual([]);
  for (const c of lazy) rmSync(join(folder, "chunks", c));
});

describe("start-up without the package layer", () => {
  it("the package layer (zip, XML, sheet reader and writer) is only in lazily loaded chunks", () => {
    expect(lazy.length).toBeGreaterThan(0);
    const folder = dirname(cli);
    const loaded = [
      readFileSync(cli, "utf8"),
      ...readdirSync(join(folder, "chunks")).map((c) => readFileSync(join(folder, "chunks", c), "utf8")),
    ].join("\n");
    for (const marker of LAYER) expect(loaded).not.toContain(marker);
  });

  it.each([
    [["--help"], 0, /^Usage: ladder <command>/],
    [["rollup", "--help"], 0, /^Usage: ladder rollup FILE/],
    [["new", "--help"], 0, /^Usage:\n {2}ladder new FILE/],
    [[], 2, /Usage: ladder <command>/],
    [["rolup", "x.xlsx"], 2, /'rolup' is not a command\. Did you mean 'rollup'\?/],
    [["rollup"], 2, /Missing FILE/],
    [["rollup", "x.xlsx", "--nme"], 2, /--nme is not an option/],
    [["new", "x.xlsx", "--template", "leadership-ladder"], 2, /--name is required/],
    [["rollup", "notes.txt"], 2, /must end in \.xlsx/],
  ] as const)("ladder %j answers (exit %i) without it", (args, code, message) => {
    const r = runCli(cli, dir, args);
    expect(r.code).toBe(code);
    expect(code === 0 ? r.stdout : r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find module/);
  });

  it("ladder --help, ladder help and a mistyped command answer from the entry and its few static chunks alone", () => {
    const alone = join(dir, "alone");
    mkdirSync(join(alone, "chunks"), { recursive: true });
    const entry = join(alone, "ladder.js");
    cpSync(cli, entry);
    const folder = dirname(cli);
    let bytes = readFileSync(cli).length;
    for (const c of staticChunks(folder, "ladder.js")) {
      cpSync(join(folder, "chunks", c), join(alone, "chunks", c));
      bytes += readFileSync(join(folder, "chunks", c)).length;
    }
    // The command table, argument words and error handling: no command, core or template code.
    expect(bytes).toBeLessThan(20_000);
    for (const [args, code, message] of [
      [["--help"], 0, /^Usage: ladder <command>[\s\S]*rollup +write or refresh the school summary/],
      [["help"], 0, /^Usage: ladder <command>/],
      [["--version"], 0, /^\d+\.\d+\.\d+/],
      [["chek"], 2, /'chek' is not a command\. Did you mean 'check'\?/],
    ] as const) {
      const r = runCli(entry, dir, [...args]);
      expect(r.code, args.join(" ")).toBe(code);
      expect(code === 0 ? r.stdout : r.stderr).toMatch(message);
    }
    // A command's own help does need its code: what is loaded at start really is only the table.
    expect(runCli(entry, dir, ["new", "--help"]).stderr).toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND/);
  });

  it("reading a workbook does need it (so the test above proves something)", () => {
    const r = runCli(cli, dir, ["check", "missing.xlsx"]);
    expect(r.code).not.toBe(0);
    const real = runCli(cli, dir, ["demo", "d.xlsx"]);
    expect(real.stderr).toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND|internal error/);
  });
});

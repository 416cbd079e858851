/**
 * Bundle sizes: the Apps Script server bundle (dist/apps-script/Code.js, target < 300 KB), the
 * sidebar HTML (dist/apps-script/*.html) and the Excel task pane (dist/office-addin/taskpane.html,
 * which carries its script inlined).
 * Each is built with its own npm script when package.json has one (gas:build, excel:build); a
 * missing script or file is reported as missing, and its key is left out of results.json.
 */
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { emptyResult, fmtBytes, type Part, type PartResult } from "./util.js";

const run = promisify(execFile);
const ROOT = new URL("..", import.meta.url).pathname;
const TARGET_GAS_BYTES = 300 * 1024;

interface Bundle {
  key: string;
  label: string;
  script: string;
  dir: string;
  /** Which files in dir count. */
  match: (file: string) => boolean;
  target?: number;
}

const BUNDLES: Bundle[] = [
  {
    key: "gas",
    label: "Apps Script server (Code.js)",
    script: "gas:build",
    dir: "dist/apps-script",
    match: (f) => f === "Code.js",
    target: TARGET_GAS_BYTES,
  },
  {
    key: "sidebar",
    label: "Sheets sidebar HTML",
    script: "gas:build",
    dir: "dist/apps-script",
    match: (f) => f.endsWith(".html"),
  },
  {
    key: "excel",
    label: "Excel task pane (taskpane.html, script and styles inlined)",
    script: "excel:build",
    dir: "dist/office-addin",
    match: (f) => f === "taskpane.html",
  },
];

async function scripts(): Promise<Record<string, string>> {
  const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  return pkg.scripts ?? {};
}

async function files(dir: string): Promise<string[]> {
  try {
    return (await readdir(join(ROOT, dir), { recursive: true })).map(String);
  } catch {
    return [];
  }
}

export const bundlesPart: Part = {
  name: "bundles",
  prefix: "bundle",
  async run(): Promise<PartResult> {
    const out = emptyResult();
    const have = await scripts();
    const built = new Map<string, string | null>(); // script -> error, or null when it built
    for (const b of BUNDLES) {
      if (!(b.script in have)) {
        out.notes.push(`bundles: ${b.label}: missing (no \`npm run ${b.script}\` in package.json yet)`);
        continue;
      }
      if (!built.has(b.script)) {
        try {
          await run("npm", ["run", "-s", b.script], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
          built.set(b.script, null);
        } catch (e) {
          built.set(b.script, e instanceof Error ? e.message.split("\n")[0]! : String(e));
        }
      }
      const err = built.get(b.script);
      if (err) {
        out.notes.push(`bundles: ${b.label}: \`npm run ${b.script}\` failed (${err})`);
        continue;
      }
      const found = (await files(b.dir)).filter((f) => b.match(f.split("/").pop()!));
      if (found.length === 0) {
        out.notes.push(
          `bundles: ${b.label}: missing (\`npm run ${b.script}\` wrote no matching file in ${b.dir})`,
        );
        continue;
      }
      let bytes = 0;
      let gz = 0;
      for (const f of found) {
        const data = await readFile(join(ROOT, b.dir, f));
        bytes += data.length;
        gz += gzipSync(data).length;
      }
      out.metrics[`bundle.${b.key}.bytes`] = bytes;
      out.metrics[`bundle.${b.key}.gzip.bytes`] = gz;
      out.rows.push({
        part: "bundle",
        measure: `${b.label}: ${found.map((f) => `${b.dir}/${f}`).join(", ")} (gzip ${fmtBytes(gz)})`,
        n: null,
        value: fmtBytes(bytes),
        target: b.target !== undefined ? `< ${fmtBytes(b.target)}` : "",
        ok: b.target !== undefined ? bytes < b.target : null,
      });
    }
    return out;
  },
};

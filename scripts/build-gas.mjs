/**
 * Build the Google Sheets add-on into dist/apps-script/, the folder clasp pushes:
 *   Code.js          apps-script/main.ts bundled by esbuild as one IIFE (global `LadderSheets`), then one
 *                    top-level `function name() {...}` stub per export. Apps Script's menus, triggers
 *                    and google.script.run call only top-level function declarations, and esbuild keeps
 *                    no unreferenced top-level functions, so the globals are declared here explicitly,
 *                    from the bundle's actual exports.
 *   Sidebar.html     the shared panel (ui/main-sheets.ts) as one page, script and styles inlined.
 *   appsscript.json  V8, exactly the three OAuth scopes the add-on needs and the two advanced services (docs/apps-script.md says why).
 *
 * With --bound, the same three files go to dist/apps-script-bound/, built from apps-script/bound.ts:
 * the script of a template spreadsheet ("Make a copy" installs it), whose onOpen adds a menu of its
 * own to the menu bar. Its appsscript.json is the same (the same three scopes and advanced services, no addOns section: an
 * Editor add-on needs none, and a bound script must not have one). docs/install.md has the steps.
 *
 * clasp 3 does not compile TypeScript, so it pushes this output. Any other file in the folder is
 * removed, so a file dropped from the build is never pushed by mistake; each file is written to a
 * temporary name and renamed, so a reader (a test, clasp) never sees a half-written one.
 *
 *   node scripts/build-gas.mjs          (npm run gas:build)
 *   node scripts/build-gas.mjs --bound  (npm run gas:build -- --bound)
 */
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import * as esbuild from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = resolve(ROOT, "dist/apps-script");
const ADDON_OUT_DIR = OUT_DIR;
export const BOUND_OUT_DIR = resolve(ROOT, "dist/apps-script-bound");
export const GLOBAL_NAME = "LadderSheets";

export const SCOPES = [
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/script.container.ui",
  // One file per person: only the files this add-on creates (or the user opens with it), through the
  // advanced Sheets and Drive services below; non-sensitive (docs/apps-script.md says which calls).
  "https://www.googleapis.com/auth/drive.file",
];

/** The advanced services the per-person flow calls (apps-script/person-files.ts). */
export const ADVANCED_SERVICES = [
  { userSymbol: "Sheets", serviceId: "sheets", version: "v4" },
  { userSymbol: "Drive", serviceId: "drive", version: "v3" },
];

export const MANIFEST = {
  timeZone: "Etc/UTC",
  dependencies: { enabledAdvancedServices: ADVANCED_SERVICES },
  exceptionLogging: "STACKDRIVER",
  runtimeVersion: "V8",
  oauthScopes: SCOPES,
};

/** The bound script's manifest: the add-on's, unchanged (docs/install.md lists the scopes). */
export const BOUND_MANIFEST = { ...MANIFEST };

/** Names exported by the bundle: evaluate it in an empty context (it must call no service at load). */
function exportedNames(code) {
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext(`${code}\n;globalThis.__names = Object.keys(${GLOBAL_NAME});`, context);
  return [...context.__names].sort();
}

async function bundleServer(bound) {
  const result = await esbuild.build({
    entryPoints: [resolve(ROOT, bound ? "apps-script/bound.ts" : "apps-script/main.ts")],
    bundle: true,
    format: "iife",
    globalName: GLOBAL_NAME,
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2019",
    charset: "utf8",
    legalComments: "none",
    // Minified to stay well under the 300 KB budget (Apps Script loads the whole file on every
    // call); keepNames keeps function names, so Apps Script's execution log still shows readable
    // stack traces.
    minify: true,
    keepNames: true,
    write: false,
    logLevel: "warning",
  });
  const code = result.outputFiles[0].text;
  const names = exportedNames(code);
  for (const n of names)
    if (!/^[A-Za-z_$][\w$]*$/.test(n)) throw new Error(`export '${n}' is not a valid global name`);
  const stubs = names.map(
    (n) => `function ${n}() {\n  return ${GLOBAL_NAME}.${n}.apply(this, arguments);\n}`,
  );
  const header = bound
    ? "// ladder-sheets: the Leadership Ladder script of a template spreadsheet. Built by scripts/build-gas.mjs --bound from apps-script/; do not edit.\n"
    : "// ladder-sheets: the Google Sheets add-on. Built by scripts/build-gas.mjs from apps-script/; do not edit.\n";
  const text = `${header}${code}\n// The globals Apps Script calls (menus, triggers, google.script.run).\n${stubs.join("\n")}\n`;
  if (/\beval\s*\(|new\s+Function\s*\(/.test(text))
    throw new Error("Code.js must not contain eval or new Function.");
  return { text, names };
}

async function sidebarHtml() {
  const { buildPanelHtml } = await import("../ui/build.mjs");
  return buildPanelHtml({ entry: "ui/main-sheets.ts", title: "Leadership Ladder", csp: { mode: "runtime" } });
}

export async function buildGas({ quiet = false, bound = false } = {}) {
  const [{ text, names }, html] = await Promise.all([bundleServer(bound), sidebarHtml()]);
  const files = {
    "Code.js": text,
    "Sidebar.html": html,
    "appsscript.json": `${JSON.stringify(bound ? BOUND_MANIFEST : MANIFEST, null, 2)}\n`,
  };
  const OUT_DIR = bound ? BOUND_OUT_DIR : ADDON_OUT_DIR;
  await mkdir(OUT_DIR, { recursive: true });
  for (const [name, body] of Object.entries(files)) {
    const tmp = resolve(OUT_DIR, `.${name}.${process.pid}.tmp`);
    await writeFile(tmp, body);
    await rename(tmp, resolve(OUT_DIR, name));
  }
  for (const name of await readdir(OUT_DIR))
    if (!(name in files) && !name.endsWith(".tmp"))
      await rm(resolve(OUT_DIR, name), { recursive: true, force: true });
  if (!quiet) {
    const kb = (s) => `${(Buffer.byteLength(s) / 1024).toFixed(0)} KB`;
    const dir = bound ? "dist/apps-script-bound" : "dist/apps-script";
    console.log(`${dir}/Code.js       ${kb(text)}  globals: ${names.join(", ")}`);
    console.log(`${dir}/Sidebar.html  ${kb(html)}`);
    console.log(`${dir}/appsscript.json`);
    if (bound)
      console.log("Next: put these three files in the template spreadsheet's script (docs/install.md).");
  }
  return { names };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const unknown = argv.filter((a) => a !== "--bound");
  if (unknown.length) {
    console.error(`gas:build: ${unknown[0]} is not an option; the only one is --bound.`);
    process.exit(2);
  }
  await buildGas({ bound: argv.includes("--bound") });
}

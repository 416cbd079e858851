/**
 * Push dist/apps-script to an Apps Script project with clasp 3 (which pushes files as they are: it
 * no longer compiles TypeScript, so run `npm run gas:build` first; `npm run gas:deploy` does both
 * after `npm run check`).
 *
 *   node scripts/gas-push.mjs          uses .clasp.json        (copy .clasp.json.example)
 *   node scripts/gas-push.mjs dev      uses .clasp-dev.json    (copy .clasp-dev.json.example)
 *   node scripts/gas-push.mjs prod     uses .clasp-prod.json   (copy .clasp-prod.json.example)
 *
 * Each project file names a scriptId and `"rootDir": "dist/apps-script"`. The push uses --force so
 * the built appsscript.json (with its two scopes) always replaces the remote manifest. clasp runs
 * through node directly, so a missing execute bit on node_modules/.bin/clasp does not matter.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const env = process.argv[2];
if (env !== undefined && !/^[a-z]+$/.test(env)) {
  console.error(
    `gas:push: '${env}' is not an environment name (use dev or prod, or nothing for .clasp.json).`,
  );
  process.exit(2);
}
const file = env ? `.clasp-${env}.json` : ".clasp.json";
const project = resolve(ROOT, file);
if (!existsSync(project)) {
  console.error(
    `gas:push: ${file} is missing. Copy ${file}.example to ${file} and put your script's id in it (docs/apps-script.md, step 4).`,
  );
  process.exit(2);
}
const config = JSON.parse(readFileSync(project, "utf8"));
if (!config.scriptId || /your-script-id/i.test(config.scriptId)) {
  console.error(`gas:push: ${file} has no scriptId yet (docs/apps-script.md, step 4).`);
  process.exit(2);
}
if (resolve(ROOT, config.rootDir ?? ".") !== resolve(ROOT, "dist/apps-script")) {
  console.error(
    `gas:push: ${file} must say "rootDir": "dist/apps-script", so only the built add-on is pushed.`,
  );
  process.exit(2);
}
if (!existsSync(resolve(ROOT, "dist/apps-script/Code.js"))) {
  console.error("gas:push: dist/apps-script is empty: run npm run gas:build first.");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const pkg = require.resolve("@google/clasp/package.json");
const { bin } = JSON.parse(readFileSync(pkg, "utf8"));
const claspBin = resolve(dirname(pkg), typeof bin === "string" ? bin : bin.clasp);
const r = spawnSync(process.execPath, [claspBin, "--project", project, "push", "--force"], {
  stdio: "inherit",
  cwd: ROOT,
});
process.exit(r.status ?? 1);

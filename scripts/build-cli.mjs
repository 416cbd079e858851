// Bundles the command line (cli/ladder.ts + core + templates JSON + the .xlsx package layer and
// its small dependencies, zod and fflate) into dist/cli/ladder.js, an ES module for Node with a
// shebang, so `npx ladder` works after `npm install`.
//
// Start-up: the entry chunk holds the commands, core and argument parsing; the package layer
// (xlsx/: zip, XML, reading and writing sheets) is a separate chunk that cli/xlsx/ imports on
// first use, so `ladder --help` and argument errors never load it. Dependencies are bundled in,
// not resolved from node_modules at start (resolving zod's many ES modules cost more than parsing
// the whole bundle).
import { chmodSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { build } from "esbuild";

// An optional argument names another output file (the end-to-end tests build their own copy).
const outfile = process.argv[2] ?? "dist/cli/ladder.js";
const outdir = dirname(outfile);
rmSync(join(outdir, "chunks"), { recursive: true, force: true });
await build({
  entryPoints: { [basename(outfile, ".js")]: "cli/ladder.ts" },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  banner: { js: "#!/usr/bin/env node" },
  legalComments: "none",
  logLevel: "warning",
});
chmodSync(outfile, 0o755);

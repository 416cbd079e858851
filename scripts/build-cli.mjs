// Bundles the command line (cli/ladder.ts + core + templates JSON) into dist/cli/ladder.js, an ES
// module for Node with a shebang, so `npx ladder` works after `npm install`. Dependencies
// (exceljs, jszip, zod) stay external: they are installed with the package, and bundling ExcelJS's
// CommonJS into ESM breaks its dynamic requires.
import { chmodSync } from "node:fs";
import { build } from "esbuild";

// An optional argument names another output file (the end-to-end tests build their own copy).
const outfile = process.argv[2] ?? "dist/cli/ladder.js";
await build({
  entryPoints: ["cli/ladder.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  banner: { js: "#!/usr/bin/env node" },
  legalComments: "none",
  logLevel: "warning",
});
chmodSync(outfile, 0o755);

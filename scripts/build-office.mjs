// Builds the Excel add-in into dist/office-addin/ (what office-addin/manifest.xml points at):
//   taskpane.html  the shared panel + office-addin/main.ts, one self-contained page (ui/build.mjs),
//                  loading Office.js from Microsoft's CDN as released add-ins must, under a strict
//                  Content-Security-Policy (scripts: our own hash + the Office.js origin only);
//   commands.html  the manifest's FunctionFile (required by the ribbon button; does nothing else);
//   support.html   the manifest's SupportUrl; assets/ (the icons) copied as they are;
//   manifest.xml   office-addin/manifest.xml as it is (https://localhost:3000, for excel:start and
//                  excel:serve), or, with --base-url https://..., the manifest for that address
//                  (scripts/office-manifest.mjs), checked offline against the built files: a school
//                  copies the folder to its HTTPS host and uploads that manifest in the admin centre.
// It refuses to write a bundle that contains eval or new Function (issue 7's guarantee).
//
//   node scripts/build-office.mjs                                        (npm run excel:build)
//   node scripts/build-office.mjs --base-url https://example.org/ladder/ (npm run excel:build -- --base-url ...)
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { buildPanelHtml, REPO_ROOT } from "../ui/build.mjs";
import { checkManifest, manifestFor, manifestShape, normaliseBaseUrl } from "./office-manifest.mjs";

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_ORIGIN = "https://appsforoffice.microsoft.com";
export const OUT = resolve(REPO_ROOT, "dist/office-addin");

// Styles: Office.js on Excel on the web writes inline <style> elements and style attributes of its
// own into the task pane (OfficeDev/office-js#1687: a pane whose style-src allowed only a hash
// failed to load there), so style-src is 'unsafe-inline'. A style cannot run code; scripts stay
// limited to our own hash and Office.js's origin, and inline handlers stay forbidden.
const csp = {
  scriptSrc: [OFFICE_ORIGIN],
  connectSrc: [OFFICE_ORIGIN],
  frameSrc: [OFFICE_ORIGIN],
  styleInline: true,
};

function staticPage(title, body, scripts = []) {
  const policy = `default-src 'none'; script-src ${OFFICE_ORIGIN} 'self'; script-src-attr 'none'; style-src 'none'; object-src 'none'; base-uri 'none'`;
  return [
    "<!doctype html>",
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><title>${title}</title>`,
    ...scripts.map((s) => `<script src="${s}"></script>`),
    "</head>",
    `<body>${body}</body>`,
    "</html>",
    "",
  ].join("\n");
}

/**
 * Build the add-in into `out` (default dist/office-addin). With `baseUrl`, the manifest is the one for
 * that address and the build throws (nothing half-checked is left as manifest.xml) when the offline
 * check finds a problem.
 * @param {{ out?: string, baseUrl?: string }} [opts]
 */
export async function buildOffice({ out = OUT, baseUrl } = {}) {
  const base = baseUrl === undefined ? undefined : normaliseBaseUrl(baseUrl);
  await mkdir(resolve(out, "assets"), { recursive: true });
  // A failed build must not leave an earlier build's manifest (for another address) behind.
  await rm(resolve(out, "manifest.xml"), { force: true });
  const html = await buildPanelHtml({
    entry: "office-addin/main.ts",
    title: "Leadership Ladder",
    extraHead: `<script src="${OFFICE_JS}"></script>`,
    csp,
  });
  if (/\beval\s*\(|new\s+Function\s*\(/.test(html))
    throw new Error("The task pane bundle contains eval or new Function.");
  await writeFile(resolve(out, "taskpane.html"), html);
  await writeFile(resolve(out, "commands.js"), "Office.onReady(function () {});\n");
  await writeFile(
    resolve(out, "commands.html"),
    staticPage("Leadership Ladder commands", "", [OFFICE_JS, "commands.js"]),
  );
  await writeFile(
    resolve(out, "support.html"),
    staticPage(
      "Leadership Ladder help",
      "<h1>Leadership Ladder</h1><p>Open the add-in from Home &gt; Leadership Ladder. See docs/excel.md in the ladder-sheets repository for setup and troubleshooting.</p>",
    ),
  );
  for (const n of [16, 32, 64, 80])
    await copyFile(
      resolve(REPO_ROOT, `office-addin/assets/icon-${n}.png`),
      resolve(out, `assets/icon-${n}.png`),
    );
  const dev = await readFile(resolve(REPO_ROOT, "office-addin/manifest.xml"), "utf8");
  let manifest = dev;
  if (base !== undefined) {
    const pkg = JSON.parse(await readFile(resolve(REPO_ROOT, "package.json"), "utf8"));
    manifest = manifestFor(dev, base, pkg.version);
    const problems = await checkManifest(manifest, { baseUrl: base, dir: out });
    if (manifestShape(manifest) !== manifestShape(dev))
      problems.push("It differs from office-addin/manifest.xml in more than its URLs and Version.");
    if (problems.length)
      throw new Error(
        `The manifest for ${base} has ${problems.length} problem(s):\n  ${problems.join("\n  ")}`,
      );
  }
  await writeFile(resolve(out, "manifest.xml"), manifest);
  return { taskpaneBytes: html.length, baseUrl: base ?? null };
}

/** `--base-url URL` or `--base-url=URL` from the command line; undefined when absent. */
function baseUrlArg(argv) {
  const at = argv.findIndex((a) => a === "--base-url" || a.startsWith("--base-url="));
  if (at < 0) return undefined;
  const value = argv[at].includes("=") ? argv[at].slice("--base-url=".length) : argv[at + 1];
  if (!value || value.startsWith("--"))
    throw new Error("--base-url needs the https:// address the files will be served from.");
  return value;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(REPO_ROOT, "scripts/build-office.mjs")) {
  const argv = process.argv.slice(2);
  const unknown = argv.filter(
    (a, i) => a !== "--base-url" && !a.startsWith("--base-url=") && argv[i - 1] !== "--base-url",
  );
  try {
    if (unknown.length)
      throw new Error(
        unknown[0].startsWith("-")
          ? `${unknown[0]} is not an option; the only one is --base-url https://...`
          : `'${unknown[0]}' is not an option. To build for an address, write --base-url ${/^https?:/i.test(unknown[0]) ? unknown[0] : `https://${unknown[0]}`}.`,
      );
    const { taskpaneBytes, baseUrl } = await buildOffice({ baseUrl: baseUrlArg(argv) });
    console.log(`dist/office-addin/taskpane.html  ${(taskpaneBytes / 1024).toFixed(0)} KB`);
    if (baseUrl) {
      console.log(
        `dist/office-addin/manifest.xml   for ${baseUrl} (checked offline: parses, https only, every file it names is here)`,
      );
      console.log(
        `Next: copy everything in dist/office-addin/ to ${baseUrl}, then upload dist/office-addin/manifest.xml`,
      );
      console.log("in the Microsoft 365 admin centre (docs/install.md, 'Excel: the whole school').");
    } else
      console.log("dist/office-addin/manifest.xml   for https://localhost:3000 (excel:start, excel:serve)");
  } catch (e) {
    console.error(`excel:build: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
}

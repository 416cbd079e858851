/**
 * Build the panel into ONE self-contained HTML page (script and CSS inlined), as Apps Script's
 * HtmlService needs and as the Excel task pane and the preview are happy with.
 *
 *   import { buildPanelHtml } from "./ui/build.mjs";
 *   const html = await buildPanelHtml({ entry: "ui/main-sheets.ts", title: "Leadership Ladder", csp: { mode: "runtime" } });
 *
 * Options:
 *   entry      a TypeScript entry (relative to the repo root, or absolute) that mounts the panel into
 *              <div id="app">; esbuild bundles it with every CSS file it imports.
 *   title      the page title.
 *   extraHead  HTML added at the end of <head> (for example Office.js's <script src>). Inline
 *              <script> blocks in it are hashed into the policy automatically.
 *   csp        { mode, scriptSrc, styleSrc, connectSrc, imgSrc, fontSrc, frameSrc } (extra sources,
 *              each a string array), and styleInline: true for a host whose own library writes
 *              inline styles (style-src 'unsafe-inline' instead of our style's hash: a hash in the
 *              list would make browsers ignore 'unsafe-inline'). Scripts stay hash-only.
 *
 * The Content-Security-Policy decision:
 *   mode "hash" (default; the preview and the Excel task pane): a <meta> policy with
 *     default-src 'none', script-src and style-src allowing only the SHA-256 of our own inline
 *     <script> and <style> (plus any extra sources the host needs), script-src-attr 'none'
 *     (no inline event handlers, ever), object-src and base-uri 'none'. Element.style set from
 *     script (CSSOM) is still allowed, which is all the panel uses for colours.
 *   mode "runtime" (Apps Script): no <meta> policy in the file. HtmlService ignores <meta> tags
 *     written in the HTML file (only addMetaTag's short allow-list gets through) and wraps our
 *     inline script in Google's own sandboxed frame with its own scripts, so neither a hash nor a
 *     nonce can be pinned there. Instead mountPanel inserts, before it shows any data, a policy
 *     "script-src-attr 'none'; object-src 'none'; base-uri 'none'" (ui/panel/csp.ts): every inline
 *     handler from data (the <img onerror> kind) is refused, while script elements are untouched.
 *   Either way the panel writes untrusted text only with textContent, never innerHTML, so the
 *   policy is a second wall, not the first; test/ui checks both.
 *
 * For Apps Script, load the file with HtmlService.createHtmlOutputFromFile (not a template: a
 * template would read "<?" in the bundle as a scriptlet).
 */
import { createHash } from "node:crypto";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function sha256(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Bundle `entry` and return its JS and CSS as strings. */
export async function bundlePanel(entry) {
  const result = await esbuild.build({
    entryPoints: [isAbsolute(entry) ? entry : resolve(REPO_ROOT, entry)],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["chrome100", "edge100", "firefox100", "safari15"],
    minify: true,
    legalComments: "none",
    write: false,
    outdir: resolve(REPO_ROOT, "dist/ui-virtual"),
    logLevel: "silent",
  });
  const js = result.outputFiles
    .filter((f) => f.path.endsWith(".js"))
    .map((f) => f.text)
    .join("\n");
  const css = result.outputFiles
    .filter((f) => f.path.endsWith(".css"))
    .map((f) => f.text)
    .join("\n");
  if (/<\/script/i.test(js))
    throw new Error(`${entry}: the bundle contains "</script", which would end the inline script.`);
  if (/<\/style/i.test(css))
    throw new Error(`${entry}: the CSS contains "</style", which would end the inline style.`);
  return { js, css };
}

function policy({ mode = "hash", styleInline = false, ...extra }, scriptHashes, styleHashes) {
  if (mode === "runtime") return null;
  if (mode !== "hash") throw new Error(`csp.mode must be "hash" or "runtime", not ${JSON.stringify(mode)}.`);
  const list = (own, more) => [...own, ...(more ?? [])].join(" ") || "'none'";
  return [
    "default-src 'none'",
    `script-src ${list(scriptHashes, extra.scriptSrc)}`,
    "script-src-attr 'none'",
    `style-src ${list(styleInline ? ["'unsafe-inline'"] : styleHashes, extra.styleSrc)}`,
    `img-src ${list(["data:"], extra.imgSrc)}`,
    `font-src ${list([], extra.fontSrc)}`,
    `connect-src ${list([], extra.connectSrc)}`,
    `frame-src ${list([], extra.frameSrc)}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * One self-contained HTML page for the panel entry.
 * @param {{ entry: string, title: string, extraHead?: string, csp?: { mode?: "hash" | "runtime", styleInline?: boolean, scriptSrc?: string[], styleSrc?: string[], connectSrc?: string[], imgSrc?: string[], fontSrc?: string[], frameSrc?: string[] } }} opts
 * @returns {Promise<string>}
 */
export async function buildPanelHtml({ entry, title, extraHead = "", csp = {} }) {
  const { js, css } = await bundlePanel(entry);
  const inlineScripts = [...extraHead.matchAll(/<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (m) => m[1],
  );
  const inlineStyles = [...extraHead.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]);
  const content = policy(csp, [js, ...inlineScripts].map(sha256), [css, ...inlineStyles].map(sha256));
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    content
      ? `<meta http-equiv="Content-Security-Policy" content="${content.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}">`
      : "",
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    extraHead,
    "</head>",
    "<body>",
    '<div id="app"></div>',
    `<script>${js}</script>`,
    "</body>",
    "</html>",
    "",
  ]
    .filter((l) => l !== "")
    .join("\n");
}

// `node ui/build.mjs` (npm run build:ui): write the sidebar and preview pages to dist/ui/ to look at.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { mkdir, writeFile } = await import("node:fs/promises");
  const out = resolve(REPO_ROOT, "dist/ui");
  await mkdir(out, { recursive: true });
  const pages = [
    ["sidebar.html", { entry: "ui/main-sheets.ts", title: "Leadership Ladder", csp: { mode: "runtime" } }],
    [
      "preview.html",
      { entry: "ui/main-preview.ts", title: "ladder-sheets preview", csp: { connectSrc: ["'self'"] } },
    ],
  ];
  for (const [name, opts] of pages) {
    const html = await buildPanelHtml(opts);
    await writeFile(resolve(out, name), html);
    console.log(`dist/ui/${name}  ${(html.length / 1024).toFixed(0)} KB`);
  }
}

// Builds the Excel add-in into dist/office-addin/ (what office-addin/manifest.xml points at):
//   taskpane.html  the shared panel + office-addin/main.ts, one self-contained page (ui/build.mjs),
//                  loading Office.js from Microsoft's CDN as released add-ins must, under a strict
//                  Content-Security-Policy (scripts: our own hash + the Office.js origin only);
//   commands.html  the manifest's FunctionFile (required by the ribbon button; does nothing else);
//   support.html   the manifest's SupportUrl; manifest.xml and assets/ copied as they are.
// It refuses to write a bundle that contains eval or new Function (issue 7's guarantee).
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { buildPanelHtml, REPO_ROOT } from "../ui/build.mjs";

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

export async function buildOffice() {
  await mkdir(resolve(OUT, "assets"), { recursive: true });
  const html = await buildPanelHtml({
    entry: "office-addin/main.ts",
    title: "Leadership Ladder",
    extraHead: `<script src="${OFFICE_JS}"></script>`,
    csp,
  });
  if (/\beval\s*\(|new\s+Function\s*\(/.test(html))
    throw new Error("The task pane bundle contains eval or new Function.");
  await writeFile(resolve(OUT, "taskpane.html"), html);
  await writeFile(resolve(OUT, "commands.js"), "Office.onReady(function () {});\n");
  await writeFile(
    resolve(OUT, "commands.html"),
    staticPage("Leadership Ladder commands", "", [OFFICE_JS, "commands.js"]),
  );
  await writeFile(
    resolve(OUT, "support.html"),
    staticPage(
      "Leadership Ladder help",
      "<h1>Leadership Ladder</h1><p>Open the add-in from Home &gt; Leadership Ladder. See docs/excel.md in the ladder-sheets repository for setup and troubleshooting.</p>",
    ),
  );
  await copyFile(resolve(REPO_ROOT, "office-addin/manifest.xml"), resolve(OUT, "manifest.xml"));
  for (const n of [16, 32, 64, 80])
    await copyFile(
      resolve(REPO_ROOT, `office-addin/assets/icon-${n}.png`),
      resolve(OUT, `assets/icon-${n}.png`),
    );
  return { taskpaneBytes: html.length };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(REPO_ROOT, "scripts/build-office.mjs")) {
  const { taskpaneBytes } = await buildOffice();
  console.log(`dist/office-addin/taskpane.html  ${(taskpaneBytes / 1024).toFixed(0)} KB`);
}

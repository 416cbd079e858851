// The add-in's local HTTPS dev server: serves dist/office-addin/ at https://localhost:3000 (the
// origin in office-addin/manifest.xml) with the Office development certificate from
// office-addin-dev-certs (installed and trusted on first use; it may ask for your password).
// `npm run excel:start` starts it through office-addin-debugging; `npm run excel:serve` alone.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:https";
import { extname, resolve, sep } from "node:path";
import { getHttpsServerOptions } from "office-addin-dev-certs";
import { OUT } from "./build-office.mjs";

const PORT = Number(process.env.PORT ?? 3000);
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "application/xml",
};

const server = createServer(await getHttpsServerOptions(), async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? "/", "https://localhost").pathname);
  const file = resolve(OUT, `.${path === "/" ? "/taskpane.html" : path}`);
  const info = file.startsWith(OUT + sep) ? await stat(file).catch(() => null) : null;
  if (!info?.isFile()) {
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    return;
  }
  res.writeHead(200, {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    "cache-control": "no-store",
  });
  createReadStream(file).pipe(res);
});
server.listen(PORT, "localhost", () =>
  console.log(`Serving dist/office-addin at https://localhost:${PORT}/taskpane.html`),
);

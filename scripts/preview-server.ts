/**
 * The preview server behind `npm run preview`: serves the panel beside an in-memory workbook (built
 * from ui/main-preview.ts on every page load, so edits show on reload) and turns the workbook into
 * an .xlsx with the command line's writer when the page asks (POST /api/xlsx with { specs }).
 *
 * What it does not do: keep any workbook (the page holds it), listen beyond this machine (127.0.0.1),
 * or answer other sites: the Host header must name this server, and the save must be a same-origin
 * JSON POST, so a web page elsewhere cannot use it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as z from "zod";
import type { SheetSpec } from "../core/sheet.js";
import { newBook, toBuffer } from "../cli/xlsx/book.js";
import { writeSheet } from "../cli/xlsx/write.js";
import { buildPanelHtml } from "../ui/build.mjs";

export const MAX_BODY = 20 * 1024 * 1024;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const list = z.array(z.unknown());
const specSchema = z.looseObject({
  name: z.string().min(1).max(100),
  marker: z.unknown(),
  values: z.array(z.array(cell)).max(20_000),
  formulas: list,
  styles: list,
  merges: z.array(z.string()),
  columnWidths: z.array(z.number()),
  frozenRows: z.number(),
  checkboxes: z.array(z.string()),
  validations: list,
  conditionalFormats: list,
  protectedRanges: list,
  notes: list,
  charts: list,
});
const saveSchema = z.object({ specs: z.array(specSchema).min(1).max(2000) });

export async function workbookBytes(body: unknown): Promise<Buffer> {
  const parsed = saveSchema.safeParse(body);
  if (!parsed.success)
    throw new Error(
      `The workbook sent is not in the expected shape: ${parsed.error.issues[0]?.message ?? ""}`,
    );
  const book = newBook();
  for (const spec of parsed.data.specs) writeSheet(book, spec as unknown as SheetSpec);
  return toBuffer(book);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("The workbook is too big to save from the preview."));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    "content-type": type,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    ...extra,
  });
  res.end(body);
}

export interface Preview {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Start the preview on 127.0.0.1:`port` (0 picks a free port). With `rebuild`, every page load
 * rebuilds the panel (edit, reload); otherwise the first build is kept (tests).
 */
export async function startPreview(port = 5173, opts: { rebuild?: boolean } = {}): Promise<Preview> {
  let origin = "";
  let page: Promise<string> | undefined;
  const build = (): Promise<string> =>
    buildPanelHtml({
      entry: "ui/main-preview.ts",
      title: "ladder-sheets preview",
      csp: { connectSrc: ["'self'"] },
    });
  const server = createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? "";
      const local = [`127.0.0.1:${new URL(origin).port}`, `localhost:${new URL(origin).port}`];
      if (!local.includes(host))
        return send(res, 403, "text/plain", "This preview only answers on this machine.");
      const path = new URL(req.url ?? "/", origin).pathname;
      if (req.method === "GET" && (path === "/" || path === "/index.html")) {
        if (opts.rebuild || !page) page = build();
        const html = await page.catch((e: unknown) => {
          page = undefined;
          throw e;
        });
        return send(res, 200, "text/html; charset=utf-8", html);
      }
      if (req.method === "POST" && path === "/api/xlsx") {
        const sameOrigin =
          req.headers.origin === undefined || local.some((h) => req.headers.origin === `http://${h}`);
        if (!sameOrigin || !/^application\/json\b/.test(req.headers["content-type"] ?? ""))
          return send(res, 403, "text/plain", "Save only from the preview page.");
        try {
          const bytes = await workbookBytes(JSON.parse(await readBody(req)) as unknown);
          return send(res, 200, XLSX_TYPE, bytes, {
            "content-disposition": 'attachment; filename="ladder-preview.xlsx"',
          });
        } catch (e) {
          return send(res, 400, "text/plain; charset=utf-8", e instanceof Error ? e.message : String(e));
        }
      }
      if (path === "/favicon.ico") return send(res, 204, "text/plain", "");
      return send(res, 404, "text/plain", "Not found.");
    })().catch((e: unknown) => {
      if (!res.headersSent)
        send(
          res,
          500,
          "text/plain; charset=utf-8",
          `The preview failed: ${e instanceof Error ? e.message : String(e)}`,
        );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${actual}`;
  return {
    url: `${origin}/`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

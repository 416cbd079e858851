/**
 * `npm run preview`: start the preview server (PORT, default 5173) and print its address.
 */
import { startPreview } from "./preview-server.js";

const port = Number(process.env.PORT ?? 5173);
startPreview(Number.isInteger(port) && port >= 0 ? port : 5173, { rebuild: true })
  .then((p) => {
    console.log(`ladder-sheets preview: ${p.url}`);
    console.log("Open it in a browser; press Ctrl+C to stop.");
  })
  .catch((e: unknown) => {
    const code = (e as { code?: string }).code;
    console.error(
      code === "EADDRINUSE"
        ? `Port ${port} is in use: try PORT=5174 npm run preview`
        : `The preview could not start: ${e instanceof Error ? e.message : String(e)}`,
    );
    process.exit(2);
  });

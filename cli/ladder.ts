/**
 * Entry point of `npx ladder`: run one command and set the exit code. Nothing else lives here.
 * A closed stdout (`ladder check x.xlsx | head`) is not an error.
 */
import { processIo } from "./io.js";
import { main } from "./main.js";

process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2), processIo());

/**
 * Runs the built command line as a user would: `node <bundle> args...` in a folder, capturing
 * stdout, stderr and the exit code. Each test file builds its own bundle (same script as
 * `npm run build:cli`, another output path) so parallel test files never share a half-written file.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");

export function buildCli(id: string): string {
  const out = join(ROOT, "dist", "test-cli", id, "ladder.js");
  execFileSync(process.execPath, ["scripts/build-cli.mjs", out], { cwd: ROOT, stdio: "pipe" });
  return out;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  cli: string,
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Run {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `ladder-${prefix}-`));
}

export function hasSoffice(): boolean {
  const r = spawnSync("soffice", ["--version"], { encoding: "utf8" });
  return r.status === 0;
}

/** Save a copy of `file` through LibreOffice (xlsx -> xlsx) into `outDir`; returns the new path. */
export function libreOfficeResave(file: string, outDir: string): string {
  execFileSync(
    "soffice",
    ["--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, file],
    {
      stdio: "ignore",
      timeout: 120_000,
    },
  );
  return join(outDir, file.split("/").pop()!);
}

/**
 * Every command's --help, pinned as a snapshot so a change to what people read is a reviewed change
 * (update with `npx vitest run test/cli/help.test.ts -u`). Run through the built CLI, as people do.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, runCli, tempDir, type Run } from "./run.js";

let cli: string;
let dir: string;
const ladder = (...args: string[]): Run => runCli(cli, dir, args);

beforeAll(() => {
  cli = buildCli("help");
  dir = tempDir("help");
});

const COMMANDS = ["demo", "new", "templates", "check", "rollup", "trust", "report"];

describe("--help", () => {
  it("the command list", () => {
    const r = ladder("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
  });

  it.each(COMMANDS)("ladder %s --help", (cmd) => {
    const r = ladder(cmd, "--help");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatchSnapshot();
  });

  it("every line of help fits a 100-column terminal and new --help mentions tab-separated lists", () => {
    for (const cmd of COMMANDS)
      for (const line of ladder(cmd, "--help").stdout.split("\n"))
        expect(line.length).toBeLessThanOrEqual(100);
    expect(ladder("new", "--help").stdout).toMatch(/separated by commas,\s+semicolons or tabs/);
  });
});

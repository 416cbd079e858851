/**
 * What the command line says when something is wrong or needs doing next (issue 15), through the
 * built CLI as a person runs it: each error once, prefixed with its command, in our own words (never
 * Node's), with the valid values where there are few; and every command it suggests is one that
 * runs as printed (paths with spaces quoted), which these tests prove by running it.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, ROOT, runCli, tempDir, type Run } from "./run.js";

let cli: string;
let dir: string;
const ladder = (...args: string[]): Run => runCli(cli, dir, args);
const FIXTURE = join(ROOT, "test", "fixtures", "school-original.xlsx");
const LADDER = ["--template", "leadership-ladder"];

beforeAll(() => {
  cli = buildCli("messages");
  dir = tempDir("messages");
});

/** The words of a printed command, with double-quoted arguments kept whole (as a shell reads them). */
function words(command: string): string[] {
  return [...command.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) =>
    m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2]!,
  );
}

/** Run a suggested `npx ladder ...` command exactly as printed. */
function runSuggested(command: string): Run {
  const [npx, name, ...args] = words(command);
  expect([npx, name]).toEqual(["npx", "ladder"]);
  return ladder(...args);
}

/** Every stderr line starts with its command's prefix, and no line is said twice. */
function expectOnceWithPrefix(r: Run, prefix: string): void {
  const lines = r.stderr.trimEnd().split("\n");
  const heads = lines.filter((l) => !l.startsWith("  "));
  for (const l of heads) expect(l.startsWith(`${prefix}: `)).toBe(true);
  expect(new Set(lines).size).toBe(lines.length);
}

describe("options", () => {
  it("an unknown option gets our words, not Node's, with the options and a near miss", () => {
    for (const [args, opt] of [
      [["new", "s.xlsx", "--nme", "Ann"], "--nme"],
      [["new", "s.xlsx", "-x"], "-x"],
      [["rollup", "s.xlsx", "--checkpiont", "Jul"], "--checkpiont"],
    ] as const) {
      const r = ladder(...args);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(
        new RegExp(`^ladder ${args[0]}: ${opt} is not an option of 'ladder ${args[0]}'\\.`),
      );
      expect(r.stderr).not.toMatch(/Unknown option|To specify a positional|ERR_PARSE_ARGS/);
      expect((r.stderr.match(/'/g) ?? []).length % 2).toBe(0); // quotes balanced
      expect(r.stderr).toMatch(/See: ladder \w+ --help\.\n$/);
    }
    expect(ladder("new", "s.xlsx", "--nme", "Ann").stderr).toContain("Did you mean '--name'?");
    expect(ladder("rollup", "s.xlsx", "--checkpiont", "Jul").stderr).toContain(
      "Did you mean '--checkpoint'? Its options are --json, --checkpoint, --out, --help.",
    );
  });

  it("'ladder help COMMAND' is that command's --help", () => {
    const r = ladder("help", "new");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(ladder("new", "--help").stdout);
    expect(ladder("help", "nwe").stderr).toMatch(/^ladder: 'nwe' is not a command\. Did you mean 'new'\?/);
  });

  it("a switch given a value, and an option missing its value, are each said once", () => {
    expect(ladder("check", "s.xlsx", "--json=yes").stderr).toBe(
      "ladder check: --json takes no value. See: ladder check --help.\n",
    );
    expect(ladder("new", "s.xlsx", "--template").stderr).toBe(
      "ladder new: --template needs a value after it. See: ladder new --help.\n",
    );
  });

  it("a second word of a name typed without quotes is pointed out", () => {
    const r = ladder("check", "s.xlsx", "--tab", "Grace", "Holloway");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `ladder check: Unexpected argument 'Holloway'. A name with spaces needs quotes round it, such as "Ann Lee". See: ladder check --help.\n`,
    );
    expect(ladder("check", "a.xlsx", "b.xlsx").stderr).toBe(
      "ladder check: Unexpected argument 'b.xlsx'. See: ladder check --help.\n",
    );
  });

  it("a checkpoint, a template or a command that does not exist lists the ones that do", () => {
    expect(ladder("rollup", "s.xlsx", "--checkpoint", "Dec").stderr).toBe(
      "ladder rollup: --checkpoint must be one of Sep, Mid, Jul, not 'Dec'.\n",
    );
    const t = ladder("new", "s.xlsx", "--template", "leadership-ladr", "--name", "Ann", "--band", "3");
    expect(t.stderr).toMatch(
      /^ladder new: There is no template called 'leadership-ladr'\. Did you mean 'leadership-ladder'\? Templates: .*leadership-ladder.*\.\n$/,
    );
    expect(ladder("rolup").stderr).toMatch(/^ladder: 'rolup' is not a command\. Did you mean 'rollup'\?/);
  });
});

describe("new", () => {
  it("--band 99 is said once, with the seven bands one per line", () => {
    const r = ladder("new", join(dir, "b.xlsx"), ...LADDER, "--name", "Ann", "--band", "99");
    expect(r.code).toBe(2);
    expectOnceWithPrefix(r, "ladder new");
    expect(r.stderr.match(/not a grade band/g)).toHaveLength(1);
    expect(r.stderr.match(/^ {2}Band \d \(.*\)$/gm)).toHaveLength(7);
    expect(existsSync(join(dir, "b.xlsx"))).toBe(false);
  });

  it("--up-to says the levels this template can stop at, and is refused for a template without levels", () => {
    const file = join(dir, "up.xlsx");
    const base = ["new", file, ...LADDER, "--name", "Ann", "--band", "3"];
    expect(ladder(...base, "--up-to", "12").stderr).toBe(
      "ladder new: A Leadership Ladder ragging sheet can stop at level 5, 6, 7 or 8; 12 is not one of those.\n",
    );
    expect(ladder(...base, "--up-to", "six").stderr).toBe(
      "ladder new: --up-to is the highest level on the tab: a Leadership Ladder ragging sheet can stop at level 5, 6, 7 or 8, not 'six'.\n",
    );
    const rating = ladder(
      "new",
      file,
      "--template",
      "equip-ta",
      "--name",
      "Ann",
      "--band",
      "3",
      "--up-to",
      "6",
    );
    expect(rating.code).toBe(2);
    expect(rating.stderr).toMatch(
      /^ladder new: --up-to is for ladder templates, such as leadership-ladder: a .* has no levels to stop at\. Leave --up-to out\.\n$/,
    );
    expect(existsSync(file)).toBe(false);
  });

  it("a staff list that cannot be read, or has several bad lines, is reported once and readably", () => {
    const missing = ladder("new", join(dir, "m.xlsx"), ...LADDER, "--staff", "nobody.csv");
    expect(missing.stderr).toBe("ladder new: nobody.csv: no such file.\n");
    const csv = join(dir, "bad.csv");
    writeFileSync(csv, "name,band\n,3\nAnn Lee,\nBo Li,99\n");
    const r = ladder("new", join(dir, "m.xlsx"), ...LADDER, "--staff", csv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        "ladder new: Nothing was created: the staff list has 3 problems. Fix the list and try again:",
        "  Line 2: the name is empty.",
        "  Line 3: no grade band for 'Ann Lee'.",
        "  Line 4: '99' is not a grade band. Use a number from 1 to 7 or a label from the grade-band chart, such as 'UPS1 TLR3'.",
        "",
      ].join("\n"),
    );
  });

  it("after adding to a rolled-up school, says the summary needs a roll-up with a command that runs as printed", () => {
    const file = join(dir, "Oak School.xlsx");
    copyFileSync(FIXTURE, file);
    expect(ladder("rollup", file).code).toBe(0);
    const r = ladder("new", file, ...LADDER, "--name", "Kay Board", "--band", "2");
    expect(r.code).toBe(0);
    const hint = r.stdout.trimEnd().split("\n").at(-1)!;
    expect(hint).toBe(
      `The school summary in ${file} does not include this tab yet. To bring it up to date, run: npx ladder rollup "${file}"`,
    );
    const rolled = runSuggested(hint.split("run: ")[1]!);
    expect(rolled.code).toBe(0);
    expect(rolled.stdout).toMatch(/^4 members of staff rolled up/);
    // A workbook without a summary gets no such hint.
    const plain = ladder("new", join(dir, "plain.xlsx"), ...LADDER, "--name", "Kay Board", "--band", "2");
    expect(plain.stdout).not.toMatch(/roll/);
  });
});

describe("check --tab", () => {
  it("an unknown tab lists the tabs one per line, twenty at most and a count of the rest", () => {
    const file = join(dir, "many.xlsx");
    expect(ladder("demo", file).code).toBe(0);
    const r = ladder("check", file, "--tab", "Nobody");
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(`ladder check: ${file} has no tab called 'Nobody'. Its tabs are:`);
    expect(lines.slice(1, 21).every((l) => /^ {2}\S/.test(l) && !l.includes(", "))).toBe(true);
    expect(lines.slice(1, 3)).toEqual(["  School summary", "  Grade-band chart"]);
    expect(lines[21]).toBe("  ... and 23 more");
    expect(lines).toHaveLength(22);
    const near = ladder("check", file, "--tab", "grace holoway");
    expect(near.stderr.split("\n")[0]).toBe(
      `ladder check: ${file} has no tab called 'grace holoway'. Did you mean 'Grace Holloway'? Its tabs are:`,
    );
  });
});

describe("check", () => {
  it("says in a sentence why a tab that is not a staff tab was not checked, and counts it", async () => {
    const file = join(dir, "notes.xlsx");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Notes").getCell("A1").value = "Ideas for the INSET day";
    await book.xlsx.writeFile(file);
    const r = ladder("check", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "Notes was not checked: it has no header row with Level, Minimum standard, Sep, Mid and Jul, and it was not made by ladder-sheets, so it is not read as a staff tab.",
        "",
        "0 tabs checked (1 not checked, said above): 0 errors, 0 warnings.",
        "",
      ].join("\n"),
    );
  });
});

describe("trust", () => {
  it("a missing file carries the 'ladder trust:' prefix, and nothing is said twice", () => {
    const out = join(dir, "t.xlsx");
    const r = ladder("trust", "nofile.xlsx", "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "ladder trust: nofile.xlsx: no such file.\nladder trust: No school could be read, so " +
        out +
        " was not written.\n",
    );
    expect(existsSync(out)).toBe(false);
  });

  it("warns when a school's summary is older than its staff tabs, with a roll-up command that runs as printed", () => {
    const oak = join(dir, "Stale Oak.xlsx");
    copyFileSync(FIXTURE, oak);
    expect(ladder("rollup", oak).code).toBe(0);
    expect(ladder("new", oak, ...LADDER, "--name", "Nia New", "--band", "2").code).toBe(0);
    const out = join(dir, "trust.xlsx");
    const stale = ladder("trust", oak, "-o", out);
    expect(stale.code).toBe(0);
    expect(stale.stderr).toBe(
      `ladder trust: ${oak} is out of date: its school summary counts 3 staff, but it has 4 staff tabs now. To bring it up to date, run npx ladder rollup "${oak}", then run trust again.\n`,
    );
    const command = /run (npx ladder .*), then/.exec(stale.stderr)![1]!;
    expect(runSuggested(command).code).toBe(0);
    const fresh = ladder("trust", oak, "-o", out);
    expect(fresh.stderr).toBe("");
    expect(fresh.stdout).toMatch(/\(4 members of staff\)/);
  });
});

describe("what to run next", () => {
  it("demo (npm start) suggests npx commands, one a line, that run as printed", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      bin: Record<string, string>;
      scripts: Record<string, string>;
    };
    // `npx ladder` finds the package's own bin; `npm start` is the demo.
    expect(pkg.bin.ladder).toBe("dist/cli/ladder.js");
    expect(pkg.scripts.start).toMatch(/node dist\/cli\/ladder\.js demo$/);
    const r = ladder("demo", "My Demo.xlsx");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.slice(-3)).toEqual([
      "Next, try:",
      '  npx ladder check "My Demo.xlsx"',
      '  npx ladder rollup "My Demo.xlsx" --json',
    ]);
    expect(runSuggested(lines.at(-2)!.trim()).code).toBe(1); // the demo has colouring errors on purpose
    expect(() => JSON.parse(runSuggested(lines.at(-1)!.trim()).stdout) as unknown).not.toThrow();
  });

  it("rollup names the tabs with errors and a check command for the first, which runs as printed", () => {
    const file = join(dir, "demo errors.xlsx");
    expect(ladder("demo", file).code).toBe(0);
    const r = ladder("rollup", file);
    const hint = r.stdout.split("\n").find((l) => l.startsWith("To see what to fix on a tab, run: "))!;
    expect(hint).toBe(`To see what to fix on a tab, run: npx ladder check "${file}" --tab "Daniel Okoro"`);
    const checked = runSuggested(hint.split("run: ")[1]!);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(
      /^Daniel Okoro .*: level \d in Sep.*\. 1 finding:\n {2}E28 +Jul +error +E28 is coloured light blue/,
    );
  });
});

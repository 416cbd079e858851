// The corpus (issue 12, "Read every writer"): .xlsx files from real writers (openpyxl, xlsxwriter,
// ExcelJS, LibreOffice, our own command line) and hand-written packages in the style of the others
// (Google Sheets, Numbers, Strict OOXML with x: prefixes, inline and rich strings, absolute targets,
// missing optional parts, the file's own theme), in test/fixtures/corpus/. Each <file>.expected.json
// was written by the fixture's generator from plan.json, the intended colouring and its answer
// worked out by hand, so the answer never comes from what ladder-sheets reads back.
//
// Every file is read through the package layer and checked by core, and through the built command
// line (`check --json`, and `rollup --json` on a copy); both must give the committed answer: the
// levels per checkpoint and the findings of every staff tab, and no other staff tab. A resaved copy
// (sameAs) must also answer as the file it came from. After the roll-up wrote into the copy, its
// staff tabs still give the answer and every part the roll-up does not own is byte-identical.
// Files the layer cannot read get one line naming the part and the reason, exit 2, nothing written.
import { copyFileSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkTab } from "../../core/check.js";
import { LadderError } from "../../core/errors.js";
import { openBook, readBook } from "../../xlsx/index.js";
import { relsName } from "../../xlsx/package.js";
import { buildCli, ROOT, runCli, tempDir } from "../cli/run.js";
import { partsOf } from "../cli/preserve-check.js";

const CORPUS = join(ROOT, "test", "fixtures", "corpus");

type Levels = Record<string, number | null>;
interface TabAnswer {
  tab: string;
  levels: Levels;
  /** [rule, cell, checkpoint], in any order. */
  findings: [string, string, string | null][];
}
interface Expected {
  file: string;
  writer: string;
  quirks: string;
  tabs: TabAnswer[];
  /** A resaved copy: it must also give the same answer as this fixture does. */
  sameAs?: string;
}
interface Unreadable {
  file: string;
  /** The part the one-line message must name. */
  part: string;
  /** Words of the reason the message must give. */
  reason: string;
}

const fixtures: Expected[] = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".expected.json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(CORPUS, f), "utf8")) as Expected);
const unreadable = JSON.parse(readFileSync(join(CORPUS, "unreadable.json"), "utf8")) as {
  files: Unreadable[];
};

const sortFindings = (f: TabAnswer["findings"]): string[] => f.map((x) => x.join(" ")).sort();
const normalise = (tabs: TabAnswer[]): unknown =>
  tabs.map((t) => ({ tab: t.tab, levels: t.levels, findings: sortFindings(t.findings) }));

/** The answer of a file through the package layer and core: every staff (ladder) tab. */
function layerAnswer(file: string, dir = CORPUS): TabAnswer[] {
  const { snapshots } = readBook(readFileSync(join(dir, file)), file);
  return snapshots
    .map((s) => checkTab(s))
    .filter((c) => c.kind === "ladder")
    .map((c) => ({
      tab: c.tab,
      levels: c.levels ?? {},
      findings: c.findings.map((f) => [f.rule, f.cell, f.checkpoint] as [string, string, string | null]),
    }));
}

interface JsonTab {
  tab: string;
  kind?: string | null;
  levels: Levels | null;
  findings: { rule: string; cell: string; checkpoint: string | null }[];
}
const fromJson = (tabs: JsonTab[]): TabAnswer[] =>
  tabs.map((t) => ({
    tab: t.tab,
    levels: t.levels ?? {},
    findings: t.findings.map((f) => [f.rule, f.cell, f.checkpoint] as [string, string, string | null]),
  }));

describe("the corpus", () => {
  it("has files from at least five writers, each with a fixture behind it", () => {
    // "openpyxl 3.0.9 (over ...)" -> "openpyxl"; "Google Sheets download (hand-written ...)" -> "Google Sheets download"
    const writers = new Set(fixtures.map((f) => f.writer.replace(/ \(.*$/, "").replace(/ v?[\d.]+$/, "")));
    expect(writers.size).toBeGreaterThanOrEqual(5);
    // The real writers available here, each with files of its own.
    expect([...writers]).toEqual(
      expect.arrayContaining(["openpyxl", "xlsxwriter", "ExcelJS", "LibreOffice"]),
    );
    for (const f of fixtures) expect(readFileSync(join(CORPUS, f.file)).length).toBeGreaterThan(0);
  });
});

describe("every writer's file reads to its committed answer through the package layer", () => {
  it.each(fixtures.map((f) => [f.file, f] as const))("%s", (_, f) => {
    expect(normalise(layerAnswer(f.file))).toEqual(normalise(f.tabs));
  });

  it.each(fixtures.filter((f) => f.sameAs).map((f) => [f.file, f] as const))(
    "%s gives the same answer as the file it was resaved from",
    (_, f) => {
      expect(normalise(layerAnswer(f.file))).toEqual(normalise(layerAnswer(f.sameAs!)));
    },
  );
});

describe("a file the layer cannot read", () => {
  it.each(unreadable.files.map((u) => [u.file, u] as const))(
    "%s: the layer throws file-unreadable, naming the part and why",
    (_, u) => {
      let error: unknown;
      try {
        readBook(readFileSync(join(CORPUS, u.file)), u.file);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(LadderError);
      expect((error as LadderError).code).toBe("file-unreadable");
      expect((error as LadderError).message).toContain(u.part);
      expect((error as LadderError).message).toContain(u.reason);
      expect((error as LadderError).message).not.toContain("\n");
    },
  );
});

describe("through the built command line", () => {
  let cli: string;
  let dir: string;
  beforeAll(() => {
    cli = buildCli("corpus");
    dir = tempDir("corpus");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(fixtures.map((f) => [f.file, f] as const))("check --json and rollup --json on %s", async (_, f) => {
    const src = join(CORPUS, f.file);
    const check = runCli(cli, dir, ["check", src, "--json"]);
    expect(check.stderr).toBe("");
    const errors = f.tabs.some((t) => t.findings.some(([rule]) => ERROR_RULES.has(rule)));
    expect(check.code).toBe(errors ? 1 : 0);
    const tabs = (JSON.parse(check.stdout) as { tabs: JsonTab[] }).tabs.filter((t) => t.kind === "ladder");
    expect(normalise(fromJson(tabs))).toEqual(normalise(f.tabs));

    const copy = join(dir, f.file);
    copyFileSync(src, copy);
    const rollup = runCli(cli, dir, ["rollup", f.file, "--json"]);
    expect(rollup.stderr).toBe("");
    expect(rollup.code).toBe(0);
    const staff = (JSON.parse(rollup.stdout) as { staff: JsonTab[] }).staff;
    expect(normalise(fromJson(staff))).toEqual(normalise(f.tabs));

    // Writing the summary into this writer's package keeps the staff tabs' answer, and every part
    // the roll-up does not own byte-identical (workbook-level parts may gain records).
    expect(normalise(layerAnswer(f.file, dir))).toEqual(normalise(f.tabs));
    const before = await partsOf(readFileSync(src));
    const after = await partsOf(readFileSync(copy));
    const level = workbookLevel(readFileSync(src));
    for (const [name, data] of before)
      if (!level.has(name.toLowerCase())) expect(after.get(name)?.equals(data), name).toBe(true);
  });

  it.each(unreadable.files.map((u) => [u.file, u] as const))(
    "rollup on %s: one line naming the part and why, exit 2, nothing written",
    (_, u) => {
      const copy = join(dir, u.file);
      copyFileSync(join(CORPUS, u.file), copy);
      const before = readFileSync(copy);
      const listing = readdirSync(dir).sort();
      const r = runCli(cli, dir, ["rollup", u.file]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(u.file);
      expect(lines[0]).toContain(u.part);
      expect(lines[0]).toContain(u.reason);
      expect(readFileSync(copy).equals(before)).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(listing);
      const check = runCli(cli, dir, ["check", u.file, "--json"]);
      expect(check.code).toBe(2);
      expect(check.stdout).toBe("");
      expect(check.stderr.trimEnd().split("\n")).toEqual([
        lines[0]!.replace("ladder rollup:", "ladder check:"),
      ]);
    },
  );
});

const ERROR_RULES = new Set(["green-after-gap", "amber-before-gap", "unknown-colour"]);

/**
 * The parts adding a tab must touch, wherever this writer put them: the content types, the
 * workbook and its relationships, styles, shared strings and document properties (lower case).
 */
function workbookLevel(bytes: Uint8Array): Set<string> {
  const book = openBook(bytes, "corpus");
  const pkg = book.pkg!;
  const workbook = book.view!.part;
  const out = ["[Content_Types].xml", workbook, relsName(workbook)];
  for (const kind of ["styles", "sharedStrings"]) out.push(pkg.rel(workbook, kind)?.part ?? "");
  for (const r of pkg.rels("")) if (/properties$/.test(r.type)) out.push(r.part ?? "");
  return new Set(out.map((p) => p.toLowerCase()));
}

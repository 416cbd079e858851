// Guarantees that hold whatever the input: core never changes what it reads, the roll-up writes only
// its own tabs, core stays pure (no host, file system or DOM), and no built bundle can run strings
// as code.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CHART_TAB, planRollup, planTrust, staffSheet, SUMMARY_TAB } from "../../core/app.js";
import { findTemplate } from "../../core/catalog.js";
import { checkTab } from "../../core/check.js";
import type { TabSnapshot } from "../../core/sheet.js";
import { snapshotOf } from "../../core/snapshot.js";
import { AMBER, ANN, BLUE, GREEN, ladderSnap, paintRun, put, RED, statementCell } from "../helpers.js";
import { deepFreeze } from "./support.js";

const today = new Date("2026-11-23T10:00:00Z");

/** A school's worth of tabs, awkward ones included. */
function school(): TabSnapshot[] {
  const level3 = paintRun(ladderSnap({}, { ...ANN, name: "Ann Lee" }), "C", 0, 15, GREEN);
  const broken = paintRun(ladderSnap({}, { ...ANN, name: "Ben Ng", band: "5" }), "C", 0, 3, GREEN);
  paintRun(broken, "C", 3, 2, AMBER);
  paintRun(broken, "C", 6, 2, GREEN);
  paintRun(broken, "D", 0, 2, BLUE);
  paintRun(broken, "E", 0, 1, RED);
  put(broken, statementCell(broken, 1, "C"), "G");
  const ticks = ladderSnap({ ticks: true, upTo: 6 }, { ...ANN, name: "Cat Roe", band: "nonsense" });
  put(ticks, statementCell(ticks, 0, "C"), true);
  put(ticks, statementCell(ticks, 2, "C"), true);
  const unmarked = { ...paintRun(ladderSnap(), "C", 0, 9, GREEN), name: "Copy of Ann", marker: null };
  const rating = snapshotOf(
    staffSheet(findTemplate("equip-teacher"), ANN, { name: "Ann EQUIP", year: "2026-27" }),
  );
  const feedback = snapshotOf(
    staffSheet(findTemplate("equip-meeting-feedback"), ANN, { name: "Feedback", year: "2026-27" }),
  );
  const notes: TabSnapshot = {
    name: "Notes",
    values: [["anything"], [], [1, true]],
    fills: [[RED]],
    marker: null,
  };
  const empty: TabSnapshot = { name: "Sheet1", values: [], fills: [], marker: null };
  const ragged: TabSnapshot = {
    name: "Ragged",
    values: [[], ["Level", "Minimum standard", "Sep"], [1, "x"], [null, null, null, null, "y"]],
    fills: [[GREEN], [], [null, null, GREEN, GREEN, GREEN, GREEN]],
    marker: "ladder-sheets:leadership-ladder@1:staff",
  };
  const oldSummary = snapshotOf(planRollup([level3], undefined, today).sheets[0]!);
  return [level3, broken, ticks, unmarked, rating, feedback, notes, empty, ragged, oldSummary];
}

describe("core never changes the snapshots it reads", () => {
  const snaps = school();

  it.each(snaps.map((s) => [s.name, s] as const))(
    "checkTab on %j, deep-frozen: no write attempted, and the snapshot is identical afterwards",
    (_name, snap) => {
      const before = structuredClone(snap);
      const frozen = deepFreeze(structuredClone(snap));
      expect(() => checkTab(frozen)).not.toThrow();
      expect(frozen).toEqual(before);
    },
  );

  it("planRollup over the whole school, deep-frozen (array included): no write, identical afterwards", () => {
    const before = structuredClone(snaps);
    const frozen = deepFreeze(structuredClone(snaps));
    expect(() => planRollup(frozen, undefined, today)).not.toThrow();
    expect(() => planRollup(frozen, "Mid", today)).not.toThrow();
    expect(frozen).toEqual(before);
  });

  it("planTrust over deep-frozen summary tabs: no write, identical afterwards", () => {
    const summary = snapshotOf(planRollup(snaps, undefined, today).sheets[0]!);
    const input = deepFreeze([
      { school: "North", snapshot: structuredClone(summary) },
      { school: "South", snapshot: structuredClone(summary) },
    ]);
    const before = structuredClone(input);
    expect(() => planTrust(input, today)).not.toThrow();
    expect(input).toEqual(before);
  });
});

describe("the roll-up writes only its own tabs", () => {
  it("its sheets are the summary and the chart, by role and name, and none has a staff tab's name", () => {
    const snaps = school();
    const { sheets, result } = planRollup(snaps, undefined, today);
    expect(sheets.map((s) => s.marker?.role)).toEqual(["summary", "chart"]);
    expect(sheets.map((s) => s.name)).toEqual([SUMMARY_TAB, CHART_TAB]);
    expect(result.tabs).toEqual([SUMMARY_TAB, CHART_TAB]);
    const staffNames = new Set(
      snaps.filter((s) => !/:(summary|chart|trust)\b/.test(s.marker ?? "")).map((s) => s.name.toLowerCase()),
    );
    for (const s of sheets) expect(staffNames.has(s.name.toLowerCase())).toBe(false);
  });

  it("an earlier summary among the tabs is not read as staff and not counted", () => {
    const snaps = school();
    const { result } = planRollup(snaps, undefined, today);
    expect(result.skipped.map((s) => s.tab)).not.toContain(SUMMARY_TAB);
    const { result: again } = planRollup(
      snaps.filter((s) => s.name !== SUMMARY_TAB),
      undefined,
      today,
    );
    expect(result.staffCount).toBe(again.staffCount);
  });

  it("the trust roll-up names no member of staff", () => {
    const snaps = school();
    const summary = snapshotOf(planRollup(snaps, undefined, today).sheets[0]!);
    const { sheets } = planTrust([{ school: "North", snapshot: summary }], today);
    const cells = sheets.flatMap((s) => s.values.flat()).filter((v): v is string => typeof v === "string");
    for (const who of ["Ann Lee", "Ben Ng", "Cat Roe", "Copy of Ann"])
      expect(cells.some((c) => c.includes(who))).toBe(false);
  });
});

/** Every .ts file under a folder. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

const HOST_GLOBALS = new Set([
  "document",
  "window",
  "SpreadsheetApp",
  "Excel",
  "Office",
  "google",
  "navigator",
]);

/** Module specifiers and host-global identifiers a source file uses (comments and strings ignored). */
function scan(file: string): { imports: string[]; globals: string[] } {
  const src = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const imports: string[] = [];
  const globals: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
      imports.push((node.moduleSpecifier as ts.StringLiteral).text);
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const arg = node.arguments[0];
      const dynamic = callee.kind === ts.SyntaxKind.ImportKeyword;
      const required = ts.isIdentifier(callee) && callee.text === "require";
      if ((dynamic || required) && arg && ts.isStringLiteral(arg)) imports.push(arg.text);
    }
    if (ts.isIdentifier(node) && HOST_GLOBALS.has(node.text)) {
      // A property name (x.Excel, { Excel: 1 }) is not a reference to the global.
      const p = node.parent;
      const isProperty =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        (ts.isPropertyAssignment(p) && p.name === node);
      if (!isProperty) globals.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return { imports, globals };
}

describe("core is pure (static scan of core/)", () => {
  const files = tsFiles("core");

  it("there are core files to scan", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(".", f)]))(
    "%s imports no Node built-in (node:, fs, ...), host or ui module, and references no host global",
    (file) => {
      const { imports, globals } = scan(file);
      for (const m of imports) {
        expect(
          m.startsWith("node:") || builtinModules.includes(m.split("/")[0]!),
          `${file} imports ${m}`,
        ).toBe(false);
        expect(m, `${file} imports ${m}`).not.toMatch(/^(\.\.\/)+(cli|apps-script|office-addin|ui)\//);
      }
      expect(globals, `${file} references ${globals.join(", ")}`).toEqual([]);
    },
  );
});

const BUNDLES = [
  "dist/cli/ladder.js",
  "dist/apps-script/Code.js",
  "dist/apps-script/Sidebar.html",
  "dist/ui/sidebar.html",
  "dist/ui/preview.html",
  "dist/office-addin/taskpane.html",
];

describe("no built bundle can run a string as code", () => {
  for (const bundle of BUNDLES)
    it(`${bundle} (built by npm test's pretest) has no eval( and no new Function`, () => {
      const text = readFileSync(bundle, "utf8");
      expect(text).not.toMatch(/\beval\s*\(/);
      expect(text).not.toMatch(/\bnew\s+Function\b/);
    });

  it("every other bundle under dist/ also has none", () => {
    const all = existsSync("dist")
      ? readdirSync("dist", { recursive: true, encoding: "utf8" }).filter((f) =>
          /\.(js|mjs|cjs|html)$/.test(f),
        )
      : [];
    for (const f of all) {
      const text = readFileSync(join("dist", f), "utf8");
      expect(text, f).not.toMatch(/\beval\s*\(|\bnew\s+Function\b/);
    }
  });
});

describe("least privilege in the built add-ons", () => {
  it("the Apps Script manifest asks for exactly spreadsheets.currentonly, script.container.ui and drive.file", () => {
    const manifest = JSON.parse(readFileSync("dist/apps-script/appsscript.json", "utf8")) as {
      oauthScopes?: string[];
    };
    expect([...(manifest.oauthScopes ?? [])].sort()).toEqual([
      "https://www.googleapis.com/auth/drive.file",
      "https://www.googleapis.com/auth/script.container.ui",
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
    ]);
  });
});

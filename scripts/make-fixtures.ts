/**
 * Regenerates the .xlsx fixtures in test/fixtures/ (run: npm run fixtures; needs LibreOffice's
 * `soffice` on the PATH). They stand for files other programs wrote:
 *
 * - school-original.xlsx: three ladder tabs written by our writer, coloured with plain ARGB fills.
 * - school-libreoffice-theme.xlsx: the same workbook saved by LibreOffice (its styles, no theme
 *   part), then given an Office 2013 theme and repainted cell by cell with theme colours + tints
 *   (accent6 green with tints for green, accent4 gold for amber, accent2 with a tint for red), the
 *   way Excel stores colours picked from the theme palette. It must roll up to the same levels.
 *
 * Small on purpose (a few tabs), so the committed files stay small.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { a1 } from "../core/a1.js";
import { findTemplate } from "../core/catalog.js";
import { ladderSheet } from "../core/generate/ladder.js";
import type { SheetSpec } from "../core/sheet.js";
import type { LadderTemplate } from "../core/template.js";
import { newBook, toBuffer } from "../cli/xlsx/book.js";
import { writeSheet } from "../cli/xlsx/write.js";
import { FILL, paintCells, SCHEME_2013, setTheme, themeXml } from "../test/cli/zip-edit.js";

type Mark = "G" | "A" | "R" | "";
const ARGB: Record<Exclude<Mark, "">, string> = { G: "#b7e1cd", A: "#ffd966", R: "#ea9999" };
// Theme colours with tints as Excel's palette stores them: accent6 (green in 2013) lighter 40%,
// accent4 (gold) lighter 40%, accent2 (orange-red in 2013) is amber, so red uses indexed 10 instead.
const THEMED: Record<Exclude<Mark, "">, string> = {
  G: FILL.theme(9, 0.3999755851924192),
  A: FILL.theme(7, 0.3999755851924192),
  R: FILL.indexed(10),
};

/** Marks per checkpoint column, top to bottom; "" is blank. */
interface Staff {
  tab: string;
  name: string;
  band: string;
  marks: Record<"Sep" | "Mid" | "Jul", Mark[]>;
}

const run = (g: number, rest: Mark[] = []): Mark[] => [...Array<Mark>(g).fill("G"), ...rest];

export const FIXTURE_STAFF: Staff[] = [
  {
    tab: "Ann Lee",
    name: "Ann Lee",
    band: "3",
    marks: { Sep: run(12), Mid: run(18), Jul: run(24, ["", "A", "A"]) },
  },
  {
    tab: "Ben Carter",
    name: "Ben Carter",
    band: "UPS2-3 TLR2",
    marks: { Sep: run(5, ["R", "A"]), Mid: run(9), Jul: [] },
  },
  { tab: "Cara Singh", name: "Cara Singh", band: "1", marks: { Sep: run(2, ["", "G"]), Mid: [], Jul: [] } },
];

/** The spec for one fixture tab, and the cells to paint: A1 ref -> mark. */
function staffTab(t: LadderTemplate, s: Staff): { spec: SheetSpec; paint: Map<string, Exclude<Mark, "">> } {
  const spec = ladderSheet(
    t,
    { name: s.name, band: s.band, role: "Teacher", appraiser: "Mrs Okafor" },
    { year: "2025-26", name: s.tab },
  );
  const header = spec.values.findIndex((r) => r[0] === "Level");
  const statementRows = spec.values
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => i > header && typeof r[1] === "string" && r[1] !== "")
    .map(({ i }) => i);
  const paint = new Map<string, Exclude<Mark, "">>();
  for (const cp of ["Sep", "Mid", "Jul"] as const) {
    const col = spec.values[header]!.indexOf(cp);
    s.marks[cp].forEach((m, k) => {
      const row = statementRows[k];
      if (m !== "" && row !== undefined) paint.set(a1(row, col), m);
    });
  }
  for (const [ref, m] of paint) spec.styles.push({ range: ref, fill: ARGB[m] });
  return { spec, paint };
}

async function main(): Promise<void> {
  const out = join(import.meta.dirname, "..", "test", "fixtures");
  const t = findTemplate("leadership-ladder") as LadderTemplate;
  const book = newBook();
  const paints = FIXTURE_STAFF.map((s) => {
    const { spec, paint } = staffTab(t, s);
    writeSheet(book, spec);
    return { tab: s.tab, paint };
  });
  const original = await toBuffer(book);
  writeFileSync(join(out, "school-original.xlsx"), original);

  const tmp = mkdtempSync(join(tmpdir(), "ladder-fixtures-"));
  try {
    writeFileSync(join(tmp, "school.xlsx"), original);
    execFileSync(
      "soffice",
      [
        "--headless",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        join(tmp, "lo"),
        join(tmp, "school.xlsx"),
      ],
      {
        stdio: "ignore",
      },
    );
    let bytes: Buffer = readFileSync(join(tmp, "lo", "school.xlsx"));
    for (const { tab, paint } of paints)
      bytes = await paintCells(
        bytes,
        tab,
        [...paint].map(([ref, m]) => ({ ref, fill: THEMED[m] })),
      );
    bytes = await setTheme(bytes, themeXml(SCHEME_2013, "Office 2013"));
    writeFileSync(join(out, "school-libreoffice-theme.xlsx"), bytes);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`Wrote school-original.xlsx and school-libreoffice-theme.xlsx to ${out}`);
}

await main();

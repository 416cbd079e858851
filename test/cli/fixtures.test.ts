// Fixtures written by another program (LibreOffice) and coloured with theme colours + tints read
// the same as the original our writer made. Regenerate them with `npm run fixtures`.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readWorkbook } from "../../cli/xlsx/read.js";
import { checkTab } from "../../core/check.js";
import { colourClass } from "../../core/colour.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

describe("LibreOffice re-saved fixture with theme colours", () => {
  it("has its own Office 2013 theme and theme-coloured fills that read as green and amber", async () => {
    const { snapshots, themeColours } = await readWorkbook(join(FIXTURES, "school-libreoffice-theme.xlsx"));
    expect(themeColours[9]).toBe("#70ad47");
    const painted = snapshots.flatMap((s) => s.fills.flat()).filter((f) => f !== "#e8eaed"); // header grey
    const classes = new Set(painted.map((f) => colourClass(f)));
    expect(classes).toContain("green");
    expect(classes).toContain("amber");
    expect(classes).not.toContain("unknown");
  });

  it("gives the same markers, levels and findings as the original", async () => {
    const original = await readWorkbook(join(FIXTURES, "school-original.xlsx"));
    const resaved = await readWorkbook(join(FIXTURES, "school-libreoffice-theme.xlsx"));
    const summary = (snaps: typeof original.snapshots) =>
      snaps.map((s) => {
        const c = checkTab(s);
        return {
          tab: s.name,
          marker: s.marker,
          levels: c.levels,
          findings: c.findings.map((f) => [f.rule, f.cell]),
        };
      });
    expect(summary(resaved.snapshots)).toEqual(summary(original.snapshots));
    expect(summary(original.snapshots).map((s) => s.levels)).toEqual([
      { Sep: 2, Mid: 3, Jul: 4 },
      { Sep: 1, Mid: 2, Jul: null },
      { Sep: 0, Mid: null, Jul: null },
    ]);
  });
});

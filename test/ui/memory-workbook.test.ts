// The preview's in-memory workbook: PanelApi over core's plan* functions, and a person's edits.
import { describe, expect, it } from "vitest";
import { CLASS_FILL } from "../../core/colour.js";
import { parseMarker } from "../../core/sheet.js";
import { readWorkbook } from "../../cli/xlsx/read.js";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook.js";
import { ladderLayout, seedDemo } from "../../ui/preview/seed.js";
import { workbookBytes } from "../../scripts/preview-server.js";

const TODAY = new Date("2026-11-23T12:00:00Z");
const ANN = { name: "Ann Lee", band: "UPS1 TLR3", role: "Teacher", appraiser: "Sam" };

async function bookWithAnn(ticks = false) {
  const wb = new MemoryWorkbook({ today: () => TODAY });
  await wb.createTabs({ templateId: "leadership-ladder", staff: [ANN], ticks, upTo: 6 });
  const tab = wb.activeTab()!;
  return { wb, tab, layout: ladderLayout(tab) };
}

describe("MemoryWorkbook", () => {
  it("creates a tab from core's plan and makes it active", async () => {
    const { wb, tab } = await bookWithAnn();
    expect(wb.names).toEqual(["Ann Lee"]);
    expect(parseMarker(tab.marker)).toMatchObject({
      templateId: "leadership-ladder",
      role: "staff",
      upTo: 6,
    });
    expect(await wb.checkActiveTab()).toMatchObject({ tab: "Ann Lee", kind: "ladder", skipped: null });
  });

  it("cycles a checkpoint cell none -> green -> amber -> red -> none, and leaves other cells alone", async () => {
    const { wb, tab, layout } = await bookWithAnn();
    const [row, col] = [layout.rows[0]!, layout.cols.Sep!];
    const seen = [1, 2, 3, 4].map(() => wb.cycleFill(tab.name, row, col));
    expect(seen).toEqual([CLASS_FILL.green, CLASS_FILL.amber, CLASS_FILL.red, null]);
    expect(wb.cycleFill(tab.name, 0, 0)).toBeNull();
    expect(wb.cellKind(tab, 0, 0)).toBeNull();
  });

  it("finds a green below a gap when checked", async () => {
    const { wb, tab, layout } = await bookWithAnn();
    const col = layout.cols.Sep!;
    wb.cycleFill(tab.name, layout.rows[0]!, col);
    wb.cycleFill(tab.name, layout.rows[2]!, col);
    const r = await wb.checkActiveTab();
    expect(r.findings.map((f) => f.rule)).toContain("green-after-gap");
    expect(r.levels).toMatchObject({ Sep: 0 });
  });

  it("ticks boxes in a tick-box tab, colours them by the rule, and reads levels from the ticks", async () => {
    const { wb, tab, layout } = await bookWithAnn(true);
    const col = layout.cols.Sep!;
    expect(wb.cellKind(tab, layout.rows[0]!, col)).toBe("tick");
    for (const i of [0, 1, 2, 3, 4, 6]) wb.toggleTick(tab.name, layout.rows[i]!, col);
    expect(wb.shownFill(tab, layout.rows[0]!, col)).toBe(CLASS_FILL.green);
    expect(wb.shownFill(tab, layout.rows[5]!, col)).toBeNull();
    expect(wb.shownFill(tab, layout.rows[6]!, col)).toBe(CLASS_FILL.amber);
    expect(wb.snapshot(tab).fills[layout.rows[0]!]![col]).toBeNull();
    expect((await wb.checkActiveTab()).levels).toMatchObject({ Sep: 1 });
  });

  it("rolls up into one summary and one chart tab, replacing them on the next roll-up", async () => {
    const wb = new MemoryWorkbook({ today: () => TODAY });
    seedDemo(wb, TODAY);
    const first = await wb.rollupSchool();
    expect(first.staffCount).toBe(4);
    expect(first.errors).toBeGreaterThan(0);
    await wb.rollupSchool("Sep");
    const roles = wb.tabs.map((t) => parseMarker(t.marker)?.role);
    expect(roles.filter((r) => r === "summary")).toHaveLength(1);
    expect(roles.filter((r) => r === "chart")).toHaveLength(1);
    const trust = await wb.rollupTrust();
    expect(trust.schools).toBe(1);
    expect(wb.names).toContain("Trust summary");
  });

  it("keeps hostile names as text and never overwrites a tab of the same name", async () => {
    const wb = new MemoryWorkbook({ today: () => TODAY });
    const evil = "<img src=x onerror=alert(1)>";
    const staff = [evil, '=HYPERLINK("http://x","y")', evil].map((name) => ({ ...ANN, name }));
    const r = await wb.createTabs({ templateId: "leadership-ladder", staff, ticks: false });
    expect(new Set(r.created).size).toBe(3);
    expect(wb.tabs[0]!.values.flat()).toContain(evil);
  });

  it("refuses to make anything when a band is unknown", async () => {
    const wb = new MemoryWorkbook({ today: () => TODAY });
    const staff = [ANN, { ...ANN, name: "Ben", band: "Band 12" }];
    await expect(wb.createTabs({ templateId: "leadership-ladder", staff, ticks: false })).rejects.toThrow(
      /Nothing was created/,
    );
    expect(wb.tabs).toHaveLength(0);
  });

  it("saves people's colours into the .xlsx, and the file reads back with the same findings", async () => {
    const wb = new MemoryWorkbook({ today: () => TODAY });
    seedDemo(wb, TODAY);
    const before = wb.tabs.map((t) => wb.snapshot(t));
    const bytes = await workbookBytes({ specs: wb.toSpecs() });
    const { snapshots } = await readWorkbook(new Uint8Array(bytes), "preview.xlsx");
    expect(snapshots.map((s) => s.name)).toEqual(wb.names);
    const { checkResult } = await import("../../core/app.js");
    for (const [i, snap] of snapshots.entries())
      expect(checkResult(snap).findings.map((f) => [f.rule, f.cell])).toEqual(
        checkResult(before[i]!).findings.map((f) => [f.rule, f.cell]),
      );
  });

  it("rejects a save that is not a workbook", async () => {
    await expect(workbookBytes({ specs: [{ name: "x" }] })).rejects.toThrow(/expected shape/);
  });
});

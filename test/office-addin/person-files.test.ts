// One file per person in the Excel task pane, on the typed fake: making opens each person's
// workbook with Excel.createWorkbook (no sync of this workbook, one call per person), and each is
// the workbook the command line writes for that person; the roll-up reads picked files with the
// .xlsx layer and writes the summary with the same syncs as today's roll-up (6), listing the files
// it could not read while the rest still roll up.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { planCreate } from "../../core/app.js";
import { addPersonTab } from "../../cli/person-files.js";
import { readRegisterTab } from "../../core/register.js";
import { parseMarker } from "../../core/sheet.js";
import { ExcelAdapter } from "../../office-addin/adapter.js";
import { createExcelApi } from "../../office-addin/api.js";
import { excelPersonFiles } from "../../office-addin/person-files.js";
import type { PersonFilesHost } from "../../ui/panel/person-files.js";
import type { PickedFile } from "../../ui/person-files/files.js";
import { readBook } from "../../xlsx/read.js";
import { FakeExcel } from "./fake-excel.js";
import { staffList, TODAY } from "./school.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function setup() {
  const fake = new FakeExcel();
  const adapter = new ExcelAdapter({ run: fake.run });
  const host = excelPersonFiles(adapter, fake.createWorkbook, () => TODAY);
  return { fake, adapter, host };
}

const bytesOf = (b64: string) => new Uint8Array(Buffer.from(b64, "base64"));

async function makeFiles(n: number) {
  const s = setup();
  const staff = staffList(n);
  const steps: string[] = [];
  const result = await s.host.makeFiles({ templateId: "leadership-ladder", staff, ticks: false }, (d, t) =>
    steps.push(`${d}/${t}`),
  );
  const cost = s.fake.take();
  return { ...s, staff, made: result.files, result, steps, cost };
}

/** Roll up picked files with the pane's host (which rolls up picked files, not a register). */
function rollupFiles(
  host: PersonFilesHost,
  files: readonly PickedFile[],
  onProgress: (done: number, total: number, file: string) => void = () => {},
) {
  if (host.rollup.from !== "picked") throw new Error("the Excel pane rolls up picked files");
  return host.rollup.run(files, onProgress);
}

const picked = (name: string, bytes: Uint8Array): PickedFile => ({
  name,
  bytes: () => Promise.resolve(bytes),
});

describe("making one file per person in Excel", () => {
  it("opens one workbook per person with createWorkbook, then lists them on the register with the same syncs for 3 or 30 people", async () => {
    const syncs: number[] = [];
    for (const n of [3, 30]) {
      const { fake, made, steps, cost, result } = await makeFiles(n);
      expect(fake.created).toHaveLength(n);
      expect(made).toHaveLength(n);
      expect(steps.at(-1)).toBe(`${n}/${n}`);
      expect(result.registerTab).toBe("Register");
      expect(result.problems).toEqual([]);
      syncs.push(cost.syncs);
    }
    // Reading this workbook once and writing the register (build, then swap): not per person.
    expect(syncs[0]).toBe(syncs[1]);
    expect(syncs[0]).toBeLessThanOrEqual(6);
  });

  it("the register tab lists each person with their band, appraiser and file, and a second run adds to it", async () => {
    const { adapter, host, staff, made } = await makeFiles(3);
    const register = async () => readRegisterTab((await adapter.readWorkbook()).snapshots)!;
    const first = await register();
    expect(first.entries.map((e) => [e.name, e.band, e.appraiser, e.file])).toEqual(
      staff.map((p, i) => [p.name, p.band, p.appraiser, made[i]!.file]),
    );
    const newcomer = { name: "New Starter", band: "3", role: "Teacher", appraiser: "Ann Head" };
    const again = await host.makeFiles(
      { templateId: "leadership-ladder", staff: [newcomer, staff[0]!], ticks: false },
      () => {},
    );
    const second = await register();
    expect(second.entries.map((e) => e.name)).toEqual([...staff.map((p) => p.name), "New Starter"]);
    // Someone already listed keeps their row, and the leader is told which file is listed.
    expect(again.problems).toHaveLength(1);
    expect(again.problems[0]).toContain(staff[0]!.name);
    expect(again.problems[0]).toContain(made[0]!.file);
    expect((await adapter.readWorkbook()).tabs.filter((t) => t.name === "Register")).toHaveLength(1);
  });

  it("each file holds only that person's tab, titled with their name and year, and no other name", async () => {
    const { fake, staff, made } = await makeFiles(8);
    fake.created.forEach((b64, i) => {
      const read = readBook(bytesOf(b64), made[i]!.file);
      expect(read.snapshots).toHaveLength(1);
      expect(parseMarker(read.snapshots[0]!.marker)?.role).toBe("staff");
      expect(read.title).toBe(`${staff[i]!.name} 2026-27`);
      const text = Object.values(unzipSync(bytesOf(b64)))
        .map((u) => strFromU8(u))
        .join("\n");
      for (const [j, other] of staff.entries())
        if (j !== i && other.name.startsWith("Staff ")) expect(text).not.toContain(other.name);
    });
    expect(made.map((m) => m.file)).toContain("Staff 008 2026-27.xlsx");
  });

  it("is the same workbook the command line writes for that person", async () => {
    const { fake, staff, made } = await makeFiles(7);
    const dir = await mkdtemp(join(tmpdir(), "xl-person-"));
    dirs.push(dir);
    const i = 6;
    const path = join(dir, made[i]!.file);
    const req = { templateId: "leadership-ladder", staff: [staff[i]!], ticks: false };
    await addPersonTab(path, (existing) => planCreate(req, existing, TODAY)[0]!, `${staff[i]!.name} 2026-27`);
    const cli = readBook(new Uint8Array(await readFile(path)), "cli");
    const pane = readBook(bytesOf(fake.created[i]!), "pane");
    expect(pane.snapshots).toEqual(cli.snapshots);
    expect(pane.title).toBe(cli.title);
  });

  it("when Excel stops part-way, the workbooks already opened are on the register and the message says so", async () => {
    const { fake, adapter, host } = setup();
    const staff = staffList(5);
    fake.failCreateAt = 4;
    await expect(
      host.makeFiles({ templateId: "leadership-ladder", staff, ticks: false }, () => {}),
    ).rejects.toThrow(
      /^Opened 3 of 5 workbooks and listed them on the 'Register' tab, then Excel stopped: An internal error has occurred\. Save the ones that opened/,
    );
    expect(fake.created).toHaveLength(3);
    const register = readRegisterTab((await adapter.readWorkbook()).snapshots)!;
    expect(register.entries.map((e) => e.name)).toEqual(staff.slice(0, 3).map((p) => p.name));
  });

  it("a bad band is refused before any workbook is opened", async () => {
    const { fake, host } = setup();
    const staff = [...staffList(2), { name: "Zed", band: "99", role: "", appraiser: "" }];
    await expect(
      host.makeFiles({ templateId: "leadership-ladder", staff, ticks: false }, () => {}),
    ).rejects.toThrow(/99/);
    expect(fake.created).toHaveLength(0);
  });
});

describe("rolling up picked person files in Excel", () => {
  it("rolls up 3 or 30 files with the same syncs (reading this workbook, then today's 2-sync write), and the same answer as one workbook", async () => {
    const totals: number[] = [];
    for (const n of [3, 30]) {
      const { fake, made, staff } = await makeFiles(n);
      const files = fake.created.map((b, i) => picked(made[i]!.file, bytesOf(b)));
      const leaders = setup();
      leaders.fake.type("Sheet1", "A1", "Leaders' notes"); // a leaders' file has something in it
      await leaders.adapter.readWorkbook();
      const reading = leaders.fake.take().syncs;
      const progress: string[] = [];
      const r = await rollupFiles(leaders.host, files, (d, t) => progress.push(`${d}/${t}`));
      const cost = leaders.fake.take();
      // The picked files cost no sync: only reading this workbook, then the write as today (2 syncs).
      expect(cost.syncs).toBe(reading + 2);
      totals.push(cost.syncs);
      expect(r.staffCount).toBe(n);
      expect(r.unread).toEqual([]);
      expect(progress.at(-1)).toBe(`${n}/${n}`);
      expect(leaders.fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1", ...r.tabs]);

      // Today's roll-up of the same tabs in one workbook: the same counts, and the same 6 syncs.
      const one = new FakeExcel();
      const adapter = new ExcelAdapter({ run: one.run });
      await adapter.writeSheets(
        planCreate({ templateId: "leadership-ladder", staff, ticks: false }, ["Sheet1"], TODAY),
      );
      one.take();
      await adapter.readWorkbook();
      const todayReading = one.take().syncs;
      const today = await createExcelApi(adapter, { today: () => TODAY }).rollupSchool();
      expect(one.take().syncs).toBe(todayReading + 2);
      expect(r.zones).toEqual(today.zones);
      expect(r.staffCount).toBe(today.staffCount);
      expect(r.chartCheckpoint).toBe(today.chartCheckpoint);
    }
    expect(totals[0]).toBe(totals[1]);
    expect(totals[0]).toBeLessThanOrEqual(6);
  });

  it("lists files it could not read with the reason, and the rest still roll up", async () => {
    const { fake, made } = await makeFiles(3);
    const files = [
      ...fake.created.map((b, i) => picked(made[i]!.file, bytesOf(b))),
      picked("notes.xlsx", new TextEncoder().encode("not a workbook")),
      picked("photo.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47])),
    ];
    const leaders = setup();
    const r = await rollupFiles(leaders.host, files, () => {});
    expect(r.staffCount).toBe(3);
    expect(r.files).toBe(5);
    expect(r.unread.map((u) => u.file)).toEqual(["notes.xlsx", "photo.png"]);
    expect(r.unread[0]!.reason).toMatch(/\S/);
    expect(r.unread[0]!.reason).not.toMatch(/^notes\.xlsx/);
    expect(r.unread[1]!.reason).toMatch(/not an \.xlsx workbook/);
  });

  it("names the people on this workbook's register whose file was not picked", async () => {
    const { fake, made, staff, host } = await makeFiles(3);
    // The same workbook the files were made from: its register lists all three.
    const files = fake.created.map((b, i) => picked(made[i]!.file, bytesOf(b)));
    const r = await rollupFiles(host, [files[0]!, files[2]!]);
    expect(r.staffCount).toBe(2);
    expect(r.notPicked).toEqual([staff[1]!.name]);
    const all = await rollupFiles(host, files);
    expect(all.notPicked).toEqual([]);
  });

  it("the same person picked twice is rolled up once and named in what was left out", async () => {
    const { fake, made } = await makeFiles(3);
    const files = fake.created.map((b, i) => picked(made[i]!.file, bytesOf(b)));
    const again = picked("copy.xlsx", bytesOf(fake.created[1]!));
    const r = await rollupFiles(setup().host, [...files, again], () => {});
    expect(r.staffCount).toBe(3);
    expect(r.unread).toEqual([]);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.tab).toMatch(/\(copy\.xlsx\)$/);
    expect(r.skipped[0]!.reason).toMatch(/counted twice/);
  });

  it("a second roll-up replaces the summary and chart tabs, never adding more", async () => {
    const { fake, made } = await makeFiles(3);
    const files = fake.created.map((b, i) => picked(made[i]!.file, bytesOf(b)));
    const leaders = setup();
    const first = await rollupFiles(leaders.host, files, () => {});
    leaders.fake.take();
    await leaders.adapter.readWorkbook();
    const reading = leaders.fake.take().syncs;
    const second = await rollupFiles(leaders.host, files.slice(0, 2), () => {});
    expect(leaders.fake.take().syncs).toBe(reading + 2);
    expect(second.tabs).toEqual(first.tabs);
    expect(second.staffCount).toBe(2);
    expect(leaders.fake.state.sheets).toHaveLength(3);
  });

  it("nothing is written when no picked file is a person file", async () => {
    const leaders = setup();
    await expect(
      rollupFiles(leaders.host, [picked("a.xlsx", new Uint8Array([1, 2, 3]))], () => {}),
    ).rejects.toThrow(/No staff tab could be read/);
    expect(leaders.fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(leaders.fake.take().syncs).toBe(0);
  });
});

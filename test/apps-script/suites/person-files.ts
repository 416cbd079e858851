/**
 * One file per person on Google Sheets, through the BUILT bundle with the fake advanced services
 * (test/apps-script/fake/apis.ts), counting requests:
 * - creating: 1 Drive.Files.create + 1 Sheets batchUpdate per person, 1 Drive.Permissions.create
 *   per address shared with, 1 Drive.Files.create per run for the folder; each file holds only its
 *   person's tab and no colleague's name; the leaders' register lists every file;
 * - rolling up: exactly 1 Sheets.Spreadsheets.get per file, the same answers as the same tabs
 *   coloured the same way in one workbook, in chunks the sidebar continues, and files that cannot
 *   be read listed with the reason while the others roll up.
 */
import { describe, expect, it } from "vitest";
import type { CreatePersonFilesResult, RollupPersonFilesResult } from "../../../apps-script/person-files.js";
import type { RollupResult } from "../../../core/panel-api.js";
import { readRegisterTab } from "../../../core/register.js";
import { createFakeGas, type FakeGas } from "../fake/index.js";
import { createStaff, staffList } from "../scenario.js";
import { loadAddon, panelError, type Addon } from "../vm.js";
import { colourLadder, snapshotOf, snapshotsOf } from "../workbook.js";

type Created = CreatePersonFilesResult;
type Rolled = RollupPersonFilesResult;

const TEMPLATE = "leadership-ladder";
const people = (n: number, prefix = "Person") =>
  staffList(n, prefix).map((p, i) => ({
    ...p,
    email: `person${i + 1}@school.example`,
    appraiserEmail: "sam.roe@school.example",
  }));

function leaders(bundle: string): { gas: FakeGas; addon: Addon } {
  const gas = createFakeGas();
  return { gas, addon: loadAddon(gas, bundle) };
}

/** Create files for everyone, in the sidebar's batches of 25, passing the folder on. */
function createAll(addon: Addon, staff: ReturnType<typeof people>, share = "none"): Created["created"] {
  const out: Created["created"] = [];
  let folderId: string | undefined;
  for (let i = 0; i < staff.length; i += 25) {
    const r = addon.call<Created>("createPersonFiles", {
      templateId: TEMPLATE,
      staff: staff.slice(i, i + 25),
      share,
      ...(folderId ? { folderId } : {}),
    });
    folderId = r.folderId;
    out.push(...r.created);
  }
  return out;
}

/** Roll up from the sidebar: call again from `next` with the parts so far, until done. */
function rollupAll(addon: Addon, chunk?: number): { result: Extract<Rolled, { done: true }>; calls: number } {
  let req: Record<string, unknown> = chunk ? { chunk } : {};
  for (let calls = 1; ; calls++) {
    const r = addon.call<Rolled>("rollupPersonFiles", req);
    if (r.done) return { result: r, calls };
    req = { ...req, startAt: r.next, parts: r.parts };
  }
}

/** The same staff as files (A) and as tabs in one workbook (B), coloured the same cells. */
function twin(bundle: string, n: number) {
  const A = leaders(bundle);
  const B = leaders(bundle);
  const staff = people(n);
  const files = createAll(A.addon, staff);
  const tabs = createStaff(
    B.addon,
    staff.map(({ email: _e, appraiserEmail: _a, ...p }) => p),
  );
  tabs.forEach((tab, i) => {
    const sheet = B.gas.ss.tab(tab);
    const id = files[i]!.id;
    const setFill = (row: number, col: number, c: string): void => {
      sheet.cells.at(row, col).bg = c;
      A.gas.apis.setFill(id, row - 1, col - 1, c);
    };
    colourLadder(sheet, "Sep", (i * 7) % 30, { amberAfter: i % 4 === 1 ? 2 : 0, setFill });
    if (i % 2 === 0) colourLadder(sheet, "Mid", (i * 11) % 45, { mistake: i % 5 === 0, setFill });
  });
  return { A, B, files, tabs, staff };
}

export function personFilesSuite(bundle: () => string): void {
  describe("one file per person (advanced Sheets and Drive services)", () => {
    it("makes each file in 2 requests, plus 1 per address shared with and 2 for the folder (look, make)", () => {
      const { gas, addon } = leaders(bundle());
      const log = gas.apis.log;
      const first = log.measure(() =>
        addon.call<Created>("createPersonFiles", { templateId: TEMPLATE, staff: people(5), share: "none" }),
      );
      expect(first.methods).toEqual({
        "Drive.Files.list": 1,
        "Drive.Files.create": 6,
        "Sheets.Spreadsheets.batchUpdate": 5,
      });
      const more = people(15).slice(5);
      const second = log.measure(() =>
        addon.call<Created>("createPersonFiles", {
          templateId: TEMPLATE,
          staff: more,
          share: "silent",
          folderId: first.result.folderId,
        }),
      );
      expect(second.methods).toEqual({
        "Drive.Files.create": 10,
        "Sheets.Spreadsheets.batchUpdate": 10,
        "Drive.Permissions.create": 20,
      });
      const id = second.result.created[0]!.id;
      expect(gas.apis.file(id).parents).toEqual([first.result.folderId]);
      expect(gas.apis.file(id).permissions).toEqual([
        { emailAddress: "person6@school.example", role: "writer", notify: false },
        { emailAddress: "sam.roe@school.example", role: "writer", notify: false },
      ]);
      expect(second.result.problems).toEqual([]);
      // Someone with no address in the list gets a file, is not shared, and the leader is told.
      const noEmail = log.measure(() =>
        addon.call<Created>("createPersonFiles", {
          templateId: TEMPLATE,
          staff: [{ ...people(16)[15]!, email: "" }],
          share: "silent",
          folderId: first.result.folderId,
        }),
      );
      expect(noEmail.methods["Drive.Permissions.create"]).toBe(1);
      expect(noEmail.result.created[0]!.sharedWith).toEqual(["sam.roe@school.example"]);
      expect(noEmail.result.problems).toEqual([
        "Person 016's file was not shared with them: the staff list has no email address for them. Share it from Google Drive, or add the address and share it there.",
      ]);
      console.log(
        `person files: 5 people ${first.total} requests, 10 people shared with 2 each ${second.total} requests`,
      );
    });

    it("puts a newcomer made later without a folder into the year's folder the add-on made before", () => {
      const { gas, addon } = leaders(bundle());
      const first = addon.call<Created>("createPersonFiles", { templateId: TEMPLATE, staff: people(3) });
      const later = gas.apis.log.measure(() =>
        addon.call<Created>("createPersonFiles", {
          templateId: TEMPLATE,
          staff: people(4, "Newcomer").slice(3),
        }),
      );
      // 1 request to find the folder (drive.file lists only the add-on's own files), none to make one.
      expect(later.methods).toEqual({
        "Drive.Files.list": 1,
        "Drive.Files.create": 1,
        "Sheets.Spreadsheets.batchUpdate": 1,
      });
      expect(later.result.folderId).toBe(first.folderId);
      expect(gas.apis.file(later.result.created[0]!.id).parents).toEqual([first.folderId]);
      // A folder the add-on cannot open (made by hand, with the same name) is not found, so not used.
      gas.apis.file(first.folderId).access = false;
      const other = addon.call<Created>("createPersonFiles", {
        templateId: TEMPLATE,
        staff: people(5, "Another").slice(4),
      });
      expect(other.folderId).not.toBe(first.folderId);
      // A name with quotes and a backslash is quoted for Drive's search, and found again.
      const odd = "Staff files: O'Neil \\ Co 2026";
      const made = addon.call<Created>("createPersonFiles", {
        templateId: TEMPLATE,
        staff: people(6, "Odd").slice(5),
        folderName: odd,
      });
      expect(gas.apis.file(made.folderId).name).toBe(odd);
      const again = addon.call<Created>("createPersonFiles", {
        templateId: TEMPLATE,
        staff: people(7, "Odd").slice(6),
        folderName: odd,
      });
      expect(again.folderId).toBe(made.folderId);
    });

    it("puts only the person's own tab in their file, and lists every file in the leaders' register", () => {
      const { gas, addon } = leaders(bundle());
      const staff = people(30);
      const files = createAll(addon, staff);
      expect(files).toHaveLength(30);
      files.forEach((f, i) => {
        const file = gas.apis.file(f.id);
        expect(file.sheets.map((s) => s.properties.title)).toEqual([staff[i]!.name]);
        expect(file.sheets[0]!.hiddenColumns.size).toBe(1); // the marker column
        const text = gas.apis.texts(f.id).join("\n");
        expect(text).toContain(staff[i]!.name);
        for (const other of staff) if (other !== staff[i]) expect(text).not.toContain(other.name);
      });
      const register = readRegisterTab(snapshotsOf(gas.ss));
      expect(register?.entries.map((e) => [e.name, e.file])).toEqual(files.map((f) => [f.name, f.file]));
      // Asking again for people on the register makes no second file.
      const again = addon.call<Created>("createPersonFiles", {
        templateId: TEMPLATE,
        staff: staff.slice(0, 2),
      });
      expect(again.created).toEqual([]);
      expect(again.problems[0]).toMatch(/is on the register already/);
    });

    it("reads each file in exactly one request and rolls up as the same tabs in one workbook", () => {
      const { A, B } = twin(bundle(), 12);
      const m = A.gas.apis.log.measure(() => rollupAll(A.addon));
      expect(m.methods).toEqual({ "Sheets.Spreadsheets.get": 12 });
      const files = m.result.result;
      const one = B.addon.call<RollupResult>("rollupSchool");
      expect(files.staffCount).toBe(12);
      expect(files.skipped).toEqual([]);
      expect(files.unread).toEqual([]);
      expect(files.zones).toEqual(one.zones);
      expect(files.chartCheckpoint).toBe(one.chartCheckpoint);
      expect([files.staffCount, files.errors, files.warnings]).toEqual([
        one.staffCount,
        one.errors,
        one.warnings,
      ]);
      expect(files.errors).toBeGreaterThan(0); // the colouring mistakes were read from the fills
      // The grade-band chart tab holds the distribution: the same in both.
      const chartA = snapshotOf(A.gas.ss.tab(files.tabs[1]!)).values;
      const chartB = snapshotOf(B.gas.ss.tab(one.tabs[1]!)).values;
      expect(chartA.slice(1)).toEqual(chartB.slice(1));
    });

    it("continues in chunks from the sidebar, with the same answer and still one read per file", () => {
      const { A } = twin(bundle(), 12);
      const whole = rollupAll(A.addon).result;
      const m = A.gas.apis.log.measure(() => rollupAll(A.addon, 5));
      expect(m.result.calls).toBe(3);
      expect(m.methods).toEqual({ "Sheets.Spreadsheets.get": 12 });
      expect(m.result.result).toEqual(whole);
    });

    it("lists a deleted file, a file it cannot open and a cell that is no link, and rolls up the rest", () => {
      const { A, files } = twin(bundle(), 8);
      A.gas.apis.files.delete(files[1]!.id);
      A.gas.apis.file(files[4]!.id).access = false;
      const sheet = A.gas.ss.tab("Register");
      let edited = false;
      for (let r = 1; r <= 200 && !edited; r++)
        for (let c = 1; c <= 8; c++)
          if (sheet.peek(r, c)?.value === files[6]!.file) {
            sheet.cells.at(r, c).value = "Person 007 2026-27.xlsx";
            edited = true;
          }
      expect(edited).toBe(true);
      const m = A.gas.apis.log.measure(() => rollupAll(A.addon));
      expect(m.methods).toEqual({ "Sheets.Spreadsheets.get": 7 });
      const r = m.result.result;
      expect(r.staffCount).toBe(5);
      expect(r.skipped).toEqual([]);
      expect(r.files).toBe(8);
      const reasons = r.unread.map((s) => `${s.file}: ${s.reason}`);
      expect(reasons).toHaveLength(3);
      expect(reasons.find((x) => x.includes("Person 002"))).toMatch(/cannot be found/);
      expect(reasons.find((x) => x.includes("Person 005"))).toMatch(/cannot be opened by the add-on/);
      expect(reasons.find((x) => x.includes("Person 007"))).toMatch(/is not a link to a Google spreadsheet/);
    });

    it("rolls up 300 person files in 5 calls of at most 60 reads, the leaders' file costing the same each call", () => {
      const { gas, addon } = leaders(bundle());
      const staff = people(300);
      createAll(addon, staff);
      const perCall: { gets: number; spreadsheetApp: number }[] = [];
      let req: Record<string, unknown> = {};
      let last: Rolled | null = null;
      while (last === null || !last.done) {
        const app = gas.log.measure(() =>
          gas.apis.log.measure(() => addon.call<Rolled>("rollupPersonFiles", req)),
        );
        last = app.result.result;
        perCall.push({ gets: app.result.methods["Sheets.Spreadsheets.get"] ?? 0, spreadsheetApp: app.total });
        if (!last.done) req = { startAt: last.next, parts: last.parts };
      }
      expect(perCall.map((c) => c.gets)).toEqual([60, 60, 60, 60, 60]);
      // Reading the leaders' file (the register) costs the same in every call but the last, which
      // also writes the summary and chart.
      expect(new Set(perCall.slice(0, 4).map((c) => c.spreadsheetApp)).size).toBe(1);
      expect(last.staffCount).toBe(300);
      console.log(
        `300 person files: ${perCall.length} calls, SpreadsheetApp calls per call ${perCall.map((c) => c.spreadsheetApp).join(", ")}`,
      );
    });

    it("registers the files made before Google failed part-way, and a second run makes only the rest", () => {
      const { gas, addon } = leaders(bundle());
      const staff = people(6);
      gas.apis.failBatchUpdateAt = 4;
      let message = "";
      try {
        addon.call("createPersonFiles", { templateId: TEMPLATE, staff });
      } catch (e) {
        message = panelError(e).message;
      }
      expect(message).toMatch(
        /^Made 3 of 6 files and listed them in the register, then Google failed while making Person 004's file/,
      );
      expect(readRegisterTab(snapshotsOf(gas.ss))?.entries.map((e) => e.name)).toEqual(
        staff.slice(0, 3).map((p) => p.name),
      );
      gas.LockService.endExecution();
      const again = addon.call<Created>("createPersonFiles", { templateId: TEMPLATE, staff });
      expect(again.created.map((c) => c.name)).toEqual(staff.slice(3).map((p) => p.name));
      expect(readRegisterTab(snapshotsOf(gas.ss))?.entries).toHaveLength(6);
    });

    it("the fake refuses a batchUpdate with a request outside the grid and applies none of it", () => {
      const { gas } = leaders(bundle());
      const id = gas.apis.Drive.Files.create({
        name: "x",
        mimeType: "application/vnd.google-apps.spreadsheet",
      }).id!;
      const before = JSON.stringify(gas.apis.file(id).sheets[0]!.properties);
      expect(() =>
        gas.apis.Sheets.Spreadsheets.batchUpdate(
          {
            requests: [
              { updateSheetProperties: { properties: { sheetId: 0, title: "Renamed" }, fields: "title" } },
              {
                mergeCells: {
                  range: {
                    sheetId: 0,
                    startRowIndex: 0,
                    endRowIndex: 1,
                    startColumnIndex: 0,
                    endColumnIndex: 27,
                  },
                  mergeType: "MERGE_ALL",
                },
              },
            ],
          },
          id,
        ),
      ).toThrow(/Invalid requests\[1\]: mergeCells: range is outside the grid/);
      expect(JSON.stringify(gas.apis.file(id).sheets[0]!.properties)).toBe(before);
    });

    it("says what to do when there is no register, and refuses a bad request", () => {
      const { addon } = leaders(bundle());
      expect(() => addon.call("rollupPersonFiles", {})).toThrow();
      try {
        addon.call("rollupPersonFiles", {});
      } catch (e) {
        expect(panelError(e).message).toMatch(/no register tab/);
      }
      try {
        addon.call("createPersonFiles", {
          templateId: TEMPLATE,
          staff: people(1).map((p) => ({ ...p, email: "not an address" })),
        });
        expect.unreachable();
      } catch (e) {
        expect(panelError(e).code).toBe("argument-invalid");
      }
    });
  });
}

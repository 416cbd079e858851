/**
 * The panel API on the Sheets side: one plain function per PanelApi method, taking and returning
 * plain JSON (what google.script.run carries). Requests from the sidebar are parsed against a schema
 * first; core plans; the adapter reads before and writes after. Anything that changes the workbook
 * holds the document lock, so the sidebar's calls (which may run several at once) never interleave.
 *
 * It does not catch errors: main.ts turns them into messages at the edge.
 */
import * as z from "zod";
import { parseA1 } from "../core/a1.js";
import {
  bandInfos,
  checkResult,
  planCreate,
  planFeedbackForm,
  planGradeBandChart,
  planRollup,
  planTrust,
  selectionResult,
  templateInfos,
} from "../core/app.js";
import { LadderError } from "../core/errors.js";
import { legalTabName } from "../core/names.js";
import type { PanelApi } from "../core/panel-api.js";
import { parseMarker, type SheetSpec } from "../core/sheet.js";
import { CHECKPOINTS } from "../core/template.js";
import { readSchoolSummary } from "../core/trust.js";
import { reportFromSnapshots } from "../core/report/report.js";
import { listTabs, readActiveTab, readTabs, toCellValue } from "./adapter.js";
import type { GSpreadsheet, Services } from "./ports.js";
import { isTempTab, replaceOwnTabs, withDocumentLock } from "./replace.js";
import { InsertFailed, writeSheet } from "./write.js";

/**
 * PanelApi with synchronous results: what each global function returns through google.script.run
 * (every method, readSelection included: Sheets has a range selection).
 */
export type ServerApi = {
  [K in keyof PanelApi]-?: (
    ...args: Parameters<NonNullable<PanelApi[K]>>
  ) => Awaited<ReturnType<NonNullable<PanelApi[K]>>>;
};

/** Most staff one createTabs call may carry (the panel sends 10 at a time; an execution stops at 6 minutes). */
export const MAX_STAFF_PER_CALL = 100;

/** A string of at most `max` characters, as the sidebar may send it. */
export const text = (max: number) => z.string().max(max);
/** One staff row as the sidebar sends it (createTabs; person-files.ts adds the e-mail addresses). */
export const StaffRowSchema = z.object({
  name: text(1000),
  band: text(200),
  role: text(1000).default(""),
  appraiser: text(1000).default(""),
});
const CreateRequestSchema = z.object({
  templateId: text(100),
  staff: z.array(StaffRowSchema).min(1).max(MAX_STAFF_PER_CALL),
  ticks: z.boolean().default(false),
  upTo: z.number().int().optional(),
  askIfExists: z.boolean().optional(),
});
const FieldsSchema = z.record(text(100), text(2000));
const CheckpointSchema = z.enum(CHECKPOINTS as unknown as [string, ...string[]]).optional();
const CellSchema = z.object({ tab: text(200), cell: text(20) });

/** The sidebar's request checked against its schema, or one plain LadderError naming the field. */
export function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const where = first?.path.length ? ` (${first.path.join(".")})` : "";
  throw new LadderError(
    "argument-invalid",
    `The sidebar sent ${what} the add-on cannot use${where}: ${first?.message ?? "invalid"}.`,
  );
}

/**
 * Specs whose names no tab has yet, without reading every tab's name: `plan(taken)` makes names
 * legal and unique against `taken`, and each name it proposes is looked up once (getSheetByName).
 * A name found taken is added and the plan made again. Linear in the tabs made, not in the tabs there.
 */
export function planFreeNames(book: GSpreadsheet, plan: (taken: string[]) => SheetSpec[]): SheetSpec[] {
  const taken: string[] = [];
  const checked = new Set<string>();
  for (;;) {
    const specs = plan(taken);
    const clashes = specs.filter((spec) => {
      if (checked.has(spec.name)) return false;
      checked.add(spec.name);
      return book.getSheetByName(spec.name) !== null;
    });
    if (clashes.length === 0) return specs;
    taken.push(...clashes.map((spec) => spec.name));
  }
}

/** Every tab's name: one call per tab, only when a name clash got past planFreeNames. */
function allNames(book: GSpreadsheet): string[] {
  return book.getSheets().map((s) => s.getName());
}

/** A cell as staff-list text: quoted when it holds a separator, quote or line break. */

export function makeServer(svc: Services): ServerApi {
  const ss = () => svc.app.getActiveSpreadsheet();
  const locked = <T>(fn: () => T): T => withDocumentLock(svc.app, svc.locks, fn);
  /** Write one new tab at the end and show it; on a name clash, plan again against every name. */
  const writeOne = (
    book: GSpreadsheet,
    count: number,
    spec: SheetSpec,
    plan: (taken: string[]) => SheetSpec,
    bookId?: string,
  ): string => {
    let s = spec;
    try {
      writeSheet(svc.app, book, s, count, s.name, bookId ? { bookId } : {}).activate();
    } catch (e) {
      if (!(e instanceof InsertFailed)) throw e;
      s = plan(allNames(book));
      try {
        writeSheet(svc.app, book, s, count, s.name, bookId ? { bookId } : {}).activate();
      } catch (again) {
        throw again instanceof InsertFailed ? again.error : again;
      }
    }
    return s.name;
  };

  return {
    listTemplates: () => templateInfos(),
    listBands: () => bandInfos(),

    createTabs(req) {
      const r = parse(CreateRequestSchema, req, "a create request");
      return locked(() => {
        const book = ss();
        const count = book.getSheets().length;
        let specs = planFreeNames(book, (taken) => planCreate(r, taken, svc.now()));
        let rechecked = false;
        const created: string[] = [];
        for (let i = 0; i < specs.length; i++) {
          const spec = specs[i]!;
          try {
            const sheet = writeSheet(svc.app, book, spec, count + created.length);
            if (created.length === 0) sheet.activate();
          } catch (e) {
            // A name that differs from a tab's only in case may pass getSheetByName; then read every
            // name once and plan the rest again.
            if (e instanceof InsertFailed && !rechecked) {
              rechecked = true;
              const rest = planCreate({ ...r, staff: r.staff.slice(i) }, allNames(book), svc.now());
              specs = [...specs.slice(0, i), ...rest];
              i--;
              continue;
            }
            const cause = e instanceof InsertFailed ? e.error : e;
            if (created.length === 0) throw cause;
            const why = cause instanceof Error ? cause.message : String(cause);
            throw new LadderError(
              "host-failed",
              `Created ${created.length} of ${specs.length} tabs (up to '${created[created.length - 1]!}'), then Google Sheets failed: ${why}`,
            );
          }
          created.push(spec.name);
        }
        return { created };
      });
    },

    createFeedbackForm(fields) {
      const f = parse(FieldsSchema, fields, "feedback form fields");
      return locked(() => {
        const book = ss();
        const count = book.getSheets().length;
        const plan = (taken: string[]): SheetSpec => planFeedbackForm(f, taken);
        return { tab: writeOne(book, count, planFreeNames(book, (t) => [plan(t)])[0]!, plan) };
      });
    },

    createGradeBandChart() {
      return locked(() => {
        const book = ss();
        const count = book.getSheets().length;
        const bookId = book.getId();
        const plan = (taken: string[]): SheetSpec => {
          const spec = planGradeBandChart(null);
          spec.name = legalTabName(spec.name, taken);
          return spec;
        };
        return { tab: writeOne(book, count, planFreeNames(book, (t) => [plan(t)])[0]!, plan, bookId) };
      });
    },

    checkActiveTab() {
      return checkResult(readActiveTab(ss()).snapshot);
    },

    selectCell(tab, cell) {
      const c = parse(CellSchema, { tab, cell }, "a cell");
      try {
        parseA1(c.cell);
      } catch {
        throw new LadderError("argument-invalid", `'${c.cell}' is not a cell reference like C12.`);
      }
      const sheet = ss().getSheetByName(c.tab);
      if (!sheet) throw new LadderError("argument-invalid", `There is no tab called '${c.tab}' any more.`);
      sheet.getRange(c.cell).activate();
    },

    rollupSchool(checkpoint) {
      const cp = parse(CheckpointSchema, checkpoint ?? undefined, "a checkpoint");
      return locked(() => {
        const book = ss();
        const tabs = listTabs(book, { skip: isTempTab });
        const snapshots = readTabs(tabs.filter((t) => !isTempTab(t.name)));
        const plan = planRollup(snapshots, cp, svc.now());
        const written = replaceOwnTabs(svc.app, book, tabs, plan.sheets);
        return { ...plan.result, tabs: written };
      });
    },

    rollupTrust() {
      return locked(() => {
        const book = ss();
        const all = listTabs(book, { skip: isTempTab });
        const tabs = all.filter((t) => !isTempTab(t.name));
        // School summaries: marked ones, and unmarked tabs whose staff table reads as one (a summary
        // copied in from a school's file loses its marker).
        const summaries = tabs.flatMap((t) => {
          const role = parseMarker(t.marker)?.role;
          if (role !== undefined && role !== "summary") return [];
          const snapshot = t.snapshot!;
          if (role === undefined) {
            try {
              readSchoolSummary(t.name, snapshot);
            } catch {
              return [];
            }
          }
          return [{ school: t.name, snapshot }];
        });
        if (summaries.length === 0)
          throw new LadderError(
            "summary-invalid",
            "There are no school summary tabs in this spreadsheet: roll up each school first, then copy its summary tab here.",
          );
        const plan = planTrust(summaries, svc.now());
        const written = replaceOwnTabs(svc.app, book, all, plan.sheets);
        return { ...plan.result, tabs: written };
      });
    },

    leadershipReport() {
      // Read only: the report rolls up in memory and writes nothing, so no document lock is needed.
      const tabs = listTabs(ss(), { skip: isTempTab });
      return reportFromSnapshots(readTabs(tabs.filter((t) => !isTempTab(t.name))), svc.now());
    },

    readSelection() {
      const range = ss().getActiveRange();
      return selectionResult((range ? range.getValues() : []).map((row) => row.map((v) => toCellValue(v))));
    },
  };
}

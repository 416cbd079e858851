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
  templateInfos,
} from "../core/app.js";
import { LadderError } from "../core/errors.js";
import { legalTabName } from "../core/names.js";
import type { PanelApi } from "../core/panel-api.js";
import { parseMarker } from "../core/sheet.js";
import { CHECKPOINTS } from "../core/template.js";
import { readSchoolSummary } from "../core/trust.js";
import { listTabs, readActiveTab, readSnapshot, readTabs } from "./adapter.js";
import type { Services } from "./ports.js";
import { isTempTab, replaceOwnTabs, withDocumentLock } from "./replace.js";
import { writeSheet } from "./write.js";

/** PanelApi with synchronous results: what each global function returns through google.script.run. */
export type ServerApi = {
  [K in keyof PanelApi]: (...args: Parameters<PanelApi[K]>) => Awaited<ReturnType<PanelApi[K]>>;
};

/** Most staff one createTabs call may carry (the panel sends 10 at a time; an execution stops at 6 minutes). */
export const MAX_STAFF_PER_CALL = 100;

const text = (max: number) => z.string().max(max);
const CreateRequestSchema = z.object({
  templateId: text(100),
  staff: z
    .array(
      z.object({
        name: text(1000),
        band: text(200),
        role: text(1000).default(""),
        appraiser: text(1000).default(""),
      }),
    )
    .min(1)
    .max(MAX_STAFF_PER_CALL),
  ticks: z.boolean().default(false),
  upTo: z.number().int().optional(),
});
const FieldsSchema = z.record(text(100), text(2000));
const CheckpointSchema = z.enum(CHECKPOINTS as unknown as [string, ...string[]]).optional();
const CellSchema = z.object({ tab: text(200), cell: text(20) });

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const where = first?.path.length ? ` (${first.path.join(".")})` : "";
  throw new LadderError(
    "argument-invalid",
    `The sidebar sent ${what} the add-on cannot use${where}: ${first?.message ?? "invalid"}.`,
  );
}

export function makeServer(svc: Services): ServerApi {
  const ss = () => svc.app.getActiveSpreadsheet();
  const locked = <T>(fn: () => T): T => withDocumentLock(svc.app, svc.locks, fn);

  return {
    listTemplates: () => templateInfos(),
    listBands: () => bandInfos(),

    createTabs(req) {
      const r = parse(CreateRequestSchema, req, "a create request");
      return locked(() => {
        const book = ss();
        const names = book.getSheets().map((s) => s.getName());
        const specs = planCreate(r, names, svc.now());
        const created: string[] = [];
        for (const spec of specs) {
          try {
            const sheet = writeSheet(svc.app, book, spec, names.length + created.length);
            if (created.length === 0) sheet.activate();
          } catch (e) {
            if (created.length === 0) throw e;
            const why = e instanceof Error ? e.message : String(e);
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
        const names = book.getSheets().map((s) => s.getName());
        const spec = planFeedbackForm(f, names);
        writeSheet(svc.app, book, spec, names.length).activate();
        return { tab: spec.name };
      });
    },

    createGradeBandChart() {
      return locked(() => {
        const book = ss();
        const names = book.getSheets().map((s) => s.getName());
        const spec = planGradeBandChart(null);
        spec.name = legalTabName(spec.name, names);
        writeSheet(svc.app, book, spec, names.length).activate();
        return { tab: spec.name };
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
        const tabs = listTabs(book);
        const snapshots = readTabs(tabs.filter((t) => !isTempTab(t.name)));
        const plan = planRollup(snapshots, cp, svc.now());
        const written = replaceOwnTabs(svc.app, book, tabs, plan.sheets);
        return { ...plan.result, tabs: written };
      });
    },

    rollupTrust() {
      return locked(() => {
        const book = ss();
        const all = listTabs(book);
        const tabs = all.filter((t) => !isTempTab(t.name));
        // School summaries: marked ones, and unmarked tabs whose staff table reads as one (a summary
        // copied in from a school's file loses its marker).
        const summaries = tabs.flatMap((t) => {
          const role = parseMarker(t.marker)?.role;
          if (role !== undefined && role !== "summary") return [];
          const snapshot = readSnapshot(t.sheet, t.name, t.marker);
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
  };
}

/**
 * The typed panel API: everything the panel (Sheets sidebar, Excel task pane, local preview) asks
 * of its host. One interface, three bridges: google.script.run in Sheets (wrapped in promises; calls
 * may finish out of order), direct calls into the Office adapter in Excel, and the in-memory
 * workbook in the preview. Requests and results are plain JSON so they cross google.script.run.
 */
import type { ChaseList } from "./chase.js";
import type { Finding } from "./findings.js";
import type { FilePart } from "./rollup-files.js";
import type { Band } from "./template.js";

export interface TemplateInfo {
  id: string;
  title: string;
  kind: "ladder" | "rating" | "feedback" | "chart";
  /** Ladder templates: the levels a tab can be generated up to. */
  minLevel?: number;
  maxLevel?: number;
}

/**
 * A grade band as the chart defines it (number, its three labels, entry and expected levels), plus a
 * readable label. The whole band travels so the panel can validate pasted staff lists client-side
 * with core's parseStaffList({ bands }) and nothing is sent if a row is bad.
 */
export interface BandInfo extends Band {
  label: string;
}

export interface StaffInput {
  name: string;
  band: string;
  role: string;
  appraiser: string;
  /** Their email address, when the list gives one (to share a person file with them). */
  email?: string;
  /** Their appraiser's email address, when the list gives one. */
  appraiserEmail?: string;
}

export interface CreateRequest {
  templateId: string;
  /** One or more staff (the panel parses pasted lists with core's parseStaffList and sends batches). */
  staff: StaffInput[];
  ticks: boolean;
  /** Ladder: highest level on the tab. */
  upTo?: number;
  /**
   * Ask first: when someone in `staff` already has a tab of their name (ignoring case), make nothing
   * and throw LadderError "tab-exists" whose details are those people's names exactly as sent, so
   * the panel can ask, then send again without this (a second tab, "Ann Lee (2)") or without them.
   * Unset (the command line's default, which asks in its own way): a second tab is made.
   */
  askIfExists?: boolean;
}

export interface CreateResult {
  /** Names of the tabs created, in order (legal and unique; existing tabs are never overwritten). */
  created: string[];
}

export interface CheckResult {
  tab: string;
  kind: "ladder" | "rating" | "feedback" | null;
  templateTitle: string | null;
  levels: Record<string, number | null> | null;
  findings: Finding[];
  /** Why the tab could not be read, in plain words; null when it was read. */
  skipped: string | null;
}

export interface RollupResult {
  /** Tabs written (summary, grade-band chart). */
  tabs: string[];
  staffCount: number;
  skipped: { tab: string; reason: string }[];
  chartCheckpoint: string;
  /** Why the chart counts that checkpoint, in a sentence. */
  chartReason?: string;
  /** zones[checkpoint][zone] = number of staff */
  zones: Record<string, Record<string, number>>;
  errors: number;
  warnings: number;
  /** Staff tabs with colouring errors, each with its first error's cell, so a panel can name and link them. */
  errorTabs?: { tab: string; cell: string }[];
  /** How each zone is shown (word, symbol, fill), in chart order, so panels never rely on colour alone. */
  zoneKey?: { zone: string; label: string; symbol: string; fill: string }[];
  /** The leader's to-do list (core/chase.ts): who has not filled in the current checkpoint, errors, by appraiser. */
  chase?: ChaseList;
}

/**
 * A roll-up across person files (one file per person): today's result, with each skipped tab named
 * with its file, plus how many files there were and those that could not be read, with the reason.
 * Tabs are in other files, so there are no error tabs to jump to.
 */
export interface FilesRollupResult extends RollupResult {
  files: number;
  unread: { file: string; reason: string }[];
  /** Hosts where the leader picks the files: people on the register whose file was not picked. */
  notPicked?: string[];
}

/**
 * One file per person on Google Sheets: the most people one server call makes files for, and the
 * most person files one roll-up call reads (each call must end within Apps Script's 6 minutes);
 * the sidebar sends batches of these sizes.
 */
export const SHEETS_PERSON_FILES = { peoplePerCall: 25, readsPerCall: 60 } as const;

/** A spreadsheet the Sheets add-on made for one person (one file per person). */
export interface CreatedFile {
  name: string;
  /** The link the register holds. */
  file: string;
  id: string;
  sharedWith: string[];
}

export interface CreatePersonFilesResult {
  folderId: string;
  created: CreatedFile[];
  /** People left out, in words (already on the register, a share that failed ...). */
  problems: string[];
  registerTab: string;
}

/** One call of the Sheets roll-up across person files: more to read (with the parts so far), or done. */
export type RollupPersonFilesResult =
  | { done: false; next: number; total: number; parts: FilePart[] }
  | ({ done: true; total: number } & FilesRollupResult);

export interface TrustResult {
  tabs: string[];
  schools: number;
  problems: string[];
}

/**
 * The staff rows selected in the spreadsheet, for "create tabs from the selected rows". `text` is the
 * selection as a tab-separated list (what the panel's staff-list box takes); `staff` is what
 * parseStaffList makes of it, or empty with line-numbered `problems` when it cannot.
 */
export interface SelectionResult {
  text: string;
  staff: StaffInput[];
  problems: string[];
}

export interface PanelApi {
  listTemplates(): Promise<TemplateInfo[]>;
  listBands(): Promise<BandInfo[]>;
  createTabs(req: CreateRequest): Promise<CreateResult>;
  createFeedbackForm(fields: Record<string, string>): Promise<{ tab: string }>;
  createGradeBandChart(): Promise<{ tab: string }>;
  /** Check the active tab (the one the person is looking at). */
  checkActiveTab(): Promise<CheckResult>;
  /** Select a cell (clicking a finding). */
  selectCell(tab: string, cell: string): Promise<void>;
  rollupSchool(checkpoint?: string): Promise<RollupResult>;
  /** Trust roll-up from the school summary tabs present in this workbook. */
  rollupTrust(): Promise<TrustResult>;
  /** The leadership report (one self-contained HTML page) for this workbook; nothing is written. */
  leadershipReport?(): Promise<string>;
  /** The selected rows as a staff list; only hosts with a range selection (Sheets, Excel) offer it. */
  readSelection?(): Promise<SelectionResult>;
}

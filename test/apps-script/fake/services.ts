/**
 * The fake Ui (add-on menu, sidebar, alerts), HtmlService (serves the built HTML files by name, as
 * Apps Script serves the project's .html files) and LockService (one document lock shared by every
 * "execution"; Apps Script releases a lock when its execution ends, so tests call endExecution()).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type {
  GHtmlOutput,
  GHtmlService,
  GLock,
  GLockService,
  GMenu,
  GUi,
} from "../../../apps-script/ports.js";
import type { CallLog } from "./calls.js";
import { own } from "./guard.js";

export interface FakeMenuRecord {
  items: { caption: string; functionName: string }[];
  added: boolean;
  /** Set for a menu-bar menu (createMenu); absent for the add-on menu (createAddonMenu). */
  title?: string;
}

class FakeMenu implements GMenu {
  constructor(
    private readonly log: CallLog,
    readonly record: FakeMenuRecord,
  ) {}
  addItem(caption: string, functionName: string): GMenu {
    this.log.hit("Menu.addItem", "ui");
    this.record.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): GMenu {
    this.log.hit("Menu.addSeparator", "ui");
    this.record.items.push({ caption: "-", functionName: "" });
    return this;
  }
  addToUi(): void {
    this.log.hit("Menu.addToUi", "ui");
    this.record.added = true;
  }
}

export class FakeHtmlOutput implements GHtmlOutput {
  title = "";
  constructor(
    private readonly log: CallLog,
    readonly file: string,
    readonly content: string,
  ) {}
  setTitle(title: string): GHtmlOutput {
    this.log.hit("HtmlOutput.setTitle", "ui");
    this.title = title;
    return this;
  }
}

export class FakeUi implements GUi {
  readonly menus: FakeMenuRecord[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly alerts: string[] = [];
  constructor(private readonly log: CallLog) {}
  createAddonMenu(): GMenu {
    this.log.hit("Ui.createAddonMenu", "ui");
    const record = { items: [], added: false };
    this.menus.push(record);
    return new FakeMenu(this.log, record);
  }
  createMenu(caption: string): GMenu {
    this.log.hit("Ui.createMenu", "ui");
    const record = { items: [], added: false, title: caption };
    this.menus.push(record);
    return new FakeMenu(this.log, record);
  }
  showSidebar(userInterface: GHtmlOutput): void {
    this.log.hit("Ui.showSidebar", "ui");
    this.sidebars.push(own(userInterface, FakeHtmlOutput, "HtmlOutput"));
  }
  alert(prompt: string): unknown {
    this.log.hit("Ui.alert", "ui");
    this.alerts.push(prompt);
    return "OK";
  }
}

export class FakeHtmlService implements GHtmlService {
  constructor(
    private readonly log: CallLog,
    private readonly dir: string | null,
  ) {}
  createHtmlOutputFromFile(filename: string): GHtmlOutput {
    this.log.hit("HtmlService.createHtmlOutputFromFile", "ui");
    const path = this.dir ? join(this.dir, `${filename}.html`) : "";
    if (!this.dir || !existsSync(path)) throw new Error(`No HTML file named ${filename} was found.`);
    return new FakeHtmlOutput(this.log, filename, readFileSync(path, "utf8"));
  }
}

class FakeLock implements GLock {
  constructor(
    private readonly log: CallLog,
    private readonly service: FakeLockService,
  ) {}
  tryLock(timeoutInMillis: number): boolean {
    this.log.hit("Lock.tryLock", "lock");
    if (!Number.isInteger(timeoutInMillis) || timeoutInMillis < 0) throw new Error("Invalid timeout.");
    if (this.service.holder !== null && this.service.holder !== this) return false;
    this.service.holder = this;
    return true;
  }
  releaseLock(): void {
    this.log.hit("Lock.releaseLock", "lock");
    if (this.service.holder === this) this.service.holder = null;
  }
}

export class FakeLockService implements GLockService {
  holder: GLock | null = null;
  constructor(private readonly log: CallLog) {}
  getDocumentLock(): GLock | null {
    this.log.hit("LockService.getDocumentLock", "lock");
    return new FakeLock(this.log, this);
  }
  /** Another execution holds the document lock (uncounted). */
  holdElsewhere(): void {
    this.holder = { tryLock: () => true, releaseLock: () => undefined };
  }
  /** Apps Script releases an execution's locks when it ends. */
  endExecution(): void {
    this.holder = null;
  }
}

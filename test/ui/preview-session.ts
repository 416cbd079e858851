/**
 * The browser tests' shared set-up on the preview (`npm run preview`): one Chromium and one
 * preview server per test file, and, where a file wants it, a fresh page per test opened at the
 * preview with the panel ready, which must end with no browser dialog and no page error.
 * Each function registers vitest hooks, so call it at the top level of a test file.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { startPreview, type Preview } from "../../scripts/preview-server.js";
import { launch, newPage } from "./browser.js";

export type Watched = Awaited<ReturnType<typeof newPage>>;

export interface PreviewSession {
  readonly browser: Browser;
  readonly preview: Preview;
  /** A new page at the preview, once the panel's Create tab button is there. */
  open(): Promise<Watched>;
}

export function previewSession(): PreviewSession {
  const s = {} as { browser: Browser; preview: Preview };
  beforeAll(async () => {
    s.browser = await launch();
    s.preview = await startPreview(0);
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.preview?.close();
  });
  return {
    get browser() {
      return s.browser;
    },
    get preview() {
      return s.preview;
    },
    async open() {
      const watched = await newPage(s.browser);
      await watched.page.goto(s.preview.url);
      await watched.page.getByRole("button", { name: "Create tab" }).waitFor();
      return watched;
    },
  };
}

/**
 * A fresh page per test (read `.page` and `.watch` in the test's own beforeEach or in the test).
 * With `strict`, a test fails if the page opened a browser dialog or threw.
 */
export function pagePerTest(session: PreviewSession, strict: boolean): { page: Page; watch: Watched } {
  const current = {} as { page: Page; watch: Watched };
  beforeEach(async () => {
    current.watch = await session.open();
    current.page = current.watch.page;
  });
  afterEach(async () => {
    if (strict) {
      expect(current.watch.dialogs).toEqual([]);
      expect(current.watch.errors).toEqual([]);
    }
    await current.page?.close();
  });
  return current;
}

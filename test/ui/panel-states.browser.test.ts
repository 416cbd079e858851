// The panel's states in a real browser (the preview, Debian's chromium), as issue 15 lists them:
// honest status (errors are never "Done", they are counted, named and focused), results where the
// person is looking, questions before a second tab is made, duplicates in a pasted list, and the
// leader's to-do list after a roll-up with each person a button to their tab.
//
// The preview's demo school: Ann Lee (Sam Patel) Sep and Mid; Ben Okafor (Sam Patel) Sep and Mid with
// two colouring errors; Eve Brown (Head) nothing yet; Cara Singh (Head) Sep, in tick boxes.
import { beforeEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { on } from "./preview-helpers.js";
import { pagePerTest, previewSession } from "./preview-session.js";

const current = pagePerTest(previewSession(), true);
let page: Page;
let p: ReturnType<typeof on>;
beforeEach(() => {
  page = current.page;
  p = on(page);
});

/** Is the element's top inside the panel's visible area? */
async function inPanelView(selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const frame = document.querySelector("aside.panel-frame");
    if (!el || !frame) return false;
    const r = el.getBoundingClientRect();
    const f = frame.getBoundingClientRect();
    return r.top >= f.top && r.top < f.bottom;
  }, selector);
}

describe("honest status, where the person is looking", () => {
  it("after Create the section folds away; a check with an error says so in words, counts it and takes focus there", async () => {
    await p.fillOne("Dana Green");
    await expect.poll(p.message).toBe("Done: Made the tab 'Dana Green'.");
    expect(await p.status().getAttribute("data-tone")).toBe("ok");
    expect(await p.section("Make staff tabs").getAttribute("open")).toBeNull();
    await p.cell("C12").click();
    await p.cell("C14").click();
    await p.panel().getByRole("button", { name: "Check this tab" }).click();
    await expect
      .poll(p.message)
      .toBe(
        "Needs attention: 'Dana Green' has 1 colouring error; the first is at C14 (Sep). Choose a finding below to go to its cell.",
      );
    expect(await p.status().getAttribute("data-tone")).toBe("warn");
    expect(await p.message()).not.toMatch(/Done/);
    expect(await p.focused()).toMatch(/class="finding error"[\s\S]*C14/);
    // The finding is in view: the create form no longer pushes it below the fold.
    expect(await inPanelView("button.finding.error")).toBe(true);
  });

  it("a roll-up with errors names the tab, focuses its button, and Enter goes to the cell in the grid", async () => {
    await p.rollUp();
    expect(await p.status().getAttribute("data-tone")).toBe("warn");
    expect(await p.message()).toBe(
      "Needs attention: Rolled up 4 staff, but 1 tab has colouring errors: Ben Okafor. The roll-up counts their levels as coloured; fix them and roll up again.",
    );
    const first = p.panel().locator(".error-tabs button").first();
    const [, tab, ref] = /^(.*) \((\w+\d+)\)$/.exec((await first.textContent()) ?? "")!;
    expect(tab).toBe("Ben Okafor");
    expect(await p.focused()).toContain(`Ben Okafor (${ref!})`);
    await page.keyboard.press("Enter");
    await expect.poll(p.focusedCell).toBe(ref);
    expect(await page.locator('.tabstrip [aria-selected="true"]').textContent()).toBe("Ben Okafor");
  });

  it("a roll-up without errors is Done and still says what is left to do", async () => {
    // Fix Ben's two errors by clicking each finding's cell once: green -> amber, amber -> red.
    await page.locator(".tabstrip [role=tab]", { hasText: "Ben Okafor" }).click();
    await p.panel().getByRole("button", { name: "Check this tab" }).click();
    await p.panel().locator("button.finding.error").first().waitFor();
    const refs = await p
      .panel()
      .locator("button.finding.error .where")
      .evaluateAll((els) => els.map((e) => /([A-Z]+\d+)/.exec(e.textContent ?? "")![1]!));
    expect(refs).toHaveLength(2);
    for (const ref of refs) await p.cell(ref).click();
    await p.rollUp();
    expect(await p.status().getAttribute("data-tone")).toBe("ok");
    expect(await p.message()).toBe(
      "Done: Rolled up 4 staff. To do: 1 person has not filled in Sep yet. See the list under Roll up.",
    );
    expect(await p.panel().locator(".chase .error-tabs").count()).toBe(0);
  });

  it("a trust roll-up with no school summary is not Done: it says what is missing", async () => {
    await p.openSection("Roll up");
    await p.panel().getByRole("button", { name: "Roll up the trust" }).click();
    await expect.poll(() => p.status().getAttribute("data-tone")).toBe("warn");
    expect(await p.message()).toBe(
      "Needs attention: Trust summary made from 0 schools. There is no school summary tab: roll up the school first.",
    );
  });
});

describe("the leader's to-do list after a roll-up", () => {
  it("says what is left and why that checkpoint, lists who to chase and everyone by appraiser, each a button to the tab", async () => {
    await p.rollUp();
    const chase = p.panel().locator(".chase");
    expect(await chase.locator("h3").textContent()).toBe("To do");
    expect(await chase.locator("> p").textContent()).toBe(
      "1 person has not filled in Sep yet; 1 staff tab has colouring errors. The to-do list chases Sep: Sep is the latest checkpoint most staff have filled in (3 of 4 staff).",
    );
    expect(await chase.locator("h4").allTextContents()).toEqual([
      "Tabs with colouring errors (1)",
      "Not filled in Sep yet (1)",
      "Head (2)",
      "Sam Patel (2)",
    ]);
    expect(await chase.locator(".error-tabs li").allTextContents()).toEqual([
      expect.stringMatching(/^Ben Okafor \([A-Z]+\d+\) 2 colouring errors$/) as string,
    ]);
    expect(await chase.locator(".late li").allTextContents()).toEqual(["Eve Brown"]);
    // By appraiser: folded away until wanted; each person once, errors first, state in words.
    const byAppraiser = chase.locator("details.by-appraiser");
    expect(await byAppraiser.getAttribute("open")).toBeNull();
    await byAppraiser.locator("summary").click();
    expect(await byAppraiser.locator(".appraisees li").allTextContents()).toEqual([
      "Eve Brown Sep not filled in yet.",
      "Cara Singh Level 5 in Sep.",
      expect.stringMatching(
        /^Ben Okafor 2 colouring errors, the first at [A-Z]+\d+; level 2 in Sep\.$/,
      ) as string,
      "Ann Lee Level 3 in Sep.",
    ]);
    // A person not filled in goes to the top of their tab.
    await chase.locator(".late button", { hasText: "Eve Brown" }).click();
    await expect.poll(() => page.locator('.tabstrip [aria-selected="true"]').textContent()).toBe("Eve Brown");
    await expect.poll(p.focusedCell).toBe(undefined);
    expect(await page.locator("td.selected").count()).toBe(1);
  });
});

describe("no silent surprises when creating tabs", () => {
  it("the one-person form clears after Create, so pressing Create again makes nothing", async () => {
    await p.fillOne("Kay Board");
    await expect.poll(p.message).toBe("Done: Made the tab 'Kay Board'.");
    await p.openSection("Make staff tabs");
    expect(await p.panel().getByLabel("Name").inputValue()).toBe("");
    await p.panel().getByRole("button", { name: "Create tab", exact: true }).click();
    await expect.poll(p.message).toBe("Problem: Give a name first.");
    expect((await p.tabNames()).filter((n) => n.startsWith("Kay Board"))).toEqual(["Kay Board"]);
  });

  it("asks before a second tab for someone who has one: focus on Cancel, which makes nothing", async () => {
    const before = await p.tabNames();
    await p.fillOne("Ann Lee");
    await expect.poll(() => p.status().getAttribute("data-tone")).toBe("ask");
    expect(await p.message()).toBe(
      "Your answer is needed: Ann Lee has a tab already: make a second one, or cancel?",
    );
    const question = p.panel().locator(".ask");
    expect(await question.getAttribute("role")).toBe("group");
    expect(await question.locator("p").textContent()).toBe(
      "There is already a tab called 'Ann Lee'. Make a second tab for Ann Lee (its name gets a number, such as 'Ann Lee (2)'), or cancel and keep the one they have?",
    );
    expect(await question.getByRole("button").allTextContents()).toEqual(["Make a second tab", "Cancel"]);
    // The safe answer has focus, so pressing Enter again (as in issue 15) makes nothing.
    expect(await p.focused()).toContain(">Cancel<");
    await page.keyboard.press("Enter");
    await expect.poll(p.message).toBe("Nothing was made: Ann Lee keeps the tab they have.");
    expect(await p.status().getAttribute("data-tone")).toBe("info");
    expect(await p.tabNames()).toEqual(before);
    expect(await question.count()).toBe(0);
    expect(await p.focused()).toContain("Create tab");
  });

  it("Escape cancels too; 'Make a second tab' makes one, named with a number", async () => {
    const before = await p.tabNames();
    await p.fillOne("ben okafor");
    await p.panel().locator(".ask").waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(p.message).toBe("Nothing was made: ben okafor keeps the tab they have.");
    expect(await p.tabNames()).toEqual(before);
    await p.fillOne("Ben Okafor");
    await p.panel().getByRole("button", { name: "Make a second tab" }).click();
    await expect.poll(p.message).toBe("Done: Made the tab 'Ben Okafor (2)'.");
    expect(await p.tabNames()).toEqual([...before, "Ben Okafor (2)"]);
  });

  it("a pasted list with a name twice is flagged before anything is made", async () => {
    const before = await p.tabNames();
    await p.pasteList("name,band\nAnn Smith,3\nBo Ray,3\nann smith,4\n");
    await expect
      .poll(() => p.panel().locator(".list-check").textContent())
      .toMatch(/^✗ .*Line 4: 'ann smith' is already on line 2\./);
    expect(await p.panel().locator(".list-check").textContent()).not.toMatch(/staff ready/);
    await p.panel().getByRole("button", { name: "Create tabs" }).click();
    await expect.poll(() => p.status().getAttribute("data-tone")).toBe("error");
    expect(await p.tabNames()).toEqual(before);
  });

  it("a pasted list with people who have tabs asks once, names them, and can skip them", async () => {
    const before = await p.tabNames();
    await p.pasteList("name,band\nAnn Lee,3\nZed One,3\nBen Okafor,4\nZed Two,5\n");
    await expect.poll(() => p.panel().locator(".list-check").textContent()).toBe("✓ 4 staff ready.");
    await p.panel().getByRole("button", { name: "Create tabs" }).click();
    const question = p.panel().locator(".ask");
    await question.waitFor();
    expect(await p.message()).toBe(
      "Your answer is needed: 2 people on the list have a tab already: choose what to do under the list.",
    );
    expect(await question.locator("li").allTextContents()).toEqual(["Ann Lee", "Ben Okafor"]);
    expect(await question.getByRole("button").allTextContents()).toEqual([
      "Make second tabs",
      "Skip these people",
      "Stop",
    ]);
    expect(await p.focused()).toContain(">Stop<");
    await question.getByRole("button", { name: "Skip these people" }).click();
    await expect.poll(p.message).toBe("Done: Made 2 tabs. Skipped 2 people who already had a tab.");
    expect(await p.tabNames()).toEqual([...before, "Zed One", "Zed Two"]);
  });

  it("Stop makes nothing from the list", async () => {
    const before = await p.tabNames();
    await p.pasteList("name,band\nZed One,3\nCara Singh,4\n");
    await p.panel().getByRole("button", { name: "Create tabs" }).click();
    await p.panel().locator(".ask").waitFor();
    await page.keyboard.press("Enter");
    await expect.poll(p.message).toBe("Stopped: no tabs were made.");
    expect(await p.tabNames()).toEqual(before);
  });
});

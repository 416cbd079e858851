// planCreate with askIfExists (the panel's "asks first"): nothing is made when someone already has a
// tab of their name, and the error names them exactly as sent so the panel can ask about them.
import { describe, expect, it } from "vitest";
import { planCreate } from "../../core/app.js";
import { LadderError } from "../../core/errors.js";

const TODAY = new Date("2026-11-23T10:00:00Z");
const person = (name: string) => ({ name, band: "3", role: "", appraiser: "" });
const req = (names: string[], askIfExists?: boolean) => ({
  templateId: "leadership-ladder",
  staff: names.map(person),
  ticks: false,
  ...(askIfExists === undefined ? {} : { askIfExists }),
});

function thrown(fn: () => unknown): LadderError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LadderError) return e;
    throw e;
  }
  throw new Error("expected a LadderError");
}

describe("planCreate, asking first", () => {
  it("refuses one person whose tab exists (ignoring case), making nothing", () => {
    const e = thrown(() => planCreate(req(["Kay Board"], true), ["Sheet1", "kay board"], TODAY));
    expect(e.code).toBe("tab-exists");
    expect(e.message).toBe("There is already a tab called 'Kay Board'. Nothing was made.");
    expect(e.details).toEqual(["Kay Board"]);
  });

  it("names every person on a list who has a tab, as sent, and only them", () => {
    const e = thrown(() =>
      planCreate(req(["Ann Smith", "Bo Ray", "Cy: Dee"], true), ["Ann Smith", "Cy- Dee"], TODAY),
    );
    expect(e.message).toBe("2 people already have a tab with their name. Nothing was made.");
    expect(e.details).toEqual(["Ann Smith", "Cy: Dee"]);
  });

  it("makes the tabs when nobody has one, and a second tab when not asked to ask", () => {
    expect(planCreate(req(["Kay Board"], true), ["Sheet1"], TODAY).map((s) => s.name)).toEqual(["Kay Board"]);
    expect(planCreate(req(["Kay Board"]), ["Kay Board"], TODAY).map((s) => s.name)).toEqual([
      "Kay Board (2)",
    ]);
    expect(planCreate(req(["Kay Board"], false), ["Kay Board"], TODAY).map((s) => s.name)).toEqual([
      "Kay Board (2)",
    ]);
  });

  it("reports a bad row before asking about existing tabs", () => {
    const bad = { ...req(["Kay Board"], true), staff: [{ ...person("Kay Board"), band: "Band 99" }] };
    expect(thrown(() => planCreate(bad, ["Kay Board"], TODAY)).code).toBe("staff-list-invalid");
  });
});

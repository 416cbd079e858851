// The Sheets bridge over a fake google.script.run whose answers arrive out of order.
import { describe, expect, it } from "vitest";
import { createGasApi, PANEL_METHODS, type GasRunner } from "../../ui/bridges/gas.js";
import { encodePanelError, toPanelError } from "../../ui/panel/errors.js";
import { LadderError } from "../../core/errors.js";

type Server = Record<string, (...args: unknown[]) => unknown>;

/** A google.script.run look-alike: each call answers after delays.shift() ms (default 1). */
function fakeRun(server: Server, delays: number[] = []) {
  const calls: { method: string; args: unknown[] }[] = [];
  const make = (
    ok?: (v: unknown, tag?: unknown) => void,
    fail?: (e: unknown, tag?: unknown) => void,
    tag?: unknown,
  ): GasRunner =>
    new Proxy({} as GasRunner, {
      get(_t, prop: string) {
        if (prop === "withSuccessHandler") return (f: typeof ok) => make(f, fail, tag);
        if (prop === "withFailureHandler") return (f: typeof fail) => make(ok, f, tag);
        if (prop === "withUserObject") return (t: unknown) => make(ok, fail, t);
        if (!(prop in server)) return undefined;
        return (...args: unknown[]) => {
          calls.push({ method: prop, args });
          let result: { v: unknown } | { e: unknown };
          try {
            result = { v: server[prop]!(...args) };
          } catch (e) {
            result = { e: new Error(e instanceof Error ? e.message : String(e)) };
          }
          setTimeout(
            () => ("v" in result ? ok?.(result.v, tag) : fail?.(result.e, tag)),
            delays.shift() ?? 1,
          );
        };
      },
    });
  return { run: make(), calls };
}

describe("createGasApi", () => {
  it("calls the Apps Script global of the same name with the arguments", async () => {
    const { run, calls } = fakeRun({
      createTabs: () => ({ created: ["Ann"] }),
      rollupSchool: () => ({ tabs: [] }),
    });
    const api = createGasApi(() => run);
    const req = { templateId: "leadership-ladder", staff: [], ticks: false };
    await expect(api.createTabs(req)).resolves.toEqual({ created: ["Ann"] });
    await api.rollupSchool();
    expect(calls).toEqual([
      { method: "createTabs", args: [req] },
      { method: "rollupSchool", args: [] },
    ]);
  });

  it("never lets an older check answer overwrite a newer one", async () => {
    let n = 0;
    const { run } = fakeRun({ checkActiveTab: () => ({ tab: `answer ${++n}` }) }, [50, 1]);
    const api = createGasApi(() => run);
    const older = api.checkActiveTab();
    const newer = api.checkActiveTab();
    expect((await newer).tab).toBe("answer 2");
    expect((await older).tab).toBe("answer 2");
  });

  it("delivers answers that arrive in order as they are", async () => {
    let n = 0;
    const { run } = fakeRun({ checkActiveTab: () => ({ tab: `answer ${++n}` }) }, [1, 30]);
    const api = createGasApi(() => run);
    const [a, b] = await Promise.all([api.checkActiveTab(), api.checkActiveTab()]);
    expect([a.tab, b.tab]).toEqual(["answer 1", "answer 2"]);
  });

  it("keeps a LadderError's detail lines across the wire", async () => {
    const { run } = fakeRun({
      createTabs: () => {
        throw new Error(encodePanelError(new LadderError("staff-list-invalid", "Bad list.", ["line 3: x"])));
      },
    });
    const api = createGasApi(() => run);
    const e = await api.createTabs({ templateId: "x", staff: [], ticks: false }).catch((x: unknown) => x);
    expect(toPanelError(e)).toEqual({
      code: "staff-list-invalid",
      message: "Bad list.",
      details: ["line 3: x"],
    });
  });

  it("says plainly when google.script.run is missing or lacks a function", async () => {
    await expect(createGasApi().listTemplates()).rejects.toThrow(/open it from the add-on's menu/);
    const { run } = fakeRun({});
    await expect(createGasApi(() => run).listBands()).rejects.toThrow(/no server function 'listBands'/);
  });

  it("lists every PanelApi method once", () => {
    expect(new Set(PANEL_METHODS).size).toBe(PANEL_METHODS.length);
    expect(PANEL_METHODS).toContain("checkActiveTab");
  });
});

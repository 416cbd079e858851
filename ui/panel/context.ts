/**
 * What every panel section shares: the host's PanelApi, the status area, and `act`, which runs one
 * host call for a button. While a call runs the button says so (aria-busy) and ignores further
 * presses; it is never `disabled`, because disabling the focused button would drop keyboard focus.
 */
import type { PanelApi } from "../api.js";
import type { Status } from "./status.js";

export type Host = "sheets" | "excel" | "preview";

export interface Ctx {
  api: PanelApi;
  status: Status;
  host: Host;
  /** Run `fn` for `button`; errors go to the status area (prefixed with `failed`). */
  act(button: HTMLButtonElement, busyText: string, failed: string, fn: () => Promise<void>): Promise<void>;
}

export function makeCtx(api: PanelApi, status: Status, host: Host): Ctx {
  return {
    api,
    status,
    host,
    async act(button, busyText, failed, fn) {
      if (button.getAttribute("aria-busy") === "true") return;
      button.setAttribute("aria-busy", "true");
      button.setAttribute("aria-disabled", "true");
      status.show("busy", busyText);
      try {
        await fn();
      } catch (e) {
        status.error(e, failed);
      } finally {
        button.removeAttribute("aria-busy");
        button.removeAttribute("aria-disabled");
      }
    },
  };
}

/** Split a list into batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

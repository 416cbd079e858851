/**
 * Counts every call the code under test makes on the fake Apps Script services, by method and by
 * kind, and can make call k fail (once, or from k on, as when an execution is killed), so tests can
 * assert call budgets and interrupt a roll-up at every point.
 *
 * Kinds: "read" fetches from the document (getValues, getSheets, getName, metadata accessors ...),
 * "write" changes it, "builder" configures a rule or chart in memory before it is applied, "ui" and
 * "lock" are the other services.
 */

export type CallKind = "read" | "write" | "builder" | "ui" | "lock";

export class InjectedFailure extends Error {
  constructor(
    readonly call: number,
    readonly method: string,
  ) {
    super(
      `Service Spreadsheets failed while accessing document (injected failure at call ${call}: ${method})`,
    );
    this.name = "Exception";
  }
}

export class CallLog {
  count = 0;
  readonly byMethod = new Map<string, number>();
  readonly byKind = new Map<CallKind, number>();
  readonly trace: string[] = [];
  /** Fail on this call number (1-based). */
  failAt: number | null = null;
  /** "once": only call failAt fails; "from": every call from failAt on fails (the execution died). */
  failMode: "once" | "from" = "from";
  tracing = false;

  hit(method: string, kind: CallKind): void {
    this.count++;
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    if (this.tracing) this.trace.push(method);
    if (
      this.failAt !== null &&
      (this.count === this.failAt || (this.failMode === "from" && this.count > this.failAt))
    )
      throw new InjectedFailure(this.count, method);
  }

  kind(k: CallKind): number {
    return this.byKind.get(k) ?? 0;
  }

  method(m: string): number {
    return this.byMethod.get(m) ?? 0;
  }

  reset(): void {
    this.count = 0;
    this.byMethod.clear();
    this.byKind.clear();
    this.trace.length = 0;
    this.failAt = null;
  }

  /** Run `fn` and return how many calls (of each kind) it made. */
  measure<T>(fn: () => T): {
    result: T;
    total: number;
    kinds: Record<CallKind, number>;
    methods: Record<string, number>;
  } {
    const before = { count: this.count, kinds: new Map(this.byKind), methods: new Map(this.byMethod) };
    const result = fn();
    const kinds = {} as Record<CallKind, number>;
    for (const k of ["read", "write", "builder", "ui", "lock"] as const)
      kinds[k] = this.kind(k) - (before.kinds.get(k) ?? 0);
    const methods: Record<string, number> = {};
    for (const [m, n] of this.byMethod) {
      const d = n - (before.methods.get(m) ?? 0);
      if (d) methods[m] = d;
    }
    return { result, total: this.count - before.count, kinds, methods };
  }
}

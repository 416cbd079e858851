/** Types for scripts/build-gas.mjs (the Apps Script build), for tests that run it. */
export declare const OUT_DIR: string;
/** Where --bound writes: the script of a template spreadsheet. */
export declare const BOUND_OUT_DIR: string;
export declare const GLOBAL_NAME: string;
export declare const SCOPES: readonly string[];
export interface AdvancedService {
  userSymbol: string;
  serviceId: string;
  version: string;
}
export declare const ADVANCED_SERVICES: readonly AdvancedService[];
export declare const MANIFEST: {
  timeZone: string;
  dependencies: { enabledAdvancedServices: readonly AdvancedService[] };
  exceptionLogging: string;
  runtimeVersion: string;
  oauthScopes: readonly string[];
};
export declare const BOUND_MANIFEST: typeof MANIFEST;
/**
 * Build dist/apps-script (Code.js, Sidebar.html, appsscript.json), or with `bound` the same files for
 * a template spreadsheet's own script into dist/apps-script-bound; returns the globals declared.
 */
export declare function buildGas(opts?: { quiet?: boolean; bound?: boolean }): Promise<{ names: string[] }>;

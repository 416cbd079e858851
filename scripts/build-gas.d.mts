/** Types for scripts/build-gas.mjs (the Apps Script build), for tests that run it. */
export declare const OUT_DIR: string;
export declare const GLOBAL_NAME: string;
export declare const SCOPES: readonly string[];
export declare const MANIFEST: {
  timeZone: string;
  dependencies: Record<string, never>;
  exceptionLogging: string;
  runtimeVersion: string;
  oauthScopes: readonly string[];
};
/** Build dist/apps-script (Code.js, Sidebar.html, appsscript.json); returns the globals declared. */
export declare function buildGas(opts?: { quiet?: boolean }): Promise<{ names: string[] }>;

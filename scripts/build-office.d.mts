/** Types for scripts/build-office.mjs (the Excel add-in's build), for tests that run it. */
export declare const OFFICE_JS: string;
export declare const OUT: string;
/** Build the add-in into `out`; with `baseUrl`, the manifest for that address, checked offline. */
export declare function buildOffice(opts?: {
  out?: string;
  baseUrl?: string;
}): Promise<{ taskpaneBytes: number; baseUrl: string | null }>;

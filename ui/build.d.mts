// Types for ui/build.mjs (see its header for the CSP decision and how hosts use it).
export declare const REPO_ROOT: string;

export interface PanelCsp {
  /** "hash" (default): a strict <meta> policy; "runtime": none in the file, mountPanel sets one (Apps Script). */
  mode?: "hash" | "runtime";
  scriptSrc?: string[];
  styleSrc?: string[];
  connectSrc?: string[];
  imgSrc?: string[];
  fontSrc?: string[];
  frameSrc?: string[];
}

export interface PanelHtmlOptions {
  entry: string;
  title: string;
  extraHead?: string;
  csp?: PanelCsp;
}

export declare function bundlePanel(entry: string): Promise<{ js: string; css: string }>;
export declare function buildPanelHtml(opts: PanelHtmlOptions): Promise<string>;

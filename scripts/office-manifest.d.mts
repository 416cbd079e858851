/** Types for scripts/office-manifest.mjs (the Excel add-in's production manifest), for tests. */
export declare const DEV_BASE: string;
/** The address as the manifest uses it (https, ending in "/"); throws a plain Error when unusable. */
export declare function normaliseBaseUrl(text: string): string;
/** "0.1.0" -> "0.1.0.0". */
export declare function manifestVersion(pkgVersion: string): string;
/** The dev manifest with every URL moved under `baseUrl` and its Version set. */
export declare function manifestFor(devXml: string, baseUrl: string, pkgVersion: string): string;
/** The manifest with comments, URLs and Version blanked: equal shapes differ only there. */
export declare function manifestShape(xml: string): string;
/** Every problem with `xml` as the manifest for `baseUrl` whose files are in `dir`, as sentences. */
export declare function checkManifest(xml: string, opts: { baseUrl: string; dir: string }): Promise<string[]>;

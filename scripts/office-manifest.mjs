/**
 * The Excel add-in's manifest for a school's own HTTPS address, and its offline check.
 *
 *   manifestFor(devXml, "https://example.org/ladder/", "0.1.0")  the production manifest: every URL
 *       in office-addin/manifest.xml (https://localhost:3000/...) moved under the base address, the
 *       version taken from package.json, nothing else changed (same Id, permissions, requirements);
 *   checkManifest(xml, { baseUrl, dir })  every problem found, as sentences ([] when none).
 *
 * Microsoft's `office-addin-manifest validate` cannot run here: for an XML manifest it POSTs the file
 * to https://validationgateway.omex.office.net/package/api/check (node_modules/office-addin-manifest/
 * lib/validate.js) and, offline, stops with "Unable to contact the manifest validation service"
 * (getaddrinfo ENOTFOUND). So checkManifest checks offline what the schema rules we rely on and the
 * address decide: the XML parses with Microsoft's own reader (office-addin-manifest), the Id is a GUID
 * and the Version has at most four numeric parts, the strings fit the schema's lengths (ShortString
 * 125, LongString 250, resource ids 32, URLs 2048), every resid names a resource that is defined,
 * every URL is https and under the base address, an AppDomain (if one is ever added) is the base's
 * origin, the permission is ReadWriteDocument, and every file a URL names exists in the built folder,
 * icons as PNGs of the size the manifest says. Microsoft's XSD files are not shipped in any npm
 * package we have, so the schema's element order is not checked against the XSD; instead
 * manifestShape() lets the build prove the generated manifest has exactly the dev manifest's elements and attributes,
 * in the same order, with only the URLs changed (the dev manifest is what excel:start sideloads).
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";

export const DEV_BASE = "https://localhost:3000/";

/** Limits from Microsoft's manifest schema (bt:ShortString, bt:LongString, resource ids, URLs). */
const SHORT = 125;
const LONG = 250;
const RESID = 32;
const URL_MAX = 2048;

/** A base address people can type: https only, no query or fragment, ending in "/". */
export function normaliseBaseUrl(text) {
  const given = String(text ?? "").trim();
  if (given !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(given))
    throw new Error(
      `'${given}' is not a full web address: start it with https://, for example https://${given.replace(/^\/+/, "")}.`,
    );
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new Error(
      `'${text}' is not a web address. Give the full address the files will be served from, for example https://example.org/ladder/.`,
    );
  }
  if (url.protocol !== "https:")
    throw new Error(
      `${url.href} does not start with https://. Excel loads add-ins only over HTTPS: serve the files from an https:// address.`,
    );
  if (url.username || url.password)
    throw new Error(`${url.origin}: leave the user name and password out of the address.`);
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname) || url.hostname.endsWith(".localhost"))
    throw new Error(
      `${url.href} is this computer's own address, which nobody else can open. Give the school's https:// web address; to try the add-in on this computer, use npm run excel:start.`,
    );
  if (url.search || url.hash)
    throw new Error(`${url.href}: leave out the part after ? or #; give the folder the files are in.`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

const xmlAttr = (s) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** "0.1.0" -> "0.1.0.0": the manifest's Version has up to four numeric parts. */
export function manifestVersion(pkgVersion) {
  const parts = String(pkgVersion).split(/[.+-]/).slice(0, 4);
  if (parts.length < 1 || parts.some((p) => !/^\d{1,5}$/.test(p)))
    throw new Error(`package.json version '${pkgVersion}' is not numbers separated by dots.`);
  while (parts.length < 4) parts.push("0");
  return parts.join(".");
}

/** The production manifest: the dev manifest's URLs moved under `baseUrl`, its Version set. */
export function manifestFor(devXml, baseUrl, pkgVersion) {
  const base = normaliseBaseUrl(baseUrl);
  let moved = 0;
  const body = devXml
    .replace(/<!--[\s\S]*?-->\s*/, "")
    .replace(/="https:\/\/localhost:3000\/([^"]*)"/g, (_m, path) => {
      moved++;
      return `="${xmlAttr(base + path)}"`;
    })
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, () => {
      moved++;
      return `<AppDomain>${xmlAttr(new URL(base).origin)}</AppDomain>`;
    })
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(pkgVersion)}</Version>`);
  if (moved === 0) throw new Error("office-addin/manifest.xml names no https://localhost:3000/ URL to move.");
  const left = /https?:\/\/(localhost|127\.0\.0\.1)[^"<\s]*/.exec(body);
  if (left)
    throw new Error(`office-addin/manifest.xml names ${left[0]} in a place this build does not move.`);
  // An XML comment may not contain "--", so the command is described rather than quoted.
  const note = [
    "<!--",
    `  Leadership Ladder for Excel, for ${base.replace(/-(?=-)/g, "%2D")}: generated by npm run excel:build with`,
    "  that base URL from office-addin/manifest.xml; do not edit. Copy the rest of this folder to that",
    "  address, then upload this file in the Microsoft 365 admin centre (Settings > Integrated apps >",
    "  Upload custom apps).",
    "-->",
  ].join("\n");
  return body.replace(/^(<\?xml[^>]*\?>\s*)/, `$1${note}\n`);
}

/**
 * The manifest with its comments, URLs and Version blanked and its spacing collapsed: two manifests
 * with the same shape differ only in where they point and their version.
 */
export function manifestShape(xml) {
  return xml
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/https?:\/\/[^"<\s]*/g, "URL")
    .replace(/<Version>[^<]*<\/Version>/, "<Version/>")
    .replace(/\s+/g, " ")
    .trim();
}

const attr = (tag, name) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const unescapeXml = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
function pngSize(bytes) {
  if (bytes.length < 24 || bytes.subarray(1, 4).toString("latin1") !== "PNG") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Read the XML with Microsoft's reader; a parse failure becomes a problem, not a throw. */
async function readWithMicrosoft(xml) {
  const dir = await mkdtemp(join(tmpdir(), "ladder-manifest-"));
  const path = join(dir, "manifest.xml");
  try {
    await writeFile(path, xml);
    return { info: await OfficeAddinManifest.readManifestFile(path) };
  } catch (e) {
    return { error: e instanceof Error ? e.message.split("\n").join(" ") : String(e) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Every problem with `xml` as the manifest for `baseUrl` whose files are in `dir`, as sentences.
 * @param {string} xml
 * @param {{ baseUrl: string, dir: string }} opts
 * @returns {Promise<string[]>}
 */
export async function checkManifest(xml, { baseUrl, dir }) {
  const base = normaliseBaseUrl(baseUrl);
  const problems = [];
  const { info, error } = await readWithMicrosoft(xml);
  if (error) return [`Microsoft's manifest reader cannot read it: ${error}`];
  const text = xml.replace(/<!--[\s\S]*?-->/g, "");

  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(info.id ?? ""))
    problems.push(`The Id '${info.id ?? ""}' is not a GUID.`);
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(info.version ?? ""))
    problems.push(`The Version '${info.version ?? ""}' is not up to four numbers separated by dots.`);
  if (info.officeAppType !== "TaskPaneApp")
    problems.push("It is not a task pane add-in (xsi:type TaskPaneApp).");
  if (info.permissions !== "ReadWriteDocument")
    problems.push(`It asks for '${info.permissions ?? "nothing"}', not ReadWriteDocument.`);
  if ((info.displayName ?? "").length > SHORT) problems.push(`The DisplayName is over ${SHORT} characters.`);
  if ((info.description ?? "").length > LONG) problems.push(`The Description is over ${LONG} characters.`);

  // Resources: ids short enough, every resid defined, strings within their type's length.
  const defined = new Set();
  for (const m of text.matchAll(/<bt:(Image|Url|String)\b[^>]*>/g)) {
    const id = attr(m[0], "id") ?? "";
    defined.add(id);
    if (id.length > RESID) problems.push(`The resource id '${id}' is over ${RESID} characters.`);
  }
  for (const [section, max] of [
    ["ShortStrings", SHORT],
    ["LongStrings", LONG],
  ])
    for (const block of text.matchAll(new RegExp(`<bt:${section}>([\\s\\S]*?)</bt:${section}>`, "g")))
      for (const s of block[1].matchAll(/<bt:String\b[^>]*>/g))
        if (unescapeXml(attr(s[0], "DefaultValue") ?? "").length > max)
          problems.push(`The string '${attr(s[0], "id")}' is over ${max} characters.`);
  for (const m of text.matchAll(/\bresid="([^"]*)"/g))
    if (!defined.has(m[1])) problems.push(`resid '${m[1]}' names no resource in <Resources>.`);

  // URLs: https, under the base, short enough, and naming a file the build wrote.
  const urls = [...text.matchAll(/\b(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) =>
    unescapeXml(m[1]),
  );
  if (urls.length === 0) problems.push("It names no URL.");
  const root = resolve(dir);
  for (const u of new Set(urls)) {
    if (u.length > URL_MAX) problems.push(`${u.slice(0, 60)}... is over ${URL_MAX} characters.`);
    if (!u.startsWith("https://")) problems.push(`${u} is not https.`);
    if (!u.startsWith(base)) {
      problems.push(`${u} is not under ${base}.`);
      continue;
    }
    const rel = decodeURIComponent(u.slice(base.length).split(/[?#]/)[0]);
    const file = resolve(root, rel);
    if (!file.startsWith(root + sep) || !existsSync(file))
      problems.push(`${u} names ${rel || "the folder itself"}, which is not in the built files.`);
  }
  if (info.defaultSettings?.sourceLocation !== `${base}taskpane.html`)
    problems.push(`The task pane (SourceLocation) is not ${base}taskpane.html.`);
  // AppDomains: the add-in needs none (its pages are all on the base's origin); any listed must be
  // that origin, so the add-in never opens pages elsewhere.
  for (const m of text.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g))
    if (unescapeXml(m[1]).replace(/\/$/, "") !== new URL(base).origin)
      problems.push(`The AppDomain ${m[1]} is not ${new URL(base).origin}.`);

  // Icons: PNGs of the declared size (IconUrl 32, HighResolutionIconUrl 64, bt:Image by its size).
  const images = new Map(
    [...text.matchAll(/<bt:Image\b[^>]*\bid="([^"]*)"[^>]*\bDefaultValue="([^"]*)"/g)].map((m) => [
      m[1],
      unescapeXml(m[2]),
    ]),
  );
  const wanted = [
    [info.iconUrl, 32],
    [info.highResolutionIconUrl, 64],
    ...[...text.matchAll(/<bt:Image\b[^>]*\bsize="(\d+)"[^>]*\bresid="([^"]*)"/g)].map((m) => [
      images.get(m[2]),
      Number(m[1]),
    ]),
  ];
  for (const [u, size] of wanted) {
    if (!u?.startsWith(base)) continue;
    const file = resolve(root, decodeURIComponent(u.slice(base.length)));
    if (!file.startsWith(root + sep) || !existsSync(file)) continue;
    const got = pngSize(readFileSync(file));
    if (!got) problems.push(`${u} is not a PNG.`);
    else if (got.width !== size || got.height !== size)
      problems.push(`${u} is ${got.width}x${got.height}, where the manifest wants ${size}x${size}.`);
  }
  return [...new Set(problems)];
}

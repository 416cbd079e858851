/**
 * The Excel add-in for a school's own HTTPS address (issue 15, "Install for a whole school"):
 * `npm run excel:build -- --base-url https://...` writes the static files and a manifest whose every
 * URL is under that address, checked offline. Built here for two addresses into temporary folders
 * (never dist/, which other tests use), then read back as Microsoft's own manifest reader reads it.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOffice } from "../../scripts/build-office.mjs";
import {
  checkManifest,
  manifestFor,
  manifestShape,
  normaliseBaseUrl,
} from "../../scripts/office-manifest.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const DEV = readFileSync(resolve(ROOT, "office-addin/manifest.xml"), "utf8");
const PKG_VERSION = (JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { version: string })
  .version;

/** Two addresses a school might use: a plain folder, and a port with a space in the folder name. */
const SITES = [
  { given: "https://school.example/ladder", base: "https://school.example/ladder/" },
  {
    given: "https://trust.example.org:8443/apps/leadership ladder/",
    base: "https://trust.example.org:8443/apps/leadership%20ladder/",
  },
] as const;

const tmp = mkdtempSync(join(tmpdir(), "ladder-install-"));
const built = new Map<string, { dir: string; xml: string }>();

beforeAll(async () => {
  for (const [i, site] of SITES.entries()) {
    const dir = join(tmp, `site${String(i)}`);
    const r = await buildOffice({ out: dir, baseUrl: site.given });
    expect(r.baseUrl).toBe(site.base);
    built.set(site.base, { dir, xml: readFileSync(join(dir, "manifest.xml"), "utf8") });
  }
}, 120_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const site = (base: string): { dir: string; xml: string } => {
  const s = built.get(base);
  if (!s) throw new Error(`not built: ${base}`);
  return s;
};

/** Every URL the manifest names (attribute values and element text), namespace names excepted. */
function urlsIn(xml: string): string[] {
  const text = xml.replace(/<!--[\s\S]*?-->/g, "").replace(/\sxmlns(:\w+)?="[^"]*"/g, "");
  return [...text.matchAll(/https?:\/\/[^"<\s]*/g)].map((m) => m[0].replace(/&amp;/g, "&"));
}

async function readWithMicrosoft(xml: string): ReturnType<typeof OfficeAddinManifest.readManifestFile> {
  const file = join(tmp, `read-${String(Math.random()).slice(2)}.xml`);
  writeFileSync(file, xml);
  return OfficeAddinManifest.readManifestFile(file);
}

describe.each(SITES)("the manifest for $given", ({ base }) => {
  it("points every URL under the address, with no localhost left", () => {
    const { xml } = site(base);
    const urls = urlsIn(xml);
    // Icons (2 + 3), SupportUrl, and the 3 bt:Url resources at least.
    expect(urls.length).toBeGreaterThanOrEqual(9);
    for (const u of urls) expect(u.startsWith(base), u).toBe(true);
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it("names each part the task pane needs at that address, as Microsoft's reader reads it", async () => {
    const info = await readWithMicrosoft(site(base).xml);
    expect(info.defaultSettings?.sourceLocation).toBe(`${base}taskpane.html`);
    expect(info.iconUrl).toBe(`${base}assets/icon-32.png`);
    expect(info.highResolutionIconUrl).toBe(`${base}assets/icon-64.png`);
    expect(info.supportUrl).toBe(`${base}support.html`);
    const xml = site(base).xml;
    for (const [id, path] of [
      ["Commands.Url", "commands.html"],
      ["Taskpane.Url", "taskpane.html"],
      ["Support.Url", "support.html"],
      ["Icon.16x16", "assets/icon-16.png"],
      ["Icon.80x80", "assets/icon-80.png"],
    ])
      expect(xml).toContain(`id="${id}" DefaultValue="${base}${path}"`);
    // The add-in needs no other origin; none is listed.
    expect(xml).not.toContain("<AppDomain");
  });

  it("keeps ReadWriteDocument, the dev manifest's Id and requirements, and the package's version", async () => {
    const info = await readWithMicrosoft(site(base).xml);
    const dev = await readWithMicrosoft(DEV);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.id).toBe(dev.id);
    // "0.1.0" in package.json is "0.1.0.0" in the manifest (up to four numbers).
    expect(info.version?.split(".")).toHaveLength(4);
    expect(info.version?.startsWith(PKG_VERSION)).toBe(true);
    // Only URLs and Version differ from the manifest excel:start sideloads.
    expect(manifestShape(site(base).xml)).toBe(manifestShape(DEV));
  });

  it("names only files the build wrote: every URL's file exists, icons at their declared size", () => {
    const { dir, xml } = site(base);
    for (const u of new Set(urlsIn(xml))) {
      const file = join(dir, decodeURIComponent(u.slice(base.length)));
      expect(existsSync(file), `${u} -> ${file}`).toBe(true);
    }
    for (const n of [16, 32, 64, 80]) {
      const png = readFileSync(join(dir, `assets/icon-${String(n)}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([n, n]);
    }
    expect(readFileSync(join(dir, "taskpane.html"), "utf8")).toContain("appsforoffice.microsoft.com");
  });

  it("passes the offline check", async () => {
    const { dir, xml } = site(base);
    expect(await checkManifest(xml, { baseUrl: base, dir })).toEqual([]);
  });
});

describe("the two addresses", () => {
  it("give the same manifest but for the address", () => {
    const [a, b] = SITES;
    expect(site(a.base).xml.split(a.base).join(b.base)).toBe(site(b.base).xml);
  });
});

describe("the offline check finds what would break the add-in", () => {
  const base = SITES[0].base;

  it("a URL outside the address, a missing file, another permission, a wrong-sized icon", async () => {
    const { dir, xml } = site(base);
    const elsewhere = xml.replace(`${base}support.html`, "https://elsewhere.example/support.html");
    expect(await checkManifest(elsewhere, { baseUrl: base, dir })).toContain(
      `https://elsewhere.example/support.html is not under ${base}.`,
    );
    const wider = xml.replace("<Permissions>ReadWriteDocument<", "<Permissions>ReadWriteMailbox<");
    expect(await checkManifest(wider, { baseUrl: base, dir })).toContain(
      "It asks for 'ReadWriteMailbox', not ReadWriteDocument.",
    );

    const partial = join(tmp, "partial");
    const full = join(tmp, "partial-check");
    for (const d of [partial, full]) {
      rmSync(d, { recursive: true, force: true });
      // A copy of the build without commands.html, and with the 64-pixel icon where the 32 should be.
      cpSync(dir, d, { recursive: true });
    }
    rmSync(join(partial, "commands.html"));
    copyFileSync(join(dir, "assets/icon-64.png"), join(partial, "assets/icon-32.png"));
    const problems = await checkManifest(xml, { baseUrl: base, dir: partial });
    expect(problems).toContain(`${base}commands.html names commands.html, which is not in the built files.`);
    expect(problems).toContain(`${base}assets/icon-32.png is 64x64, where the manifest wants 32x32.`);
    expect(await checkManifest(xml, { baseUrl: base, dir: full })).toEqual([]);
  });

  it("an undefined resource id and an AppDomain elsewhere", async () => {
    const { dir, xml } = site(base);
    const badRes = xml.replace('<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="Nowhere.Url"/>');
    expect(await checkManifest(badRes, { baseUrl: base, dir })).toContain(
      "resid 'Nowhere.Url' names no resource in <Resources>.",
    );
    const domain = xml.replace(
      "<Hosts>",
      "<AppDomains><AppDomain>https://elsewhere.example</AppDomain></AppDomains>\n  <Hosts>",
    );
    expect(await checkManifest(domain, { baseUrl: base, dir })).toContain(
      "The AppDomain https://elsewhere.example is not https://school.example.",
    );
  });

  it("an address too long for the manifest stops the build, leaving no manifest", async () => {
    const dir = join(tmp, "too-long");
    const long = `https://school.example/${"a".repeat(2100)}/`;
    await expect(buildOffice({ out: dir, baseUrl: long })).rejects.toThrow(/is over 2048 characters/);
    expect(existsSync(join(dir, "manifest.xml"))).toBe(false);
  });
});

describe("an address that cannot work is refused in plain words", () => {
  it.each([
    ["http://school.example/ladder/", "http://school.example/ladder/ does not start with https://."],
    ["school.example/ladder", "'school.example/ladder' is not a full web address: start it with https://"],
    ["https://localhost:3000/", "https://localhost:3000/ is this computer's own address"],
    ["https://school.example/ladder/?v=2", "leave out the part after ? or #"],
    ["https://", "'https://' is not a web address."],
  ])("%s", (given, message) => {
    expect(() => normaliseBaseUrl(given)).toThrow(message);
    try {
      normaliseBaseUrl(given);
    } catch (e) {
      expect((e as Error).message).toMatch(/\.$/);
      expect((e as Error).message).not.toMatch(/undefined|TypeError|ERR_/);
    }
  });

  it("from the command line: exit 2, one line prefixed excel:build, nothing built", () => {
    const r = spawnSync(
      process.execPath,
      [resolve(ROOT, "scripts/build-office.mjs"), "--base-url", "http://school.example/"],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([
      "excel:build: http://school.example/ does not start with https://. Excel loads add-ins only over HTTPS: serve the files from an https:// address.",
    ]);
    const bare = spawnSync(process.execPath, [resolve(ROOT, "scripts/build-office.mjs"), "school.example"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain("write --base-url https://school.example.");
  });

  it("the production manifest is made from the dev one only for an https address", () => {
    expect(() => manifestFor(DEV, "http://school.example/", PKG_VERSION)).toThrow(/https/);
    expect(manifestFor(DEV, "https://school.example", PKG_VERSION)).toContain(
      '<SourceLocation DefaultValue="https://school.example/taskpane.html"/>',
    );
  });
});

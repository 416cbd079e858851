// The manifest Excel loads: least privilege (ReadWriteDocument and nothing else), the requirement
// set the code needs, the task pane page the build writes, and icons that exist. Parsed twice: with
// office-addin-manifest (Microsoft's own reader, offline) and element by element from the XML text.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const PATH = resolve(ROOT, "office-addin/manifest.xml");
const XML = readFileSync(PATH, "utf8").replace(/<!--[\s\S]*?-->/g, "");

const elements = (name: string) => [
  ...XML.matchAll(new RegExp(`<${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`, "g")),
];

describe("office-addin/manifest.xml", () => {
  it("asks for ReadWriteDocument and no more", async () => {
    const info = await OfficeAddinManifest.readManifestFile(PATH);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(elements("Permissions").map((m) => m[1]?.trim())).toEqual(["ReadWriteDocument"]);
    expect(elements("AppDomains")).toEqual([]);
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.officeAppType).toBe("TaskPaneApp");
  });

  it("requires ExcelApi 1.9 (getCellProperties, onFormatChanged) and nothing else", () => {
    const sets = elements("Set").map((m) => m[0]);
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatch(/Name="ExcelApi"/);
    expect(sets[0]).toMatch(/MinVersion="1\.9"/);
  });

  it("points at the task pane the build writes, over https://localhost:3000, with icons that exist", async () => {
    const info = await OfficeAddinManifest.readManifestFile(PATH);
    expect(info.defaultSettings?.sourceLocation).toBe("https://localhost:3000/taskpane.html");
    const urls = [...XML.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.every((u) => u.startsWith("https://localhost:3000/"))).toBe(true);
    for (const u of urls.filter((x) => x.endsWith(".png"))) {
      const file = resolve(ROOT, "office-addin", u.replace("https://localhost:3000/", ""));
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
    }
    const pages = new Set(
      urls.filter((x) => x.endsWith(".html")).map((u) => u.replace("https://localhost:3000/", "")),
    );
    expect(pages).toEqual(new Set(["taskpane.html", "commands.html", "support.html"]));
  });
});

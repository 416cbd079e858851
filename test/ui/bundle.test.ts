// The built panel pages: one self-contained file, a small sidebar, the CSP each host gets, and no
// code built from strings or markup written from data.
import { describe, expect, it } from "vitest";
import { buildPanelHtml, bundlePanel } from "../../ui/build.mjs";

describe("buildPanelHtml", () => {
  it("makes one self-contained page with a hash-based policy and no inline handlers", async () => {
    const html = await buildPanelHtml({
      entry: "ui/main-preview.ts",
      title: "T <&>",
      csp: { connectSrc: ["'self'"] },
    });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("connect-src 'self'");
    expect(html).toContain("<title>T &#60;&#38;&#62;</title>");
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it("hashes inline scripts a host adds to the head", async () => {
    const html = await buildPanelHtml({
      entry: "ui/main-sheets.ts",
      title: "x",
      extraHead:
        '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script>1</script>',
      csp: { scriptSrc: ["https://appsforoffice.microsoft.com"] },
    });
    const scriptSrc = /script-src ([^;]+);/.exec(html)?.[1] ?? "";
    expect(scriptSrc.match(/'sha256-/g)).toHaveLength(2);
    expect(scriptSrc).toContain("https://appsforoffice.microsoft.com");
  });

  it("leaves the policy to the panel at run time for Apps Script, which ignores <meta> tags", async () => {
    const html = await buildPanelHtml({ entry: "ui/main-sheets.ts", title: "x", csp: { mode: "runtime" } });
    expect(/<meta http-equiv="Content-Security-Policy"/.test(html)).toBe(false);
    expect(html.includes("script-src-attr 'none'")).toBe(true);
  });

  it("keeps the Sheets sidebar small and free of eval, new Function and HTML-from-strings", async () => {
    const { js, css } = await bundlePanel("ui/main-sheets.ts");
    expect(js.length + css.length).toBeLessThan(60_000);
    for (const banned of [
      /\beval\(/,
      /new Function\(/,
      /\.innerHTML\b/,
      /\.outerHTML\b/,
      /insertAdjacentHTML/,
      /document\.write/,
    ])
      expect(banned.test(js), String(banned)).toBe(false);
    expect(/ZodError|\$ZodType/.test(js), "zod in the sidebar").toBe(false);
  });

  it("keeps the preview free of HTML-from-strings too", async () => {
    const { js } = await bundlePanel("ui/main-preview.ts");
    for (const banned of [/\.innerHTML\s*=/, /insertAdjacentHTML/, /document\.write/])
      expect(banned.test(js), String(banned)).toBe(false);
  });

  it("offers one file per person in every host, but carries the .xlsx layer only in the Excel pane and preview (Sheets makes files on the server)", async () => {
    const layer = /\[Content_Types\]\.xml/;
    const sidebar = (await bundlePanel("ui/main-sheets.ts")).js;
    expect(/Make the files/.test(sidebar), "the section in the sidebar").toBe(true);
    expect(/Roll up the files on the register/.test(sidebar), "the register roll-up in the sidebar").toBe(
      true,
    );
    expect(layer.test(sidebar), ".xlsx layer in the sidebar").toBe(false);
    for (const entry of ["ui/main-preview.ts", "office-addin/main.ts"]) {
      const { js } = await bundlePanel(entry);
      expect(/Make the files/.test(js), `the section in ${entry}`).toBe(true);
      expect(layer.test(js), `.xlsx layer in ${entry}`).toBe(true);
    }
  });
});

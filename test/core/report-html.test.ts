// The report's HTML helpers: every hostile name from the shared corpus renders as text, not markup.
import { describe, expect, it } from "vitest";
import { esc, row } from "../../core/report/html.js";
import { HOSTILE_NAMES } from "../bad-inputs/hostile-names.js";

function decode(html: string): string {
  return html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("report html escaping", () => {
  it.each(HOSTILE_NAMES)("%s: no markup characters survive and the text round-trips", (_label, name) => {
    const out = esc(name);
    expect(out).not.toMatch(/[<>"']/);
    expect(decode(out)).toBe(name);
  });

  it("escapes every cell of a row and keeps numbers", () => {
    const html = row(["<b>x</b>", 3], "th");
    expect(html).toBe("<tr><th>&lt;b&gt;x&lt;/b&gt;</th><th>3</th></tr>");
  });
});

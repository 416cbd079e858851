/**
 * Reads the report's HTML back in tests: a table by id as rows of cell texts (entities decoded), and
 * the report's visible text. Regular expressions are enough: the report's markup is ours, flat and
 * regular (every table has a thead and a tbody of plain cells).
 */

export function decode(s: string): string {
  return s
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The body rows of `<table id="ID">`, each a list of cell texts. Throws when the table is missing. */
export function tableRows(html: string, id: string): string[][] {
  const m = new RegExp(`<table[^>]*id="${id}"[^>]*>.*?<tbody>(.*?)</tbody>`, "s").exec(html);
  if (!m) throw new Error(`no table with id ${id}`);
  return [...(m[1] ?? "").matchAll(/<tr>(.*?)<\/tr>/gs)].map((r) =>
    [...(r[1] ?? "").matchAll(/<t[dh]>(.*?)<\/t[dh]>/gs)].map((c) => decode(c[1] ?? "")),
  );
}

/** The header cells of `<table id="ID">`. */
export function tableHead(html: string, id: string): string[] {
  const m = new RegExp(`<table[^>]*id="${id}"[^>]*>.*?<thead>(.*?)</thead>`, "s").exec(html);
  if (!m) throw new Error(`no table with id ${id}`);
  return [...(m[1] ?? "").matchAll(/<th>(.*?)<\/th>/gs)].map((c) => decode(c[1] ?? ""));
}

/** The inner HTML of `<section id="ID">`. */
export function section(html: string, id: string): string {
  const m = new RegExp(`<section id="${id}">(.*?)</section>`, "s").exec(html);
  if (!m) throw new Error(`no section with id ${id}`);
  return m[1] ?? "";
}

/**
 * Every place the document could reach the network when opened: URLs with a scheme or starting
 * "//", and the attributes and CSS that load things (src, href, srcset, url(), @import).
 */
export function networkRefs(html: string): string[] {
  const found = [
    ...html.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)]*/gi),
    ...html.matchAll(/["'(]\/\/[^\s"'<>)]*/g),
    ...html.matchAll(/\s(?:src|href|srcset|action|poster|data)\s*=/gi),
    ...html.matchAll(/url\(|@import|<script|<link|<iframe|<object|<embed|<img/gi),
  ];
  // The SVG namespace is a name, not a place fetched: the report writes inline SVG without it.
  return found.map((m) => m[0]);
}

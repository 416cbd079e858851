/**
 * Test-only surgery on .xlsx bytes, to build files the way other programs write them: a workbook's
 * own theme part (Office 2007 vs 2013 colour schemes), and cell fills stored as theme colours with a
 * tint, indexed-palette entries or LibreOffice's solid fills. Shared by the tests and by
 * scripts/make-fixtures.ts, so the committed fixtures can be regenerated.
 *
 * It edits the XML as text on purpose: the point is to control the exact bytes a writer produces.
 */
import JSZip from "jszip";
import { openBook } from "../../xlsx/index.js";

/** Tab name -> its worksheet part, found through the package's relationships (the layer's reader). */
function sheetParts(bytes: Uint8Array): Map<string, string> {
  const view = openBook(bytes, "test file").view!;
  return new Map(view.sheets.flatMap((s) => (s.part ? [[s.name, s.part] as const] : [])));
}

/** Office 2007's scheme (accent6 orange) and Office 2013's (accent6 green), dk1..folHlink order. */
export const SCHEME_2007 = {
  dk2: "1F497D",
  lt2: "EEECE1",
  accent1: "4F81BD",
  accent2: "C0504D",
  accent3: "9BBB59",
  accent4: "8064A2",
  accent5: "4BACC6",
  accent6: "F79646",
  hlink: "0000FF",
  folHlink: "800080",
};
export const SCHEME_2013 = {
  dk2: "44546A",
  lt2: "E7E6E6",
  accent1: "4472C4",
  accent2: "ED7D31",
  accent3: "A5A5A5",
  accent4: "FFC000",
  accent5: "5B9BD5",
  accent6: "70AD47",
  hlink: "0563C1",
  folHlink: "954F72",
};
export type Scheme = typeof SCHEME_2007;

/** A complete minimal theme part with the given colour scheme. */
export function themeXml(s: Scheme, name: string): string {
  const slot = (tag: keyof Scheme): string => `<a:${tag}><a:srgbClr val="${s[tag]}"/></a:${tag}>`;
  const font = `<a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/>`;
  const fillStyle = `<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`;
  const line = `<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="${name}"><a:themeElements>` +
    `<a:clrScheme name="${name}"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>` +
    `<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>${slot("dk2")}${slot("lt2")}` +
    `${slot("accent1")}${slot("accent2")}${slot("accent3")}${slot("accent4")}${slot("accent5")}${slot("accent6")}` +
    `${slot("hlink")}${slot("folHlink")}</a:clrScheme>` +
    `<a:fontScheme name="${name}"><a:majorFont>${font}</a:majorFont><a:minorFont>${font}</a:minorFont></a:fontScheme>` +
    `<a:fmtScheme name="${name}"><a:fillStyleLst>${fillStyle.repeat(3)}</a:fillStyleLst>` +
    `<a:lnStyleLst>${line.repeat(3)}</a:lnStyleLst><a:effectStyleLst>${"<a:effectStyle><a:effectLst/></a:effectStyle>".repeat(3)}</a:effectStyleLst>` +
    `<a:bgFillStyleLst>${fillStyle.repeat(3)}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`
  );
}

/** Put `theme` in as xl/theme/theme1.xml, adding the relationship and content type if missing. */
export async function setTheme(bytes: Uint8Array, theme: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file("xl/theme/theme1.xml", theme);
  const relsPath = "xl/_rels/workbook.xml.rels";
  let rels = (await zip.file(relsPath)?.async("string")) ?? "";
  if (!/\/relationships\/theme"/.test(rels))
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>`,
    );
  zip.file(relsPath, rels);
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  if (!types.includes("/xl/theme/theme1.xml"))
    types = types.replace(
      "</Types>",
      `<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>`,
    );
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Fill XML snippets as different writers store them. */
export const FILL = {
  theme: (index: number, tint = 0): string =>
    `<fill><patternFill patternType="solid"><fgColor theme="${index}"${tint ? ` tint="${tint}"` : ""}/><bgColor indexed="64"/></patternFill></fill>`,
  indexed: (index: number): string =>
    `<fill><patternFill patternType="solid"><fgColor indexed="${index}"/><bgColor indexed="64"/></patternFill></fill>`,
  /** LibreOffice: solid with the colour in fgColor and an explicit bgColor. */
  libre: (rgb: string): string =>
    `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor rgb="FF${rgb}"/></patternFill></fill>`,
  /** Only a background colour (some writers omit fgColor on solid fills). */
  bgOnly: (rgb: string): string =>
    `<fill><patternFill patternType="solid"><bgColor rgb="FF${rgb}"/></patternFill></fill>`,
};

/**
 * Give cells of one tab a new fill (XML snippet), keeping the rest of each cell's style (borders,
 * fonts): each painted cell gets a copy of its own cell format with the new fill.
 */
export async function paintCells(
  bytes: Uint8Array,
  sheetName: string,
  cells: readonly { ref: string; fill: string }[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const sheetPath = sheetParts(bytes).get(sheetName);
  if (!sheetPath) throw new Error(`no tab ${sheetName}`);
  let styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
  let sheet = (await zip.file(sheetPath)?.async("string")) ?? "";

  const fillsBody = /<fills\b[^>]*>([\s\S]*?)<\/fills>/.exec(styles);
  const xfsBody = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles);
  if (!fillsBody || !xfsBody) throw new Error("styles.xml without fills or cellXfs");
  const fills = [...fillsBody[1]!.matchAll(/<fill\b[\s\S]*?<\/fill>|<fill\s*\/>/g)].map((m) => m[0]);
  const xfs = [...xfsBody[1]!.matchAll(/<xf\b[^>]*\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g)].map((m) => m[0]);

  for (const { ref, fill } of cells) {
    const cellRe = new RegExp(`<c r="${ref}"(\\s[^>]*?)?(/?)>`);
    const cell = cellRe.exec(sheet);
    const s = cell ? Number(/\ss="(\d+)"/.exec(cell[0])?.[1] ?? 0) : 0;
    const fillId = fills.push(fill) - 1;
    const base = xfs[s] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const xf = base
      .replace(/\sfillId="\d+"/, ` fillId="${fillId}"`)
      .replace(/\sapplyFill="\d"/, "")
      .replace(/^<xf\b/, '<xf applyFill="1"');
    const xfId = xfs.push(xf) - 1;
    if (cell) {
      const attrs = (cell[1] ?? "").replace(/\ss="\d+"/, "");
      sheet = sheet.replace(cell[0], `<c r="${ref}"${attrs} s="${xfId}"${cell[2]}>`);
    } else
      throw new Error(`cell ${ref} is not stored in ${sheetName}; paint a cell that has a style or value`);
  }
  styles = styles
    .replace(fillsBody[0], `<fills count="${fills.length}">${fills.join("")}</fills>`)
    .replace(xfsBody[0], `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>`);
  zip.file("xl/styles.xml", styles);
  zip.file(sheetPath, sheet);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The XML of a tab's worksheet part. */
export async function sheetXml(bytes: Uint8Array, sheetName: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const path = sheetParts(bytes).get(sheetName);
  return (path && (await zip.file(path)?.async("string"))) || "";
}

/**
 * Namespace URIs, relationship types and content types of SpreadsheetML packages. Both
 * Transitional (what nearly every writer produces) and Strict (Excel's "Strict Open XML
 * Spreadsheet") namespaces are recognised on reading; we write Transitional.
 */

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const NS_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";

export const MAIN_NS: ReadonlySet<string> = new Set([
  NS_MAIN,
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
]);
export const REL_NS: ReadonlySet<string> = new Set([
  NS_REL,
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);

/** Relationship type URIs we write. */
export const REL = {
  officeDocument: `${NS_REL}/officeDocument`,
  worksheet: `${NS_REL}/worksheet`,
  styles: `${NS_REL}/styles`,
  comments: `${NS_REL}/comments`,
  vmlDrawing: `${NS_REL}/vmlDrawing`,
  drawing: `${NS_REL}/drawing`,
  chart: `${NS_REL}/chart`,
  coreProps: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProps: `${NS_REL}/extended-properties`,
} as const;

/** Content types we write. */
export const CT = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vmlDrawing: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  coreProps: "application/vnd.openxmlformats-package.core-properties+xml",
  extendedProps: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

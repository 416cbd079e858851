/**
 * What a file that is not an .xlsx package most likely is, from its first bytes, so a person gets
 * one useful line instead of a zip library's error: empty, an old .xls or a password-protected
 * workbook (both are OLE compound files), a PDF, a web page saved instead of the download, text
 * (a CSV renamed .xlsx, or Excel's UTF-16 "Unicode text"), or other bytes.
 */

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function head(bytes: Uint8Array): string {
  const first = bytes.subarray(0, 1024);
  const g = globalThis as unknown as {
    TextDecoder: new (label: string) => { decode(b: Uint8Array): string };
  };
  // Excel's "Unicode Text" export is UTF-16 with a byte-order mark: decode it before looking.
  if (first[0] === 0xff && first[1] === 0xfe) return new g.TextDecoder("utf-16le").decode(first.subarray(2));
  if (first[0] === 0xfe && first[1] === 0xff) return new g.TextDecoder("utf-16be").decode(first.subarray(2));
  return new g.TextDecoder("utf-8").decode(first);
}

function notZip(bytes: Uint8Array): string {
  const text = head(bytes);
  // A BOM and leading white space come before a PDF or HTML signature.
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("%PDF-")) return "is a PDF, not an .xlsx workbook";
  if (
    /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|table)[\s>]/i.test(start)
  )
    return "is a web page (HTML), not an .xlsx workbook: download the file again, choosing .xlsx";
  const textLike = !text.includes("\u0000") && /[,;\t\n]/.test(text);
  return textLike ? "is text (CSV?), not an .xlsx workbook" : "is not an .xlsx workbook (not a zip file)";
}

/** Why these bytes cannot be an .xlsx package, or null when they start like a zip. */
export function whyNotXlsx(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "the file is empty (0 bytes)";
  if (CFB_MAGIC.every((b, i) => bytes[i] === b))
    return "password-protected or old .xls file: save it in Excel as an unprotected .xlsx";
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return notZip(bytes);
  return null;
}

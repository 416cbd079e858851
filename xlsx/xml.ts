/**
 * A small pull scanner over XML text: start tags (with attributes and namespaces resolved), end
 * tags and text, one token at a time, with the offsets of each token so a caller can splice a
 * part's text and keep every byte it did not mean to change. Nothing is built per document: the
 * reader of a 300-tab workbook walks millions of tags, so the scanner allocates only the strings
 * a caller asks for.
 *
 * It checks what a reader needs to trust the text (tags nest and close, attributes are quoted,
 * the document ends) and reports the offset of the first fault. It does not validate against a
 * schema, expand entities a DTD declares (they are left as written), or read encodings other than
 * those text.ts decodes. A self-closing tag is reported as a start tag followed by its end tag.
 */

export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export type Token = typeof END | typeof OPEN | typeof CLOSE | typeof TEXT;

export const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** Malformed XML: the message says what and where (a character offset). */
export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Replace the predefined and numeric character references; others are left as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** Text for element content: & and < escaped (and > for safety). */
export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text for a double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return escapeText(s)
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Characters that end a name: space, '/', '>', '='. */
function endsName(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 47 || c === 62 || c === 61;
}

type Scope = Map<string, string> | null;

export class XmlScanner {
  /** The kind of the current token. */
  kind: Token = END;
  /** Qualified name of the current start or end tag ("x:c", "c"). */
  name = "";
  /** Local name (after any prefix). */
  local = "";
  /** Prefix ("" when none). */
  prefix = "";
  /** A start tag that closes itself: the next token is its end tag. */
  selfClosing = false;
  /** Offsets of the current token in the text: [start, end). */
  start = 0;
  end = 0;
  /** Depth of the current element (1 for the root), for start and end tags. */
  depth = 0;

  private pos = 0;
  private pendingClose = false;
  private readonly names: string[] = [];
  private readonly scopes: Scope[] = [];
  private nextXmlns = -1;
  private attrCount = 0;
  private readonly attrNames: string[] = [];
  private readonly attrFrom: number[] = [];
  private readonly attrTo: number[] = [];
  private textFrom = 0;
  private textTo = 0;
  private textRaw = false;

  constructor(readonly xml: string) {
    this.nextXmlns = xml.indexOf("xmlns");
  }

  private fail(what: string, at = this.pos): never {
    throw new XmlError(`${what} at character ${at}`);
  }

  /** Advance to the next token and return its kind (END after the root element closes). */
  next(): Token {
    const xml = this.xml;
    if (this.pendingClose) {
      this.pendingClose = false;
      this.selfClosing = false;
      this.start = this.end;
      this.kind = CLOSE;
      this.popElement();
      return CLOSE;
    }
    for (;;) {
      const at = this.pos;
      if (at >= xml.length) {
        if (this.names.length > 0)
          this.fail(`the document ends before </${this.names[this.names.length - 1]!}>`);
        return (this.kind = END);
      }
      if (xml.charCodeAt(at) !== 60) {
        let lt = xml.indexOf("<", at);
        if (lt < 0) lt = xml.length;
        this.pos = lt;
        if (this.names.length === 0) {
          if (xml.slice(at, lt).trim() !== "") this.fail("text outside the root element", at);
          continue;
        }
        this.textFrom = at;
        this.textTo = lt;
        this.textRaw = false;
        this.start = at;
        this.end = lt;
        return (this.kind = TEXT);
      }
      const c = xml.charCodeAt(at + 1);
      if (c === 63) {
        // <?...?>
        const close = xml.indexOf("?>", at + 2);
        if (close < 0) this.fail("an unclosed processing instruction", at);
        this.pos = close + 2;
        continue;
      }
      if (c === 33) {
        if (xml.startsWith("<!--", at)) {
          const close = xml.indexOf("-->", at + 4);
          if (close < 0) this.fail("an unclosed comment", at);
          this.pos = close + 3;
          continue;
        }
        if (xml.startsWith("<![CDATA[", at)) {
          const close = xml.indexOf("]]>", at + 9);
          if (close < 0) this.fail("an unclosed CDATA section", at);
          this.pos = close + 3;
          this.textFrom = at + 9;
          this.textTo = close;
          this.textRaw = true;
          this.start = at;
          this.end = close + 3;
          return (this.kind = TEXT);
        }
        if (xml.startsWith("<!DOCTYPE", at)) {
          this.pos = this.skipDoctype(at);
          continue;
        }
        this.fail("an unknown markup declaration", at);
      }
      if (c === 47) return this.closeTag(at);
      return this.openTag(at);
    }
  }

  private skipDoctype(at: number): number {
    let depth = 0;
    for (let i = at + 9; i < this.xml.length; i++) {
      const ch = this.xml.charCodeAt(i);
      if (ch === 91) depth++;
      else if (ch === 93) depth--;
      else if (ch === 62 && depth <= 0) return i + 1;
    }
    return this.fail("an unclosed DOCTYPE", at);
  }

  private setName(qname: string): void {
    this.name = qname;
    const colon = qname.indexOf(":");
    if (colon < 0) {
      this.prefix = "";
      this.local = qname;
    } else {
      this.prefix = qname.slice(0, colon);
      this.local = qname.slice(colon + 1);
    }
  }

  private closeTag(at: number): Token {
    const xml = this.xml;
    let i = at + 2;
    while (i < xml.length && !endsName(xml.charCodeAt(i))) i++;
    const qname = xml.slice(at + 2, i);
    while (i < xml.length && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 62) this.fail(`a broken end tag </${qname}`, at);
    const open = this.names[this.names.length - 1];
    if (open !== qname)
      this.fail(
        open === undefined
          ? `an end tag </${qname}> with no start`
          : `</${qname}> where </${open}> was expected`,
        at,
      );
    this.setName(qname);
    this.start = at;
    this.end = this.pos = i + 1;
    this.selfClosing = false;
    this.kind = CLOSE;
    this.popElement();
    return CLOSE;
  }

  private popElement(): void {
    this.depth = this.names.length;
    this.names.pop();
    this.scopes.pop();
  }

  private openTag(at: number): Token {
    const xml = this.xml;
    const n = xml.length;
    let i = at + 1;
    while (i < n && !endsName(xml.charCodeAt(i))) i++;
    if (i === at + 1) this.fail("a '<' that starts no tag", at);
    const qname = xml.slice(at + 1, i);
    if (this.names.length === 0 && this.kind === CLOSE) this.fail("a second root element", at);
    this.attrCount = 0;
    let self = false;
    for (;;) {
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (i >= n) this.fail(`an unclosed tag <${qname}`, at);
      const ch = xml.charCodeAt(i);
      if (ch === 62) {
        i++;
        break;
      }
      if (ch === 47) {
        if (xml.charCodeAt(i + 1) !== 62) this.fail(`a broken tag <${qname}`, i);
        self = true;
        i += 2;
        break;
      }
      const nameStart = i;
      while (i < n && !endsName(xml.charCodeAt(i))) i++;
      const attr = xml.slice(nameStart, i);
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (attr === "" || xml.charCodeAt(i) !== 61)
        this.fail(`an attribute without a value in <${qname}`, nameStart);
      i++;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 34 && quote !== 39) this.fail(`an unquoted attribute value in <${qname}`, i);
      const close = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close < 0) this.fail(`an unclosed attribute value in <${qname}`, i);
      const k = this.attrCount++;
      this.attrNames[k] = attr;
      this.attrFrom[k] = i + 1;
      this.attrTo[k] = close;
      i = close + 1;
      const after = xml.charCodeAt(i);
      if (!isSpace(after) && after !== 47 && after !== 62)
        this.fail(`attributes run together in <${qname}`, i);
    }
    this.setName(qname);
    this.start = at;
    this.end = this.pos = i;
    this.selfClosing = self;
    this.pendingClose = self;
    this.kind = OPEN;
    this.names.push(qname);
    this.depth = this.names.length;
    let scope: Scope = null;
    if (this.nextXmlns >= 0 && this.nextXmlns < i) {
      for (let k = 0; k < this.attrCount; k++) {
        const a = this.attrNames[k]!;
        if (a === "xmlns" || a.startsWith("xmlns:")) {
          scope ??= new Map();
          scope.set(a === "xmlns" ? "" : a.slice(6), this.attrValue(k));
        }
      }
      this.nextXmlns = xml.indexOf("xmlns", i);
    }
    this.scopes.push(scope);
    return OPEN;
  }

  private attrValue(k: number): string {
    return decodeEntities(this.xml.slice(this.attrFrom[k], this.attrTo[k]));
  }

  /** The value of an attribute of the current start tag by qualified name, or undefined. */
  attr(qname: string): string | undefined {
    for (let k = 0; k < this.attrCount; k++) if (this.attrNames[k] === qname) return this.attrValue(k);
    return undefined;
  }

  /** The value of a namespaced attribute (by namespace URI and local name), whatever its prefix. */
  attrNS(uri: string, local: string): string | undefined {
    for (let k = 0; k < this.attrCount; k++) {
      const a = this.attrNames[k]!;
      const colon = a.indexOf(":");
      if (colon < 0 || a.slice(colon + 1) !== local) continue;
      const prefix = a.slice(0, colon);
      if (prefix === "xmlns") continue;
      if (this.lookup(prefix) === uri) return this.attrValue(k);
    }
    return undefined;
  }

  /** Every attribute of the current start tag: [qualified name, value]. */
  attrs(): [string, string][] {
    const out: [string, string][] = [];
    for (let k = 0; k < this.attrCount; k++) out.push([this.attrNames[k]!, this.attrValue(k)]);
    return out;
  }

  /** The namespace URI a prefix ("" for the default) is bound to here, or undefined. */
  lookup(prefix: string): string | undefined {
    if (prefix === "xml") return XML_NS;
    for (let d = this.scopes.length - 1; d >= 0; d--) {
      const uri = this.scopes[d]?.get(prefix);
      if (uri !== undefined) return uri;
    }
    return undefined;
  }

  /** The namespace URI of the current element. */
  uri(): string | undefined {
    return this.lookup(this.prefix);
  }

  /** The current text token's characters, entities decoded (CDATA as written). */
  text(): string {
    const raw = this.xml.slice(this.textFrom, this.textTo);
    return this.textRaw ? raw : decodeEntities(raw);
  }

  /**
   * From a start tag, skip to its end tag (the scanner is then on that end tag). Returns the
   * offset just after the end tag.
   */
  skip(): number {
    const depth = this.depth;
    if (this.kind !== OPEN) return this.end;
    for (let t = this.next(); t !== END; t = this.next()) if (t === CLOSE && this.depth === depth) break;
    return this.end;
  }

  /** From a start tag, the concatenated text of its descendants, up to its end tag. */
  textContent(): string {
    const depth = this.depth;
    let out = "";
    if (this.kind !== OPEN) return out;
    for (let t = this.next(); t !== END; t = this.next()) {
      if (t === TEXT) out += this.text();
      else if (t === CLOSE && this.depth === depth) break;
    }
    return out;
  }
}

/** Run `visit` for every start tag of a document; a convenience for small parts (rels, types). */
export function eachElement(xml: string, visit: (s: XmlScanner) => void): void {
  const s = new XmlScanner(xml);
  while (s.next() !== END) if (s.kind === OPEN) visit(s);
}

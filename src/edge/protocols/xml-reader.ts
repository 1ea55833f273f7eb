// Reads the small XML documents S3 clients send (CreateBucketConfiguration, Delete). Deliberately minimal: elements,
// text, CDATA and the predefined and numeric entities; attributes and namespace prefixes are dropped. A DOCTYPE is
// refused, so no entity expansion can happen. Anything malformed throws XmlSyntaxError.

export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** The element's own text, entities decoded (text of child elements not included). */
  text: string;
}

export class XmlSyntaxError extends Error {}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  const reader = new Reader(source);
  reader.skipProlog();
  const root = reader.element();
  reader.skipMisc();
  if (!reader.atEnd()) throw new XmlSyntaxError('content after the root element');
  return root;
}

/** The first child of that name (without namespace prefix), if any. */
export function child(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((c) => c.name === name);
}

export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((c) => c.name === name);
}

class Reader {
  private at = 0;

  constructor(private readonly source: string) {}

  atEnd(): boolean {
    return this.at >= this.source.length;
  }

  skipProlog(): void {
    if (this.source.charCodeAt(0) === 0xfeff) this.at = 1;
    this.skipSpace();
    if (this.source.startsWith('<?xml', this.at)) this.skipPast('?>');
    this.skipMisc();
    if (this.source.startsWith('<!DOCTYPE', this.at)) throw new XmlSyntaxError('DOCTYPE is not allowed');
  }

  skipMisc(): void {
    for (;;) {
      this.skipSpace();
      if (this.source.startsWith('<!--', this.at)) this.skipPast('-->');
      else if (this.source.startsWith('<?', this.at)) this.skipPast('?>');
      else return;
    }
  }

  element(): XmlElement {
    this.expect('<');
    const name = localName(this.name());
    const selfClosing = this.skipAttributes();
    const node: XmlElement = { name, children: [], text: '' };
    if (selfClosing) return node;
    for (;;) {
      const lt = this.source.indexOf('<', this.at);
      if (lt < 0) throw new XmlSyntaxError(`unclosed element ${name}`);
      node.text += decodeText(this.source.slice(this.at, lt));
      this.at = lt;
      if (this.source.startsWith('</', this.at)) {
        this.at += 2;
        if (localName(this.name()) !== name) throw new XmlSyntaxError(`mismatched end tag for ${name}`);
        this.skipSpace();
        this.expect('>');
        return node;
      }
      if (this.source.startsWith('<![CDATA[', this.at)) node.text += this.cdata();
      else if (this.source.startsWith('<!--', this.at)) this.skipPast('-->');
      else if (this.source.startsWith('<?', this.at)) this.skipPast('?>');
      else if (this.source.startsWith('<!', this.at)) throw new XmlSyntaxError('declarations are not allowed');
      else node.children.push(this.element());
    }
  }

  private cdata(): string {
    const start = this.at + '<![CDATA['.length;
    const end = this.source.indexOf(']]>', start);
    if (end < 0) throw new XmlSyntaxError('unclosed CDATA section');
    this.at = end + 3;
    return this.source.slice(start, end);
  }

  /** Skips attributes; true when the tag closes itself. */
  private skipAttributes(): boolean {
    for (;;) {
      this.skipSpace();
      if (this.source.startsWith('/>', this.at)) {
        this.at += 2;
        return true;
      }
      if (this.source[this.at] === '>') {
        this.at++;
        return false;
      }
      this.name();
      this.skipSpace();
      this.expect('=');
      this.skipSpace();
      const quote = this.source[this.at];
      if (quote !== '"' && quote !== "'") throw new XmlSyntaxError('unquoted attribute value');
      const end = this.source.indexOf(quote, this.at + 1);
      if (end < 0) throw new XmlSyntaxError('unclosed attribute value');
      this.at = end + 1;
    }
  }

  private name(): string {
    const match = /^[A-Za-z_:][-A-Za-z0-9_.:]*/.exec(this.source.slice(this.at, this.at + 256));
    if (!match) throw new XmlSyntaxError(`a name was expected at ${this.at}`);
    this.at += match[0].length;
    return match[0];
  }

  private expect(text: string): void {
    if (!this.source.startsWith(text, this.at)) throw new XmlSyntaxError(`'${text}' was expected at ${this.at}`);
    this.at += text.length;
  }

  private skipPast(end: string): void {
    const found = this.source.indexOf(end, this.at);
    if (found < 0) throw new XmlSyntaxError(`'${end}' was expected`);
    this.at = found + end.length;
  }

  private skipSpace(): void {
    while (this.at < this.source.length && /\s/.test(this.source[this.at]!)) this.at++;
  }
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function decodeText(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (_match, entity: string | undefined) => {
    if (entity === undefined) throw new XmlSyntaxError('a bare & in text');
    if (entity.startsWith('#x')) return codePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return codePoint(parseInt(entity.slice(1), 10));
    const value = PREDEFINED[entity];
    if (value === undefined) throw new XmlSyntaxError(`unknown entity &${entity};`);
    return value;
  });
}

function codePoint(value: number): string {
  if (!Number.isFinite(value) || value < 0 || value > 0x10ffff) throw new XmlSyntaxError('character reference out of range');
  return String.fromCodePoint(value);
}

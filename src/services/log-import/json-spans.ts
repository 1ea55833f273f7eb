// Finds where each record of an already-validated JSON log file lies in its text, so that an imported record keeps
// its exact bytes (number spellings, escapes, members JSON.stringify would reorder or lose) instead of a
// re-serialization. Only ever run on text that JSON.parse has accepted: it does not validate.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

export interface Span {
  start: number;
  end: number;
  /** No whitespace outside strings: the slice can stand as the record's serialization as it is. */
  compact: boolean;
}

const isWhitespace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

class Scanner {
  pos = 0;
  loose = false;

  constructor(private readonly text: string) {}

  skipWhitespace(): void {
    while (isWhitespace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  peek(): number {
    return this.text.charCodeAt(this.pos);
  }

  skipString(): void {
    let from = this.pos + 1;
    for (;;) {
      const quote = this.text.indexOf('"', from);
      let backslashes = 0;
      while (this.text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) {
        this.pos = quote + 1;
        return;
      }
      from = quote + 1;
    }
  }

  /** Reads a member name; the slow path only for names written with escapes. */
  readName(): string {
    const start = this.pos;
    this.skipString();
    const raw = this.text.slice(start + 1, this.pos - 1);
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  skipValue(): void {
    const c = this.peek();
    if (c === QUOTE) this.skipString();
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.skipContainer();
    else this.skipScalar();
  }

  private skipContainer(): void {
    let depth = 0;
    do {
      const c = this.peek();
      if (c === QUOTE) {
        this.skipString();
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
      else if (isWhitespace(c)) this.loose = true;
      this.pos++;
    } while (depth > 0);
  }

  private skipScalar(): void {
    for (;;) {
      const c = this.peek();
      if (Number.isNaN(c) || c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isWhitespace(c)) return;
      this.pos++;
    }
  }

  elementSpans(): Span[] {
    const spans: Span[] = [];
    this.pos++; // '['
    this.skipWhitespace();
    while (this.peek() !== CLOSE_BRACKET) {
      const start = this.pos;
      this.loose = false;
      this.skipValue();
      spans.push({ start, end: this.pos, compact: !this.loose });
      this.skipWhitespace();
      if (this.peek() === COMMA) this.pos++;
      this.skipWhitespace();
    }
    this.pos++;
    return spans;
  }
}

/** The spans of the elements of the top-level array, for a text that is one JSON array. */
export function topLevelArraySpans(text: string): Span[] {
  const scanner = new Scanner(text);
  scanner.skipWhitespace();
  return scanner.elementSpans();
}

/**
 * The spans of the elements of the top-level object's `name` array member. The last occurrence wins, as it does for
 * JSON.parse; undefined when there is no such array member.
 */
export function memberArraySpans(text: string, name: string): Span[] | undefined {
  const scanner = new Scanner(text);
  let found: Span[] | undefined;
  scanner.skipWhitespace();
  scanner.pos++; // '{'
  for (;;) {
    scanner.skipWhitespace();
    if (scanner.peek() !== QUOTE) return found;
    const member = scanner.readName();
    scanner.skipWhitespace();
    if (scanner.peek() === COLON) scanner.pos++;
    scanner.skipWhitespace();
    if (member === name && scanner.peek() === OPEN_BRACKET) found = scanner.elementSpans();
    else {
      if (member === name) found = undefined;
      scanner.skipValue();
    }
    scanner.skipWhitespace();
    if (scanner.peek() === COMMA) scanner.pos++;
  }
}

/** Whether a text holding exactly one JSON value has no whitespace outside strings. */
export function isCompactValue(text: string): boolean {
  const scanner = new Scanner(text);
  scanner.skipValue();
  return !scanner.loose && scanner.pos === text.length;
}

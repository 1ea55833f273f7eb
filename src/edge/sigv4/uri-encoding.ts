// RFC 3986 percent-encoding as SigV4 signers apply it (smithy's escapeUri, botocore's quote(safe='-_.~')).
// It works on bytes rather than strings so that a query carrying invalid UTF-8 or a stray '%' is canonicalised
// the way the client's bytes were, instead of throwing a URIError from decodeURIComponent.

const PERCENT = 0x25;
const PLUS = 0x2b;
const SPACE = 0x20;

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || byte === 0x2e || byte === 0x5f || byte === 0x7e // - . _ ~
  );
}

function hexValue(code: number | undefined): number {
  if (code === undefined) return -1;
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** Encodes every byte except the unreserved set, with upper-case hex. */
export function uriEncode(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  let out = '';
  for (const byte of bytes) {
    out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Decodes one raw query-string name or value. '+' means space: AWS reads it so, and botocore relies on it
 * (requests' urlencode writes spaces as '+' while the signature is over '%20'). A '%' not followed by two hex
 * digits stays literal.
 */
export function decodeQueryComponent(raw: string): Buffer {
  const source = Buffer.from(raw, 'utf8');
  if (!source.includes(PERCENT) && !source.includes(PLUS)) return source;
  const out = Buffer.alloc(source.length);
  let length = 0;
  for (let i = 0; i < source.length; i++) {
    const byte = source[i]!;
    const high = byte === PERCENT ? hexValue(source[i + 1]) : -1;
    const low = high >= 0 ? hexValue(source[i + 2]) : -1;
    if (low >= 0) {
      out[length++] = high * 16 + low;
      i += 2;
    } else {
      out[length++] = byte === PLUS ? SPACE : byte;
    }
  }
  return out.subarray(0, length);
}

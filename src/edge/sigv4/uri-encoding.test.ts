// The byte-level encoder must agree with the SDK's escapeUri wherever the latter is defined.
import { escapeUri } from '@smithy/util-uri-escape';
import { describe, expect, it } from 'vitest';
import { decodeQueryComponent, uriEncode } from './uri-encoding.js';

describe('uriEncode', () => {
  it("matches smithy's escapeUri", () => {
    const samples = ['', 'plain', "a b+c/d~e*f!'()", '%41', ' ~-_.', 'Ω≈ç√ 😀', '\u0000\u007f', "!*'()/:@&=+$,;?#[]"];
    for (const sample of samples) expect(uriEncode(sample)).toBe(escapeUri(sample));
  });
});

describe('decodeQueryComponent', () => {
  it('decodes percent escapes in either case, and + as a space', () => {
    expect(decodeQueryComponent('a%20b+c%2b%e2%82%ac').toString('utf8')).toBe('a b c+€');
  });

  it('keeps a stray % and invalid UTF-8 as bytes instead of throwing', () => {
    expect(uriEncode(decodeQueryComponent('100%'))).toBe('100%25');
    expect(uriEncode(decodeQueryComponent('%zz%4'))).toBe('%25zz%254');
    expect(uriEncode(decodeQueryComponent('%FF%fe'))).toBe('%FF%FE');
  });
});

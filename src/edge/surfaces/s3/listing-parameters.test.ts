import { describe, expect, it } from 'vitest';
import { continuationToken, encodeListedName, readContinuationToken } from './listing-parameters.js';

describe('encodeListedName', () => {
  it("encodes as S3's encoding-type=url: UTF-8 percent-encoding, slashes kept, spaces as %20", () => {
    expect(encodeListedName('a b/c+d')).toBe('a%20b/c%2Bd');
    expect(encodeListedName('100%.csv')).toBe('100%25.csv');
    expect(encodeListedName('한글/x.txt')).toBe('%ED%95%9C%EA%B8%80/x.txt');
    expect(encodeListedName("ctl\u0001(x)!*'~")).toBe('ctl%01%28x%29%21%2A%27~');
  });

  it('is undone by decodeURIComponent', () => {
    for (const name of ['a b', 'c+d', '%', 'é/ü', '😀', 'x\u0000y']) expect(decodeURIComponent(encodeListedName(name))).toBe(name);
  });
});

describe('continuation tokens', () => {
  it('round-trip the last name listed, and refuse anything else', () => {
    expect(readContinuationToken(continuationToken('logs/2025/ü'))).toBe('logs/2025/ü');
    expect(() => readContinuationToken('garbage')).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });
});

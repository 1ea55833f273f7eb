import { describe, expect, it } from 'vitest';
import { decodeSeqRanges, encodeSeqRanges } from './seq-ranges.js';

describe('seq ranges', () => {
  it.each([
    [[], ''],
    [[5], '5'],
    [[1, 2, 3], '1-3'],
    [[1, 2, 3, 7, 9, 10], '1-3,7,9-10'],
    [[9007199254740990, 9007199254740991], '9007199254740990-9007199254740991'],
  ])('encodes %j as %s and back', (seqs, text) => {
    expect(encodeSeqRanges(seqs)).toBe(text);
    expect(decodeSeqRanges(text)).toEqual(seqs);
  });

  it('refuses sequences that do not ascend, and malformed text', () => {
    expect(() => encodeSeqRanges([3, 2])).toThrow();
    expect(() => encodeSeqRanges([3, 3])).toThrow();
    expect(() => decodeSeqRanges('4-2')).toThrow();
    expect(() => decodeSeqRanges('x')).toThrow();
  });
});

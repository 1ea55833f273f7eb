import { describe, expect, it } from 'vitest';
import { parseRangeHeader, resolveRange } from './byte-range.js';
import { ObjectStoreError } from './object-store-error.js';

describe('parseRangeHeader', () => {
  it.each([
    ['bytes=0-9', { first: 0, last: 9 }],
    ['bytes=5-', { first: 5 }],
    ['bytes=-3', { suffixLength: 3 }],
    [' bytes=1-1 ', { first: 1, last: 1 }],
  ])('reads %s', (header, range) => expect(parseRangeHeader(header)).toEqual(range));

  it.each([undefined, '', 'bytes=', 'bytes=-', 'bytes=9-1', 'bytes=0-1,3-4', 'items=0-1', 'bytes=a-b'])(
    'serves the whole object for %s',
    (header) => expect(parseRangeHeader(header)).toBeUndefined(),
  );
});

describe('resolveRange', () => {
  it('clamps to the object and resolves suffixes', () => {
    expect(resolveRange({ first: 2, last: 100 }, 10)).toEqual({ first: 2, last: 9 });
    expect(resolveRange({ suffixLength: 4 }, 10)).toEqual({ first: 6, last: 9 });
    expect(resolveRange({ suffixLength: 40 }, 10)).toEqual({ first: 0, last: 9 });
  });

  it.each([
    [{ first: 10 }, 10],
    [{ first: 0 }, 0],
    [{ suffixLength: 0 }, 10],
    [{ suffixLength: 5 }, 0],
  ])('refuses %o of a %i-byte object as InvalidRange', (range, size) => {
    expect(() => resolveRange(range, size)).toThrow(ObjectStoreError);
    try {
      resolveRange(range, size);
    } catch (err) {
      expect(err).toMatchObject({ reason: 'InvalidRange', objectSize: size });
    }
  });
});

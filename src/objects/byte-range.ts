// Byte ranges (RFC 9110 §14): the one reading of `Range: bytes=…` that every store and the S3 endpoint share.
import type { ByteRange } from './object-store.js';
import { ObjectStoreError } from './object-store-error.js';

/**
 * The single range a `Range` header asks for, or undefined when it asks for the whole object: S3 ignores a header
 * it cannot read, and serves multi-range requests whole.
 */
export function parseRangeHeader(header: string | undefined): ByteRange | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '' && last === '') return undefined;
  if (first === '') return { suffixLength: Number(last) };
  if (last === '') return { first: Number(first) };
  return Number(last) < Number(first) ? undefined : { first: Number(first), last: Number(last) };
}

/** The inclusive bytes of an object of `size` that the range covers; throws InvalidRange when it covers none. */
export function resolveRange(range: ByteRange, size: number): { first: number; last: number } {
  if ('suffixLength' in range) {
    if (range.suffixLength === 0 || size === 0) throw unsatisfiable(size);
    return { first: Math.max(0, size - range.suffixLength), last: size - 1 };
  }
  if (range.first >= size) throw unsatisfiable(size);
  return { first: range.first, last: Math.min(range.last ?? size - 1, size - 1) };
}

export function formatRange(range: ByteRange): string {
  if ('suffixLength' in range) return `bytes=-${range.suffixLength}`;
  return `bytes=${range.first}-${range.last ?? ''}`;
}

function unsatisfiable(size: number): ObjectStoreError {
  return new ObjectStoreError('InvalidRange', 'The requested range is not satisfiable', size);
}

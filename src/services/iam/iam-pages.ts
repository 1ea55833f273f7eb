// IAM's pagination: MaxItems (1–1000, 100 by default) and an opaque Marker that names where the next page starts.
import { ServiceError } from '../../errors/service-error.js';
import { validationError } from './iam-errors.js';

export interface Paging {
  Marker?: string | undefined;
  MaxItems?: number | undefined;
}

export interface Page<T> {
  items: T[];
  IsTruncated: boolean;
  Marker?: string;
}

export function page<T>(all: readonly T[], keyOf: (item: T) => string, paging: Paging): Page<T> {
  const max = paging.MaxItems ?? 100;
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw validationError('maxItems', String(max), 'Member must have value less than or equal to 1000');
  }
  const start = paging.Marker === undefined ? 0 : startAfter(all, keyOf, paging.Marker);
  const items = all.slice(start, start + max);
  const truncated = start + max < all.length;
  const last = items[items.length - 1];
  return truncated && last !== undefined
    ? { items, IsTruncated: true, Marker: Buffer.from(keyOf(last)).toString('base64url') }
    : { items, IsTruncated: false };
}

function startAfter<T>(all: readonly T[], keyOf: (item: T) => string, marker: string): number {
  const key = Buffer.from(marker, 'base64url').toString('utf8');
  if (!key || Buffer.from(key).toString('base64url') !== marker) throw new ServiceError('InvalidInput', 'Invalid Marker.');
  const index = all.findIndex((item) => keyOf(item) > key);
  return index < 0 ? all.length : index;
}

/** Members of a paged answer: the list under its wire name, then IsTruncated and Marker. */
export function pagedWire<T, W>(name: string, result: Page<T>, wire: (item: T) => W): Record<string, unknown> {
  return { [name]: result.items.map(wire), IsTruncated: result.IsTruncated, ...(result.Marker ? { Marker: result.Marker } : {}) };
}

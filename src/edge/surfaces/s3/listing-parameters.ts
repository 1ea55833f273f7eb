// The query parameters listings share: max-keys, encoding-type and opaque continuation tokens.
import { invalidArgument } from './s3-errors.js';
import type { EdgeRequest } from '../../edge-request.js';

export const DEFAULT_MAX_KEYS = 1000;

export function maxKeysParameter(request: EdgeRequest, name = 'max-keys', limit = 2_147_483_647): number {
  const text = request.query.get(name);
  if (text === null) return DEFAULT_MAX_KEYS;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > limit) {
    throw invalidArgument(`Provided ${name} not an integer or within integer range`, name, text);
  }
  return value;
}

/** Whether names are URL-encoded in the answer (`encoding-type=url`): keys may hold characters XML 1.0 cannot. */
export function urlEncodingRequested(request: EdgeRequest): boolean {
  const value = request.query.get('encoding-type');
  if (value === null) return false;
  if (value.toLowerCase() !== 'url') throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', value);
  return true;
}

/**
 * S3's `encoding-type=url`: UTF-8 bytes percent-encoded except unreserved characters and `/`. Spaces become %20,
 * which both unquote_plus (botocore) and decodeURIComponent read back.
 */
export function encodeListedName(name: string): string {
  return encodeURIComponent(name).replace(/%2F/g, '/').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Continuation tokens are opaque to clients; ours carry the last name listed. */
export function continuationToken(after: string): string {
  return Buffer.from(`1:${after}`, 'utf8').toString('base64url');
}

export function readContinuationToken(token: string, parameter = 'continuation-token'): string {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith('1:') || text.length < 3) {
    throw invalidArgument('The continuation token provided is incorrect', parameter, token);
  }
  return text.slice(2);
}

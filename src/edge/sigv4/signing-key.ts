// Derives the SigV4 signing key. It is synchronous (node:crypto) so that checkSignature can stay synchronous:
// smithy's getSigningKey is async, and a caller that forgot to await a rejected promise would let the request
// through. The derivation only changes per secret and scope, so keys are cached, as smithy's signer does.
import { createHash, createHmac } from 'node:crypto';
import { createScope, KEY_TYPE_IDENTIFIER } from '@smithy/signature-v4';
import type { CredentialScope } from './parse-signature.js';

/** Enough for many callers over a few regions and services; a day's keys age out as the scope date moves. */
const MAX_CACHED_KEYS = 1000;
const cache = new Map<string, Buffer>();

export function signingKey(secretAccessKey: string, scope: CredentialScope): Buffer {
  // The secret is hashed into the cache key so that the map does not hold secrets in the clear.
  const cacheKey = createHash('sha256').update(secretAccessKey).update('\n').update(scopeString(scope)).digest('base64');
  const cached = cache.get(cacheKey);
  if (cached) {
    cache.delete(cacheKey);
    cache.set(cacheKey, cached); // most recently used last, so eviction drops the stalest
    return cached;
  }
  const key = deriveKey(secretAccessKey, scope);
  cache.set(cacheKey, key);
  if (cache.size > MAX_CACHED_KEYS) cache.delete(cache.keys().next().value!);
  return key;
}

function deriveKey(secretAccessKey: string, { date, region, service }: CredentialScope): Buffer {
  const steps = [date, region, service, KEY_TYPE_IDENTIFIER];
  return steps.reduce<Buffer>((key, step) => hmac(key, step), Buffer.from(`AWS4${secretAccessKey}`, 'utf8'));
}

export function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function scopeString({ date, region, service }: CredentialScope): string {
  return createScope(date, region, service);
}

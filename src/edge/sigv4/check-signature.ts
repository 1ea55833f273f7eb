// Verifies a parsed SigV4 signature against the secret of its access key: time rules first (they reveal nothing
// about the secret), then the signature, then, once the caller is known to hold the key, the body's declared hash.
import { timingSafeEqual } from 'node:crypto';
import { ALGORITHM_IDENTIFIER } from '@smithy/signature-v4';
import { ServiceError } from '../../errors/service-error.js';
import { formatAmzDate } from './amz-date.js';
import { canonicalRequest } from './canonical-request.js';
import { checkRequestTime } from './check-request-time.js';
import type { IncomingSignedRequest } from './incoming-signed-request.js';
import type { ParsedSignature } from './parse-signature.js';
import { checkBodyHash, payloadHash, sha256Hex } from './payload-hash.js';
import { splitRawUrl } from './raw-url.js';
import { hmac, scopeString, signingKey } from './signing-key.js';

export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/**
 * Throws InvalidSignatureException when the request time is out of bounds or the signature does not match, and
 * ContentSha256MismatchError (also an InvalidSignatureException) when the body is not the one the client hashed.
 */
export function checkSignature(
  req: IncomingSignedRequest,
  parsed: ParsedSignature,
  secretAccessKey: string,
  now: Date,
): void {
  checkRequestTime(parsed, now);
  const { path, params } = splitRawUrl(req.rawUrl);
  const signedPayloadHash = payloadHash(req, parsed, params);
  const canonical = canonicalRequest(req, {
    method: req.method,
    path,
    params,
    signedHeaders: parsed.signedHeaders,
    payloadHash: signedPayloadHash,
    service: parsed.scope.service,
    omitSignatureParam: parsed.form === 'query',
  });
  const expected = hmac(signingKey(secretAccessKey, parsed.scope), stringToSign(parsed, canonical)).toString('hex');
  if (!sameSignature(expected, parsed.signature)) {
    throw new ServiceError('InvalidSignatureException', SIGNATURE_MISMATCH_MESSAGE);
  }
  checkBodyHash(req, signedPayloadHash);
}

function stringToSign(parsed: ParsedSignature, canonical: string): string {
  return [ALGORITHM_IDENTIFIER, formatAmzDate(parsed.requestTime), scopeString(parsed.scope), sha256Hex(canonical)].join(
    '\n',
  );
}

/** Constant-time over the signature's length, which is public (always 64 hex digits). */
function sameSignature(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(provided, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

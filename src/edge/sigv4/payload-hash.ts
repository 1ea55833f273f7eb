// Which payload hash the canonical request carries, and whether a body matches the hash the client declared.
import { createHash } from 'node:crypto';
import { SHA256_HEADER, UNSIGNED_PAYLOAD } from '@smithy/signature-v4';
import { ServiceError } from '../../errors/service-error.js';
import { firstHeader, type IncomingSignedRequest } from './incoming-signed-request.js';
import type { ParsedSignature } from './parse-signature.js';
import type { QueryParam } from './raw-url.js';

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/**
 * The body does not match the x-amz-content-sha256 the client signed. S3 answers this as XAmzContentSHA256Mismatch
 * (400), which is not in the error catalogue; it is an InvalidSignatureException here, and an S3 surface can tell
 * it apart by class and render S3's error with the two hashes.
 */
export class ContentSha256MismatchError extends ServiceError {
  readonly clientComputedContentSha256: string;
  readonly serverComputedContentSha256: string;

  constructor(clientComputed: string, serverComputed: string) {
    super('InvalidSignatureException', "The provided 'x-amz-content-sha256' header does not match what was computed.");
    this.clientComputedContentSha256 = clientComputed;
    this.serverComputedContentSha256 = serverComputed;
  }
}

/**
 * A declared x-amz-content-sha256 is signed verbatim (UNSIGNED-PAYLOAD and the STREAMING-… markers included).
 * A presigned URL may declare it as a query parameter, where SDK v3's presign hoists the header. Otherwise S3
 * presigned URLs sign UNSIGNED-PAYLOAD, and everything else signs the body's hash: botocore's SigV4QueryAuth
 * and SDK v3's presign hash the (usually empty) body for non-S3 services.
 */
export function payloadHash(
  req: IncomingSignedRequest,
  parsed: ParsedSignature,
  params: readonly QueryParam[],
): string {
  const declared = declaredPayloadHash(req, parsed, params);
  if (declared !== undefined) return declared;
  if (parsed.form === 'query' && parsed.scope.service === 's3') return UNSIGNED_PAYLOAD;
  return sha256Hex(req.body);
}

function declaredPayloadHash(
  req: IncomingSignedRequest,
  parsed: ParsedSignature,
  params: readonly QueryParam[],
): string | undefined {
  const header = firstHeader(req, SHA256_HEADER);
  if (header !== undefined || parsed.form === 'header') return header;
  return params.find((param) => param.name.toLowerCase() === SHA256_HEADER)?.value;
}

/** Only a declared hex digest promises anything about the body; the markers and a computed hash do not. */
export function checkBodyHash(req: IncomingSignedRequest, signedPayloadHash: string): void {
  if (!SHA256_HEX.test(signedPayloadHash)) return;
  const actual = sha256Hex(req.body);
  if (actual !== signedPayloadHash.toLowerCase()) throw new ContentSha256MismatchError(signedPayloadHash, actual);
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

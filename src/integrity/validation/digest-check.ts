// Checks one digest file as validate-logs does (spec §3.7 step 7), in the same order and with the same verdicts:
// format, location, public key, signature.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { DigestJson } from '../../domain/digest/digest-document.js';
import { digestStringToSign } from '../../domain/digest/string-to-sign.js';
import type { TrustedKey } from './sources.js';

const REQUIRED = [
  'digestPublicKeyFingerprint', 'digestS3Bucket', 'digestS3Object', 'previousDigestSignature', 'digestEndTime', 'digestStartTime',
] as const;

export type DigestVerdict =
  | { valid: true; digest: DigestJson; sha256: string; signature: string }
  | { valid: false; reason: string; digest?: DigestJson | undefined };

export interface DigestToCheck {
  bucket: string;
  key: string;
  /** parseDigest of the file's body. */
  parsed: ParsedDigest | undefined;
  signature: string | undefined;
  region: string;
  keys: ReadonlyMap<string, TrustedKey>;
}

export function checkDigest(input: DigestToCheck): DigestVerdict {
  const { parsed } = input;
  if (!parsed) return { valid: false, reason: 'invalid format' };
  const { digest, uncompressed } = parsed;
  if (input.signature === undefined) return { valid: false, reason: 'signature verification failed', digest };
  if (REQUIRED.some((field) => !(field in digest))) return { valid: false, reason: 'invalid format', digest };
  if (digest.digestS3Bucket !== input.bucket || digest.digestS3Object !== input.key) {
    return { valid: false, reason: 'has been moved from its original location', digest };
  }
  const key = input.keys.get(digest.digestPublicKeyFingerprint);
  if (!key) {
    return { valid: false, reason: `public key not found in region ${input.region} for fingerprint ${digest.digestPublicKeyFingerprint}`, digest };
  }
  let publicKey: crypto.KeyObject;
  try {
    publicKey = crypto.createPublicKey({ key: key.pkcs1Der, format: 'der', type: 'pkcs1' });
  } catch {
    return { valid: false, reason: `Unable to load PKCS #1 key with fingerprint ${digest.digestPublicKeyFingerprint}`, digest };
  }
  const sha256 = crypto.createHash('sha256').update(uncompressed).digest('hex');
  const toSign = digestStringToSign({
    digestEndTime: digest.digestEndTime,
    digestS3Bucket: digest.digestS3Bucket,
    digestS3Object: digest.digestS3Object,
    sha256,
    previousDigestSignature: digest.previousDigestSignature,
  });
  const signature = Buffer.from(input.signature, 'hex');
  if (!/^[0-9a-f]+$/i.test(input.signature) || !crypto.verify('sha256', Buffer.from(toSign, 'utf8'), publicKey, signature)) {
    return { valid: false, reason: 'signature verification failed', digest };
  }
  return { valid: true, digest, sha256, signature: input.signature.toLowerCase() };
}

export interface ParsedDigest {
  digest: DigestJson;
  uncompressed: Buffer;
}

/** undefined when the file is not gzip-compressed JSON of an object (an invalid format). */
export function parseDigest(body: Buffer): ParsedDigest | undefined {
  try {
    const uncompressed = zlib.gunzipSync(body);
    const digest = JSON.parse(uncompressed.toString('utf8')) as unknown;
    if (typeof digest !== 'object' || digest === null || Array.isArray(digest)) return undefined;
    return { digest: digest as DigestJson, uncompressed };
  } catch {
    return undefined;
  }
}

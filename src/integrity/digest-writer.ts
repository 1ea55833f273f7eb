// Writes one signed digest file (spec §3.3–§3.5): the JSON, its SHA-256, the four-line string signed with the
// region's key, gzip as one deterministic member, and the signature in the object's user metadata. Signing is
// deterministic (PKCS#1 v1.5), so writing the same digest again after a crash puts the very same object.
import crypto from 'node:crypto';
import { gzipLogFile } from '../domain/delivery/log-file-body.js';
import { digestJson, SIGNATURE_ALGORITHM, type DigestContent, type DigestLink } from '../domain/digest/digest-document.js';
import { digestStringToSign } from '../domain/digest/string-to-sign.js';
import type { Signer } from '../crypto/signer.js';
import type { ObjectStore } from '../objects/object-store.js';

export const DIGEST_CONTENT_TYPE = 'application/json';

export interface SignedDigest {
  link: DigestLink;
  body: Buffer;
  /** The gzip object's size, as stored. */
  storedBytes: number;
}

/** `region` is the one whose key signs: the digest's source region. */
export async function writeDigest(objects: ObjectStore, signer: Signer, region: string, content: DigestContent): Promise<SignedDigest> {
  const json = digestJson(content);
  const body = Buffer.from(JSON.stringify(json), 'utf8');
  const sha256 = crypto.createHash('sha256').update(body).digest('hex');
  const toSign = digestStringToSign({
    digestEndTime: json.digestEndTime,
    digestS3Bucket: json.digestS3Bucket,
    digestS3Object: json.digestS3Object,
    sha256,
    previousDigestSignature: json.previousDigestSignature,
  });
  const signature = (await signer.sign(region, content.fingerprint, Buffer.from(toSign, 'utf8'))).toString('hex');
  const gzip = await gzipLogFile(body);
  await objects.putObject(content.bucket, content.key, gzip, {
    contentType: DIGEST_CONTENT_TYPE,
    userMetadata: { signature, 'signature-algorithm': SIGNATURE_ALGORITHM },
  });
  return { link: { bucket: content.bucket, key: content.key, sha256, signature }, body, storedBytes: gzip.length };
}

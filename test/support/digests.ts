// Reads and tampers with a trail's digest files directly in the object store, for the integrity tests: each change
// can be undone, so that one recorded chain serves every tampering case.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { ObjectStore } from '../../src/objects/object-store.js';
import { digestStringToSign } from '../../src/domain/digest/string-to-sign.js';
import type { DigestJson } from '../../src/domain/digest/digest-document.js';

export interface StoredObject {
  bytes: Buffer;
  userMetadata: Record<string, string>;
  contentType: string;
}

export async function readObject(objects: ObjectStore, bucket: string, key: string): Promise<StoredObject> {
  const content = await objects.getObject(bucket, key);
  const chunks: Buffer[] = [];
  for await (const chunk of content.body) chunks.push(chunk as Buffer);
  return { bytes: Buffer.concat(chunks), userMetadata: content.info.userMetadata, contentType: content.info.contentType };
}

export async function writeObject(objects: ObjectStore, bucket: string, key: string, object: StoredObject): Promise<void> {
  await objects.putObject(bucket, key, object.bytes, { contentType: object.contentType, userMetadata: object.userMetadata });
}

export async function listKeys(objects: ObjectStore, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let startAfter: string | undefined;
  for (;;) {
    const page = await objects.listObjects(bucket, { prefix, ...(startAfter ? { startAfter } : {}) });
    keys.push(...page.objects.map((o) => o.key));
    if (!page.isTruncated) return keys;
    startAfter = page.nextStartAfter;
  }
}

export function digestOf(object: StoredObject): DigestJson {
  return JSON.parse(zlib.gunzipSync(object.bytes).toString('utf8')) as DigestJson;
}

/** Changes the object, runs `check`, and puts the original back whatever happened. */
export async function withTampered(
  objects: ObjectStore, bucket: string, key: string,
  change: (original: StoredObject) => StoredObject | undefined,
  check: () => Promise<void>,
): Promise<void> {
  const original = await readObject(objects, bucket, key);
  const changed = change(original);
  if (changed) await writeObject(objects, bucket, key, changed);
  else await objects.deleteObject(bucket, key);
  try {
    await check();
  } finally {
    await writeObject(objects, bucket, key, original);
  }
}

/** A log file whose decompressed bytes differ from what its digest hashed. */
export function modifiedLogFile(original: StoredObject): StoredObject {
  const body = zlib.gunzipSync(original.bytes).toString('utf8').replace('"eventVersion"', '"eventVersion" ');
  return { ...original, bytes: zlib.gzipSync(Buffer.from(body, 'utf8')) };
}

/** A log file cut short in its deflate data: what inflates hashes to something else (no error, as in awscli). */
export function cutShortLogFile(original: StoredObject): StoredObject {
  return { ...original, bytes: original.bytes.subarray(0, Math.floor(original.bytes.length / 2)) };
}

/** A log file whose trailer's CRC-32 disagrees with its intact contents: an invalid format to awscli. */
export function badChecksumLogFile(original: StoredObject): StoredObject {
  const bytes = Buffer.from(original.bytes);
  bytes[bytes.length - 8]! ^= 0xff;
  return { ...original, bytes };
}

/** A log file whose deflate data is damaged where zlib notices: an invalid format to awscli. */
export function damagedLogFile(original: StoredObject): StoredObject {
  const bytes = Buffer.from(original.bytes);
  bytes.fill(0xff, 10, 30);
  return { ...original, bytes };
}

/** The digest with a field changed (its account), signature left as it was. */
export function modifiedDigest(original: StoredObject): StoredObject {
  const digest = digestOf(original);
  const body = JSON.stringify({ ...digest, awsAccountId: '999999999999' });
  return { ...original, bytes: zlib.gzipSync(Buffer.from(body, 'utf8')) };
}

/** The same digest, correctly formed, but signed with a key opentrail never had. */
export function foreignSigned(original: StoredObject): StoredObject {
  const body = zlib.gunzipSync(original.bytes);
  const digest = JSON.parse(body.toString('utf8')) as DigestJson;
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const toSign = digestStringToSign({
    digestEndTime: digest.digestEndTime,
    digestS3Bucket: digest.digestS3Bucket,
    digestS3Object: digest.digestS3Object,
    sha256: crypto.createHash('sha256').update(body).digest('hex'),
    previousDigestSignature: digest.previousDigestSignature,
  });
  const signature = crypto.sign('sha256', Buffer.from(toSign), privateKey).toString('hex');
  return { ...original, userMetadata: { ...original.userMetadata, signature } };
}

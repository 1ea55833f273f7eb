// The metadata file beside an object's data (`<name>~meta`). Renaming a new one into place is what makes a write
// visible: it names the data file (`version`) it describes, so data and metadata always change together.
import { z } from 'zod';
import type { BucketInfo, ObjectInfo } from '../object-store.js';

const objectMetaSchema = z.object({
  key: z.string(),
  size: z.number().int().nonnegative(),
  etag: z.string(),
  lastModified: z.string(),
  contentType: z.string(),
  userMetadata: z.record(z.string(), z.string()),
  version: z.string().regex(/^[0-9a-f]+$/),
});

export type ObjectMeta = z.infer<typeof objectMetaSchema>;

export function parseObjectMeta(text: string): ObjectMeta {
  return objectMetaSchema.parse(JSON.parse(text));
}

export function objectInfoOf(meta: ObjectMeta): ObjectInfo {
  return {
    key: meta.key,
    size: meta.size,
    etag: meta.etag,
    lastModified: new Date(meta.lastModified),
    contentType: meta.contentType,
    userMetadata: { ...meta.userMetadata },
  };
}

const bucketMetaSchema = z.object({
  name: z.string(),
  region: z.string(),
  ownerAccountId: z.string(),
  createdAt: z.string(),
});

export function parseBucketMeta(text: string): BucketInfo {
  const meta = bucketMetaSchema.parse(JSON.parse(text));
  return { ...meta, createdAt: new Date(meta.createdAt) };
}

export function formatBucketMeta(info: BucketInfo): string {
  return JSON.stringify({ ...info, createdAt: info.createdAt.toISOString() }, null, 2) + '\n';
}

/** S3 keeps modification times to the second. */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

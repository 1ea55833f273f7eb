// The metadata file beside an object's data (`<name>~meta`). Renaming a new one into place is what makes a write
// visible: it names the data file (`version`) it describes, so data and metadata always change together.
// Checked by hand rather than with a zod schema: `validate-logs --direct` reads one of these per log file, and
// loading zod alone would cost it more than reading a thousand of them.
import type { BucketInfo, ObjectInfo } from '../object-store.js';

export interface ObjectMeta {
  key: string;
  size: number;
  etag: string;
  lastModified: string;
  contentType: string;
  userMetadata: Record<string, string>;
  version: string;
}

export function parseObjectMeta(text: string): ObjectMeta {
  const meta = fields(text, 'object');
  const { size, userMetadata, version } = meta;
  for (const name of ['key', 'etag', 'lastModified', 'contentType'] as const) requireString(meta, name, 'object');
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw badMeta('object', 'size');
  if (typeof userMetadata !== 'object' || userMetadata === null || Array.isArray(userMetadata)
    || Object.values(userMetadata).some((value) => typeof value !== 'string')) {
    throw badMeta('object', 'userMetadata');
  }
  if (typeof version !== 'string' || !/^[0-9a-f]+$/.test(version)) throw badMeta('object', 'version');
  return meta as unknown as ObjectMeta;
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

export function parseBucketMeta(text: string): BucketInfo {
  const meta = fields(text, 'bucket');
  for (const name of ['name', 'region', 'ownerAccountId', 'createdAt'] as const) requireString(meta, name, 'bucket');
  const { name, region, ownerAccountId, createdAt } = meta as Record<string, string>;
  return { name: name!, region: region!, ownerAccountId: ownerAccountId!, createdAt: new Date(createdAt!) };
}

export function formatBucketMeta(info: BucketInfo): string {
  return JSON.stringify({ ...info, createdAt: info.createdAt.toISOString() }, null, 2) + '\n';
}

/** S3 keeps modification times to the second. */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

function fields(text: string, what: string): Record<string, unknown> {
  const parsed = JSON.parse(text) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`Damaged ${what} metadata: not an object`);
  return parsed as Record<string, unknown>;
}

function requireString(meta: Record<string, unknown>, name: string, what: string): void {
  if (typeof meta[name] !== 'string') throw badMeta(what, name);
}

function badMeta(what: string, field: string): Error {
  return new Error(`Damaged ${what} metadata: ${field} is missing or malformed`);
}

// `x-amz-meta-*` headers: stored without the prefix, names in lower case (HTTP header names have no case), and at
// most 2 KB in all, as S3 allows.
import type { EdgeRequest } from '../../edge-request.js';
import { S3Error } from './s3-errors.js';

const PREFIX = 'x-amz-meta-';
const MAX_BYTES = 2 * 1024;

export function userMetadataOf(request: EdgeRequest): Record<string, string> {
  const metadata: Record<string, string> = {};
  let bytes = 0;
  for (const [name, value] of Object.entries(request.headers)) {
    if (!name.startsWith(PREFIX) || value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : value;
    const key = name.slice(PREFIX.length);
    metadata[key] = text;
    bytes += Buffer.byteLength(key) + Buffer.byteLength(text);
  }
  if (bytes > MAX_BYTES) {
    throw new S3Error('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size', {
      Size: String(bytes),
      MaxSizeAllowed: String(MAX_BYTES),
    });
  }
  return metadata;
}

export function userMetadataHeaders(metadata: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).map(([name, value]) => [PREFIX + name, value]));
}

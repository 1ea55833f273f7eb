// What an S3 request addresses, read from its path-style URL (`/bucket/key`, percent-encoded): the service, a
// bucket, or an object. Virtual-hosted style (`bucket.host`) is not served: one endpoint for every bucket.
import { header, type EdgeRequest } from '../../edge-request.js';

export type S3Level = 'service' | 'bucket' | 'object';

export interface S3Target {
  level: S3Level;
  bucket?: string;
  key?: string;
}

export type AuthenticationMethod = 'AuthHeader' | 'QueryString';

/** undefined when the path is not valid percent-encoded UTF-8. */
export function parseS3Target(rawPath: string): S3Target | undefined {
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  if (path === '') return { level: 'service' };
  const slash = path.indexOf('/');
  const rawBucket = slash < 0 ? path : path.slice(0, slash);
  const rawKey = slash < 0 ? '' : path.slice(slash + 1);
  const bucket = decode(rawBucket);
  const key = decode(rawKey);
  if (bucket === undefined || key === undefined) return undefined;
  return key === '' ? { level: 'bucket', bucket } : { level: 'object', bucket, key };
}

/** How the request carries its signature, as CloudTrail's S3 records name it. */
export function authenticationMethod(request: EdgeRequest): AuthenticationMethod {
  return request.query.has('X-Amz-Credential') || request.query.has('X-Amz-Signature') ? 'QueryString' : 'AuthHeader';
}

/** `/bucket/key`, as S3 reports the resource of an error. */
export function resourcePath(target: S3Target | undefined): string {
  if (!target?.bucket) return '/';
  return target.key === undefined ? `/${target.bucket}` : `/${target.bucket}/${target.key}`;
}

export function hostOf(request: EdgeRequest): string {
  return header(request, 'host') ?? '';
}

function decode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

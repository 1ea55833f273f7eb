// The IAM action and resources of each S3 call (S3's "Actions, resources, and condition keys"): HEAD and the
// listing versions share their GET's action, CopyObject reads its source and writes its target.
import { header, type EdgeRequest } from '../../edge-request.js';
import type { AccessCheck } from '../../../domain/access-check.js';
import { bucketArn, objectArn } from './s3-record-facts.js';
import type { S3Target } from './s3-request.js';

const ACTIONS: Record<string, string> = {
  ListBuckets: 's3:ListAllMyBuckets',
  HeadBucket: 's3:ListBucket',
  ListObjects: 's3:ListBucket',
  ListObjectsV2: 's3:ListBucket',
  HeadObject: 's3:GetObject',
  CopyObject: 's3:PutObject',
  DeleteObjects: 's3:DeleteObject',
  GetBucketLocation: 's3:GetBucketLocation',
};

export function s3Action(operationName: string): string {
  return ACTIONS[operationName] ?? `s3:${operationName}`;
}

/** The checks before the bucket is looked at; the surface adds the bucket's owner and policy. */
export function s3AccessChecks(request: EdgeRequest, target: S3Target, operationName: string): AccessCheck[] {
  const action = s3Action(operationName);
  if (target.level === 'service' || !target.bucket) return [{ action, resource: '*' }];
  if (target.level === 'object' && target.key !== undefined) {
    const checks: AccessCheck[] = [{ action, resource: objectArn(target.bucket, target.key) }];
    const source = operationName === 'CopyObject' ? copySourceArn(request) : undefined;
    if (source) checks.push({ action: 's3:GetObject', resource: source });
    return checks;
  }
  // DeleteObjects names its keys in the body; it needs s3:DeleteObject on every object of the bucket.
  if (operationName === 'DeleteObjects') return [{ action, resource: objectArn(target.bucket, '*') }];
  const prefix = request.query.get('prefix');
  return [{ action, resource: bucketArn(target.bucket), ...(prefix !== null && action === 's3:ListBucket' ? { context: { 's3:prefix': prefix } } : {}) }];
}

/** `[/]bucket/key[?versionId=…]`; a malformed one is the operation's InvalidArgument to report, not a check. */
function copySourceArn(request: EdgeRequest): string | undefined {
  const raw = header(request, 'x-amz-copy-source');
  if (!raw) return undefined;
  const path = (raw.startsWith('/') ? raw.slice(1) : raw).split('?')[0] ?? '';
  const slash = path.indexOf('/');
  if (slash <= 0) return undefined;
  try {
    return objectArn(decodeURIComponent(path.slice(0, slash)), decodeURIComponent(path.slice(slash + 1)));
  } catch {
    return undefined;
  }
}

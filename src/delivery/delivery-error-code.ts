// What GetTrailStatus.LatestDeliveryError says when a write fails: the S3 error code, as AWS reports it
// (e.g. `NoSuchBucket`), whichever object store backend refused the write.
import { isObjectStoreError } from '../objects/object-store-error.js';

const S3_ERROR_CODE = /^[A-Z][A-Za-z]+$/;

export function deliveryErrorCode(err: unknown): string {
  if (isObjectStoreError(err)) return err.reason;
  // Errors an S3 backend passes through carry S3's code as their name (AccessDenied, SlowDown, …).
  const name = (err as { name?: unknown } | undefined)?.name;
  if (typeof name === 'string' && S3_ERROR_CODE.test(name) && name !== 'Error' && name !== 'TypeError') return name;
  return 'InternalError';
}

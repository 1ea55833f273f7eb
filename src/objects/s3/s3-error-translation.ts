// The backing store's S3 errors in the port's terms. Only outcomes a caller acts on are translated; anything else
// (throttling, credentials, network) passes through as the internal failure it is for opentrail's clients.
import { ObjectStoreError, noSuchBucket, noSuchKey } from '../object-store-error.js';

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export function translateS3Error(err: unknown, context: { bucket?: string; key?: string }): unknown {
  const e = err as SdkError;
  switch (e?.name) {
    case 'NoSuchBucket':
      return noSuchBucket(context.bucket ?? '');
    case 'NoSuchKey':
      return noSuchKey(context.bucket ?? '', context.key ?? '');
    case 'BucketAlreadyExists':
    case 'BucketAlreadyOwnedByYou':
      return new ObjectStoreError('BucketExists', `The bucket ${context.bucket} already exists.`);
    case 'BucketNotEmpty':
      return new ObjectStoreError('BucketNotEmpty', `The bucket ${context.bucket} is not empty.`);
    case 'InvalidBucketName':
      return new ObjectStoreError('InvalidBucketName', `${context.bucket} is not a valid bucket name.`);
    case 'InvalidRange':
      return new ObjectStoreError('InvalidRange', 'The requested range is not satisfiable');
    default:
      return err;
  }
}

/** A 404 without a body (HEAD requests), which the SDK names NotFound. */
export function isNotFound(err: unknown): boolean {
  const e = err as SdkError;
  return e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

// The one error type ObjectStore implementations throw for outcomes a caller acts on. The S3 endpoint turns each
// reason into S3's error code; everything else a store throws is an internal failure.

export type ObjectStoreFailure =
  | 'NoSuchBucket'
  | 'NoSuchKey'
  | 'BucketExists'
  | 'BucketNotEmpty'
  | 'InvalidBucketName'
  | 'InvalidKey'
  | 'InvalidRange';

export class ObjectStoreError extends Error {
  constructor(
    readonly reason: ObjectStoreFailure,
    message: string,
    /** For InvalidRange: the object's size, which S3 reports in the error. */
    readonly objectSize?: number,
  ) {
    super(message);
    this.name = `ObjectStoreError(${reason})`;
  }
}

export function isObjectStoreError(err: unknown, reason?: ObjectStoreFailure): err is ObjectStoreError {
  return err instanceof ObjectStoreError && (reason === undefined || err.reason === reason);
}

export const noSuchBucket = (bucket: string): ObjectStoreError =>
  new ObjectStoreError('NoSuchBucket', `The bucket ${bucket} does not exist.`);

export const noSuchKey = (bucket: string, key: string): ObjectStoreError =>
  new ObjectStoreError('NoSuchKey', `The key ${JSON.stringify(key)} does not exist in bucket ${bucket}.`);

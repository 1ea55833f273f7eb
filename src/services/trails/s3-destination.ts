// Where a trail's log files go (spec §4.3): a bucket that exists and that CloudTrail may write to, and an optional
// key prefix of at most 200 characters.
import { ServiceError } from '../../errors/service-error.js';
import { isValidBucketName } from '../../objects/bucket-name.js';
import type { ObjectStore } from '../../objects/object-store.js';

export const MAX_S3_KEY_PREFIX = 200;

// Control characters cannot be sent in the x-amz-* headers and URLs of the S3 calls that deliver the files.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export function checkBucketName(bucket: string): string {
  if (!isValidBucketName(bucket)) {
    throw new ServiceError('InvalidS3BucketNameException', `Bucket name is not valid: ${bucket}`);
  }
  return bucket;
}

export function checkS3KeyPrefix(prefix: string): string {
  if (prefix.length > MAX_S3_KEY_PREFIX) {
    throw new ServiceError(
      'InvalidS3PrefixException',
      `S3 key prefix too long. Maximum allowed length: ${MAX_S3_KEY_PREFIX} characters. Specified prefix length: ${prefix.length} characters.`,
    );
  }
  if (CONTROL_CHARACTER.test(prefix)) {
    throw new ServiceError('InvalidS3PrefixException', 'S3 key prefix cannot contain control characters.');
  }
  return prefix;
}

/**
 * The bucket must exist, and until bucket policies exist only the account that created it may have trails write
 * to it (a bucket found in an external store has no known owner and is open to every account).
 */
export async function checkBucketUsable(objects: ObjectStore, bucket: string, accountId: string): Promise<void> {
  const info = await objects.headBucket(bucket);
  if (!info) throw new ServiceError('S3BucketDoesNotExistException', `S3 bucket ${bucket} does not exist.`);
  if (info.ownerAccountId !== undefined && info.ownerAccountId !== accountId) {
    throw new ServiceError(
      'InsufficientS3BucketPolicyException',
      `Incorrect S3 bucket policy is detected for bucket: ${bucket}. The bucket belongs to another account.`,
    );
  }
}

// DeleteBucket: only an empty bucket (BucketNotEmpty otherwise).
import type { S3Operation } from '../s3-call.js';
import { accessBucket } from '../s3-access.js';
import { storeCall } from '../s3-errors.js';
import { emptyReply } from '../s3-reply.js';

export const deleteBucket: S3Operation = async (call) => {
  await accessBucket(call, call.bucket, { ownerOnly: true });
  await storeCall({ bucket: call.bucket }, () => call.objects.deleteBucket(call.bucket));
  // A bucket of the same name created later, perhaps by another account, must not inherit this one's policy.
  await call.bucketPolicies.remove(call.bucket);
  return emptyReply(call.requestId, 204);
};

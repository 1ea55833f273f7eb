// DeleteBucketPolicy (DELETE ?policy): 204 whether or not the bucket had one, as S3 answers.
import type { S3Operation } from '../s3-call.js';
import { accessBucket } from '../s3-access.js';
import { emptyReply } from '../s3-reply.js';

export const deleteBucketPolicy: S3Operation = async (call) => {
  await accessBucket(call, call.bucket, { ownerOnly: true });
  await call.bucketPolicies.remove(call.bucket);
  return emptyReply(call.requestId, 204);
};

// GetBucketPolicy (GET ?policy): the policy JSON as it was put; NoSuchBucketPolicy when there is none.
import type { S3Operation } from '../s3-call.js';
import { accessBucket } from '../s3-access.js';
import { S3Error } from '../s3-errors.js';
import { s3Headers } from '../s3-reply.js';

export const getBucketPolicy: S3Operation = async (call) => {
  await accessBucket(call, call.bucket, { ownerOnly: true });
  const text = await call.bucketPolicies.text(call.bucket);
  if (text === undefined) {
    throw new S3Error('NoSuchBucketPolicy', 'The bucket policy does not exist', { BucketName: call.bucket });
  }
  return { status: 200, headers: s3Headers(call.requestId, { 'content-type': 'application/json' }), body: text };
};

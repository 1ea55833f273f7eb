// HeadBucket: whether the bucket exists and the caller may use it, and its region (x-amz-bucket-region), which
// clients read to find where a bucket lives.
import type { S3Operation } from '../s3-call.js';
import { accessBucket } from '../s3-access.js';
import { emptyReply } from '../s3-reply.js';

export const headBucket: S3Operation = async (call) => {
  const info = await accessBucket(call);
  return emptyReply(call.requestId, 200, { 'x-amz-bucket-region': info.region, 'x-amz-access-point-alias': 'false' });
};

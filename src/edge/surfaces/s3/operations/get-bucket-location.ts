// GetBucketLocation: answered from any region (it is how clients, validate-logs among them, find a bucket's region);
// us-east-1 is an empty LocationConstraint, as in S3.
import type { S3Operation } from '../s3-call.js';
import { xmlDocument } from '../../../protocols/s3-xml.js';
import { accessBucket } from '../s3-access.js';
import { xmlReply } from '../s3-reply.js';

export const getBucketLocation: S3Operation = async (call) => {
  const info = await accessBucket(call, call.bucket, { anyRegion: true });
  return xmlReply(call.requestId, xmlDocument('LocationConstraint', info.region === 'us-east-1' ? '' : info.region));
};

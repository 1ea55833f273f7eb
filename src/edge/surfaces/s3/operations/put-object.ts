// PutObject: stores the body with its Content-Type and x-amz-meta-* metadata, and answers its ETag. Canned ACLs
// (x-amz-acl, which CloudTrail itself sends) are accepted and have no effect: the bucket owner owns every object.
import type { S3Operation } from '../s3-call.js';
import { header } from '../../../edge-request.js';
import { keyProblem } from '../../../../objects/object-key.js';
import { accessBucket } from '../s3-access.js';
import { keyTooLong, storeCall } from '../s3-errors.js';
import { requestPayload } from '../s3-payload.js';
import { noteBytes } from '../s3-record-facts.js';
import { emptyReply } from '../s3-reply.js';
import { userMetadataOf } from '../user-metadata.js';

export const putObject: S3Operation = async (call) => {
  await accessBucket(call);
  if (keyProblem(call.key)) throw keyTooLong();
  const body = requestPayload(call.request);
  noteBytes(call.facts, 'bytesTransferredIn', body.length);
  const contentType = header(call.request, 'content-type');
  const options = { ...(contentType ? { contentType } : {}), userMetadata: userMetadataOf(call.request) };
  const { etag } = await storeCall({ bucket: call.bucket, key: call.key }, () => call.objects.putObject(call.bucket, call.key, body, options));
  return emptyReply(call.requestId, 200, { etag });
};

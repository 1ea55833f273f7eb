// DeleteObject: 204 whether or not the key existed, as in S3.
import type { S3Operation } from '../s3-call.js';
import { keyProblem } from '../../../../objects/object-key.js';
import { accessBucket } from '../s3-access.js';
import { keyTooLong, storeCall } from '../s3-errors.js';
import { emptyReply } from '../s3-reply.js';

export const deleteObject: S3Operation = async (call) => {
  await accessBucket(call);
  if (keyProblem(call.key)) throw keyTooLong();
  await storeCall({ bucket: call.bucket, key: call.key }, () => call.objects.deleteObject(call.bucket, call.key));
  return emptyReply(call.requestId, 204);
};

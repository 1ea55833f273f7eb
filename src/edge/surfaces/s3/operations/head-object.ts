// HeadObject: GetObject's headers without the bytes (a Range narrows Content-Length, as in S3).
import type { S3Operation } from '../s3-call.js';
import { header } from '../../../edge-request.js';
import { parseRangeHeader, resolveRange } from '../../../../objects/byte-range.js';
import { accessBucket } from '../s3-access.js';
import { noSuchKey, storeCall } from '../s3-errors.js';
import { emptyReply } from '../s3-reply.js';
import { objectHeaders, refuseVersionId } from './object-headers.js';

export const headObject: S3Operation = async (call) => {
  await accessBucket(call);
  refuseVersionId(call.request);
  const target = { bucket: call.bucket, key: call.key };
  const info = await storeCall(target, () => call.objects.headObject(call.bucket, call.key));
  if (!info) throw noSuchKey(call.key);
  const requested = parseRangeHeader(header(call.request, 'range'));
  const range = requested ? await storeCall(target, async () => resolveRange(requested, info.size), requested) : undefined;
  const headers = objectHeaders(info, call.request);
  if (!range) return emptyReply(call.requestId, 200, { ...headers, 'content-length': String(info.size) });
  return emptyReply(call.requestId, 206, {
    ...headers,
    'content-length': String(range.last - range.first + 1),
    'content-range': `bytes ${range.first}-${range.last}/${info.size}`,
  });
};

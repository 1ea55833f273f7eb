// GetObject: the object's bytes streamed from the store, whole (200) or one range (206 + Content-Range).
import type { S3Operation } from '../s3-call.js';
import { header } from '../../../edge-request.js';
import { parseRangeHeader } from '../../../../objects/byte-range.js';
import { accessBucket } from '../s3-access.js';
import { storeCall } from '../s3-errors.js';
import { noteBytes } from '../s3-record-facts.js';
import { s3Headers } from '../s3-reply.js';
import { objectHeaders, refuseVersionId } from './object-headers.js';

export const getObject: S3Operation = async (call) => {
  await accessBucket(call);
  refuseVersionId(call.request);
  const range = parseRangeHeader(header(call.request, 'range'));
  const target = { bucket: call.bucket, key: call.key };
  const content = await storeCall(target, () => call.objects.getObject(call.bucket, call.key, range ? { range } : {}), range);
  const length = content.range ? content.range.last - content.range.first + 1 : content.info.size;
  noteBytes(call.facts, 'bytesTransferredOut', length);
  const headers: Record<string, string> = { ...objectHeaders(content.info, call.request), 'content-length': String(length) };
  if (content.range) headers['content-range'] = `bytes ${content.range.first}-${content.range.last}/${content.info.size}`;
  return { status: content.range ? 206 : 200, headers: s3Headers(call.requestId, headers), body: content.body };
};

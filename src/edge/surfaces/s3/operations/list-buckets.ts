// ListBuckets: the caller's buckets by name, with S3's newer optional paging (max-buckets, continuation-token) and
// filters (prefix, bucket-region).
import type { S3Operation } from '../s3-call.js';
import type { BucketInfo } from '../../../../objects/object-store.js';
import { element, optionalElement, xmlDocument } from '../../../protocols/s3-xml.js';
import { ownerElement } from '../canonical-owner.js';
import { continuationToken, maxKeysParameter, readContinuationToken } from '../listing-parameters.js';
import { xmlReply } from '../s3-reply.js';

const MAX_BUCKETS = 10_000;

export const listBuckets: S3Operation = async (call) => {
  const query = call.request.query;
  const prefix = query.get('prefix') ?? '';
  const region = query.get('bucket-region');
  const token = query.get('continuation-token');
  const after = token ? readContinuationToken(token) : undefined;
  const limit = query.has('max-buckets') ? Math.max(1, maxKeysParameter(call.request, 'max-buckets', MAX_BUCKETS)) : Infinity;
  const visible = (await call.objects.listBuckets()).filter(
    (b) =>
      (b.ownerAccountId === undefined || b.ownerAccountId === call.caller.accountId) &&
      b.name.startsWith(prefix) &&
      (region === null || b.region === region) &&
      (after === undefined || b.name > after),
  );
  const page = visible.slice(0, limit);
  const next = visible.length > page.length ? page.at(-1)?.name : undefined;
  const body = xmlDocument('ListAllMyBucketsResult', [
    element('Buckets', page.map(bucketElement)),
    ownerElement(call.caller.accountId),
    optionalElement('ContinuationToken', next === undefined ? undefined : continuationToken(next)),
    query.has('prefix') && element('Prefix', prefix),
  ]);
  return xmlReply(call.requestId, body);
};

function bucketElement(bucket: BucketInfo) {
  return element('Bucket', [
    element('Name', bucket.name),
    element('CreationDate', bucket.createdAt),
    element('BucketRegion', bucket.region),
  ]);
}

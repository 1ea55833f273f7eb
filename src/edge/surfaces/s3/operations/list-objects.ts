// ListObjects (v1): marker paging. NextMarker is sent when truncated and a delimiter was given (the last key or
// common prefix); without a delimiter clients go on from the last key, as S3 documents. validate-logs relies on it.
import type { S3Operation } from '../s3-call.js';
import { element, optionalElement, xmlDocument } from '../../../protocols/s3-xml.js';
import { accessBucket } from '../s3-access.js';
import { maxKeysParameter, urlEncodingRequested } from '../listing-parameters.js';
import { xmlReply } from '../s3-reply.js';
import { listObjectPage, listingElements, nameEncoder } from './object-listing.js';

export const listObjects: S3Operation = async (call) => {
  const bucket = await accessBucket(call);
  const query = call.request.query;
  const encode = urlEncodingRequested(call.request);
  const name = nameEncoder(encode);
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const marker = query.get('marker') ?? '';
  const maxKeys = maxKeysParameter(call.request);
  const listing = await listObjectPage(call, { prefix, delimiter, startAfter: marker, maxKeys });
  const nextMarker = listing.isTruncated && delimiter ? listing.nextStartAfter : undefined;
  const body = xmlDocument('ListBucketResult', [
    element('Name', call.bucket),
    element('Prefix', name(prefix)),
    element('Marker', name(marker)),
    optionalElement('NextMarker', nextMarker === undefined ? undefined : name(nextMarker)),
    element('MaxKeys', maxKeys),
    delimiter !== '' && element('Delimiter', name(delimiter)),
    encode && element('EncodingType', 'url'),
    element('IsTruncated', listing.isTruncated),
    ...listingElements(listing, name, bucket.ownerAccountId ?? call.caller.accountId),
  ]);
  return xmlReply(call.requestId, body);
};

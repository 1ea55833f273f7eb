// ListObjects (v1): marker paging. NextMarker is sent when truncated and a delimiter was given (the last key or
// common prefix); without a delimiter clients go on from the last key, as S3 documents. validate-logs relies on it.
import type { S3Operation } from '../s3-call.js';
import { element, optionalElement, xmlDocument } from '../../../protocols/s3-xml.js';
import { xmlReply } from '../s3-reply.js';
import { listObjectPage, listingBasics, listingElements } from './object-listing.js';

export const listObjects: S3Operation = async (call) => {
  const { bucket, query, encode, name, prefix, delimiter, maxKeys } = await listingBasics(call);
  const marker = query.get('marker') ?? '';
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

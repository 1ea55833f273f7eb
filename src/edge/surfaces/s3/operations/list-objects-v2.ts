// ListObjectsV2 (list-type=2): continuation tokens, start-after, KeyCount; owners only with fetch-owner=true.
import type { S3Operation } from '../s3-call.js';
import { element, optionalElement, xmlDocument } from '../../../protocols/s3-xml.js';
import { continuationToken, readContinuationToken } from '../listing-parameters.js';
import { xmlReply } from '../s3-reply.js';
import { listObjectPage, listingBasics, listingElements } from './object-listing.js';

export const listObjectsV2: S3Operation = async (call) => {
  const { bucket, query, encode, name, prefix, delimiter, maxKeys } = await listingBasics(call);
  const startAfter = query.get('start-after') ?? '';
  const token = query.get('continuation-token');
  const after = token !== null ? readContinuationToken(token) : startAfter;
  const listing = await listObjectPage(call, { prefix, delimiter, startAfter: after, maxKeys });
  const next = listing.isTruncated && listing.nextStartAfter !== undefined ? continuationToken(listing.nextStartAfter) : undefined;
  const owner = query.get('fetch-owner') === 'true' ? (bucket.ownerAccountId ?? call.caller.accountId) : undefined;
  const body = xmlDocument('ListBucketResult', [
    element('Name', call.bucket),
    element('Prefix', name(prefix)),
    optionalElement('ContinuationToken', token ?? undefined),
    optionalElement('NextContinuationToken', next),
    element('KeyCount', listing.objects.length + listing.commonPrefixes.length),
    element('MaxKeys', maxKeys),
    delimiter !== '' && element('Delimiter', name(delimiter)),
    encode && element('EncodingType', 'url'),
    element('IsTruncated', listing.isTruncated),
    startAfter !== '' && element('StartAfter', name(startAfter)),
    ...listingElements(listing, name, owner),
  ]);
  return xmlReply(call.requestId, body);
};

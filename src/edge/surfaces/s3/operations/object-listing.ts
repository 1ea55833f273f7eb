// What ListObjects and ListObjectsV2 share: the store query, and the <Contents> and <CommonPrefixes> elements.
import type { S3Call } from '../s3-call.js';
import type { ObjectListing } from '../../../../objects/object-store.js';
import { element, type Xml } from '../../../protocols/s3-xml.js';
import { ownerElement } from '../canonical-owner.js';
import { encodeListedName, maxKeysParameter, urlEncodingRequested } from '../listing-parameters.js';
import { accessBucket } from '../s3-access.js';
import { storeCall } from '../s3-errors.js';

/** The parameters both ListObjects versions read the same way, and the bucket they list. */
export async function listingBasics(call: S3Call) {
  const bucket = await accessBucket(call);
  const query = call.request.query;
  const encode = urlEncodingRequested(call.request);
  return {
    bucket,
    query,
    encode,
    name: nameEncoder(encode),
    prefix: query.get('prefix') ?? '',
    delimiter: query.get('delimiter') ?? '',
    maxKeys: maxKeysParameter(call.request),
  };
}

export interface ListingQuery {
  prefix: string;
  delimiter: string;
  startAfter: string;
  maxKeys: number;
}

export function listObjectPage(call: S3Call, query: ListingQuery): Promise<ObjectListing> {
  return storeCall({ bucket: call.bucket }, () =>
    call.objects.listObjects(call.bucket, {
      prefix: query.prefix,
      maxKeys: query.maxKeys,
      ...(query.delimiter ? { delimiter: query.delimiter } : {}),
      ...(query.startAfter ? { startAfter: query.startAfter } : {}),
    }),
  );
}

/** Names as the client asked for them: URL-encoded with encoding-type=url, verbatim otherwise. */
export type NameEncoder = (name: string) => string;

export function nameEncoder(encode: boolean): NameEncoder {
  return encode ? encodeListedName : (name) => name;
}

export function listingElements(listing: ObjectListing, name: NameEncoder, ownerAccountId: string | undefined): Xml[] {
  return [
    ...listing.objects.map((o) =>
      element('Contents', [
        element('Key', name(o.key)),
        element('LastModified', o.lastModified),
        element('ETag', o.etag),
        element('Size', o.size),
        ownerAccountId !== undefined && ownerElement(ownerAccountId),
        element('StorageClass', 'STANDARD'),
      ]),
    ),
    ...listing.commonPrefixes.map((prefix) => element('CommonPrefixes', [element('Prefix', name(prefix))])),
  ];
}

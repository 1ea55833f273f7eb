// CopyObject (PUT with x-amz-copy-source): copies within or across buckets, keeping the source's metadata (COPY,
// the default) or taking the request's (REPLACE). The source bucket may be in another region, as in S3.
import type { S3Call, S3Operation } from '../s3-call.js';
import { header } from '../../../edge-request.js';
import { keyProblem } from '../../../../objects/object-key.js';
import type { ObjectRef } from '../../../../objects/object-store.js';
import { element, xmlDocument } from '../../../protocols/s3-xml.js';
import { accessBucket } from '../s3-access.js';
import { S3Error, invalidArgument, keyTooLong, storeCall } from '../s3-errors.js';
import { addRequestParameters, addResources, bucketResource, objectResource } from '../s3-record-facts.js';
import { xmlReply } from '../s3-reply.js';
import { userMetadataOf } from '../user-metadata.js';

export const copyObject: S3Operation = async (call) => {
  const source = copySource(call);
  const directive = metadataDirective(call);
  await accessBucket(call);
  if (keyProblem(call.key)) throw keyTooLong();
  const sourceBucket = source.bucket === call.bucket ? undefined : await accessBucket(call, source.bucket, { anyRegion: true });
  addResources(call.facts, [objectResource(source.bucket, source.key), ...(sourceBucket ? [bucketResource(source.bucket, sourceBucket.ownerAccountId)] : [])]);
  if (directive === 'COPY' && source.bucket === call.bucket && source.key === call.key) {
    throw new S3Error(
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  const contentType = header(call.request, 'content-type');
  const options = directive === 'REPLACE' ? { replaceMetadata: { ...(contentType ? { contentType } : {}), userMetadata: userMetadataOf(call.request) } } : {};
  const result = await storeCall(source, () => call.objects.copyObject(source, { bucket: call.bucket, key: call.key }, options));
  const body = xmlDocument('CopyObjectResult', [element('LastModified', result.lastModified), element('ETag', result.etag)]);
  return xmlReply(call.requestId, body);
};

/** `[/]bucket/key`, URL-encoded; a `?versionId=` suffix may follow. */
function copySource(call: S3Call): ObjectRef {
  const raw = header(call.request, 'x-amz-copy-source') ?? '';
  addRequestParameters(call.facts, { 'x-amz-copy-source': raw });
  const [path, query] = splitOnce(raw.startsWith('/') ? raw.slice(1) : raw, '?');
  const [rawBucket, rawKey] = splitOnce(path, '/');
  const version = new URLSearchParams(query ?? '').get('versionId');
  if (version !== null && version !== 'null') throw invalidArgument('Invalid version id specified', 'x-amz-copy-source', raw);
  const bucket = decode(rawBucket);
  const key = rawKey === undefined ? undefined : decode(rawKey);
  if (!bucket || !key) {
    throw invalidArgument('Copy Source must mention the source bucket and key: sourcebucket/sourcekey', 'x-amz-copy-source', raw);
  }
  return { bucket, key };
}

function metadataDirective(call: S3Call): 'COPY' | 'REPLACE' {
  const value = header(call.request, 'x-amz-metadata-directive') ?? 'COPY';
  if (value !== 'COPY' && value !== 'REPLACE') throw invalidArgument('Unknown metadata directive.', 'x-amz-metadata-directive', value);
  if (value === 'REPLACE') addRequestParameters(call.facts, { 'x-amz-metadata-directive': value });
  return value;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

function decode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

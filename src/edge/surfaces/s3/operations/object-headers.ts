// The headers GetObject and HeadObject describe an object with. Content-Encoding is never added: delivered log
// files are `.json.gz` objects, and a client that inflated them transparently would break their digests (spec §9).
import type { EdgeRequest } from '../../../edge-request.js';
import type { ObjectInfo } from '../../../../objects/object-store.js';
import { httpDate } from '../../../protocols/s3-xml.js';
import { userMetadataHeaders } from '../user-metadata.js';
import { invalidArgument } from '../s3-errors.js';

/** GetObject's response-* parameters override these headers (presigned download links use them). */
const OVERRIDES: ReadonlyArray<[string, string]> = [
  ['response-content-type', 'content-type'],
  ['response-content-language', 'content-language'],
  ['response-expires', 'expires'],
  ['response-cache-control', 'cache-control'],
  ['response-content-disposition', 'content-disposition'],
  ['response-content-encoding', 'content-encoding'],
];

export function objectHeaders(info: ObjectInfo, request: EdgeRequest): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': info.contentType,
    etag: info.etag,
    'last-modified': httpDate(info.lastModified),
    'accept-ranges': 'bytes',
    ...userMetadataHeaders(info.userMetadata),
  };
  for (const [parameter, name] of OVERRIDES) {
    const value = request.query.get(parameter);
    if (value !== null) headers[name] = value;
  }
  return headers;
}

/** opentrail keeps no object versions; `null` is the version id S3 gives objects of unversioned buckets. */
export function refuseVersionId(request: EdgeRequest): void {
  const version = request.query.get('versionId');
  if (version !== null && version !== 'null') throw invalidArgument('Invalid version id specified', 'versionId', version);
}

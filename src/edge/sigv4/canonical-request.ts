// Rebuilds the canonical request from the request as received, the way the client's signer built it from the
// request it was about to send (AWS SDK v3 SignatureV4.createCanonicalRequest, botocore SigV4Auth.canonical_request).
import { SIGNATURE_HEADER } from '@smithy/signature-v4';
import { headerValues, type IncomingSignedRequest } from './incoming-signed-request.js';
import type { QueryParam } from './raw-url.js';
import { decodeQueryComponent, uriEncode } from './uri-encoding.js';

export interface CanonicalRequestParts {
  method: string;
  path: string;
  params: readonly QueryParam[];
  signedHeaders: readonly string[];
  payloadHash: string;
  service: string;
  /** Presigned URLs carry their signature in the query, which cannot sign itself. */
  omitSignatureParam: boolean;
}

export function canonicalRequest(req: IncomingSignedRequest, parts: CanonicalRequestParts): string {
  return [
    parts.method,
    canonicalUri(parts.path, parts.service),
    canonicalQuery(parts.params, parts.omitSignatureParam),
    canonicalHeaders(req, parts.signedHeaders),
    parts.signedHeaders.join(';'),
    parts.payloadHash,
  ].join('\n');
}

/**
 * S3 signs the path exactly as sent. Every other service signs the path with dot segments and empty segments
 * removed and then percent-encoded once more, on top of the encoding it already has on the wire: SDK v3
 * (uriEscapePath: true) and botocore both do this to the already-encoded path, so '%20' is signed as '%2520'.
 */
export function canonicalUri(path: string, service: string): string {
  if (service === 's3') return path === '' ? '/' : path;
  return normalizePath(path)
    .split('/')
    .map((segment) => uriEncode(segment))
    .join('/');
}

function normalizePath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const lead = path.startsWith('/') || path === '' ? '/' : '';
  const trail = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `${lead}${segments.join('/')}${trail}`;
}

/** Every parameter re-encoded from its bytes, sorted by name and then by value; `?acl` becomes `acl=`. */
export function canonicalQuery(params: readonly QueryParam[], omitSignatureParam: boolean): string {
  return params
    .filter((param) => !(omitSignatureParam && param.name.toLowerCase() === SIGNATURE_HEADER))
    .map((param) => [canonicalComponent(param.rawName), canonicalComponent(param.rawValue)] as const)
    .sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function canonicalComponent(raw: string): string {
  return uriEncode(decodeQueryComponent(raw));
}

/** Code-unit order, which for the ASCII of encoded components is byte order, as the signers sort. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One `name:value` line per signed header, each ending in '\n' so the block is followed by an empty line. */
export function canonicalHeaders(req: IncomingSignedRequest, signedHeaders: readonly string[]): string {
  return signedHeaders.map((name) => `${name}:${headerValues(req, name).map(trimAll).join(',')}\n`).join('');
}

/** Trimmed, with runs of spaces and tabs collapsed, as SDK v3's getCanonicalHeaders does. */
function trimAll(value: string): string {
  return value.replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');
}

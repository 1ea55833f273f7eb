// The object bytes a PUT or POST carries, checked against what the client declared. SDK v3 sends streamed bodies in
// aws-chunked framing with a trailing checksum (STREAMING-UNSIGNED-PAYLOAD-TRAILER), so that framing is undone
// here. Signed chunks (STREAMING-AWS4-HMAC-SHA256-PAYLOAD) would need the caller's signing key to verify each
// chunk, which the edge does not hand to surfaces: they are refused rather than accepted unverified.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { header, type EdgeRequest } from '../../edge-request.js';
import { S3Error } from './s3-errors.js';

const UNSIGNED_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';

export function requestPayload(request: EdgeRequest): Buffer {
  const declared = header(request, 'x-amz-content-sha256') ?? '';
  const chunked = declared.startsWith('STREAMING-') || /(^|,)\s*aws-chunked\s*(,|$)/i.test(header(request, 'content-encoding') ?? '');
  const checksums = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.startsWith('x-amz-checksum-') && typeof value === 'string') checksums.set(name, value);
  }
  let body = request.body;
  if (chunked) {
    if (declared !== UNSIGNED_TRAILER && declared.startsWith('STREAMING-')) {
      throw new S3Error('NotImplemented', `opentrail's S3 endpoint does not accept ${declared} uploads (signed chunks); send the payload's SHA-256, UNSIGNED-PAYLOAD or ${UNSIGNED_TRAILER} instead.`);
    }
    const decoded = decodeAwsChunked(request.body);
    body = decoded.data;
    for (const [name, value] of decoded.trailers) checksums.set(name, value);
    checkDecodedLength(request, body);
  }
  checkContentMd5(request, body);
  for (const [name, value] of checksums) checkChecksum(name, value, body);
  return body;
}

interface Chunked {
  data: Buffer;
  trailers: Map<string, string>;
}

/** `<hex size>[;ext]\r\n<bytes>\r\n` … `0\r\n` then `name:value\r\n` trailers and a blank line. */
function decodeAwsChunked(raw: Buffer): Chunked {
  const chunks: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) throw incomplete();
    const sizeText = raw.subarray(at, lineEnd).toString('latin1').split(';')[0]!.trim();
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) throw incomplete();
    const size = parseInt(sizeText, 16);
    at = lineEnd + 2;
    if (size === 0) break;
    if (at + size + 2 > raw.length || raw.toString('latin1', at + size, at + size + 2) !== '\r\n') throw incomplete();
    chunks.push(raw.subarray(at, at + size));
    at += size + 2;
  }
  return { data: Buffer.concat(chunks), trailers: readTrailers(raw.subarray(at).toString('latin1')) };
}

function readTrailers(text: string): Map<string, string> {
  const trailers = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return trailers;
}

function checkDecodedLength(request: EdgeRequest, body: Buffer): void {
  const declared = header(request, 'x-amz-decoded-content-length');
  if (declared !== undefined && Number(declared) !== body.length) throw incomplete();
}

function checkContentMd5(request: EdgeRequest, body: Buffer): void {
  const declared = header(request, 'content-md5');
  if (declared === undefined) return;
  if (Buffer.from(declared, 'base64').length !== 16) {
    throw new S3Error('InvalidDigest', 'The Content-MD5 you specified was invalid.', { 'Content-MD5': declared });
  }
  if (createHash('md5').update(body).digest('base64') !== declared) {
    throw new S3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.', {
      ExpectedDigest: declared,
      CalculatedDigest: createHash('md5').update(body).digest('base64'),
    });
  }
}

/** Checks the algorithms Node can compute (CRC32, SHA-1, SHA-256); CRC32C and CRC64NVME are accepted unchecked. */
function checkChecksum(name: string, declared: string, body: Buffer): void {
  const algorithm = name.slice('x-amz-checksum-'.length);
  const computed = computeChecksum(algorithm, body);
  if (computed === undefined || computed === declared) return;
  throw new S3Error('BadDigest', `The ${algorithm.toUpperCase()} you specified did not match the calculated checksum.`);
}

function computeChecksum(algorithm: string, body: Buffer): string | undefined {
  switch (algorithm) {
    case 'crc32': {
      const digest = Buffer.alloc(4);
      digest.writeUInt32BE(zlib.crc32(body) >>> 0);
      return digest.toString('base64');
    }
    case 'sha1':
    case 'sha256':
      return createHash(algorithm).update(body).digest('base64');
    default:
      return undefined;
  }
}

function incomplete(): S3Error {
  return new S3Error('IncompleteBody', 'The aws-chunked request body is malformed or shorter than declared.');
}

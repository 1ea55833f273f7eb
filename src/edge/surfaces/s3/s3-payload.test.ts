import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { EdgeRequest } from '../../edge-request.js';
import { requestPayload } from './s3-payload.js';

function request(body: Buffer, headers: Record<string, string> = {}): EdgeRequest {
  return {
    requestId: 'r', receivedAt: new Date(), method: 'PUT', rawUrl: '/b/k', path: '/b/k', query: new URLSearchParams(),
    headers, body, sourceIp: '127.0.0.1',
  };
}

function crc32(data: Buffer): string {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(zlib.crc32(data) >>> 0);
  return out.toString('base64');
}

function awsChunked(parts: Buffer[], trailer?: string): Buffer {
  const framed = parts.map((p) => Buffer.concat([Buffer.from(`${p.length.toString(16)}\r\n`), p, Buffer.from('\r\n')]));
  return Buffer.concat([...framed, Buffer.from(`0\r\n${trailer ? trailer + '\r\n' : ''}\r\n`)]);
}

const CHUNKED = { 'content-encoding': 'aws-chunked', 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' };

describe('requestPayload', () => {
  it('passes a plain body through', () => {
    expect(requestPayload(request(Buffer.from('plain'))).toString()).toBe('plain');
  });

  it('undoes aws-chunked framing and checks the trailing checksum', () => {
    const data = Buffer.from('hello, chunked world');
    const body = awsChunked([data.subarray(0, 7), data.subarray(7)], `x-amz-checksum-crc32:${crc32(data)}`);
    const headers = { ...CHUNKED, 'x-amz-decoded-content-length': String(data.length), 'x-amz-trailer': 'x-amz-checksum-crc32' };
    expect(requestPayload(request(body, headers)).equals(data)).toBe(true);
    const wrong = awsChunked([data], `x-amz-checksum-crc32:${crc32(Buffer.from('other'))}`);
    expect(() => requestPayload(request(wrong, headers))).toThrow(expect.objectContaining({ code: 'BadDigest' }));
  });

  it('refuses malformed or short aws-chunked bodies', () => {
    for (const body of ['zz\r\nabc\r\n0\r\n\r\n', '10\r\nabc\r\n0\r\n\r\n', '3\r\nabc']) {
      expect(() => requestPayload(request(Buffer.from(body), CHUNKED)), body).toThrow(expect.objectContaining({ code: 'IncompleteBody' }));
    }
    const short = awsChunked([Buffer.from('abc')]);
    expect(() => requestPayload(request(short, { ...CHUNKED, 'x-amz-decoded-content-length': '4' }))).toThrow(expect.objectContaining({ code: 'IncompleteBody' }));
  });

  it('refuses signed chunks, which it cannot verify', () => {
    const headers = { 'content-encoding': 'aws-chunked', 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' };
    expect(() => requestPayload(request(Buffer.from('0;chunk-signature=ab\r\n\r\n'), headers))).toThrow(expect.objectContaining({ code: 'NotImplemented' }));
  });

  it('checks Content-MD5 and the x-amz-checksum headers it can compute', () => {
    const data = Buffer.from('digest me');
    const md5 = createHash('md5').update(data).digest('base64');
    const sha256 = createHash('sha256').update(data).digest('base64');
    expect(requestPayload(request(data, { 'content-md5': md5, 'x-amz-checksum-sha256': sha256, 'x-amz-checksum-crc32': crc32(data) })).equals(data)).toBe(true);
    expect(() => requestPayload(request(data, { 'content-md5': createHash('md5').update('x').digest('base64') }))).toThrow(expect.objectContaining({ code: 'BadDigest' }));
    expect(() => requestPayload(request(data, { 'content-md5': 'not-md5' }))).toThrow(expect.objectContaining({ code: 'InvalidDigest' }));
    expect(() => requestPayload(request(data, { 'x-amz-checksum-sha1': 'AAAA' }))).toThrow(expect.objectContaining({ code: 'BadDigest' }));
    expect(requestPayload(request(data, { 'x-amz-checksum-crc32c': 'unchecked==' })).equals(data)).toBe(true);
  });
});

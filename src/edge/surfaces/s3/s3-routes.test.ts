import { describe, expect, it } from 'vitest';
import type { EdgeRequest } from '../../edge-request.js';
import { isDataEvent, routeS3Request } from './s3-routes.js';
import { parseS3Target } from './s3-request.js';

function route(method: string, url: string, headers: Record<string, string> = {}) {
  const [path, query = ''] = url.split('?') as [string, string?];
  const request: EdgeRequest = {
    requestId: 'r', receivedAt: new Date(), method, rawUrl: url, path, query: new URLSearchParams(query), headers, body: Buffer.alloc(0), sourceIp: '',
  };
  const target = parseS3Target(path)!;
  const match = routeS3Request(request, target.level);
  return { kind: match.kind, name: match.name, data: isDataEvent(match.name, target.level) };
}

describe('routeS3Request', () => {
  it.each([
    ['GET', '/', 'ListBuckets', false],
    ['PUT', '/b', 'CreateBucket', false],
    ['HEAD', '/b', 'HeadBucket', false],
    ['DELETE', '/b/', 'DeleteBucket', false],
    ['GET', '/b?location', 'GetBucketLocation', false],
    ['GET', '/b?prefix=x&delimiter=/', 'ListObjects', true],
    ['GET', '/b?list-type=2&x-id=ListObjectsV2', 'ListObjectsV2', true],
    ['POST', '/b?delete', 'DeleteObjects', true],
    ['GET', '/b/k', 'GetObject', true],
    ['GET', '/b/k?x-id=GetObject&response-content-type=text/plain', 'GetObject', true],
    ['HEAD', '/b/a/b/c', 'HeadObject', true],
    ['PUT', '/b/k', 'PutObject', true],
    ['DELETE', '/b/k', 'DeleteObject', true],
  ])('%s %s is %s', (method, url, name, data) => {
    expect(route(method, url)).toEqual({ kind: 'operation', name, data });
  });

  it('tells CopyObject from PutObject by x-amz-copy-source', () => {
    expect(route('PUT', '/b/k', { 'x-amz-copy-source': '/b/src' })).toMatchObject({ kind: 'operation', name: 'CopyObject' });
  });

  it.each([
    ['GET', '/b?acl', 'GetBucketAcl', false],
    ['PUT', '/b/k?acl', 'PutObjectAcl', true],
    ['PUT', '/b?cors', 'PutBucketCors', false],
    ['GET', '/b?versions', 'ListObjectVersions', true],
    ['POST', '/b/k?uploads', 'CreateMultipartUpload', true],
    ['PUT', '/b/k?partNumber=1&uploadId=u', 'UploadPart', true],
    ['POST', '/b/k?uploadId=u', 'CompleteMultipartUpload', true],
    ['DELETE', '/b/k?uploadId=u', 'AbortMultipartUpload', true],
    ['GET', '/b/k?tagging', 'GetObjectTagging', true],
    ['POST', '/b', 'PostObject', true],
  ])('names the unimplemented %s %s as %s', (method, url, name, data) => {
    expect(route(method, url)).toEqual({ kind: 'unimplemented', name, data });
  });

  it('tells UploadPartCopy from UploadPart', () => {
    expect(route('PUT', '/b/k?partNumber=1&uploadId=u', { 'x-amz-copy-source': 'b/s' })).toMatchObject({ name: 'UploadPartCopy' });
  });

  it.each([
    ['PUT', '/'],
    ['DELETE', '/'],
    ['POST', '/b/k'],
    ['PATCH', '/b/k'],
    ['OPTIONS', '/b'],
  ])('does not allow %s %s', (method, url) => {
    expect(route(method, url).kind).toBe('not-allowed');
  });
});

describe('parseS3Target', () => {
  it('reads path-style targets, decoding the key', () => {
    expect(parseS3Target('/')).toEqual({ level: 'service' });
    expect(parseS3Target('/b')).toEqual({ level: 'bucket', bucket: 'b' });
    expect(parseS3Target('/b/')).toEqual({ level: 'bucket', bucket: 'b' });
    expect(parseS3Target('/b/a%20b/c%2Bd+e')).toEqual({ level: 'object', bucket: 'b', key: 'a b/c+d+e' });
    expect(parseS3Target('/b//lead')).toEqual({ level: 'object', bucket: 'b', key: '/lead' });
    expect(parseS3Target('/b/%E0%A4%A')).toBeUndefined();
  });
});

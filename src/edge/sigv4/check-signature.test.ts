// Requests signed by the real SDK v3 signer must verify, and any change to what was signed must not.
import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { escapeUri } from '@smithy/util-uri-escape';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../errors/service-error.js';
import { checkSignature, SIGNATURE_MISMATCH_MESSAGE } from './check-signature.js';
import type { IncomingSignedRequest } from './incoming-signed-request.js';
import { parseSignature, type ParsedSignature } from './parse-signature.js';
import { ContentSha256MismatchError } from './payload-hash.js';

type HttpRequest = Awaited<ReturnType<SignatureV4['presign']>>;
type QueryParameterBag = NonNullable<HttpRequest['query']>;

const SIGNED_AT = new Date(Date.UTC(2025, 0, 1, 12, 0, 0));
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const SESSION = { ...CREDENTIALS, sessionToken: 'FwoGZXIvYXdzEJr//////////wEaDE+token/with+slashes=' };
const HOST = 'localhost:4566';

interface SignerOptions {
  service: string;
  credentials?: typeof CREDENTIALS & { sessionToken?: string };
  uriEscapePath?: boolean;
  applyChecksum?: boolean;
}

function signer({ service, credentials = CREDENTIALS, uriEscapePath = true, applyChecksum = true }: SignerOptions) {
  return new SignatureV4({ service, region: 'us-east-1', credentials, sha256: Sha256, uriEscapePath, applyChecksum });
}

interface Unsigned {
  method?: string;
  path?: string;
  query?: QueryParameterBag;
  headers?: Record<string, string>;
  body?: string;
}

function httpRequest({ method = 'GET', path = '/', query = {}, headers = {}, body }: Unsigned): HttpRequest {
  return {
    method,
    protocol: 'http:',
    hostname: 'localhost',
    port: 4566,
    path,
    query,
    headers: { host: HOST, ...headers },
    ...(body === undefined ? {} : { body }),
  };
}

/** The request as Node would hand it to the server: the node-http-handler's query serialization, lower-case headers. */
function asReceived(request: HttpRequest): IncomingSignedRequest {
  const query = serializeQuery(request.query ?? {});
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const body = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : Buffer.alloc(0);
  return { method: request.method, rawUrl: query === '' ? request.path : `${request.path}?${query}`, headers, body };
}

/** Same rules as @smithy/core's buildQueryString, which the node-http-handler uses to put the query on the wire. */
function serializeQuery(query: QueryParameterBag): string {
  return Object.keys(query)
    .sort()
    .flatMap((key) => {
      const value = query[key];
      if (Array.isArray(value)) return value.map((item) => `${escapeUri(key)}=${escapeUri(item)}`);
      return typeof value === 'string' ? [`${escapeUri(key)}=${escapeUri(value)}`] : [escapeUri(key)];
    })
    .join('&');
}

async function signed(options: SignerOptions, unsigned: Unsigned): Promise<IncomingSignedRequest> {
  return asReceived(await signer(options).sign(httpRequest(unsigned), { signingDate: SIGNED_AT }));
}

async function presigned(options: SignerOptions, unsigned: Unsigned, expiresIn = 300): Promise<IncomingSignedRequest> {
  return asReceived(await signer(options).presign(httpRequest(unsigned), { signingDate: SIGNED_AT, expiresIn }));
}

function parsed(req: IncomingSignedRequest): ParsedSignature {
  const result = parseSignature(req);
  if (!result) throw new Error('expected the request to carry SigV4 authentication');
  return result;
}

function verify(req: IncomingSignedRequest, now = SIGNED_AT, secret = CREDENTIALS.secretAccessKey): void {
  checkSignature(req, parsed(req), secret, now);
}

function rejection(action: () => void): ServiceError {
  try {
    action();
  } catch (err) {
    if (err instanceof ServiceError) return err;
    throw err;
  }
  throw new Error('expected a ServiceError, but the request verified');
}

function expectMismatch(req: IncomingSignedRequest, now = SIGNED_AT, secret?: string): void {
  const err = rejection(() => verify(req, now, secret));
  expect(err.code).toBe('InvalidSignatureException');
  expect(err.message).toBe(SIGNATURE_MISMATCH_MESSAGE);
}

const withUrl = (req: IncomingSignedRequest, rawUrl: string): IncomingSignedRequest => ({ ...req, rawUrl });
const withHeader = (req: IncomingSignedRequest, name: string, value: string): IncomingSignedRequest => ({
  ...req,
  headers: { ...req.headers, [name]: value },
});

const CLOUDTRAIL_CALL: Unsigned = {
  method: 'POST',
  headers: {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents',
  },
  body: JSON.stringify({ MaxResults: 5, LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ü' }] }),
};

describe('checkSignature with SDK v3 header signatures', () => {
  it('accepts a CloudTrail JSON call, with and without x-amz-content-sha256', async () => {
    verify(await signed({ service: 'cloudtrail' }, CLOUDTRAIL_CALL));
    verify(await signed({ service: 'cloudtrail', applyChecksum: false }, CLOUDTRAIL_CALL));
  });

  it('accepts a session-token call and reports the token', async () => {
    const req = await signed({ service: 'cloudtrail', credentials: SESSION }, CLOUDTRAIL_CALL);
    expect(parsed(req).sessionToken).toBe(SESSION.sessionToken);
    verify(req);
  });

  it('accepts an IAM / STS query-protocol POST', async () => {
    for (const service of ['iam', 'sts']) {
      const body = 'Action=GetCallerIdentity&Version=2011-06-15';
      const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
      verify(await signed({ service, applyChecksum: false }, { method: 'POST', headers, body }));
    }
  });

  it('double-encodes and normalises the path for non-S3 services', async () => {
    // The SDK puts paths on the wire already encoded; it signs them encoded once more, after removing '.', '..' and '//'.
    const paths = ['/a%20b/c%2Bd/~e/%C3%A9%E2%82%AC', '/x//y/./z/../w/', '/tags/arn%3Aaws%3Acloudtrail%3A%2Ftrail'];
    for (const path of paths) verify(await signed({ service: 'cloudtrail' }, { path }));
  });

  it('signs S3 paths verbatim, without normalisation', async () => {
    const s3 = { service: 's3', uriEscapePath: false };
    const paths = ['/bucket/a%20b%2Bc~%C3%A9.txt', '/bucket//double//slash/./dot/../key', '/bucket/%2F%25'];
    for (const path of paths) verify(await signed(s3, { path }));
  });

  it('canonicalises queries with repeated, empty and reserved-character values', async () => {
    const query = {
      'list-type': '2',
      prefix: 'a b+c/d~e*f',
      multi: ['z', 'a', 'm m'],
      acl: '',
      reserved: "!*'()/:@&=+$,;?#[]%",
      unicode: 'Ω≈ç√',
      'key with space': 'v',
    };
    verify(await signed({ service: 's3', uriEscapePath: false }, { path: '/bucket', query }));
    verify(await signed({ service: 'cloudtrail' }, { path: '/', query }));
  });

  it('reads a bare `?uploads` as `uploads=` and `+` as a space', async () => {
    const req = await signed({ service: 's3', uriEscapePath: false }, { path: '/b/k', query: { uploads: '', q: 'a b' } });
    expect(req.rawUrl).toBe('/b/k?q=a%20b&uploads=');
    verify(withUrl(req, '/b/k?uploads&q=a+b'));
  });

  it('accepts a request that signed the Date header instead of X-Amz-Date', async () => {
    // Formats the SDK's X-Amz-Date header as an HTTP date, like botocore does when the request has a Date header.
    const req = await signed({ service: 'cloudtrail', applyChecksum: false }, CLOUDTRAIL_CALL);
    const { 'x-amz-date': _dropped, ...headers } = req.headers;
    const withDate = { ...req, headers: { ...headers, date: 'Wed, 01 Jan 2025 12:00:00 GMT' } };
    expect(parsed(withDate).requestTime).toEqual(SIGNED_AT);
    expectMismatch(withDate); // the Date header was not among the signed headers: the SDK signed x-amz-date
  });

  it('folds repeated header values with "," after trimming each', async () => {
    const req = await signed({ service: 'cloudtrail' }, { headers: { 'x-amz-meta-list': 'one,two' } });
    verify(withHeader(req, 'x-amz-meta-list', 'one,two'));
    verify({ ...req, headers: { ...req.headers, 'x-amz-meta-list': ['  one ', 'two  '] } });
  });
});

describe('checkSignature rejects what was not signed', () => {
  it('rejects a changed body', async () => {
    const req = await signed({ service: 'cloudtrail', applyChecksum: false }, CLOUDTRAIL_CALL);
    expectMismatch({ ...req, body: Buffer.from('{"MaxResults":50}') });
  });

  it('answers a body that contradicts x-amz-content-sha256 with the content-hash error, after the signature', async () => {
    const req = await signed({ service: 's3', uriEscapePath: false }, { method: 'PUT', path: '/b/k', body: 'hello' });
    const err = rejection(() => verify({ ...req, body: Buffer.from('HELLO') }));
    expect(err).toBeInstanceOf(ContentSha256MismatchError);
    expect(err.code).toBe('InvalidSignatureException');
    expect(err.message).toBe("The provided 'x-amz-content-sha256' header does not match what was computed.");
  });

  it('uses UNSIGNED-PAYLOAD verbatim and then ignores the body', async () => {
    const unsigned: Unsigned = { method: 'PUT', path: '/b/k', headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }, body: 'x' };
    const req = await signed({ service: 's3', uriEscapePath: false }, unsigned);
    verify({ ...req, body: Buffer.from('anything') });
    expectMismatch(withHeader(req, 'x-amz-content-sha256', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER'));
  });

  it('rejects a changed signed header, path, query, method or secret', async () => {
    const req = await signed({ service: 'cloudtrail' }, { ...CLOUDTRAIL_CALL, path: '/p', query: { a: '1' } });
    verify(req);
    expectMismatch(withHeader(req, 'x-amz-target', 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DeleteTrail'));
    expectMismatch(withHeader(req, 'host', 'evil.example:4566'));
    expectMismatch(withUrl(req, '/q?a=1'));
    expectMismatch(withUrl(req, '/p?a=2'));
    expectMismatch(withUrl(req, '/p?a=1&b=2'));
    expectMismatch({ ...req, method: 'PUT' });
    expectMismatch(req, SIGNED_AT, 'not-the-secret');
  });

  it('rejects a signature that differs in one digit or in length', async () => {
    const req = await signed({ service: 'cloudtrail' }, CLOUDTRAIL_CALL);
    const auth = String(req.headers['authorization']);
    const last = auth.at(-1) === '0' ? '1' : '0';
    expectMismatch(withHeader(req, 'authorization', auth.slice(0, -1) + last));
    expectMismatch(withHeader(req, 'authorization', auth.slice(0, -1)));
  });

  it('rejects a scope for another region or service', async () => {
    const req = await signed({ service: 'cloudtrail' }, CLOUDTRAIL_CALL);
    const auth = String(req.headers['authorization']);
    expectMismatch(withHeader(req, 'authorization', auth.replace('/us-east-1/', '/eu-west-1/')));
    expectMismatch(withHeader(req, 'authorization', auth.replace('/cloudtrail/', '/s3/')));
  });

  it('ignores unsigned headers', async () => {
    const req = await signed({ service: 'cloudtrail' }, CLOUDTRAIL_CALL);
    verify(withHeader(req, 'user-agent', 'anything/1.0'));
  });
});

describe('checkSignature time rules', () => {
  const minutes = (n: number): Date => new Date(SIGNED_AT.getTime() + n * 60_000);

  it('accepts 15 minutes of skew either way', async () => {
    const req = await signed({ service: 'cloudtrail' }, CLOUDTRAIL_CALL);
    verify(req, minutes(15));
    verify(req, minutes(-15));
  });

  it('answers 16 minutes late with AWS expired message', async () => {
    const req = await signed({ service: 'cloudtrail' }, CLOUDTRAIL_CALL);
    const err = rejection(() => verify(req, minutes(16)));
    expect(err.code).toBe('InvalidSignatureException');
    expect(err.message).toBe(
      'Signature expired: 20250101T120000Z is now earlier than 20250101T120100Z (20250101T121600Z - 15 min.)',
    );
  });

  it('answers 16 minutes early with AWS not-yet-current message', async () => {
    const req = await signed({ service: 'cloudtrail' }, CLOUDTRAIL_CALL);
    const err = rejection(() => verify(req, minutes(-16)));
    expect(err.code).toBe('InvalidSignatureException');
    expect(err.message).toBe(
      'Signature not yet current: 20250101T120000Z is still later than 20250101T115900Z (20250101T114400Z + 15 min.)',
    );
  });

  it('requires the credential scope date to be the request date', async () => {
    const req = await signed({ service: 'cloudtrail' }, CLOUDTRAIL_CALL);
    const auth = String(req.headers['authorization']).replace('/20250101/', '/20250102/');
    const err = rejection(() => verify(withHeader(req, 'authorization', auth)));
    expect(err.code).toBe('InvalidSignatureException');
    expect(err.message).toBe(
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20250102' != '20250101', from '20250101T120000Z'.",
    );
  });
});

describe('checkSignature with SDK v3 presigned URLs', () => {
  const S3_PRESIGNER_HEADERS = { 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' }; // what @aws-sdk/s3-request-presigner adds

  it('accepts an S3 presigned GET the way s3-request-presigner makes it, with a session token', async () => {
    const options = { service: 's3', uriEscapePath: false, applyChecksum: false, credentials: SESSION };
    const query = { 'response-content-disposition': 'attachment; filename="a b.txt"', versionId: 'v~1' };
    const req = await presigned(options, { path: '/bucket/dir/a%20b%2Bc.txt', query, headers: S3_PRESIGNER_HEADERS });
    expect(req.rawUrl).toContain('X-Amz-Signature=');
    const result = parsed(req);
    expect(result).toMatchObject({ form: 'query', expiresSeconds: 300, sessionToken: SESSION.sessionToken });
    verify(req);
    expectMismatch(withUrl(req, req.rawUrl.replace('versionId=v~1', 'versionId=v~2')));
  });

  it('expects UNSIGNED-PAYLOAD for S3 presigned URLs that declare no payload hash', async () => {
    // A raw presign hashes the empty body; S3 presigned URLs sign UNSIGNED-PAYLOAD instead, so this must not verify.
    const req = await presigned({ service: 's3', uriEscapePath: false }, { path: '/bucket/key' });
    expectMismatch(req);
  });

  it('accepts a presigned STS call, whose payload hash is the empty body hash', async () => {
    const query = { Action: 'GetCallerIdentity', Version: '2011-06-15' };
    verify(await presigned({ service: 'sts', credentials: SESSION }, { query }, 60));
  });

  it('honours a payload hash hoisted into the query, and holds the body to it', async () => {
    const declared = { 'x-amz-content-sha256': createHash('sha256').update('payload').digest('hex') };
    const req = await presigned({ service: 's3', uriEscapePath: false }, { method: 'PUT', path: '/b/k', headers: declared });
    expect(req.rawUrl).toContain('x-amz-content-sha256=');
    verify({ ...req, body: Buffer.from('payload') });
    expect(rejection(() => verify({ ...req, body: Buffer.from('other') }))).toBeInstanceOf(ContentSha256MismatchError);
  });

  it('expires X-Amz-Expires seconds after X-Amz-Date', async () => {
    const req = await presigned({ service: 's3', uriEscapePath: false }, { path: '/b/k', headers: S3_PRESIGNER_HEADERS });
    verify(req, new Date(SIGNED_AT.getTime() + 300_000));
    const err = rejection(() => verify(req, new Date(SIGNED_AT.getTime() + 301_000)));
    expect(err.code).toBe('InvalidSignatureException');
    expect(err.message).toBe(
      'Signature expired: 20250101T120000Z is now earlier than 20250101T120001Z (20250101T120501Z - 300 sec.)',
    );
  });

  it('rejects a presigned URL used 16 minutes before it was signed', async () => {
    const req = await presigned({ service: 's3', uriEscapePath: false }, { path: '/b/k', headers: S3_PRESIGNER_HEADERS });
    const err = rejection(() => verify(req, new Date(SIGNED_AT.getTime() - 16 * 60_000)));
    expect(err.message).toMatch(/^Signature not yet current: /);
  });

  it('rejects a presigned URL whose auth parameters were edited', async () => {
    const req = await presigned({ service: 's3', uriEscapePath: false }, { path: '/b/k', headers: S3_PRESIGNER_HEADERS }, 60);
    expectMismatch(withUrl(req, req.rawUrl.replace('X-Amz-Expires=60', 'X-Amz-Expires=6000')), new Date(SIGNED_AT.getTime() + 120_000));
  });
});

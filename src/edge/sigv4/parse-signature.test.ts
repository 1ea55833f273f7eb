// The two places SigV4 authentication can live, and the AWS-style complaints about malformed ones.
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../errors/service-error.js';
import type { IncomingSignedRequest } from './incoming-signed-request.js';
import { parseSignature } from './parse-signature.js';

const SIGNATURE = 'a'.repeat(64);
const CREDENTIAL = 'AKIDEXAMPLE/20250101/us-east-1/cloudtrail/aws4_request';
const AUTHORIZATION = `AWS4-HMAC-SHA256 Credential=${CREDENTIAL}, SignedHeaders=content-type;host;x-amz-date, Signature=${SIGNATURE}`;

function request(headers: IncomingSignedRequest['headers'], rawUrl = '/'): IncomingSignedRequest {
  return { method: 'GET', rawUrl, headers: { host: 'localhost', ...headers }, body: new Uint8Array() };
}

const headerSigned = (authorization: string, extra: IncomingSignedRequest['headers'] = {}): IncomingSignedRequest =>
  request({ authorization, 'x-amz-date': '20250101T000000Z', ...extra });

function presignedUrl(overrides: Record<string, string | undefined> = {}): string {
  const params: Record<string, string | undefined> = {
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': CREDENTIAL.replaceAll('/', '%2F'),
    'X-Amz-Date': '20250101T000000Z',
    'X-Amz-Expires': '900',
    'X-Amz-SignedHeaders': 'host',
    'X-Amz-Signature': SIGNATURE,
    ...overrides,
  };
  const query = Object.entries(params).flatMap(([name, value]) => (value === undefined ? [] : [`${name}=${value}`]));
  return `/bucket/key?${query.join('&')}`;
}

function incomplete(req: IncomingSignedRequest): string {
  try {
    parseSignature(req);
  } catch (err) {
    if (err instanceof ServiceError && err.code === 'IncompleteSignatureException') return err.message;
    throw err;
  }
  throw new Error('expected IncompleteSignatureException');
}

describe('parseSignature, header form', () => {
  it('reads every part of the Authorization header', () => {
    expect(parseSignature(headerSigned(AUTHORIZATION, { 'x-amz-security-token': 'tok' }))).toEqual({
      form: 'header',
      accessKeyId: 'AKIDEXAMPLE',
      scope: { date: '20250101', region: 'us-east-1', service: 'cloudtrail' },
      signedHeaders: ['content-type', 'host', 'x-amz-date'],
      signature: SIGNATURE,
      requestTime: new Date('2025-01-01T00:00:00Z'),
      sessionToken: 'tok',
    });
  });

  it('accepts commas without spaces, and the Date header in either format', () => {
    const compact = AUTHORIZATION.replaceAll(', ', ',');
    const rfc1123 = request({ authorization: compact, date: 'Wed, 01 Jan 2025 00:00:00 GMT' });
    expect(parseSignature(rfc1123)?.requestTime).toEqual(new Date('2025-01-01T00:00:00Z'));
    const iso = request({ authorization: compact, date: '20250101T000000Z' });
    expect(parseSignature(iso)?.requestTime).toEqual(new Date('2025-01-01T00:00:00Z'));
  });

  it('prefers X-Amz-Date over Date', () => {
    const req = headerSigned(AUTHORIZATION, { date: 'Thu, 02 Jan 2025 00:00:00 GMT' });
    expect(parseSignature(req)?.requestTime).toEqual(new Date('2025-01-01T00:00:00Z'));
  });

  it('lists every missing part, like AWS', () => {
    expect(incomplete(request({ authorization: 'Bearer abc' }))).toBe(
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either " +
        "a 'X-Amz-Date' or a 'Date' header. Authorization=Bearer abc",
    );
    expect(incomplete(headerSigned(AUTHORIZATION.replace(/, Signature=\w+/, '')))).toMatch(
      /^Authorization header requires 'Signature' parameter\. Authorization=AWS4-HMAC-SHA256 /,
    );
  });

  it('rejects another algorithm', () => {
    expect(incomplete(headerSigned(AUTHORIZATION.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512')))).toBe(
      "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'.",
    );
  });

  it('rejects a malformed credential scope', () => {
    const withCredential = (credential: string): string => incomplete(headerSigned(AUTHORIZATION.replace(CREDENTIAL, credential)));
    expect(withCredential('AKIDEXAMPLE/20250101/us-east-1/cloudtrail')).toBe(
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIDEXAMPLE/20250101/us-east-1/cloudtrail'",
    );
    expect(withCredential('/20250101/us-east-1/cloudtrail/aws4_request')).toMatch(/^Credential must have exactly 5/);
    expect(withCredential('AKID/2025-01-01/us-east-1/cloudtrail/aws4_request')).toBe(
      "Credential should be scoped to a valid date in yyyyMMdd format, not '2025-01-01'.",
    );
    expect(withCredential('AKID/20250101/US East/cloudtrail/aws4_request')).toBe(
      "Credential should be scoped to a valid region, not 'US East'.",
    );
    expect(withCredential('AKID/20250101/us-east-1/cloudtrail/aws4_reqest')).toBe(
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4_reqest'.",
    );
  });

  it('requires host to be signed', () => {
    expect(incomplete(headerSigned(AUTHORIZATION.replace('content-type;host;x-amz-date', 'x-amz-date')))).toBe(
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  });

  it('rejects an unparsable date', () => {
    for (const date of ['2025-01-01T00:00:00Z', '20250230T000000Z', '20250101T246000Z']) {
      expect(incomplete(headerSigned(AUTHORIZATION, { 'x-amz-date': date }))).toBe(
        `Date must be in ISO-8601 'basic format'. Got '${date}'. See http://en.wikipedia.org/wiki/ISO_8601`,
      );
    }
    expect(incomplete(request({ authorization: AUTHORIZATION, date: 'yesterday' }))).toMatch(/^Date must be in ISO-8601/);
  });
});

describe('parseSignature, query form', () => {
  it('reads a presigned URL, with its session token', () => {
    const token = 'FwoG%2Ftoken%2B%3D';
    expect(parseSignature(request({}, presignedUrl({ 'X-Amz-Security-Token': token })))).toEqual({
      form: 'query',
      accessKeyId: 'AKIDEXAMPLE',
      scope: { date: '20250101', region: 'us-east-1', service: 'cloudtrail' },
      signedHeaders: ['host'],
      signature: SIGNATURE,
      requestTime: new Date('2025-01-01T00:00:00Z'),
      expiresSeconds: 900,
      sessionToken: 'FwoG/token+=',
    });
  });

  it('lists every missing parameter, like AWS', () => {
    expect(incomplete(request({}, presignedUrl({ 'X-Amz-Algorithm': undefined, 'X-Amz-Date': undefined })))).toBe(
      "AWS query-string parameters must include 'X-Amz-Algorithm'. AWS query-string parameters must include 'X-Amz-Date'. " +
        'Re-examine the query-string parameters.',
    );
  });

  it('validates the algorithm and X-Amz-Expires', () => {
    expect(incomplete(request({}, presignedUrl({ 'X-Amz-Algorithm': 'AWS4-HMAC-SHA1' })))).toBe(
      'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"',
    );
    expect(incomplete(request({}, presignedUrl({ 'X-Amz-Expires': 'soon' })))).toBe('X-Amz-Expires should be a number');
    expect(incomplete(request({}, presignedUrl({ 'X-Amz-Expires': '-1' })))).toBe('X-Amz-Expires must be non-negative');
    expect(incomplete(request({}, presignedUrl({ 'X-Amz-Expires': '604801' })))).toBe(
      'X-Amz-Expires must be less than a week (in seconds) that is 604800',
    );
    expect(parseSignature(request({}, presignedUrl({ 'X-Amz-Expires': '604800' })))?.expiresSeconds).toBe(604800);
  });

  it('takes X-Amz-Expires as optional', () => {
    const parsed = parseSignature(request({}, presignedUrl({ 'X-Amz-Expires': undefined })));
    expect(parsed?.form).toBe('query');
    expect(parsed).not.toHaveProperty('expiresSeconds');
  });

  it('refuses both mechanisms at once', () => {
    expect(incomplete(request({ authorization: AUTHORIZATION, 'x-amz-date': '20250101T000000Z' }, presignedUrl()))).toMatch(
      /^Only one auth mechanism allowed/,
    );
  });
});

describe('parseSignature without SigV4', () => {
  it('returns undefined when nothing authenticates the request', () => {
    expect(parseSignature(request({}, '/?Action=GetCallerIdentity&X-Amz-Date=20250101T000000Z'))).toBeUndefined();
    expect(parseSignature(request({ authorization: '  ' }))).toBeUndefined();
  });
});

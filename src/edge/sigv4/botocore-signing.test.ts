// Requests signed by botocore (what the AWS CLI v1 runs) must verify. botocore differs from SDK v3 in ways that
// matter here: it may sign the Date header instead of X-Amz-Date, puts `request.params` on the wire with '+' for
// spaces while signing '%20', and hashes the body of non-S3 presigned requests.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkSignature, SIGNATURE_MISMATCH_MESSAGE } from './check-signature.js';
import type { IncomingSignedRequest } from './incoming-signed-request.js';
import { parseSignature, type SignatureForm } from './parse-signature.js';

const SIGNED_AT = new Date(Date.UTC(2025, 0, 1, 12, 0, 0));
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

interface BotocoreCase {
  id: string;
  name: string;
  signer: 'SigV4Auth' | 'S3SigV4Auth' | 'SigV4QueryAuth' | 'S3SigV4QueryAuth';
  service: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  body?: string;
  token?: string;
  expectedForm: SignatureForm;
}

/** Signs each case with botocore at a fixed time and prints the requests as the HTTP client would send them. */
const SIGN_WITH_BOTOCORE = `
import base64, datetime, json, sys
from urllib.parse import urlsplit
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

spec = json.load(sys.stdin)
botocore.auth.get_current_datetime = lambda: datetime.datetime.fromisoformat(spec['signedAt'])
out = []
for case in spec['cases']:
    credentials = Credentials('AKIDEXAMPLE', spec['secret'], case.get('token'))
    signer = getattr(botocore.auth, case['signer'])(credentials, case['service'], 'us-east-1')
    request = AWSRequest(method=case['method'], url=case['url'], headers=case.get('headers') or {},
                         data=(case.get('body') or '').encode('utf-8'), params=case.get('params') or {})
    signer.add_auth(request)
    prepared = request.prepare()
    parts = urlsplit(prepared.url)
    headers = {name.lower(): value for name, value in prepared.headers.items()}
    headers.setdefault('host', botocore.auth._host_from_url(prepared.url))
    body = prepared.body or b''
    out.append({
        'method': prepared.method,
        'rawUrl': parts.path + ('?' + parts.query if parts.query else ''),
        'headers': {k: v.decode('latin-1') if isinstance(v, bytes) else v for k, v in headers.items()},
        'body': base64.b64encode(body if isinstance(body, bytes) else body.encode('utf-8')).decode('ascii'),
    })
json.dump(out, sys.stdout)
`;

const CASES: BotocoreCase[] = [
  {
    id: 'cloudtrail-json',
    name: 'CloudTrail JSON call with a session token',
    signer: 'SigV4Auth',
    service: 'cloudtrail',
    method: 'POST',
    url: 'http://localhost:4566/',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents',
    },
    body: '{"MaxResults": 5, "LookupAttributes": [{"AttributeKey": "Username", "AttributeValue": "j\\u00fcrgen"}]}',
    token: 'FwoGZXIvYXdzEJr//////////wEaDE+token/with+slashes=',
    expectedForm: 'header',
  },
  {
    id: 'date-header',
    name: 'a request that already has a Date header (signed instead of X-Amz-Date)',
    signer: 'SigV4Auth',
    service: 'cloudtrail',
    method: 'POST',
    url: 'http://localhost:4566/',
    headers: { Date: 'Mon, 01 Jan 2024 00:00:00 GMT', 'Content-Type': 'application/x-amz-json-1.1' },
    body: '{}',
    expectedForm: 'header',
  },
  {
    id: 'iam-params',
    name: 'IAM query call whose params go on the wire with + for spaces',
    signer: 'SigV4Auth',
    service: 'iam',
    method: 'GET',
    url: 'http://localhost:4566/',
    params: { Action: 'ListUsers', PathPrefix: '/division a/sub~team*/', Version: '2010-05-08' },
    expectedForm: 'header',
  },
  {
    id: 'non-s3-path',
    name: 'non-S3 path with encoded spaces, plus, unicode, empty and dot segments, and an empty query value',
    signer: 'SigV4Auth',
    service: 'cloudtrail',
    method: 'GET',
    url: 'http://localhost:4566/a%20b/c%2Bd/~e/%C3%A9//x/./y/../z?q=a%20b&empty=&flag&multi=2&multi=1',
    expectedForm: 'header',
  },
  {
    id: 's3-put',
    name: 'S3 PUT with a key of spaces, plus, tilde and unicode, and a signed body hash',
    signer: 'S3SigV4Auth',
    service: 's3',
    method: 'PUT',
    url: 'http://localhost:4566/bucket/dir//key%20with%20space%2Bplus~%C3%A9.txt',
    headers: { 'Content-Type': 'text/plain', 'x-amz-meta-note': '  spaced   out  ' },
    body: 'hello world',
    expectedForm: 'header',
  },
  {
    id: 's3-list',
    name: 'S3 GET with sub-resources',
    signer: 'S3SigV4Auth',
    service: 's3',
    method: 'GET',
    url: 'http://localhost:4566/bucket?list-type=2&prefix=a%20b%2F&delimiter=%2F&encoding-type=url',
    expectedForm: 'header',
  },
  {
    id: 's3-delete',
    name: 'S3 POST ?delete',
    signer: 'S3SigV4Auth',
    service: 's3',
    method: 'POST',
    url: 'http://localhost:4566/bucket?delete',
    body: '<Delete><Object><Key>a</Key></Object></Delete>',
    expectedForm: 'header',
  },
  {
    id: 'sts-presigned',
    name: 'presigned STS GetCallerIdentity (an EKS-style token) with a session token',
    signer: 'SigV4QueryAuth',
    service: 'sts',
    method: 'GET',
    url: 'http://localhost:4566/',
    params: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    token: 'FwoGZXIvYXdzEJr//////////wEaDE+token/with+slashes=',
    expectedForm: 'query',
  },
  {
    id: 's3-presigned',
    name: 'presigned S3 GET of a key with spaces and unicode',
    signer: 'S3SigV4QueryAuth',
    service: 's3',
    method: 'GET',
    url: 'http://localhost:4566/bucket/a%20b%2Bc~%C3%A9.txt?response-content-type=text%2Fplain',
    expectedForm: 'query',
  },
];

function botocoreAvailable(): boolean {
  return spawnSync('python3', ['-c', 'import botocore'], { stdio: 'ignore' }).status === 0;
}

function signWithBotocore(cases: readonly BotocoreCase[]): IncomingSignedRequest[] {
  const input = JSON.stringify({ signedAt: SIGNED_AT.toISOString().replace('Z', '+00:00'), secret: SECRET, cases });
  const result = spawnSync('python3', ['-c', SIGN_WITH_BOTOCORE], { input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`botocore signing failed: ${result.stderr}`);
  const signed = JSON.parse(result.stdout) as Array<Omit<IncomingSignedRequest, 'body'> & { body: string }>;
  return signed.map((req) => ({ ...req, body: Buffer.from(req.body, 'base64') }));
}

const available = botocoreAvailable();

const suiteName = available
  ? 'checkSignature with botocore signatures'
  : 'checkSignature with botocore signatures (skipped: python3 cannot import botocore)';

describe.skipIf(!available)(suiteName, () => {
  const signed = available ? signWithBotocore(CASES) : [];
  const signedCase = (id: string): IncomingSignedRequest => signed[CASES.findIndex((c) => c.id === id)]!;

  it.each(CASES.map((c) => [c.name, c] as const))('accepts %s', (_name, botocoreCase) => {
    const req = signedCase(botocoreCase.id);
    const parsed = parseSignature(req);
    expect(parsed?.form).toBe(botocoreCase.expectedForm);
    checkSignature(req, parsed!, SECRET, SIGNED_AT);
  });

  it('puts params on the wire with +, which must read as a space', () => {
    expect(signedCase('iam-params').rawUrl).toContain('PathPrefix=%2Fdivision+a%2F');
  });

  it('signs the Date header when the request has one', () => {
    const req = signedCase('date-header');
    expect(req.headers['x-amz-date']).toBeUndefined();
    expect(req.headers['date']).toBe('Wed, 01 Jan 2025 12:00:00 -0000'); // email.utils.formatdate, not GMT
  });

  it('rejects a botocore request with a changed path', () => {
    const req = signedCase('s3-put');
    const tampered = { ...req, rawUrl: req.rawUrl.replace('space', 'spade') };
    expect(() => checkSignature(tampered, parseSignature(tampered)!, SECRET, SIGNED_AT)).toThrow(SIGNATURE_MISMATCH_MESSAGE);
  });
});

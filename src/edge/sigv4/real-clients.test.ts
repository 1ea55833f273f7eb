// End to end over real HTTP: what AWS SDK v3 clients and the AWS CLI v1 actually put on the wire, as Node's HTTP
// server hands it over, must verify. This catches what signing in-process cannot: the HTTP handlers' query
// serialisation, headers added or folded in transit, and the CLI's own configuration of botocore.
import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../errors/service-error.js';
import { checkSignature } from './check-signature.js';
import type { IncomingSignedRequest } from './incoming-signed-request.js';
import { parseSignature } from './parse-signature.js';

const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEJr//////////wEaDE+token/with+slashes=',
};
const UNICODE_KEY = 'dir/a b+c~é (1)*.txt';

interface Outcome {
  method: string;
  rawUrl: string;
  result: string;
}

const outcomes: Outcome[] = [];
let server: Server;
let endpoint = '';

function verify(req: IncomingSignedRequest): string {
  try {
    const parsed = parseSignature(req);
    if (!parsed) return 'no SigV4 auth';
    checkSignature(req, parsed, CREDENTIALS.secretAccessKey, new Date());
    return 'verified';
  } catch (err) {
    if (err instanceof ServiceError) return `${err.code}: ${err.message}`;
    throw err;
  }
}

async function received(message: IncomingMessage): Promise<IncomingSignedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return { method: message.method ?? '', rawUrl: message.url ?? '', headers: message.headers, body: Buffer.concat(chunks) };
}

beforeAll(async () => {
  server = createServer((message, response) => {
    void received(message)
      .then((req) => outcomes.push({ method: req.method, rawUrl: req.rawUrl, result: verify(req) }))
      .catch((err: unknown) => outcomes.push({ method: '?', rawUrl: message.url ?? '', result: String(err) }))
      // A non-retryable refusal: each client call produces exactly one request.
      .finally(() => response.writeHead(403, { 'content-type': 'application/json' }).end('{"__type":"AccessDeniedException"}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  outcomes.length = 0;
});

async function attempt(call: () => Promise<unknown>): Promise<void> {
  await call().catch(() => undefined); // the server always refuses; only what it saw matters
}

function expectAllVerified(expectedRequests: number): void {
  expect(outcomes).toHaveLength(expectedRequests);
  for (const outcome of outcomes) expect(outcome, `${outcome.method} ${outcome.rawUrl}`).toMatchObject({ result: 'verified' });
}

describe('AWS SDK for JavaScript v3 over HTTP', () => {
  const config = () => ({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });

  it('CloudTrail LookupEvents', async () => {
    const client = new CloudTrailClient(config());
    const input = { LookupAttributes: [{ AttributeKey: 'Username' as const, AttributeValue: 'jürgen' }], MaxResults: 5 };
    await attempt(() => client.send(new LookupEventsCommand(input)));
    expectAllVerified(1);
  });

  it('S3 object calls with keys of spaces, plus, tilde, parentheses, star and unicode', async () => {
    const client = new S3Client({ ...config(), forcePathStyle: true });
    await attempt(() => client.send(new GetObjectCommand({ Bucket: 'bucket', Key: UNICODE_KEY, VersionId: 'v 1' })));
    await attempt(() => client.send(new PutObjectCommand({ Bucket: 'bucket', Key: UNICODE_KEY, Body: 'hello wörld' })));
    await attempt(() => client.send(new ListObjectsV2Command({ Bucket: 'bucket', Prefix: 'a b/', Delimiter: '/' })));
    const objects = { Objects: [{ Key: UNICODE_KEY }, { Key: 'x' }] };
    await attempt(() => client.send(new DeleteObjectsCommand({ Bucket: 'bucket', Delete: objects })));
    expectAllVerified(4);
  });
});

const exec = promisify(execFile);

async function awsCliAvailable(): Promise<boolean> {
  return exec('aws', ['--version']).then(
    () => true,
    () => false,
  );
}

/** A CLI run that sees only these credentials and settings, whatever the machine has configured. */
async function aws(args: string[], configFile = '/nonexistent'): Promise<string> {
  const env = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '/tmp',
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: CREDENTIALS.sessionToken,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
  };
  const run = exec('aws', [...args, '--endpoint-url', endpoint], { env });
  return run.then(
    ({ stdout }) => stdout,
    (err: { stdout?: string }) => err.stdout ?? '',
  );
}

function get(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    httpRequest(url, (response) => response.resume().on('end', resolve)).on('error', reject).end();
  });
}

const cliAvailable = await awsCliAvailable();

describe.skipIf(!cliAvailable)(cliAvailable ? 'AWS CLI v1 over HTTP' : 'AWS CLI v1 over HTTP (skipped: no aws on PATH)', () => {
  it('cloudtrail, sts and s3api calls', async () => {
    await aws(['cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=Username,AttributeValue=jürgen']);
    await aws(['sts', 'get-caller-identity']);
    await aws(['s3api', 'list-objects-v2', '--bucket', 'bucket', '--prefix', 'a b/', '--delimiter', '/']);
    await aws(['s3api', 'head-object', '--bucket', 'bucket', '--key', UNICODE_KEY]);
    expectAllVerified(4);
  });

  it('s3 presign with signature_version = s3v4, fetched as is', async () => {
    // The CLI presigns with SigV2 unless told otherwise; SigV2 is not supported, so such URLs read as unauthenticated.
    const configFile = join(tmpdir(), `opentrail-sigv4-aws-config-${process.pid}`);
    await writeFile(configFile, '[default]\ns3 =\n    signature_version = s3v4\n');
    const presign = aws(['s3', 'presign', `s3://bucket/${UNICODE_KEY}`, '--expires-in', '60'], configFile);
    const url = (await presign.finally(() => rm(configFile, { force: true }))).trim();
    expect(url).toContain('X-Amz-Signature=');
    await get(url);
    expectAllVerified(1);
  });
});

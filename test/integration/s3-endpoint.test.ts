// The built-in S3 endpoint against a running server, through the real AWS SDK v3 S3 client and the installed AWS
// CLI: buckets, objects, listings, ranges, copies, deletes, S3's errors, and how each call is recorded (bucket calls
// in Event History, object calls only in the event log, as data events).
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CopyObjectCommand, CreateBucketCommand, CreateMultipartUploadCommand, DeleteBucketCommand, DeleteObjectCommand,
  DeleteObjectsCommand, GetBucketAclCommand, GetBucketLocationCommand, GetObjectCommand, HeadBucketCommand,
  HeadObjectCommand, ListBucketsCommand, ListObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client,
} from '@aws-sdk/client-s3';
import { LookupEventsCommand, type CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsCli } from '../support/aws-cli.js';
import { cloudTrailClient } from '../support/sdk.js';
import { SecretBox } from '../../src/crypto/secret-box.js';
import { startMotoServer } from '../../src/objects/conformance/moto-server.js';
import { rootArn } from '../../src/domain/caller.js';
import type { CloudTrailRecord } from '../../src/domain/record.js';
import { s3Client as s3ClientFor } from '../support/s3.js';

const ACCOUNT = '123456789012';
const OTHER_ACCOUNT = '210987654321';
const OTHER_KEY = { accessKeyId: 'AKIAOTHERACCOUNT0001', secretAccessKey: 'other-account-secret-key-0123456789' };

let server: TestServer;
let s3: S3Client;
let cloudTrail: CloudTrailClient;

function s3Client(options: Parameters<typeof s3ClientFor>[1] = {}): S3Client {
  return s3ClientFor(server, options);
}

beforeAll(async () => {
  server = await startTestServer();
  s3 = s3Client();
  cloudTrail = cloudTrailClient(server);
  await server.store.credentials.saveAccessKey({
    accessKeyId: OTHER_KEY.accessKeyId,
    accountId: OTHER_ACCOUNT,
    principalType: 'Root',
    principalId: OTHER_ACCOUNT,
    principalArn: rootArn(OTHER_ACCOUNT),
    sealedSecret: SecretBox.forDataDir(server.dataDir).seal(OTHER_KEY.secretAccessKey),
    status: 'Active',
    createdMs: Date.now(),
  });
});
afterAll(async () => {
  s3?.destroy();
  cloudTrail?.destroy();
  await server?.close();
});

interface SdkFailure {
  name: string;
  status?: number;
  message: string;
}

async function sdkError(promise: Promise<unknown>): Promise<SdkFailure> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('the call succeeded');
}

const md5 = (data: Uint8Array | string): string => `"${createHash('md5').update(data).digest('hex')}"`;

async function bodyText(output: { Body?: { transformToString(): Promise<string> } }): Promise<string> {
  return output.Body!.transformToString();
}

async function loggedRecords(): Promise<CloudTrailRecord[]> {
  const events = await server.store.eventFeed.readAfter(0, 100_000);
  return events.map((e) => JSON.parse(e.event.json) as CloudTrailRecord);
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return awsCli(server, args, env);
}

describe('buckets through the SDK', () => {
  it('creates, finds, lists, locates and deletes a bucket', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'sdk-bucket' }));
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'sdk-bucket' }));
    expect(head.BucketRegion).toBe('us-east-1');
    const listed = await s3.send(new ListBucketsCommand({}));
    expect(listed.Buckets?.map((b) => b.Name)).toContain('sdk-bucket');
    expect(listed.Buckets?.find((b) => b.Name === 'sdk-bucket')?.CreationDate).toBeInstanceOf(Date);
    expect(listed.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    const location = await s3.send(new GetBucketLocationCommand({ Bucket: 'sdk-bucket' }));
    expect(location.LocationConstraint ?? '').toBe('');
    await s3.send(new DeleteBucketCommand({ Bucket: 'sdk-bucket' }));
    expect(await sdkError(s3.send(new HeadBucketCommand({ Bucket: 'sdk-bucket' })))).toMatchObject({ status: 404 });
    expect(await sdkError(s3.send(new GetBucketLocationCommand({ Bucket: 'sdk-bucket' })))).toMatchObject({ name: 'NoSuchBucket', status: 404 });
  });

  it('keeps a bucket in the region its creation was signed for, and says where it is', async () => {
    const eu = s3Client({ region: 'eu-west-1' });
    try {
      await eu.send(new CreateBucketCommand({ Bucket: 'eu-bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
      expect((await s3.send(new GetBucketLocationCommand({ Bucket: 'eu-bucket' }))).LocationConstraint).toBe('eu-west-1');
      expect((await eu.send(new HeadBucketCommand({ Bucket: 'eu-bucket' }))).BucketRegion).toBe('eu-west-1');
      expect(await sdkError(s3.send(new ListObjectsV2Command({ Bucket: 'eu-bucket' })))).toMatchObject({ name: 'PermanentRedirect', status: 301 });
      expect(await sdkError(s3.send(new HeadBucketCommand({ Bucket: 'eu-bucket' })))).toMatchObject({ status: 301 });
      const following = s3Client({ followRegionRedirects: true });
      await following.send(new PutObjectCommand({ Bucket: 'eu-bucket', Key: 'k', Body: 'x' }));
      following.destroy();
      expect((await eu.send(new ListObjectsV2Command({ Bucket: 'eu-bucket' }))).KeyCount).toBe(1);
      expect(await sdkError(eu.send(new CreateBucketCommand({ Bucket: 'eu-bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }))))
        .toMatchObject({ name: 'BucketAlreadyOwnedByYou', status: 409 });
    } finally {
      eu.destroy();
    }
  });

  it('refuses a location constraint the request was not signed for, and us-east-1 as one', async () => {
    expect(await sdkError(s3.send(new CreateBucketCommand({ Bucket: 'constrained', CreateBucketConfiguration: { LocationConstraint: 'ap-south-1' } }))))
      .toMatchObject({ name: 'IllegalLocationConstraintException', status: 400 });
    expect(await sdkError(s3.send(new CreateBucketCommand({ Bucket: 'constrained', CreateBucketConfiguration: { LocationConstraint: 'us-east-1' as never } }))))
      .toMatchObject({ name: 'InvalidLocationConstraint', status: 400 });
    expect((await s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).not.toContain('constrained');
  });

  it('answers 200 to re-creating an own bucket in us-east-1, as S3 does, and refuses invalid names', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'twice-bucket' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'twice-bucket' }));
    expect(await sdkError(s3.send(new CreateBucketCommand({ Bucket: 'Bad_Name' })))).toMatchObject({ name: 'InvalidBucketName', status: 400 });
  });

  it('lets only the owning account use a bucket', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'owned-bucket' }));
    await s3.send(new PutObjectCommand({ Bucket: 'owned-bucket', Key: 'secret', Body: 'mine' }));
    const other = s3Client({ credentials: OTHER_KEY });
    try {
      expect(await sdkError(other.send(new GetObjectCommand({ Bucket: 'owned-bucket', Key: 'secret' })))).toMatchObject({ name: 'AccessDenied', status: 403 });
      expect(await sdkError(other.send(new ListObjectsV2Command({ Bucket: 'owned-bucket' })))).toMatchObject({ name: 'AccessDenied', status: 403 });
      expect(await sdkError(other.send(new CreateBucketCommand({ Bucket: 'owned-bucket' })))).toMatchObject({ name: 'BucketAlreadyExists', status: 409 });
      expect((await other.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
    } finally {
      other.destroy();
    }
  });

  it('refuses to delete a bucket that holds objects', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'full-bucket' }));
    await s3.send(new PutObjectCommand({ Bucket: 'full-bucket', Key: 'k', Body: 'x' }));
    expect(await sdkError(s3.send(new DeleteBucketCommand({ Bucket: 'full-bucket' })))).toMatchObject({ name: 'BucketNotEmpty', status: 409 });
  });
});

describe('objects through the SDK', () => {
  beforeAll(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'objects-bucket' }));
  });

  it('stores bytes with Content-Type and x-amz-meta-*, and answers the MD5 ETag', async () => {
    const put = await s3.send(new PutObjectCommand({
      Bucket: 'objects-bucket', Key: 'dir/hello.txt', Body: 'hello world', ContentType: 'text/plain', Metadata: { Author: 'ada', 'signature-algorithm': 'SHA256withRSA' },
    }));
    expect(put.ETag).toBe(md5('hello world'));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'objects-bucket', Key: 'dir/hello.txt' }));
    expect(await bodyText(got)).toBe('hello world');
    expect(got).toMatchObject({ ContentType: 'text/plain', ContentLength: 11, ETag: md5('hello world'), AcceptRanges: 'bytes', Metadata: { author: 'ada', 'signature-algorithm': 'SHA256withRSA' } });
    expect(got.LastModified).toBeInstanceOf(Date);
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'objects-bucket', Key: 'dir/hello.txt' }));
    expect(head).toMatchObject({ ContentLength: 11, ETag: md5('hello world'), ContentType: 'text/plain', Metadata: { author: 'ada' } });
  });

  it('serves byte ranges with 206 and Content-Range, and refuses one past the end with 416', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'objects-bucket', Key: 'digits', Body: '0123456789' }));
    const part = await s3.send(new GetObjectCommand({ Bucket: 'objects-bucket', Key: 'digits', Range: 'bytes=2-5' }));
    expect(part.$metadata.httpStatusCode).toBe(206);
    expect(part.ContentRange).toBe('bytes 2-5/10');
    expect(part.ContentLength).toBe(4);
    expect(await bodyText(part)).toBe('2345');
    const tail = await s3.send(new GetObjectCommand({ Bucket: 'objects-bucket', Key: 'digits', Range: 'bytes=-3' }));
    expect(await bodyText(tail)).toBe('789');
    expect(await sdkError(s3.send(new GetObjectCommand({ Bucket: 'objects-bucket', Key: 'digits', Range: 'bytes=10-' })))).toMatchObject({ name: 'InvalidRange', status: 416 });
  });

  it('accepts a streamed upload (aws-chunked with a trailing checksum)', async () => {
    const body = Buffer.alloc(300_000, 'z');
    const put = await s3.send(new PutObjectCommand({ Bucket: 'objects-bucket', Key: 'streamed', Body: Readable.from([body.subarray(0, 100_000), body.subarray(100_000)]), ContentLength: body.length }));
    expect(put.ETag).toBe(md5(body));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'objects-bucket', Key: 'streamed' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).toBe(true);
  });

  it('serves a .json.gz log file byte for byte, without Content-Encoding', async () => {
    const gz = gzipSync(Buffer.from(JSON.stringify({ Records: [{ eventName: 'X' }] })));
    await s3.send(new PutObjectCommand({ Bucket: 'objects-bucket', Key: 'AWSLogs/x.json.gz', Body: gz, ContentType: 'application/json' }));
    const response = await s3.send(new GetObjectCommand({ Bucket: 'objects-bucket', Key: 'AWSLogs/x.json.gz' }));
    expect(response.ContentEncoding).toBeUndefined();
    expect(Buffer.from(await response.Body!.transformToByteArray()).equals(gz)).toBe(true);
  });

  it('answers NoSuchKey and NoSuchBucket', async () => {
    expect(await sdkError(s3.send(new GetObjectCommand({ Bucket: 'objects-bucket', Key: 'missing' })))).toMatchObject({ name: 'NoSuchKey', status: 404 });
    expect(await sdkError(s3.send(new HeadObjectCommand({ Bucket: 'objects-bucket', Key: 'missing' })))).toMatchObject({ name: 'NotFound', status: 404 });
    expect(await sdkError(s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket-here', Key: 'k' })))).toMatchObject({ name: 'NoSuchBucket', status: 404 });
    expect(await sdkError(s3.send(new PutObjectCommand({ Bucket: 'no-such-bucket-here', Key: 'k', Body: 'x' })))).toMatchObject({ name: 'NoSuchBucket', status: 404 });
  });

  it('copies with the source metadata, or replaces it, and refuses a copy onto itself that changes nothing', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'objects-bucket', Key: 'copy/src', Body: 'copied', ContentType: 'text/x-src', Metadata: { m: '1' } }));
    const copied = await s3.send(new CopyObjectCommand({ Bucket: 'objects-bucket', Key: 'copy/dst one', CopySource: 'objects-bucket/copy/src' }));
    expect(copied.CopyObjectResult?.ETag).toBe(md5('copied'));
    expect(await s3.send(new HeadObjectCommand({ Bucket: 'objects-bucket', Key: 'copy/dst one' }))).toMatchObject({ ContentType: 'text/x-src', Metadata: { m: '1' } });
    await s3.send(new CopyObjectCommand({ Bucket: 'objects-bucket', Key: 'copy/src', CopySource: 'objects-bucket/copy/src', MetadataDirective: 'REPLACE', ContentType: 'text/x-new', Metadata: { n: '2' } }));
    const replaced = await s3.send(new HeadObjectCommand({ Bucket: 'objects-bucket', Key: 'copy/src' }));
    expect(replaced).toMatchObject({ ContentType: 'text/x-new', Metadata: { n: '2' } });
    expect(await sdkError(s3.send(new CopyObjectCommand({ Bucket: 'objects-bucket', Key: 'copy/src', CopySource: 'objects-bucket/copy/src' })))).toMatchObject({ name: 'InvalidRequest', status: 400 });
    expect(await sdkError(s3.send(new CopyObjectCommand({ Bucket: 'objects-bucket', Key: 'copy/x', CopySource: 'objects-bucket/copy/none' })))).toMatchObject({ name: 'NoSuchKey', status: 404 });
  });

  it('deletes one object, and many at once with and without Quiet', async () => {
    for (const key of ['del/a', 'del/b', 'del/c', 'del/d']) await s3.send(new PutObjectCommand({ Bucket: 'objects-bucket', Key: key, Body: key }));
    await s3.send(new DeleteObjectCommand({ Bucket: 'objects-bucket', Key: 'del/a' }));
    await s3.send(new DeleteObjectCommand({ Bucket: 'objects-bucket', Key: 'del/a' }));
    const loud = await s3.send(new DeleteObjectsCommand({ Bucket: 'objects-bucket', Delete: { Objects: [{ Key: 'del/b' }, { Key: 'del/none' }] } }));
    expect(loud.Deleted?.map((d) => d.Key).sort()).toEqual(['del/b', 'del/none']);
    expect(loud.Errors ?? []).toEqual([]);
    const quiet = await s3.send(new DeleteObjectsCommand({ Bucket: 'objects-bucket', Delete: { Quiet: true, Objects: [{ Key: 'del/c' }, { Key: 'del/d', VersionId: '3sL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY' }] } }));
    expect(quiet.Deleted ?? []).toEqual([]);
    expect(quiet.Errors).toEqual([{ Key: 'del/d', Code: 'NoSuchVersion', Message: 'The specified version does not exist.' }]);
    const left = await s3.send(new ListObjectsV2Command({ Bucket: 'objects-bucket', Prefix: 'del/' }));
    expect(left.Contents?.map((c) => c.Key)).toEqual(['del/d']);
  });

  it('names the operation it does not implement', async () => {
    const acl = await sdkError(s3.send(new GetBucketAclCommand({ Bucket: 'objects-bucket' })));
    expect(acl).toMatchObject({ name: 'NotImplemented', status: 501 });
    expect(acl.message).toContain('GetBucketAcl');
    const multipart = await sdkError(s3.send(new CreateMultipartUploadCommand({ Bucket: 'objects-bucket', Key: 'big' })));
    expect(multipart).toMatchObject({ name: 'NotImplemented', status: 501 });
    expect(multipart.message).toContain('CreateMultipartUpload');
    expect(multipart.message).toContain('multipart_threshold');
  });
});

describe('listings through the SDK', () => {
  const keys = ['a.txt', 'logs/2025/01/one.json.gz', 'logs/2025/01/two.json.gz', 'logs/2025/02/three.json.gz', 'logs/readme', 'spaced name+plus', 'z'];

  beforeAll(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'listing-bucket' }));
    for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: 'listing-bucket', Key: key, Body: key }));
  });

  it('pages ListObjects v1 with marker and NextMarker, in key order', async () => {
    const seen: string[] = [];
    let marker: string | undefined;
    for (let page = 0; page < 10; page++) {
      const out = await s3.send(new ListObjectsCommand({ Bucket: 'listing-bucket', MaxKeys: 2, Delimiter: '/', ...(marker ? { Marker: marker } : {}) }));
      seen.push(...(out.Contents ?? []).map((c) => c.Key!), ...(out.CommonPrefixes ?? []).map((p) => p.Prefix!));
      if (!out.IsTruncated) break;
      expect(out.NextMarker).toBeTruthy();
      marker = out.NextMarker;
    }
    expect(seen.sort()).toEqual(['a.txt', 'logs/', 'spaced name+plus', 'z']);
    const all = await s3.send(new ListObjectsCommand({ Bucket: 'listing-bucket' }));
    expect(all.Contents?.map((c) => c.Key)).toEqual([...keys].sort());
    expect(all.Contents?.[0]).toMatchObject({ Size: 5, ETag: md5('a.txt'), StorageClass: 'STANDARD' });
    expect(all.Contents?.[0]?.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
  });

  it('URL-encodes names with encoding-type=url', async () => {
    const out = await s3.send(new ListObjectsCommand({ Bucket: 'listing-bucket', Prefix: 'spaced', EncodingType: 'url' }));
    expect(out.EncodingType).toBe('url');
    expect(out.Contents?.map((c) => c.Key)).toEqual(['spaced%20name%2Bplus']);
  });

  it('pages ListObjectsV2 with continuation tokens, start-after, CommonPrefixes and KeyCount', async () => {
    const first = await s3.send(new ListObjectsV2Command({ Bucket: 'listing-bucket', Prefix: 'logs/', Delimiter: '/', MaxKeys: 1 }));
    expect(first).toMatchObject({ KeyCount: 1, IsTruncated: true, CommonPrefixes: [{ Prefix: 'logs/2025/' }] });
    const second = await s3.send(new ListObjectsV2Command({ Bucket: 'listing-bucket', Prefix: 'logs/', Delimiter: '/', MaxKeys: 1, ContinuationToken: first.NextContinuationToken! }));
    expect(second).toMatchObject({ KeyCount: 1, IsTruncated: false, ContinuationToken: first.NextContinuationToken });
    expect(second.Contents?.map((c) => c.Key)).toEqual(['logs/readme']);
    expect(second.NextContinuationToken).toBeUndefined();
    const after = await s3.send(new ListObjectsV2Command({ Bucket: 'listing-bucket', StartAfter: 'logs/2025/01/two.json.gz' }));
    expect(after.Contents?.map((c) => c.Key)).toEqual(['logs/2025/02/three.json.gz', 'logs/readme', 'spaced name+plus', 'z']);
    expect(after.StartAfter).toBe('logs/2025/01/two.json.gz');
    expect(after.Contents?.[0]?.Owner).toBeUndefined();
    const owned = await s3.send(new ListObjectsV2Command({ Bucket: 'listing-bucket', FetchOwner: true, MaxKeys: 1 }));
    expect(owned.Contents?.[0]?.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('S3 errors on the wire', () => {
  it('answers a bad signature with SignatureDoesNotMatch, and an unknown key with InvalidAccessKeyId', async () => {
    const forged = s3Client({ credentials: { accessKeyId: server.credentials.accessKeyId, secretAccessKey: 'not-the-secret' } });
    const unknown = s3Client({ credentials: { accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'whatever-secret' } });
    try {
      expect(await sdkError(forged.send(new ListBucketsCommand({})))).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
      expect(await sdkError(unknown.send(new ListBucketsCommand({})))).toMatchObject({ name: 'InvalidAccessKeyId', status: 403 });
    } finally {
      forged.destroy();
      unknown.destroy();
    }
  });

  it("sends S3's XML error document with the request id headers", async () => {
    const response = await fetch(`${server.url}/some-bucket/some/key`);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/xml');
    const requestId = response.headers.get('x-amz-request-id');
    expect(requestId).toBeTruthy();
    expect(response.headers.get('x-amz-id-2')).toBeTruthy();
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>AccessDenied<\/Code><Message>Access Denied<\/Message>/);
    expect(xml).toContain('<Resource>/some-bucket/some/key</Resource>');
    expect(xml).toContain(`<RequestId>${requestId}</RequestId>`);
    const head = await fetch(`${server.url}/some-bucket/some/key`, { method: 'HEAD' });
    expect(head.status).toBe(403);
    expect(await head.text()).toBe('');
  });
});

describe('the AWS CLI', () => {
  let workDir: string;
  beforeAll(() => {
    workDir = fs.mkdtempSync(path.join(server.dataDir, 'cli-'));
    fs.writeFileSync(path.join(workDir, 'report.txt'), 'quarterly report\n');
    fs.mkdirSync(path.join(workDir, 'tree', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(workDir, 'tree', 'one.txt'), 'one');
    fs.writeFileSync(path.join(workDir, 'tree', 'sub', 'two.txt'), 'two');
  });

  it('makes a bucket, copies files in and out, lists and removes them', async () => {
    expect(await cli(['s3', 'mb', 's3://cli-bucket'])).toMatchObject({ code: 0, stdout: expect.stringContaining('make_bucket: cli-bucket') });
    expect((await cli(['s3', 'cp', path.join(workDir, 'report.txt'), 's3://cli-bucket/docs/report.txt'])).code).toBe(0);
    expect((await cli(['s3', 'cp', path.join(workDir, 'tree'), 's3://cli-bucket/tree/', '--recursive'])).code).toBe(0);

    const buckets = await cli(['s3', 'ls']);
    expect(buckets.stdout).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} cli-bucket/);
    const top = await cli(['s3', 'ls', 's3://cli-bucket/']);
    expect(top.stdout).toContain('PRE docs/');
    expect(top.stdout).toContain('PRE tree/');
    const recursive = await cli(['s3', 'ls', 's3://cli-bucket', '--recursive']);
    expect(recursive.stdout.trim().split('\n').map((line) => line.split(/\s+/).at(-1))).toEqual(['docs/report.txt', 'tree/one.txt', 'tree/sub/two.txt']);
    expect(recursive.stdout).toMatch(/\s17 docs\/report.txt/);

    const out = path.join(workDir, 'downloaded.txt');
    expect((await cli(['s3', 'cp', 's3://cli-bucket/docs/report.txt', out])).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe('quarterly report\n');

    expect((await cli(['s3', 'rm', 's3://cli-bucket/docs/report.txt'])).code).toBe(0);
    expect((await cli(['s3', 'rm', 's3://cli-bucket/tree/', '--recursive'])).code).toBe(0);
    expect((await cli(['s3', 'ls', 's3://cli-bucket', '--recursive'])).stdout).toBe('');
    expect((await cli(['s3', 'rb', 's3://cli-bucket'])).code).toBe(0);
  });

  it('drives the s3api: list-objects with a delimiter, get-bucket-location, head-object, ranged get-object, copy-object, delete-objects', async () => {
    expect((await cli(['s3api', 'create-bucket', '--bucket', 'api-bucket'])).code).toBe(0);
    for (const key of ['logs/a.json.gz', 'logs/b.json.gz', 'logs/deep/c.json.gz', 'other.txt']) {
      expect((await cli(['s3api', 'put-object', '--bucket', 'api-bucket', '--key', key, '--body', path.join(workDir, 'report.txt'), '--metadata', 'origin=cli'])).code).toBe(0);
    }
    const listed = JSON.parse((await cli(['s3api', 'list-objects', '--bucket', 'api-bucket', '--prefix', 'logs/', '--delimiter', '/'])).stdout);
    expect(listed.Contents.map((c: { Key: string }) => c.Key)).toEqual(['logs/a.json.gz', 'logs/b.json.gz']);
    expect(listed.CommonPrefixes).toEqual([{ Prefix: 'logs/deep/' }]);

    const paged = JSON.parse((await cli(['s3api', 'list-objects', '--bucket', 'api-bucket', '--page-size', '1'])).stdout);
    expect(paged.Contents.map((c: { Key: string }) => c.Key)).toEqual(['logs/a.json.gz', 'logs/b.json.gz', 'logs/deep/c.json.gz', 'other.txt']);

    const location = JSON.parse((await cli(['s3api', 'get-bucket-location', '--bucket', 'api-bucket'])).stdout);
    expect(location.LocationConstraint ?? null).toBeNull();

    const head = JSON.parse((await cli(['s3api', 'head-object', '--bucket', 'api-bucket', '--key', 'other.txt'])).stdout);
    expect(head).toMatchObject({ ContentLength: 17, ETag: md5('quarterly report\n'), Metadata: { origin: 'cli' } });

    const part = path.join(workDir, 'part.txt');
    const ranged = JSON.parse((await cli(['s3api', 'get-object', '--bucket', 'api-bucket', '--key', 'other.txt', '--range', 'bytes=0-8', part])).stdout);
    expect(ranged).toMatchObject({ ContentRange: 'bytes 0-8/17', ContentLength: 9 });
    expect(fs.readFileSync(part, 'utf8')).toBe('quarterly');

    const copy = JSON.parse((await cli(['s3api', 'copy-object', '--bucket', 'api-bucket', '--key', 'copied.txt', '--copy-source', 'api-bucket/other.txt'])).stdout);
    expect(copy.CopyObjectResult.ETag).toBe(md5('quarterly report\n'));

    const deleted = JSON.parse((await cli(['s3api', 'delete-objects', '--bucket', 'api-bucket', '--delete', JSON.stringify({ Objects: [{ Key: 'copied.txt' }, { Key: 'other.txt' }] })])).stdout);
    expect(deleted.Deleted.map((d: { Key: string }) => d.Key).sort()).toEqual(['copied.txt', 'other.txt']);

    const notEmpty = await cli(['s3api', 'delete-bucket', '--bucket', 'api-bucket']);
    expect(notEmpty.code).not.toBe(0);
    expect(notEmpty.stderr).toContain('BucketNotEmpty');
    const missing = await cli(['s3api', 'get-object', '--bucket', 'api-bucket', '--key', 'nope', path.join(workDir, 'nope')]);
    expect(missing.stderr).toContain('NoSuchKey');
    const noBucket = await cli(['s3', 'ls', 's3://no-such-cli-bucket']);
    expect(noBucket.stderr).toContain('NoSuchBucket');
  });

  it('follows a bucket into its region, as botocore does on a 301 with x-amz-bucket-region', async () => {
    const eu = s3Client({ region: 'eu-west-1' });
    try {
      await eu.send(new CreateBucketCommand({ Bucket: 'cli-eu-bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
      await eu.send(new PutObjectCommand({ Bucket: 'cli-eu-bucket', Key: 'far/away.txt', Body: 'bonjour' }));
    } finally {
      eu.destroy();
    }
    const listed = await cli(['s3', 'ls', 's3://cli-eu-bucket', '--recursive']);
    expect(listed).toMatchObject({ code: 0, stdout: expect.stringContaining('far/away.txt') });
    const copied = await cli(['s3', 'cp', 's3://cli-eu-bucket/far/away.txt', '-']);
    expect(copied).toMatchObject({ code: 0, stdout: 'bonjour' });
  });

  it('serves a presigned URL (query-string authentication)', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'presign-bucket' }));
    await s3.send(new PutObjectCommand({ Bucket: 'presign-bucket', Key: 'shared file.txt', Body: 'shared' }));
    // aws-cli v1 presigns with SigV2 unless told otherwise; opentrail takes SigV4 only.
    const config = path.join(workDir, 'sigv4-config');
    fs.writeFileSync(config, '[default]\nregion = us-east-1\ns3 =\n    signature_version = s3v4\n');
    const url = (await cli(['s3', 'presign', 's3://presign-bucket/shared file.txt', '--expires-in', '300'], { AWS_CONFIG_FILE: config })).stdout.trim();
    expect(url).toContain('X-Amz-Signature=');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('shared');
    const tampered = await fetch(url.replace('X-Amz-Signature=', 'X-Amz-Signature=0'));
    expect(tampered.status).toBe(403);
  });
});

describe('the record of each call', () => {
  beforeAll(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'audited-bucket' }));
    await s3.send(new GetBucketLocationCommand({ Bucket: 'audited-bucket' }));
    await s3.send(new ListBucketsCommand({}));
    await s3.send(new PutObjectCommand({ Bucket: 'audited-bucket', Key: 'audit/file.txt', Body: 'twelve bytes' }));
    await (await s3.send(new GetObjectCommand({ Bucket: 'audited-bucket', Key: 'audit/file.txt' }))).Body!.transformToString();
    await s3.send(new ListObjectsV2Command({ Bucket: 'audited-bucket' }));
    await s3.send(new DeleteObjectCommand({ Bucket: 'audited-bucket', Key: 'audit/file.txt' }));
    await s3.send(new DeleteBucketCommand({ Bucket: 'audited-bucket' }));
  });

  it('puts bucket calls in Event History as management events', async () => {
    const page = await cloudTrail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 's3.amazonaws.com' }], MaxResults: 50 }));
    const names = new Set(page.Events?.map((e) => e.EventName));
    for (const name of ['CreateBucket', 'GetBucketLocation', 'ListBuckets', 'DeleteBucket']) expect(names, name).toContain(name);
    for (const name of ['PutObject', 'GetObject', 'ListObjectsV2', 'DeleteObject', 'HeadObject']) expect(names, name).not.toContain(name);
    const created = page.Events!.map((e) => JSON.parse(e.CloudTrailEvent!) as CloudTrailRecord)
      .find((r) => r.eventName === 'CreateBucket' && (r.requestParameters as { bucketName?: string }).bucketName === 'audited-bucket');
    expect(created).toMatchObject({
      eventSource: 's3.amazonaws.com', eventCategory: 'Management', managementEvent: true, readOnly: false, awsRegion: 'us-east-1',
      requestParameters: { bucketName: 'audited-bucket', Host: expect.stringContaining('127.0.0.1') },
      resources: [{ type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::audited-bucket', accountId: ACCOUNT }],
      additionalEventData: { SignatureVersion: 'SigV4', AuthenticationMethod: 'AuthHeader' },
    });
    const location = page.Events!.find((e) => e.EventName === 'GetBucketLocation');
    expect(location?.ReadOnly).toBe('true');
  });

  it('keeps object calls out of Event History but in the event log, as data events with the object and bucket ARNs', async () => {
    const records = await loggedRecords();
    const put = records.find((r) => r.eventName === 'PutObject' && (r.requestParameters as { key?: string }).key === 'audit/file.txt');
    expect(put).toMatchObject({
      eventSource: 's3.amazonaws.com', eventCategory: 'Data', managementEvent: false, readOnly: false,
      requestParameters: { bucketName: 'audited-bucket', key: 'audit/file.txt' },
      resources: [
        { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::audited-bucket/audit/file.txt' },
        { type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::audited-bucket', accountId: ACCOUNT },
      ],
      additionalEventData: { SignatureVersion: 'SigV4', AuthenticationMethod: 'AuthHeader', bytesTransferredIn: 12, bytesTransferredOut: 0 },
    });
    const get = records.find((r) => r.eventName === 'GetObject' && (r.requestParameters as { key?: string }).key === 'audit/file.txt');
    expect(get).toMatchObject({ managementEvent: false, readOnly: true, additionalEventData: { bytesTransferredOut: 12 } });
    const list = records.find((r) => r.eventName === 'ListObjectsV2' && (r.requestParameters as { bucketName?: string }).bucketName === 'audited-bucket');
    expect(list).toMatchObject({ managementEvent: false, eventCategory: 'Data', requestParameters: { 'list-type': '2' } });
    const events = await server.store.eventFeed.readAfter(0, 100_000);
    const data = events.filter((e) => JSON.parse(e.event.json).eventCategory === 'Data');
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((e) => !e.event.inHistory)).toBe(true);
  });

  it('records a refused object call under its own name, with its request id', async () => {
    const forged = s3Client({ credentials: { accessKeyId: server.credentials.accessKeyId, secretAccessKey: 'not-the-secret' } });
    try {
      const error = await sdkError(forged.send(new GetObjectCommand({ Bucket: 'objects-bucket', Key: 'forged-read' })));
      expect(error.name).toBe('SignatureDoesNotMatch');
    } finally {
      forged.destroy();
    }
    const refused = (await loggedRecords()).find((r) => r.eventName === 'GetObject' && (r.requestParameters as { key?: string }).key === 'forged-read');
    expect(refused).toMatchObject({ errorCode: 'SignatureDoesNotMatch', managementEvent: false, responseElements: null });
  });
});

describe('over an external S3-compatible store (OPENTRAIL_S3_ENDPOINT)', () => {
  it('keeps buckets and objects in that store, readable there directly', async () => {
    const moto = await startMotoServer();
    const external = await startTestServer({ s3Endpoint: moto.endpoint, s3AccessKeyId: 'testing', s3SecretAccessKey: 'testing', s3Region: 'us-east-1' });
    const client = new S3Client({ endpoint: external.url, region: 'us-east-1', forcePathStyle: true, credentials: external.credentials, maxAttempts: 1 });
    const direct = new S3Client({ endpoint: moto.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
    try {
      await client.send(new CreateBucketCommand({ Bucket: 'external-bucket' }));
      await client.send(new PutObjectCommand({ Bucket: 'external-bucket', Key: 'AWSLogs/file.json.gz', Body: gzipSync('{"Records":[]}'), Metadata: { kind: 'log' } }));
      const listed = await client.send(new ListObjectsV2Command({ Bucket: 'external-bucket', Prefix: 'AWSLogs/' }));
      expect(listed.Contents?.map((c) => c.Key)).toEqual(['AWSLogs/file.json.gz']);
      const there = await direct.send(new GetObjectCommand({ Bucket: 'external-bucket', Key: 'AWSLogs/file.json.gz' }));
      expect(there.Metadata).toEqual({ kind: 'log' });
      expect(Buffer.from(await there.Body!.transformToByteArray()).equals(gzipSync('{"Records":[]}'))).toBe(true);
      expect(await sdkError(client.send(new DeleteBucketCommand({ Bucket: 'external-bucket' })))).toMatchObject({ name: 'BucketNotEmpty' });
    } finally {
      client.destroy();
      direct.destroy();
      await external.close();
      await moto.stop();
    }
  });
});

describe('requests refused before they reach the S3 surface', () => {
  it('answers an oversized PUT in S3 XML, not JSON', async () => {
    const server = await startTestServer();
    try {
      const response = await fetch(`${server.url}/some-bucket/huge`, { method: 'PUT', body: new Uint8Array(65 * 1024 * 1024) });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/xml');
      expect(await response.text()).toContain('<Code>EntityTooLarge</Code>');
    } finally {
      await server.close();
    }
  });
});

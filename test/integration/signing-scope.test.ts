// A signature vouches only for the service its credential scope names. An S3 presigned URL (whose body and
// X-Amz-Target are not signed) or an S3 request signed with UNSIGNED-PAYLOAD must not be replayed as a CloudTrail
// call: AWS answers "Credential should be scoped to correct service", and so must opentrail.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { CreateTrailCommand, GetTrailCommand, type CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsCli } from '../support/aws-cli.js';
import { cloudTrailClient } from '../support/sdk.js';
import { s3Client } from '../support/s3.js';

let server: TestServer;
let cloudTrail: CloudTrailClient;

beforeAll(async () => {
  server = await startTestServer();
  cloudTrail = cloudTrailClient(server);
  const s3 = s3Client(server);
  await s3.send(new CreateBucketCommand({ Bucket: 'scope-logs' }));
  s3.destroy();
  await cloudTrail.send(new CreateTrailCommand({ Name: 'kept', S3BucketName: 'scope-logs' }));
});
afterAll(async () => {
  cloudTrail?.destroy();
  await server?.close();
});

const CLOUDTRAIL_CALL = {
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DeleteTrail',
};

async function expectRefused(response: Response): Promise<void> {
  expect(response.status).toBe(403);
  expect(await response.json()).toMatchObject({
    __type: 'InvalidSignatureException', message: "Credential should be scoped to correct service: 'cloudtrail'.",
  });
  expect((await cloudTrail.send(new GetTrailCommand({ Name: 'kept' }))).Trail?.Name).toBe('kept');
}

describe('a request signed for another service', () => {
  it('refuses an S3 presigned URL (aws s3 presign) sent as a CloudTrail call', async () => {
    const config = path.join(server.dataDir, 'sigv4-config');
    fs.writeFileSync(config, '[default]\nregion = us-east-1\ns3 =\n    signature_version = s3v4\n');
    const presigned = await awsCli(server, ['s3', 'presign', 's3://scope-logs/any.txt', '--expires-in', '300'], { AWS_CONFIG_FILE: config });
    const url = presigned.stdout.trim();
    expect(url).toContain('X-Amz-Credential=');
    // GET, as presigned: the signature holds, and only its scope (s3) tells that it is not a CloudTrail call.
    const lookup = { 'x-amz-target': 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents', authorization: '' };
    await expectRefused(await fetch(url, { headers: lookup }));
  });

  it('refuses an S3 header signature with an unsigned payload, also behind a forged Credential field', async () => {
    const url = new URL(server.url);
    const signer = new SignatureV4({ service: 's3', region: 'us-east-1', credentials: server.credentials, sha256: Sha256, uriEscapePath: false });
    const signed = await signer.sign({
      method: 'PUT', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/scope-logs/any.txt',
      headers: { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    const { host: _host, ...headers } = signed.headers;
    const forged = `${headers.authorization!.replace('AWS4-HMAC-SHA256 ', 'AWS4-HMAC-SHA256 X=Credential=AKIDFORGED/20260101/us-east-1/cloudtrail/aws4_request, ')}`;
    const send = (authorization: string) => fetch(`${server.url}/scope-logs/any.txt`, {
      method: 'PUT', headers: { ...headers, ...CLOUDTRAIL_CALL, authorization }, body: '{"Name":"kept"}',
    });
    // As signed, it goes to S3, which refuses the x-amz-target header the signature does not cover.
    const honest = await send(headers.authorization!);
    expect(honest.status).toBe(403);
    expect(await honest.text()).toContain('There were headers present in the request which were not signed: x-amz-target.');
    await expectRefused(await send(forged));
  });

  it('refuses an S3 request carrying x-amz-* headers its signature does not cover', async () => {
    const s3 = s3Client(server);
    await s3.send(new PutObjectCommand({ Bucket: 'scope-logs', Key: 'shared.txt', Body: 'shared' }));
    s3.destroy();
    const config = path.join(server.dataDir, 'sigv4-get-config');
    fs.writeFileSync(config, '[default]\nregion = us-east-1\ns3 =\n    signature_version = s3v4\n');
    const presigned = await awsCli(server, ['s3', 'presign', 's3://scope-logs/shared.txt', '--expires-in', '300'], { AWS_CONFIG_FILE: config });
    const url = presigned.stdout.trim();
    expect(await (await fetch(url)).text()).toBe('shared');
    // A header the signer never chose (x-amz-copy-source had turned a presigned PutObject into a copy of another object).
    const added = await fetch(url, { headers: { 'x-amz-copy-source': '/scope-logs/private.txt' } });
    expect(added.status).toBe(403);
    const body = await added.text();
    expect(body).toContain('<Code>AccessDenied</Code>');
    expect(body).toContain('There were headers present in the request which were not signed: x-amz-copy-source.');
  });
});

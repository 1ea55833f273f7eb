// Log file delivery into an external S3-compatible store (OPENTRAIL_S3_ENDPOINT, here moto_server on loopback):
// the trail's files land in that store under CloudTrail's key layout, readable there directly with the S3 SDK and
// through opentrail's own endpoint with the AWS CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { startTestServer, type TestServer } from '../support/server.js';
import { cloudTrailClient } from '../support/sdk.js';
import { cli, DeliveredLogs, waitFor } from '../support/delivered-logs.js';
import { gunzipFirstMember } from '../support/single-member-gunzip.js';
import { startMotoServer } from '../../src/objects/conformance/moto-server.js';
import type { CloudTrailRecord } from '../../src/domain/record.js';

let moto: Awaited<ReturnType<typeof startMotoServer>>;
let server: TestServer;
let direct: S3Client;

beforeAll(async () => {
  moto = await startMotoServer();
  server = await startTestServer({
    logFileInterval: 1, s3Endpoint: moto.endpoint, s3AccessKeyId: 'testing', s3SecretAccessKey: 'testing', s3Region: 'us-east-1',
  });
  direct = new S3Client({
    endpoint: moto.endpoint, region: 'us-east-1', forcePathStyle: true, maxAttempts: 1,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
});
afterAll(async () => {
  direct?.destroy();
  await server?.close();
  await moto?.stop();
});

describe('delivery into an external S3-compatible store', () => {
  it('writes the trail\'s log files into that store, the same bytes either way they are read', async () => {
    await cli(server, ['s3', 'mb', 's3://ext-logs']);
    await cli(server, ['cloudtrail', 'create-trail', '--name', 'ext', '--s3-bucket-name', 'ext-logs']);
    await cli(server, ['cloudtrail', 'start-logging', '--name', 'ext']);
    const client = cloudTrailClient(server);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await client.send(new LookupEventsCommand({ MaxResults: 1 }))).$metadata.requestId!);
    client.destroy();

    const logs = new DeliveredLogs(server, 'ext-logs');
    await waitFor('the calls in ext-logs', async () => {
      await logs.refresh();
      const seen = new Set(logs.records().map((r) => r.requestID));
      return ids.every((id) => seen.has(id)) || undefined;
    });

    const listed = await direct.send(new ListObjectsV2Command({ Bucket: 'ext-logs', Prefix: 'AWSLogs/' }));
    const keys = (listed.Contents ?? []).map((c) => c.Key!);
    expect(keys.sort()).toEqual([...logs.files.keys()].sort());
    for (const key of keys) {
      expect(key).toMatch(/^AWSLogs\/123456789012\/CloudTrail\/us-east-1\/\d{4}\/\d{2}\/\d{2}\/123456789012_CloudTrail_us-east-1_\d{8}T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$/);
      const object = await direct.send(new GetObjectCommand({ Bucket: 'ext-logs', Key: key }));
      const member = gunzipFirstMember(Buffer.from(await object.Body!.transformToByteArray()));
      expect(member.trailingBytes).toBe(0);
      const body = member.body.toString('utf8');
      expect(body).toBe(logs.files.get(key)!.body);
      const records = (JSON.parse(body) as { Records: CloudTrailRecord[] }).Records;
      expect(records.length).toBeGreaterThan(0);
    }
    const delivered = logs.records().map((r) => r.requestID);
    for (const id of ids) expect(delivered.filter((d) => d === id)).toHaveLength(1);
  });
});

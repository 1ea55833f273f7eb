// `--role api` and `--role worker` as two processes on one data dir: the api process answers calls and does no
// background work; the worker delivers what the api process recorded and answers only /health.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CloudTrailClient, CreateTrailCommand, DescribeTrailsCommand, LookupEventsCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { CloudTrailRecord } from '../../src/domain/record.js';
import { readSharedCredentials } from '../../src/services/bootstrap-identity.js';
import { exited, spawnServer, type ServerProcess } from '../support/server-process.js';
import { tempDir } from '../support/server.js';
import { gunzipFirstMember } from '../support/single-member-gunzip.js';
import { waitFor } from '../support/delivered-logs.js';
import { runCommand } from '../support/run-command.js';

const BUCKET = 'role-logs';
const running: ServerProcess[] = [];

afterEach(async () => {
  for (const server of running.splice(0)) {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
});

async function start(dataDir: string, role: string): Promise<ServerProcess> {
  const server = await spawnServer(['--data-dir', dataDir, '--role', role, '--log-file-interval', '1']);
  running.push(server);
  return server;
}

function clients(server: ServerProcess, dataDir: string) {
  const credentials = readSharedCredentials(path.join(dataDir, 'credentials'))!;
  const common = { endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1 };
  return { cloudTrail: new CloudTrailClient(common), s3: new S3Client({ ...common, forcePathStyle: true }) };
}

async function deliveredRecords(s3: S3Client): Promise<CloudTrailRecord[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  const records: CloudTrailRecord[] = [];
  for (const { Key } of listed.Contents ?? []) {
    const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
    const body = gunzipFirstMember(Buffer.from(await object.Body!.transformToByteArray())).body.toString('utf8');
    records.push(...(JSON.parse(body) as { Records: CloudTrailRecord[] }).Records);
  }
  return records;
}

describe('server roles', () => {
  it('splits calls (api) from delivery (worker) over one data dir', async () => {
    const dataDir = tempDir('opentrail-roles-');
    const api = await start(dataDir, 'api');
    const { cloudTrail, s3 } = clients(api, dataDir);
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await cloudTrail.send(new CreateTrailCommand({ Name: 'split', S3BucketName: BUCKET }));
    await cloudTrail.send(new StartLoggingCommand({ Name: 'split' }));
    const marker = (await cloudTrail.send(new LookupEventsCommand({ MaxResults: 1 }))).$metadata.requestId!;

    // The api process alone delivers nothing, however long it runs at a 1-second interval.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).KeyCount ?? 0).toBe(0);

    const worker = await start(dataDir, 'worker');
    expect(worker.output()).toContain('as a worker');
    const health = await fetch(`${worker.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok', role: 'worker' });

    const records = await waitFor('the worker delivering the api process\'s calls', async () => {
      const delivered = await deliveredRecords(s3);
      return delivered.some((r) => r.requestID === marker) ? delivered : undefined;
    });
    expect(records.map((r) => r.eventName)).toEqual(expect.arrayContaining(['StartLogging', 'LookupEvents']));

    // The worker's port refuses calls in each protocol's own form, and records nothing for them.
    const atWorker = clients(worker, dataDir);
    await expect(atWorker.cloudTrail.send(new DescribeTrailsCommand({}))).rejects.toMatchObject({
      name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 }, message: expect.stringContaining('--role worker'),
    });
    await expect(atWorker.s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 503 },
    });
    const cli = await runCommand('aws', ['cloudtrail', 'describe-trails'], {
      PATH: process.env.PATH ?? '', HOME: dataDir, AWS_SHARED_CREDENTIALS_FILE: path.join(dataDir, 'credentials'),
      AWS_ENDPOINT_URL: worker.url, AWS_DEFAULT_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1', AWS_EC2_METADATA_DISABLED: 'true',
    });
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toContain('ServiceUnavailable');
    expect(cli.stderr).toContain('--role worker');
    const history = await cloudTrail.send(new LookupEventsCommand({
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'DescribeTrails' }],
    }));
    expect(history.Events).toEqual([]);
  }, 90_000);
});

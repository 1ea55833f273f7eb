// CloudTrail's own writes into trail buckets, end to end with the AWS CLI: a trail whose event selectors take S3 data
// events on its own bucket (put-event-selectors, basic and advanced) finds in its later log files the PutObject of
// each earlier log file and digest, made by AWSService cloudtrail.amazonaws.com; a trail without them finds none;
// Event History shows none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { CloudTrailRecord } from '../../src/domain/record.js';
import { cloudTrailClient } from '../support/sdk.js';
import { awsCli } from '../support/aws-cli.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { cli, DeliveredLogs, listKeys, waitFor } from '../support/delivered-logs.js';

const ACCOUNT = '123456789012';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ logFileInterval: 1, digestInterval: 1 });
});
afterAll(async () => {
  await server?.close();
});

const isServiceWrite = (r: CloudTrailRecord) => r.userIdentity?.type === 'AWSService' && r.eventName === 'PutObject';
const keyOf = (r: CloudTrailRecord) => (r.requestParameters as { key: string }).key;
/** The log files' records: the bucket also holds digest files, which have none. */
const logRecords = (logs: DeliveredLogs) => [...logs.files.values()].filter((f) => !f.key.includes('/CloudTrail-Digest/')).flatMap((f) => f.records);

async function makeTrail(name: string, bucket: string, extra: string[] = []): Promise<void> {
  await cli(server, ['s3', 'mb', `s3://${bucket}`]);
  await cli(server, ['cloudtrail', 'create-trail', '--name', name, '--s3-bucket-name', bucket, ...extra]);
}

/** Waits until the bucket's files hold CloudTrail's PutObject of at least one log file and one digest file. */
async function serviceWrites(logs: DeliveredLogs): Promise<CloudTrailRecord[]> {
  return waitFor(`CloudTrail's writes in ${logs.bucket}`, async () => {
    await logs.refresh();
    const writes = logRecords(logs).filter(isServiceWrite);
    const kinds = new Set(writes.map((r) => (keyOf(r).includes('/CloudTrail-Digest/') ? 'digest' : 'log')));
    return kinds.size === 2 ? writes : undefined;
  }, 30_000);
}

describe("CloudTrail's own writes into trail buckets", () => {
  it('reach a trail that selects S3 data events on its own bucket, as AWSService PutObject records', async () => {
    await makeTrail('self', 'self-logs', ['--enable-log-file-validation']);
    await cli(server, ['cloudtrail', 'put-event-selectors', '--trail-name', 'self', '--event-selectors',
      JSON.stringify([{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::self-logs/'] }] }])]);
    await makeTrail('plain', 'plain-logs');
    await cli(server, ['cloudtrail', 'start-logging', '--name', 'self']);
    await cli(server, ['cloudtrail', 'start-logging', '--name', 'plain']);

    const logs = new DeliveredLogs(server, 'self-logs');
    const writes = await serviceWrites(logs);
    const stored = new Set(await listKeys(server, 'self-logs'));
    for (const record of writes) {
      expect(record).toMatchObject({
        userIdentity: { type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' },
        eventSource: 's3.amazonaws.com',
        awsRegion: 'us-east-1',
        sourceIPAddress: 'cloudtrail.amazonaws.com',
        userAgent: 'cloudtrail.amazonaws.com',
        requestParameters: { bucketName: 'self-logs', Host: 'self-logs.s3.us-east-1.amazonaws.com' },
        responseElements: null,
        additionalEventData: { SignatureVersion: 'SigV4', AuthenticationMethod: 'AuthHeader', bytesTransferredOut: 0 },
        readOnly: false,
        resources: [
          { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::self-logs/${keyOf(record)}` },
          { type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::self-logs', accountId: ACCOUNT },
        ],
        eventType: 'AwsApiCall',
        managementEvent: false,
        recipientAccountId: ACCOUNT,
        eventCategory: 'Data',
      });
      expect(record.userIdentity).toEqual({ type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' });
      // Each names an object really in the bucket, and no object is recorded twice.
      expect(stored.has(keyOf(record))).toBe(true);
    }
    expect(new Set(writes.map((r) => r.eventID)).size).toBe(writes.length);
    // Only its own bucket's writes: the other trail's files are not among them.
    expect(writes.every((r) => (r.requestParameters as { bucketName: string }).bucketName === 'self-logs')).toBe(true);

    // The other trail, without data event selectors, gets none, while its own files are delivered.
    const plain = new DeliveredLogs(server, 'plain-logs');
    await waitFor('files in plain-logs', async () => ((await plain.refresh()).length >= 1 ? true : undefined), 30_000);
    expect(logRecords(plain).filter(isServiceWrite)).toEqual([]);
    expect(logRecords(plain).some((r) => r.userIdentity?.type === 'AWSService')).toBe(false);

    // Data events: never in Event History.
    const client = cloudTrailClient(server);
    try {
      const found = await client.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'cloudtrail.amazonaws.com' }] }));
      expect(found.Events).toEqual([]);
    } finally {
      client.destroy();
    }
  });

  it('reach a trail whose advanced selectors take PutObject on its bucket, and its digests still validate', async () => {
    await makeTrail('advanced', 'adv-logs', ['--enable-log-file-validation']);
    await cli(server, ['cloudtrail', 'put-event-selectors', '--trail-name', 'advanced', '--advanced-event-selectors', JSON.stringify([
      { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
      { FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
        { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::adv-logs/'] },
      ] },
    ])]);
    await cli(server, ['cloudtrail', 'start-logging', '--name', 'advanced']);
    const writes = await serviceWrites(new DeliveredLogs(server, 'adv-logs'));
    expect(writes.every((r) => (r.requestParameters as { bucketName: string }).bucketName === 'adv-logs')).toBe(true);
    const result = await awsCli(server, ['cloudtrail', 'validate-logs', '--trail-arn', `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/advanced`,
      '--start-time', new Date(Date.now() - 10 * 60_000).toISOString(), '--region', 'us-east-1']);
    expect(result.stdout + result.stderr).not.toMatch(/INVALID/);
    expect(result.code).toBe(0);
  });
});

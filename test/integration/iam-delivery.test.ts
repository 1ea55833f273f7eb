// IAM and STS calls reach trails as global-service events: in us-east-1 files, only for trails that include global
// service events, with their secrets hidden in the delivered records too.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CreateTrailCommand, LookupEventsCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CreateAccessKeyCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { startTestServer, type TestServer } from '../support/server.js';
import { cloudTrailClient } from '../support/sdk.js';
import { createBuckets } from '../support/s3.js';
import { iamClient } from '../support/iam.js';
import { DeliveredLogs, waitFor } from '../support/delivered-logs.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ logFileInterval: 1 });
  await createBuckets(server, ['global-logs', 'regional-logs']);
  const ct = cloudTrailClient(server);
  await ct.send(new CreateTrailCommand({ Name: 'global', S3BucketName: 'global-logs' }));
  await ct.send(new CreateTrailCommand({ Name: 'regional', S3BucketName: 'regional-logs', IncludeGlobalServiceEvents: false }));
  for (const name of ['global', 'regional']) await ct.send(new StartLoggingCommand({ Name: name }));
  ct.destroy();
});
afterAll(async () => server?.close());

it('delivers IAM calls only to the trail that includes global service events, secrets hidden', async () => {
  const iam = iamClient(server);
  await iam.send(new CreateUserCommand({ UserName: 'delivered' }));
  const created = await iam.send(new CreateAccessKeyCommand({ UserName: 'delivered' }));
  const marker = cloudTrailClient(server);
  const { $metadata } = await marker.send(new LookupEventsCommand({ MaxResults: 1 }));
  const global = new DeliveredLogs(server, 'global-logs');
  const regional = new DeliveredLogs(server, 'regional-logs');
  const waitForMarker = (logs: DeliveredLogs) => waitFor(`the marker call in ${logs.bucket}`, async () => {
    await logs.refresh();
    return logs.records().some((r) => r.requestID === $metadata.requestId) ? logs.records() : undefined;
  });
  const globalRecords = await waitForMarker(global);
  const regionalRecords = await waitForMarker(regional);
  const iamRecords = globalRecords.filter((r) => r.eventSource === 'iam.amazonaws.com');
  expect(iamRecords.map((r) => r.eventName).sort()).toEqual(['CreateAccessKey', 'CreateUser']);
  expect(iamRecords.every((r) => r.awsRegion === 'us-east-1')).toBe(true);
  expect(regionalRecords.filter((r) => r.eventSource === 'iam.amazonaws.com')).toEqual([]);
  expect(JSON.stringify(globalRecords)).not.toContain(created.AccessKey!.SecretAccessKey!);
  iam.destroy();
  marker.destroy();
});

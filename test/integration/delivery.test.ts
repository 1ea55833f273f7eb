// Log file delivery end to end: a real server at --log-file-interval 1, buckets and trails made with the AWS CLI,
// calls made with the SDK, and the delivered files read back through the built-in S3 endpoint with `aws s3`.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeleteTrailCommand, GetTrailStatusCommand, LookupEventsCommand, StopLoggingCommand, type CloudTrailClient,
} from '@aws-sdk/client-cloudtrail';
import type { CloudTrailRecord } from '../../src/domain/record.js';
import type { DigestJson } from '../../src/domain/digest/digest-document.js';
import { cloudTrailClient } from '../support/sdk.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsCli } from '../support/aws-cli.js';
import { cli, DeliveredLogs, listKeys, waitFor } from '../support/delivered-logs.js';

const ACCOUNT = '123456789012';
const LIBRARY_PATTERN = /.+_CloudTrail_[\w-]+_\d{8}T\d{4}Z_[\w]+\.json\.gz/;

let server: TestServer;
const clients = new Map<string, CloudTrailClient>();

const client = (region = 'us-east-1'): CloudTrailClient => {
  let found = clients.get(region);
  if (!found) clients.set(region, (found = cloudTrailClient(server, { region })));
  return found;
};

/** Makes `count` calls in `region` and returns their request ids, which their records carry as `requestID`. */
async function calls(count: number, region = 'us-east-1'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await client(region).send(new LookupEventsCommand({ MaxResults: 1 }))).$metadata.requestId!);
  return ids;
}

async function trailStatus(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await cli(server, ['cloudtrail', 'get-trail-status', '--name', name])) as Record<string, unknown>;
}

/** Waits until every id is in a delivered file of the bucket. */
async function delivered(logs: DeliveredLogs, ids: readonly string[], timeoutMs?: number): Promise<CloudTrailRecord[]> {
  return waitFor(`${ids.length} calls in ${logs.bucket}`, async () => {
    await logs.refresh();
    const seen = new Set(logs.records().map((r) => r.requestID));
    return ids.every((id) => seen.has(id)) ? logs.records() : undefined;
  }, timeoutMs);
}

/**
 * A trail logging into a bucket that was removed after CreateTrail checked it: what it records stays undelivered
 * until the bucket is made again.
 */
async function loggingWithoutBucket(name: string, bucket: string, createArgs: readonly string[] = []): Promise<void> {
  await cli(server, ['s3', 'mb', `s3://${bucket}`]);
  await cli(server, ['cloudtrail', 'create-trail', '--name', name, '--s3-bucket-name', bucket, ...createArgs]);
  await cli(server, ['s3', 'rb', `s3://${bucket}`]);
  await cli(server, ['cloudtrail', 'start-logging', '--name', name]);
}

async function deliveryFailing(name: string): Promise<Record<string, unknown>> {
  return waitFor('LatestDeliveryError', async () => {
    const status = await trailStatus(name);
    return status.LatestDeliveryError === undefined ? undefined : status;
  });
}

/** The digest files in the bucket, read with `aws s3 cp`. */
async function digestsIn(bucket: string): Promise<Array<{ key: string; json: DigestJson }>> {
  const keys = (await listKeys(server, bucket)).filter((key) => key.includes('/CloudTrail-Digest/'));
  return Promise.all(keys.map(async (key, n) => {
    const local = path.join(server.dataDir, `digest-${bucket}-${n}.json.gz`);
    await cli(server, ['s3', 'cp', `s3://${bucket}/${key}`, local, '--quiet']);
    return { key, json: JSON.parse(zlib.gunzipSync(fs.readFileSync(local)).toString('utf8')) as DigestJson };
  }));
}

function keyPattern(prefix: string, region: string): RegExp {
  return new RegExp(
    `^${prefix}AWSLogs/${ACCOUNT}/CloudTrail/${region}/(\\d{4})/(\\d{2})/(\\d{2})/` +
      `${ACCOUNT}_CloudTrail_${region}_(\\d{4})(\\d{2})(\\d{2})T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz$`,
  );
}

function expectOnce(records: readonly CloudTrailRecord[]): void {
  const ids = records.map((r) => r.eventID);
  expect(new Set(ids).size).toBe(ids.length);
}

beforeAll(async () => {
  server = await startTestServer({ logFileInterval: 1 });
});
afterAll(async () => {
  for (const c of clients.values()) c.destroy();
  await server?.close();
});

describe('log file delivery', () => {
  it('delivers the calls of a logging trail as CloudTrail log files, each once and byte for byte', async () => {
    await cli(server, ['s3', 'mb', 's3://ct-logs']);
    await cli(server, ['cloudtrail', 'create-trail', '--name', 'main', '--s3-bucket-name', 'ct-logs', '--s3-key-prefix', 'audit']);
    const [beforeLogging] = await calls(1);
    await cli(server, ['cloudtrail', 'start-logging', '--name', 'main']);
    const east = await calls(5);
    const west = await calls(2, 'eu-west-1');
    const logs = new DeliveredLogs(server, 'ct-logs');
    const records = await delivered(logs, east);

    const pattern = keyPattern('audit/', 'us-east-1');
    for (const file of logs.files.values()) {
      const match = pattern.exec(file.key);
      expect(match, file.key).not.toBeNull();
      expect(file.key).toMatch(LIBRARY_PATTERN);
      expect(match!.slice(1, 4).join('')).toBe(match!.slice(4, 7).join(''));
      expect(file.records.length).toBeGreaterThan(0);
      expect(file.body.startsWith('{"Records":[{')).toBe(true);
      for (const record of file.records) expect(record).toMatchObject({ awsRegion: 'us-east-1', recipientAccountId: ACCOUNT });
    }
    expectOnce(records);
    const requestIds = records.map((r) => r.requestID);
    expect(requestIds).not.toContain(beforeLogging);
    for (const id of west) expect(requestIds).not.toContain(id);
    expect(records.some((r) => r.eventName === 'StartLogging')).toBe(true);

    // The bytes in the file are the stored record's, as LookupEvents hands them out.
    const stored = await client().send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: records[0]!.eventID }] }));
    const text = stored.Events?.[0]?.CloudTrailEvent;
    expect(text).toBeDefined();
    expect([...logs.files.values()].some((file) => file.body.includes(text!))).toBe(true);

    const status = await trailStatus('main');
    expect(status).toMatchObject({ IsLogging: true, LatestDeliveryTime: expect.any(Number), LatestDeliveryAttemptSucceeded: expect.any(String) });
    expect(status.LatestDeliveryError).toBeUndefined();
  });

  it('delivers nothing recorded while a trail is stopped, but does deliver the StopLogging call', async () => {
    const logs = new DeliveredLogs(server, 'ct-logs');
    const before = await calls(2);
    const stop = (await client().send(new StopLoggingCommand({ Name: 'main' }))).$metadata.requestId!;
    const whileStopped = await calls(3);
    await cli(server, ['cloudtrail', 'start-logging', '--name', 'main']);
    const after = await calls(2);
    const records = await delivered(logs, [...before, stop, ...after]);
    const requestIds = records.map((r) => r.requestID);
    for (const id of whileStopped) expect(requestIds).not.toContain(id);
    expect(records.find((r) => r.requestID === stop)?.eventName).toBe('StopLogging');
    expectOnce(records);
    const status = await trailStatus('main');
    expect(status).toMatchObject({ IsLogging: true, StopLoggingTime: expect.any(Number), StartLoggingTime: expect.any(Number) });
  });

  it('writes every region of a multi-region trail under its own region folder', async () => {
    await cli(server, ['s3', 'mb', 's3://ct-multi']);
    await cli(server, ['cloudtrail', 'create-trail', '--name', 'everywhere', '--s3-bucket-name', 'ct-multi', '--is-multi-region-trail']);
    await cli(server, ['cloudtrail', 'start-logging', '--name', 'everywhere']);
    const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
    const ids = new Map<string, string[]>();
    for (const region of regions) ids.set(region, await calls(2, region));
    const logs = new DeliveredLogs(server, 'ct-multi');
    await delivered(logs, [...ids.values()].flat());
    for (const region of regions) {
      const files = [...logs.files.values()].filter((file) => keyPattern('', region).test(file.key));
      const inFolder = files.flatMap((file) => file.records);
      expect(inFolder.every((r) => r.awsRegion === region)).toBe(true);
      for (const id of ids.get(region)!) expect(inFolder.map((r) => r.requestID)).toContain(id);
    }
    expectOnce(logs.records());
  });

  it('reports a missing bucket in GetTrailStatus and delivers everything once the bucket is back', async () => {
    await loggingWithoutBucket('late', 'ct-late');
    const whileMissing = await calls(3);
    const failing = await deliveryFailing('late');
    expect(failing).toMatchObject({ LatestDeliveryError: 'NoSuchBucket', LatestDeliveryAttemptTime: expect.any(String) });
    expect(failing.LatestDeliveryTime).toBeUndefined();

    const more = await calls(2);
    await cli(server, ['s3', 'mb', 's3://ct-late']);
    const logs = new DeliveredLogs(server, 'ct-late');
    const records = await delivered(logs, [...whileMissing, ...more], 30_000);
    expectOnce(records);
    const status = await trailStatus('late');
    expect(status.LatestDeliveryError).toBeUndefined();
    expect(status.LatestDeliveryTime).toEqual(expect.any(Number));
  });

  it("notifies the trail's SNS topic subscribers with the delivered keys", async () => {
    const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
    const subscriber = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.end();
      });
    });
    await new Promise<void>((resolve) => subscriber.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/sns`;
      fs.writeFileSync(path.join(server.dataDir, 'topics.json'), JSON.stringify({ topics: { 'ct-topic': { endpoints: [endpoint] } } }));
      await cli(server, ['cloudtrail', 'update-trail', '--name', 'everywhere', '--sns-topic-name', 'ct-topic']);
      const ids = await calls(2);
      const logs = new DeliveredLogs(server, 'ct-multi');
      await delivered(logs, ids);
      const message = await waitFor('a notification', async () => {
        const keys = received.flatMap((r) => (JSON.parse(JSON.parse(r.body).Message) as { s3ObjectKey: string[] }).s3ObjectKey);
        return keys.some((key) => logs.files.get(key)?.records.some((rec) => ids.includes(rec.requestID!))) ? received : undefined;
      });
      const envelope = JSON.parse(message[0]!.body);
      expect(envelope).toMatchObject({ Type: 'Notification', TopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:ct-topic` });
      expect(JSON.parse(envelope.Message)).toMatchObject({ s3Bucket: 'ct-multi', s3ObjectKey: expect.any(Array) });
      expect(message[0]!.headers['x-amz-sns-message-type']).toBe('Notification');
      const status = await client().send(new GetTrailStatusCommand({ Name: 'everywhere' }));
      expect(status.LatestNotificationTime).toBeInstanceOf(Date);
      expect(status.LatestNotificationError).toBeUndefined();
    } finally {
      await new Promise((resolve) => subscriber.close(resolve));
    }
  });

  it('delivers what a deleted trail recorded, then ends its chain with a final digest listing those files', async () => {
    const arn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/gone`;
    // Nothing the trail records is delivered before DeleteTrail.
    await loggingWithoutBucket('gone', 'ct-gone', ['--enable-log-file-validation']);
    const recorded = await calls(3);
    await deliveryFailing('gone');
    const deletion = (await client().send(new DeleteTrailCommand({ Name: 'gone' }))).$metadata.requestId!;
    const after = await calls(2);
    const missing = await awsCli(server, ['cloudtrail', 'get-trail-status', '--name', 'gone', '--region', 'us-east-1']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('TrailNotFoundException');

    await cli(server, ['s3', 'mb', 's3://ct-gone']);
    const digest = await waitFor('the final digest', async () => {
      const [found] = await digestsIn('ct-gone');
      return found;
    }, 30_000);
    const logKeys = (await listKeys(server, 'ct-gone')).filter((key) => key.includes('/CloudTrail/'));
    expect(digest.json.logFiles.map((file) => file.s3Object).sort()).toEqual([...logKeys].sort());
    expect(digest.json.previousDigestSignature).toBeNull();
    const logs = new DeliveredLogs(server, 'ct-gone');
    await logs.refresh();
    const ids = logs.records().map((record) => record.requestID);
    for (const id of recorded) expect(ids).toContain(id);
    for (const id of [deletion, ...after]) expect(ids).not.toContain(id);
    expectOnce(logs.records());
    await waitFor('the end of the retirement', async () => ((await server.store.trails.findDeliveringTrail(arn)) ? undefined : true));
  });

  it('lets a new trail take the name of a deleted one at once, starting afresh', async () => {
    await cli(server, ['s3', 'mb', 's3://ct-reborn-2']);
    // Its bucket stays away: the deleted trail is still retiring when its name is taken again.
    await loggingWithoutBucket('reborn', 'ct-reborn');
    const first = await calls(2);
    await cli(server, ['cloudtrail', 'delete-trail', '--name', 'reborn']);
    const created = JSON.parse(await cli(server, ['cloudtrail', 'create-trail', '--name', 'reborn', '--s3-bucket-name', 'ct-reborn-2']));
    expect(created).toMatchObject({ Name: 'reborn', S3BucketName: 'ct-reborn-2' });
    expect(await trailStatus('reborn')).toMatchObject({ IsLogging: false });
    await cli(server, ['cloudtrail', 'start-logging', '--name', 'reborn']);
    const second = await calls(2);
    const ids = (await delivered(new DeliveredLogs(server, 'ct-reborn-2'), second)).map((record) => record.requestID);
    // The deleted trail's undelivered rest went with it: the new trail does not inherit it.
    for (const id of first) expect(ids).not.toContain(id);
  });

  it('gives a logging stretch shorter than a digest pass its digest', async () => {
    await cli(server, ['s3', 'mb', 's3://ct-brief']);
    await cli(server, ['cloudtrail', 'create-trail', '--name', 'brief', '--s3-bucket-name', 'ct-brief', '--enable-log-file-validation']);
    await cli(server, ['cloudtrail', 'start-logging', '--name', 'brief']);
    const [call] = await calls(1);
    await client().send(new StopLoggingCommand({ Name: 'brief' }));
    const digest = await waitFor('the digest', async () => (await digestsIn('ct-brief'))[0], 30_000);
    const logs = new DeliveredLogs(server, 'ct-brief');
    await logs.refresh();
    expect(logs.records().map((record) => record.requestID)).toContain(call);
    expect(digest.json.logFiles.map((file) => file.s3Object).sort()).toEqual([...logs.files.keys()].sort());
    await cli(server, ['cloudtrail', 'delete-trail', '--name', 'brief']);
  });

  it('delivers a backlog recorded before put-event-selectors as the selectors of its time decide', async () => {
    // What the trail records before the change is still undelivered when it comes.
    await loggingWithoutBucket('narrowed', 'ct-narrowed');
    const readsBefore = await calls(2);
    await deliveryFailing('narrowed');
    await cli(server, ['cloudtrail', 'put-event-selectors', '--trail-name', 'narrowed',
      '--event-selectors', '[{"ReadWriteType":"WriteOnly","IncludeManagementEvents":true}]']);
    const readsAfter = await calls(2);
    await cli(server, ['s3', 'mb', 's3://ct-narrowed']);
    const logs = new DeliveredLogs(server, 'ct-narrowed');
    const records = await delivered(logs, readsBefore, 30_000);
    const ids = records.map((record) => record.requestID);
    for (const id of readsAfter) expect(ids).not.toContain(id);
    expect(records.some((record) => record.eventName === 'PutEventSelectors')).toBe(true);
    expectOnce(records);
    await cli(server, ['cloudtrail', 'delete-trail', '--name', 'narrowed']);
  });
});


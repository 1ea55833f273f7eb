import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../domain/clock.js';
import { MemoryTrailStore, storedTrail } from '../../../test/support/memory-trail-store.js';
import { TopicsFile } from './topics-file.js';
import { TrailNotifier, UNKNOWN_TOPIC_ERROR } from './trail-notifier.js';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:audit';
const KEYS = ['AWSLogs/123456789012/CloudTrail/us-east-1/2025/01/01/123456789012_CloudTrail_us-east-1_20250101T0000Z_AAAAAAAAAAAAAAAA.json.gz'];

describe('TrailNotifier', () => {
  let dir: string;
  let server: http.Server;
  let endpoint: string;
  let received: Received[];
  let failuresLeft: number;
  let trails: MemoryTrailStore;
  let notifier: TrailNotifier;
  const trail = storedTrail({ snsTopicName: 'audit', snsTopicArn: TOPIC_ARN });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentrail-notify-'));
    received = [];
    failuresLeft = 0;
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = failuresLeft-- > 0 ? 500 : 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    trails = new MemoryTrailStore();
    await trails.createTrail(trail);
    notifier = new TrailNotifier({
      topics: new TopicsFile(path.join(dir, 'topics.json')),
      trails,
      clock: new ManualClock(Date.UTC(2025, 0, 1)),
      log: pino({ level: 'silent' }),
      signingKey: Buffer.from('k'),
      policy: { attempts: 3, firstDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000 },
    });
  });

  afterEach(async () => {
    await notifier.stop();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const subscribe = () => fs.writeFileSync(path.join(dir, 'topics.json'), JSON.stringify({ topics: { audit: { endpoints: [endpoint] } } }));

  it('POSTs the SNS envelope with the delivered keys, and records the success', async () => {
    subscribe();
    notifier.delivered(trail, 'trail-bucket', KEYS);
    await notifier.idle();
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(headers['x-amz-sns-message-type']).toBe('Notification');
    expect(headers['x-amz-sns-topic-arn']).toBe(TOPIC_ARN);
    expect(headers['x-amz-sns-subscription-arn']).toMatch(new RegExp(`^${TOPIC_ARN}:[0-9a-f-]{36}$`));
    const envelope = JSON.parse(body);
    expect(envelope).toMatchObject({ Type: 'Notification', TopicArn: TOPIC_ARN, MessageId: headers['x-amz-sns-message-id'] });
    expect(JSON.parse(envelope.Message)).toEqual({ s3Bucket: 'trail-bucket', s3ObjectKey: KEYS });
    const status = await trails.trailStatus(trail.arn);
    expect(status.latestNotificationMs).toBe(Date.UTC(2025, 0, 1));
    expect(status.latestNotificationAttemptSucceededMs).toBe(Date.UTC(2025, 0, 1));
    expect(status.latestNotificationError).toBeUndefined();
  });

  it('retries an endpoint that fails, with back-off', async () => {
    subscribe();
    failuresLeft = 2;
    notifier.delivered(trail, 'trail-bucket', KEYS);
    await notifier.idle();
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers['x-amz-sns-message-id'])).size).toBe(1);
    expect((await trails.trailStatus(trail.arn)).latestNotificationError).toBeUndefined();
  });

  it('reports an endpoint that keeps failing, and clears the error once it works', async () => {
    subscribe();
    failuresLeft = 3;
    notifier.delivered(trail, 'trail-bucket', KEYS);
    await notifier.idle();
    expect((await trails.trailStatus(trail.arn)).latestNotificationError).toBe(`${endpoint}: HTTP 500`);
    notifier.delivered(trail, 'trail-bucket', KEYS);
    await notifier.idle();
    expect((await trails.trailStatus(trail.arn)).latestNotificationError).toBeUndefined();
  });

  it('reports a topic that is not configured', async () => {
    notifier.delivered(trail, 'trail-bucket', KEYS);
    await notifier.idle();
    const status = await trails.trailStatus(trail.arn);
    expect(status.latestNotificationError).toBe(UNKNOWN_TOPIC_ERROR);
    expect(status.latestNotificationAttemptMs).toBe(Date.UTC(2025, 0, 1));
    expect(status.latestNotificationMs).toBeUndefined();
  });

  it('does nothing for a trail without a topic', async () => {
    subscribe();
    notifier.delivered(storedTrail(), 'trail-bucket', KEYS);
    await notifier.idle();
    expect(received).toHaveLength(0);
  });
});

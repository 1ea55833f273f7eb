import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../domain/clock.js';
import type { DigestJson } from '../domain/digest/digest-document.js';
import { digestStringToSign } from '../domain/digest/string-to-sign.js';
import { LocalKeyRing } from '../crypto/local-key-ring.js';
import { FsObjectStore } from '../objects/fs/fs-object-store.js';
import type { ObjectStore } from '../objects/object-store.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { StoredTrail } from '../store/trail-store.js';
import { DigestWorker } from './digest-worker.js';
import { periodEnd } from '../domain/delivery/logging-periods.js';
import { event as indexedEvent } from '../store/conformance/fixtures.js';

const ARN = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/t';
const START = Date.UTC(2025, 0, 1, 0, 0, 0);
const trail: StoredTrail = {
  accountId: '123456789012', name: 't', homeRegion: 'us-east-1', arn: ARN, s3BucketName: 'digest-bucket', s3KeyPrefix: 'p',
  includeGlobalServiceEvents: true, isMultiRegionTrail: true, isOrganizationTrail: false, logFileValidationEnabled: true,
  tags: [], createdMs: START,
};

let dir: string;
let store: SqliteStore;
let objects: FsObjectStore;
let clock: ManualClock;
let signer: LocalKeyRing;
let seq = 0;

function worker(objectStore: ObjectStore = objects): DigestWorker {
  return new DigestWorker({
    trails: store.trails, ledger: store.deliveryLedger, feed: store.eventFeed, chains: store.digestChains,
    objects: objectStore, signer, clock, log: pino({ level: 'silent' }), intervalSeconds: 60,
  });
}

async function deliver(region: string): Promise<void> {
  const plan = {
    trailArn: ARN, bucket: 'digest-bucket', afterSeq: seq, throughSeq: seq + 1, fileTimeMs: clock.now().getTime(),
    files: [{ key: `log-${seq}-${region}`, accountId: '123456789012', region, seqs: [seq + 1] }],
  };
  await store.deliveryLedger.planDelivery(plan);
  await store.deliveryLedger.completeDelivery(plan, [{
    trailArn: ARN, bucket: 'digest-bucket', key: plan.files[0]!.key, accountId: '123456789012', region, sha256: 'ab'.repeat(32),
    oldestEventMs: START, newestEventMs: START + 1000, deliveredMs: clock.now().getTime(), firstSeq: seq + 1, lastSeq: seq + 1, eventCount: 1,
  }]);
  seq++;
}

async function digests(region = 'us-east-1'): Promise<Array<{ key: string; json: DigestJson; body: Buffer; signature: string }>> {
  const listing = await objects.listObjects('digest-bucket', { prefix: `p/AWSLogs/123456789012/CloudTrail-Digest/${region}/` });
  return Promise.all(listing.objects.map(async ({ key }) => {
    const content = await objects.getObject('digest-bucket', key);
    const chunks: Buffer[] = [];
    for await (const chunk of content.body) chunks.push(chunk as Buffer);
    const body = zlib.gunzipSync(Buffer.concat(chunks));
    return { key, json: JSON.parse(body.toString('utf8')) as DigestJson, body, signature: content.info.userMetadata.signature! };
  }));
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-worker-'));
  store = await openSqliteStore({ path: ':memory:' });
  objects = await FsObjectStore.open(path.join(dir, 'objects'));
  await objects.createBucket('digest-bucket', { region: 'us-east-1', ownerAccountId: '123456789012' });
  clock = new ManualClock(START);
  signer = new LocalKeyRing({ dataDir: dir, rotationMs: 30 * 86_400_000 });
  seq = 0;
  await store.trails.createTrail(trail);
  await store.deliveryLedger.startCursor(ARN, 0);
  await store.trails.updateTrailStatus(ARN, { isLogging: true, startLoggingMs: START });
});
afterEach(async () => {
  await objects.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('DigestWorker', () => {
  it('writes a starting digest, then chained digests listing each delivered file once, per region', async () => {
    const digestWorker = worker();
    await digestWorker.runOnce();
    await deliver('us-east-1');
    clock.advance(60_000);
    await digestWorker.runOnce();
    await deliver('us-east-1');
    await deliver('eu-west-1');
    clock.advance(60_000);
    await digestWorker.runOnce();
    clock.advance(60_000);
    await digestWorker.runOnce();

    const east = await digests();
    expect(east.map((d) => [d.json.digestStartTime, d.json.digestEndTime, d.json.logFiles.map((f) => f.s3Object)])).toEqual([
      ['2025-01-01T00:00:00Z', '2025-01-01T00:01:00Z', ['log-0-us-east-1']],
      ['2025-01-01T00:01:00Z', '2025-01-01T00:02:00Z', ['log-1-us-east-1']],
      ['2025-01-01T00:02:00Z', '2025-01-01T00:03:00Z', []],
    ]);
    expect(east[0]!.key).toBe('p/AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2025/01/01/123456789012_CloudTrail-Digest_us-east-1_t_us-east-1_20250101T000100Z.json.gz');
    expect(east[0]!.json.previousDigestSignature).toBeNull();
    for (const [previous, next] of [[east[0]!, east[1]!], [east[1]!, east[2]!]] as const) {
      expect(next.json.previousDigestS3Object).toBe(previous.key);
      expect(next.json.previousDigestSignature).toBe(previous.signature);
      expect(next.json.previousDigestHashValue).toBe(crypto.createHash('sha256').update(previous.body).digest('hex'));
    }
    const west = await digests('eu-west-1');
    expect(west.map((d) => [d.json.previousDigestS3Object, d.json.logFiles.length])).toEqual([[null, 1], [west[0]!.key, 0]]);
    // Each region's digest is signed with that region's key.
    const [westKey] = await signer.publicKeys('eu-west-1', 0, Infinity);
    const w = west[0]!;
    const toSign = digestStringToSign({ ...w.json, sha256: crypto.createHash('sha256').update(w.body).digest('hex') });
    const publicKey = crypto.createPublicKey({ key: westKey!.pkcs1Der, format: 'der', type: 'pkcs1' });
    expect(crypto.verify('sha256', Buffer.from(toSign), publicKey, Buffer.from(w.signature, 'hex'))).toBe(true);
    expect((await store.trails.trailStatus(ARN)).latestDigestDeliveryMs).toBe(START + 180_000);
  }, 30_000);

  it('writes the same digests again after failing midway, and reports the failure meanwhile', async () => {
    await worker().runOnce();
    await deliver('us-east-1');
    clock.advance(60_000);
    let failing = true;
    const flaky = new Proxy(objects, {
      get(target, name, receiver) {
        if (name === 'putObject' && failing) return async () => { throw Object.assign(new Error('down'), { name: 'SlowDown' }); };
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await worker(flaky).runOnce();
    expect((await store.trails.trailStatus(ARN)).latestDigestDeliveryError).toBe('SlowDown');
    expect((await store.digestChains.chains())[0]!.pass?.endMs).toBe(START + 60_000);
    failing = false;
    clock.advance(30_000);
    await worker(flaky).runOnce();
    const written = await digests();
    expect(written.map((d) => d.json.digestEndTime)).toEqual(['2025-01-01T00:01:00Z']);
    expect(written[0]!.json.logFiles).toHaveLength(1);
    expect((await store.trails.trailStatus(ARN)).latestDigestDeliveryError).toBeUndefined();
  }, 30_000);

  it('ends a deleted trail\'s chain once delivery has written what it recorded, then ends its retirement', async () => {
    await store.eventLog.append([indexedEvent({ recipientAccountId: '123456789012' }), indexedEvent({ recipientAccountId: '123456789012' })]);
    const digestWorker = worker();
    await digestWorker.runOnce();
    await deliver('us-east-1');
    clock.advance(10_000);
    // What DeleteTrail does: the trail retires and receives nothing recorded after this.
    await store.trails.retireTrail(ARN, clock.now().getTime());
    await store.deliveryLedger.stopCursor(ARN, await store.eventFeed.lastSeq());
    clock.advance(2_000);
    await digestWorker.runOnce();
    expect(await digests()).toEqual([]);
    expect(await store.trails.findDeliveringTrail(ARN)).toMatchObject({ retiringSinceMs: START + 10_000 });
    await deliver('us-east-1');
    await digestWorker.runOnce();
    const written = await digests();
    expect(written.map((d) => [d.json.digestEndTime, d.json.logFiles.map((f) => f.s3Object)])).toEqual([
      ['2025-01-01T00:00:12Z', ['log-0-us-east-1', 'log-1-us-east-1']],
    ]);
    expect(await store.digestChains.chains()).toEqual([]);
    expect((await store.digestChains.checkpoints(ARN)).map((c) => c.final)).toEqual([true]);
    expect(await store.trails.findDeliveringTrail(ARN)).toBeUndefined();
    clock.advance(120_000);
    await digestWorker.runOnce();
    expect(await digests()).toHaveLength(1);
  }, 30_000);

  it('ends the retirement of a deleted trail without validation once delivery has nothing left for it', async () => {
    await store.trails.saveTrail({ ...trail, logFileValidationEnabled: false });
    await store.eventLog.append([indexedEvent({ recipientAccountId: '123456789012' })]);
    await store.trails.retireTrail(ARN, clock.now().getTime());
    await store.deliveryLedger.stopCursor(ARN, await store.eventFeed.lastSeq());
    const digestWorker = worker();
    await digestWorker.runOnce();
    expect(await store.trails.findDeliveringTrail(ARN)).toBeDefined();
    await deliver('us-east-1');
    await digestWorker.runOnce();
    expect(await store.trails.findDeliveringTrail(ARN)).toBeUndefined();
    expect(await digests()).toEqual([]);
  }, 30_000);

  it('closes the delivery stretch a DeleteTrail left open when it stopped before closing it', async () => {
    await store.trails.saveTrail({ ...trail, logFileValidationEnabled: false });
    await store.eventLog.append([indexedEvent({ recipientAccountId: '123456789012' })]);
    await store.trails.retireTrail(ARN, clock.now().getTime());
    await worker().runOnce();
    expect((await store.deliveryLedger.deliveryState(ARN)).periods).toEqual([{ afterSeq: 0, throughSeq: 1 }]);
  }, 30_000);

  it('ends the chain of a deleted trail at once, under its own destination, when a new trail takes its name', async () => {
    const digestWorker = worker();
    await digestWorker.runOnce();
    await deliver('us-east-1');
    clock.advance(10_000);
    await store.trails.retireTrail(ARN, clock.now().getTime());
    await store.trails.endRetirement(ARN);
    await store.trails.createTrail({ ...trail, s3KeyPrefix: 'new', createdMs: clock.now().getTime() });
    await digestWorker.runOnce();
    expect((await digests()).map((d) => [d.json.digestEndTime, d.json.logFiles.length])).toEqual([['2025-01-01T00:00:10Z', 1]]);
    expect(await store.digestChains.chains()).toEqual([]);
  }, 30_000);

  it('writes the final digest once delivery ends its last period, however many events came after StopLogging', async () => {
    const digestWorker = worker();
    await digestWorker.runOnce();
    await deliver('us-east-1');
    await store.deliveryLedger.stopCursor(ARN, seq, 'stop-request');
    await store.trails.updateTrailStatus(ARN, { isLogging: false, stopLoggingMs: clock.now().getTime() });
    // More events than the StopLogging record is looked for among (CLOSING_RECORD_WINDOW) before the close step runs.
    for (let batch = 0; batch < 12; batch++) {
      await store.eventLog.append(Array.from({ length: 1_000 }, () => indexedEvent({ recipientAccountId: '123456789012' })));
    }
    clock.advance(5_000);
    await digestWorker.runOnce();
    // Delivery reads through the period's end and stops there: the log goes on beyond it.
    const { periods } = await store.deliveryLedger.deliveryState(ARN);
    const end = periodEnd(periods.at(-1)!);
    expect(await store.eventFeed.lastSeq()).toBeGreaterThan(end);
    const plan = { trailArn: ARN, bucket: 'digest-bucket', afterSeq: seq, throughSeq: end, fileTimeMs: clock.now().getTime(), files: [] };
    await store.deliveryLedger.planDelivery(plan);
    await store.deliveryLedger.completeDelivery(plan, []);
    clock.advance(5_000);
    await digestWorker.runOnce();
    expect((await store.digestChains.checkpoints(ARN)).map((c) => c.final)).toEqual([true]);
    expect(await store.digestChains.chains()).toEqual([]);
  }, 30_000);

  it('starts a new chain after a stop and start between two passes', async () => {
    const digestWorker = worker();
    await digestWorker.runOnce();
    clock.advance(5_000);
    await store.trails.updateTrailStatus(ARN, { isLogging: true, startLoggingMs: START + 5_000 });
    await digestWorker.runOnce();
    clock.advance(60_000);
    await digestWorker.runOnce();
    const written = await digests();
    expect(written.map((d) => [d.json.digestStartTime, d.json.digestEndTime, d.json.previousDigestS3Object])).toEqual([
      ['2025-01-01T00:00:00Z', '2025-01-01T00:00:05Z', null],
      ['2025-01-01T00:00:05Z', '2025-01-01T00:01:05Z', null],
    ]);
  }, 30_000);
});

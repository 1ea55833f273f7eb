import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../domain/record.js';
import type { StoredTrail } from '../../store/trail-store.js';
import { BUCKET, deliveredObjects, openDeliveryFixture, startLogging as startTrailLogging, type DeliveryFixture } from '../../../test/support/delivery-fixture.js';
import { MemoryTrailStore, storedTrail } from '../../../test/support/memory-trail-store.js';
import { DeliveryWorker } from '../delivery-worker.js';
import { ServiceWriteRecorder } from './service-write-recorder.js';

const OWN_BUCKET_DATA_EVENTS: StoredTrail['selectors'] = {
  kind: 'basic',
  selectors: [{
    ReadWriteType: 'All', IncludeManagementEvents: true, ExcludeManagementEventSources: [],
    DataResources: [{ Type: 'AWS::S3::Object', Values: [`arn:aws:s3:::${BUCKET}/`] }],
  }],
};

describe('CloudTrail writes into trail buckets as S3 data events', () => {
  let f: DeliveryFixture;
  let trails: MemoryTrailStore;
  let worker: DeliveryWorker;
  let recorder: ServiceWriteRecorder;

  beforeEach(async () => {
    f = await openDeliveryFixture();
    trails = new MemoryTrailStore();
    recorder = new ServiceWriteRecorder(f.store.eventLog, f.objects, f.clock);
    worker = new DeliveryWorker({
      feed: f.store.deliveryFeed, ledger: f.store.deliveryLedger, trails, objects: f.objects, clock: f.clock,
      log: pino({ level: 'silent' }), intervalSeconds: 60, serviceWrites: recorder,
    });
  });
  afterEach(async () => {
    await worker.stop();
    await f.close();
  });

  const startLogging = (trail: StoredTrail) => startTrailLogging(f, trails, trail);

  const filesByKey = async (bucket = BUCKET) => new Map((await deliveredObjects(f.objects, bucket)).map((o) => [o.key, o.records]));
  const serviceRecords = (records: CloudTrailRecord[]) => records.filter((r) => r.userIdentity?.type === 'AWSService');

  it('a trail logging its own bucket gets one PutObject per earlier file, one file per pass, and never a storm', async () => {
    await startLogging(storedTrail({ selectors: OWN_BUCKET_DATA_EVENTS }));
    await f.record({});
    await worker.runOnce();
    let files = await filesByKey();
    expect(files.size).toBe(1);
    const [firstKey] = files.keys();
    // The file's own PutObject is recorded, but after the pass's end: it waits for the next pass.
    expect(await f.store.eventFeed.lastSeq()).toBe(2);

    for (let pass = 2; pass <= 5; pass++) {
      f.clock.advance(60_000);
      await worker.runOnce();
      await worker.runOnce(); // not due again: nothing more, however often the loop wakes
      files = await filesByKey();
      expect(files.size).toBe(pass);
      expect(await f.store.eventFeed.lastSeq()).toBe(pass + 1);
    }
    // Each later file holds exactly the PutObject of the file before it, made by CloudTrail in the owner's account.
    const ordered = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(ordered[0]![0]).toBe(firstKey);
    for (let i = 1; i < ordered.length; i++) {
      const records = ordered[i]![1];
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        eventName: 'PutObject',
        userIdentity: { type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' },
        requestParameters: { bucketName: BUCKET, key: ordered[i - 1]![0] },
        recipientAccountId: '123456789012',
        eventCategory: 'Data',
      });
    }
  });

  it('a trail without S3 data event selectors on the bucket gets none of them', async () => {
    await startLogging(storedTrail());
    await f.record({});
    await worker.runOnce();
    f.clock.advance(60_000);
    await f.record({});
    await worker.runOnce();
    const records = [...(await filesByKey()).values()].flat();
    expect(records).toHaveLength(2);
    expect(serviceRecords(records)).toEqual([]);
    // Recorded nonetheless (a trail with selectors would get them), but never in Event History.
    expect(await f.store.eventFeed.lastSeq()).toBe(4);
    const page = await f.store.eventHistory.lookup({
      accountId: '123456789012', region: 'us-east-1', startMs: 0, endMs: Date.UTC(2030, 0, 1), filters: [], category: 'management', limit: 50,
    });
    expect(page.rows).toHaveLength(2);
  });

  it('records a write made again after a crash once: same key, same eventID', async () => {
    const write = { bucket: BUCKET, key: 'AWSLogs/123456789012/CloudTrail/us-east-1/2025/06/01/x.json.gz', bytes: 10 };
    await recorder.recordWrites([write], '123456789012');
    f.clock.advance(5_000);
    await recorder.recordWrites([write], '123456789012');
    const logged = await f.store.eventFeed.readAfter(0, 10);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.event.region).toBe('us-east-1');
  });

  it('records each file once when the ledger commit fails after the write and the plan is run again', async () => {
    const ledger = f.store.deliveryLedger;
    let failures = 1;
    const completeDelivery: typeof ledger.completeDelivery = async (plan, files) => {
      if (failures-- > 0) throw new Error('crash before the ledger commit');
      return ledger.completeDelivery(plan, files);
    };
    const flaky = new Proxy(ledger, {
      get: (target, name) => {
        if (name === 'completeDelivery') return completeDelivery;
        const value: unknown = Reflect.get(target, name);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const crashing = new DeliveryWorker({
      feed: f.store.deliveryFeed, ledger: flaky, trails, objects: f.objects, clock: f.clock,
      log: pino({ level: 'silent' }), intervalSeconds: 60, serviceWrites: recorder, backoff: { firstDelayMs: 1_000, maxDelayMs: 1_000 },
    });
    await startLogging(storedTrail({ selectors: OWN_BUCKET_DATA_EVENTS }));
    await f.record({});
    await crashing.runOnce();
    expect((await trails.trailStatus(storedTrail().arn)).latestDeliveryError).toBeDefined();
    f.clock.advance(1_000);
    await crashing.runOnce();
    // The first file, then (the retry pass began after its record) the file holding that record.
    const keys = [...(await filesByKey()).keys()].sort();
    expect(keys).toHaveLength(2);
    const logged = (await f.store.eventFeed.readAfter(0, 100)).map((e) => JSON.parse(e.event.json) as CloudTrailRecord);
    expect(serviceRecords(logged).map((r) => (r.requestParameters as { key: string }).key).sort()).toEqual(keys);
    await crashing.stop();
  });

  it('records nothing for a bucket that is gone', async () => {
    await recorder.recordWrites([{ bucket: 'no-such-bucket', key: 'k', bytes: 1 }], '123456789012');
    expect(await f.store.eventFeed.lastSeq()).toBe(0);
  });
});

import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredTrail } from '../store/trail-store.js';
import { BUCKET, deliveredObjects, openDeliveryFixture, startLogging as startTrailLogging, type DeliveryFixture } from '../../test/support/delivery-fixture.js';
import { MemoryTrailStore, storedTrail } from '../../test/support/memory-trail-store.js';
import { DeliveryWorker, type DeliveryListener } from './delivery-worker.js';
import { withReceivingChange } from '../domain/delivery/receiving-history.js';

describe('DeliveryWorker', () => {
  let f: DeliveryFixture;
  let trails: MemoryTrailStore;
  let worker: DeliveryWorker;
  let notified: Array<{ trail: string; bucket: string; keys: readonly string[] }>;

  beforeEach(async () => {
    f = await openDeliveryFixture();
    trails = new MemoryTrailStore();
    notified = [];
    const listener: DeliveryListener = {
      delivered: (trail, bucket, keys) => notified.push({ trail: trail.arn, bucket, keys }),
      stop: async () => undefined,
    };
    worker = new DeliveryWorker({
      feed: f.store.deliveryFeed, ledger: f.store.deliveryLedger, trails, objects: f.objects, clock: f.clock,
      log: pino({ level: 'silent' }), intervalSeconds: 60, listener, backoff: { firstDelayMs: 1_000, maxDelayMs: 8_000 },
    });
  });
  afterEach(async () => {
    await worker.stop();
    await f.close();
  });

  const startLogging = (trail: StoredTrail) => startTrailLogging(f, trails, trail);

  const deliveredIds = async (bucket = BUCKET) =>
    (await deliveredObjects(f.objects, bucket)).flatMap((o) => o.records.map((r) => r.eventID));

  it('delivers each logging trail on its interval and tells the listener', async () => {
    const trail = storedTrail();
    await startLogging(trail);
    const [first] = await f.record({});
    await worker.runOnce();
    expect(await deliveredIds()).toEqual([first!.eventID]);
    expect(notified).toEqual([{ trail: trail.arn, bucket: BUCKET, keys: [expect.stringMatching(/^AWSLogs\//)] }]);
    const status = await trails.trailStatus(trail.arn);
    expect(status.latestDeliveryMs).toBe(f.clock.now().getTime());
    expect(status.latestDeliveryAttemptSucceededMs).toBe(f.clock.now().getTime());

    const [second] = await f.record({});
    await worker.runOnce();
    expect(await deliveredIds()).toHaveLength(1);
    f.clock.advance(60_000);
    await worker.runOnce();
    expect((await deliveredIds()).sort()).toEqual([first!.eventID, second!.eventID].sort());
  });

  it('keeps everything while the bucket is missing, says why, and delivers it all once it exists', async () => {
    const trail = storedTrail({ s3BucketName: 'not-yet' });
    await startLogging(trail);
    const records = await f.record({}, {});
    await worker.runOnce();
    let status = await trails.trailStatus(trail.arn);
    expect(status.latestDeliveryError).toBe('NoSuchBucket');
    expect(status.latestDeliveryAttemptMs).toBe(f.clock.now().getTime());
    expect(status.latestDeliveryMs).toBeUndefined();

    records.push(...(await f.record({})));
    f.clock.advance(1_000);
    await worker.runOnce();
    f.clock.advance(1_000);
    await worker.runOnce();
    expect((await trails.trailStatus(trail.arn)).latestDeliveryError).toBe('NoSuchBucket');

    await f.objects.createBucket('not-yet', { region: 'us-east-1', ownerAccountId: '123456789012' });
    f.clock.advance(8_000);
    await worker.runOnce();
    status = await trails.trailStatus(trail.arn);
    expect(status.latestDeliveryError).toBeUndefined();
    expect(status.latestDeliveryMs).toBe(f.clock.now().getTime());
    expect((await deliveredIds('not-yet')).sort()).toEqual(records.map((r) => r.eventID).sort());
  });

  it('picks up a logging trail that delivery has never seen, from the present on', async () => {
    await f.record({});
    const trail = storedTrail();
    await trails.createTrail(trail);
    await trails.updateTrailStatus(trail.arn, { isLogging: true });
    await worker.runOnce();
    const [later] = await f.record({});
    f.clock.advance(60_000);
    await worker.runOnce();
    expect(await deliveredIds()).toEqual([later!.eventID]);
  });

  it('delivers what a deleted trail recorded before DeleteTrail, and nothing after', async () => {
    const trail = storedTrail();
    await startLogging(trail);
    const [before] = await f.record({});
    await trails.retireTrail(trail.arn, f.clock.now().getTime());
    await f.store.deliveryLedger.stopCursor(trail.arn, await f.store.eventFeed.lastSeq());
    await f.record({});
    await worker.runOnce();
    expect(await deliveredIds()).toEqual([before!.eventID]);
    expect(await f.store.deliveryLedger.trailsToDeliver()).toEqual([]);
  });

  it('judges events recorded before a change of region scope by the scope of their time', async () => {
    const trail = storedTrail({ isMultiRegionTrail: true });
    await startLogging(trail);
    const [eastBefore, westBefore] = await f.record({ awsRegion: 'us-east-1' }, { awsRegion: 'eu-west-1' });
    const single = withReceivingChange(trail, { ...trail, isMultiRegionTrail: false }, await f.store.eventFeed.lastSeq(), 0);
    await trails.saveTrail(single);
    const [eastAfter] = await f.record({ awsRegion: 'us-east-1' }, { awsRegion: 'eu-west-1' });
    await worker.runOnce();
    expect((await deliveredIds()).sort()).toEqual([eastBefore!.eventID, westBefore!.eventID, eastAfter!.eventID].sort());
  });

  it('forgets a trail that is gone, retired or replaced', async () => {
    const trail = storedTrail();
    await startLogging(trail);
    await trails.retireTrail(trail.arn, f.clock.now().getTime());
    await trails.endRetirement(trail.arn);
    await f.record({});
    await worker.runOnce();
    expect(await f.store.deliveryLedger.trailsToDeliver()).toEqual([]);
    expect(await deliveredIds()).toEqual([]);
  });

  it('delivers one event to every trail that selects it, each in its own files', async () => {
    const east = storedTrail({ name: 'east' });
    const everywhere = storedTrail({ name: 'everywhere', isMultiRegionTrail: true, s3KeyPrefix: 'all' });
    await startLogging(east);
    await startLogging(everywhere);
    await f.record({ awsRegion: 'us-east-1' }, { awsRegion: 'eu-west-1' });
    await worker.runOnce();
    const objects = await deliveredObjects(f.objects);
    const byTrail = (prefix: string) => objects.filter((o) => o.key.startsWith(prefix)).flatMap((o) => o.records.map((r) => r.awsRegion));
    expect(byTrail('AWSLogs/')).toEqual(['us-east-1']);
    expect(byTrail('all/AWSLogs/').sort()).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('delivers on its own timer until stopped', async () => {
    const trail = storedTrail();
    await startLogging(trail);
    await f.record({});
    worker.start();
    const deadline = Date.now() + 5_000;
    while ((await deliveredIds()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(await deliveredIds()).toHaveLength(1);
  });
});

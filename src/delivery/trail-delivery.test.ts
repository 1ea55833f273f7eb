// Crash recovery of one trail's delivery: a crash at each point between planning and completing is followed by a
// re-run that writes the same keys and bytes, and the cursor moves once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receivingTrail } from '../domain/delivery/trail-receives.js';
import { indexEvent } from '../domain/indexed-event.js';
import type { ObjectStore } from '../objects/object-store.js';
import type { DeliveryLedger } from '../store/delivery-ledger.js';
import type { StoredTrail } from '../store/trail-store.js';
import { deliveredObjects, openDeliveryFixture, type DeliveryFixture } from '../../test/support/delivery-fixture.js';
import { storedTrail } from '../../test/support/memory-trail-store.js';
import { makeRecord } from '../../test/support/records.js';
import { TrailDelivery, type DeliveryStep } from './trail-delivery.js';

const crash = () => new Error('simulated crash');

/** The ledger, except that completing a delivery "crashes" the first time. */
function crashOnComplete(ledger: DeliveryLedger): DeliveryLedger {
  let crashed = false;
  return new Proxy(ledger, {
    get(target, name, receiver) {
      if (name === 'completeDelivery' && !crashed) {
        return async () => {
          crashed = true;
          throw crash();
        };
      }
      const value = Reflect.get(target, name, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The object store, except that the put number `crashAt` (1-based) "crashes" before writing. */
function crashOnPut(objects: ObjectStore, crashAt: number): ObjectStore {
  let puts = 0;
  return new Proxy(objects, {
    get(target, name, receiver) {
      if (name === 'putObject') {
        return async (...args: Parameters<ObjectStore['putObject']>) => {
          if (++puts === crashAt) throw crash();
          return target.putObject(...args);
        };
      }
      const value = Reflect.get(target, name, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('TrailDelivery', () => {
  let f: DeliveryFixture;
  let trail: StoredTrail;

  beforeEach(async () => {
    f = await openDeliveryFixture();
    trail = storedTrail({ isMultiRegionTrail: true });
    await f.store.deliveryLedger.startCursor(trail.arn, await f.store.eventFeed.lastSeq());
  });
  afterEach(() => f.close());

  const delivery = (overrides: { ledger?: DeliveryLedger; objects?: ObjectStore } = {}) =>
    new TrailDelivery({ feed: f.store.deliveryFeed, ledger: f.store.deliveryLedger, objects: f.objects, clock: f.clock, ...overrides });
  const step = (d: TrailDelivery, t: StoredTrail = trail): Promise<DeliveryStep> => d.step(t, () => ({ receiving: receivingTrail(t) }));
  const twoRegions = () => f.record({ awsRegion: 'us-east-1' }, { awsRegion: 'eu-west-1' }, { awsRegion: 'us-east-1' });

  it('delivers what the trail receives, then has nothing to do', async () => {
    const records = await twoRegions();
    const first = await step(delivery());
    expect(first.kind).toBe('delivered');
    const objects = await deliveredObjects(f.objects);
    expect(objects.flatMap((o) => o.records.map((r) => r.eventID)).sort()).toEqual(records.map((r) => r.eventID).sort());
    expect((await step(delivery())).kind).toBe('idle');
    expect((await f.store.deliveryLedger.deliveryState(trail.arn)).cursor).toBe(await f.store.eventFeed.lastSeq());
  });

  it('after a crash between writing and completing, writes the same keys and bytes again and moves the cursor once', async () => {
    await twoRegions();
    const before = await f.store.deliveryLedger.deliveryState(trail.arn);
    await expect(step(delivery({ ledger: crashOnComplete(f.store.deliveryLedger) }))).rejects.toThrow('simulated crash');
    const written = await deliveredObjects(f.objects);
    expect(written).toHaveLength(2);
    const pending = await f.store.deliveryLedger.deliveryState(trail.arn);
    expect(pending.cursor).toBe(before.cursor);
    expect(pending.plan?.files.map((file) => file.key).sort()).toEqual(written.map((o) => o.key).sort());

    f.clock.advance(10 * 60_000);
    const rerun = await step(delivery());
    expect(rerun.kind).toBe('delivered');
    const again = await deliveredObjects(f.objects);
    expect(again.map((o) => [o.key, o.gzip.toString('base64')])).toEqual(written.map((o) => [o.key, o.gzip.toString('base64')]));
    const state = await f.store.deliveryLedger.deliveryState(trail.arn);
    expect(state.plan).toBeUndefined();
    expect(state.cursor).toBe(await f.store.eventFeed.lastSeq());
    const ledgered = await ledgerFiles();
    expect(ledgered.map((file) => file.key).sort()).toEqual(written.map((o) => o.key).sort());
    expect((await step(delivery())).kind).toBe('idle');
  });

  it.each([1, 2])('after a crash before writing file %i of 2, writes exactly the planned files', async (crashAt) => {
    await twoRegions();
    await expect(step(delivery({ objects: crashOnPut(f.objects, crashAt) }))).rejects.toThrow('simulated crash');
    const plan = (await f.store.deliveryLedger.deliveryState(trail.arn)).plan!;
    expect(plan.files).toHaveLength(2);
    f.clock.advance(10 * 60_000);
    await step(delivery());
    const objects = await deliveredObjects(f.objects);
    expect(objects.map((o) => o.key).sort()).toEqual(plan.files.map((file) => file.key).sort());
    expect(objects.flatMap((o) => o.records)).toHaveLength(3);
    expect(await ledgerFiles()).toHaveLength(2);
  });

  it('re-runs a plan as recorded even when the selectors changed in between', async () => {
    await f.record({ readOnly: true }, { readOnly: false, eventName: 'RunInstances' });
    await expect(step(delivery({ ledger: crashOnComplete(f.store.deliveryLedger) }))).rejects.toThrow();
    const written = await deliveredObjects(f.objects);
    const writeOnly = storedTrail({
      isMultiRegionTrail: true,
      selectors: { kind: 'basic', selectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }] },
    });
    await step(delivery(), writeOnly);
    const again = await deliveredObjects(f.objects);
    expect(again.map((o) => o.body.toString())).toEqual(written.map((o) => o.body.toString()));
    expect(again[0]!.records).toHaveLength(2);
  });

  it('plans afresh for the new bucket when the trail moved while delivery was failing', async () => {
    await f.record({});
    await expect(step(delivery({ objects: crashOnPut(f.objects, 1) }))).rejects.toThrow();
    await f.objects.createBucket('new-bucket', { region: 'us-east-1', ownerAccountId: '123456789012' });
    const moved = { ...trail, s3BucketName: 'new-bucket', s3KeyPrefix: 'p' };
    expect((await step(delivery(), moved)).kind).toBe('delivered');
    expect(await deliveredObjects(f.objects)).toHaveLength(0);
    const objects = await deliveredObjects(f.objects, 'new-bucket');
    expect(objects).toHaveLength(1);
    expect(objects[0]!.key.startsWith('p/AWSLogs/')).toBe(true);
  });

  it('delivers only what was recorded while the trail was logging', async () => {
    const ledger = f.store.deliveryLedger;
    const [during1] = await f.record({ eventName: 'During1' });
    await ledger.stopCursor(trail.arn, await f.store.eventFeed.lastSeq());
    await f.record({ eventName: 'WhileStopped' });
    await ledger.startCursor(trail.arn, await f.store.eventFeed.lastSeq());
    const [during2] = await f.record({ eventName: 'During2' });
    while ((await step(delivery())).kind !== 'idle');
    const names = (await deliveredObjects(f.objects)).flatMap((o) => o.records.map((r) => r.eventName));
    expect(names.sort()).toEqual([during1!.eventName, during2!.eventName].sort());
  });

  it('never delivers imported events, and writes no file for a stretch without events for the trail', async () => {
    await f.store.eventLog.importEvents([indexEvent(makeRecord(), { origin: 'imported' })]);
    expect((await step(delivery())).kind).toBe('skipped');
    expect((await step(delivery())).kind).toBe('idle');
    expect(await deliveredObjects(f.objects)).toHaveLength(0);
  });

  async function ledgerFiles() {
    const regions = ['us-east-1', 'eu-west-1'];
    const files = await Promise.all(regions.map((region) =>
      f.store.deliveryLedger.deliveredFiles({ trailArn: trail.arn, region, fromMs: 0, toMs: Date.UTC(2100, 0) })));
    return files.flat();
  }
});

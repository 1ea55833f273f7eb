// Trail lifecycle calls racing each other, against the SQLite store and the real delivery and digest workers.
import zlib from 'node:zlib';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUCKET, deliveredObjects, openDeliveryFixture, type DeliveryFixture } from '../../../test/support/delivery-fixture.js';
import { storedTrail } from '../../../test/support/memory-trail-store.js';
import { onceAfterRead } from '../../../test/support/once-after-read.js';
import { DeliveryWorker } from '../../delivery/delivery-worker.js';
import { DigestWorker } from '../../integrity/digest-worker.js';
import { LocalKeyRing } from '../../crypto/local-key-ring.js';
import { readObjectBytes } from '../../objects/object-bytes.js';
import { createTrail } from './create-trail.js';
import type { TrailStore } from '../../store/trail-store.js';
import { deliveryCursors } from './delivery-cursors.js';
import { digestChainStart } from './digest-chain-start.js';
import { deleteTrail } from './delete-trail.js';
import { setLogging } from './trail-logging.js';
import type { TrailScope } from './trail-scope.js';

let f: DeliveryFixture;
beforeEach(async () => {
  f = await openDeliveryFixture();
});
afterEach(async () => f.close());

function scope(trails: TrailStore, requestId: string): TrailScope {
  return { trails, accountId: '123456789012', region: 'us-east-1', cursors: deliveryCursors(f.store, requestId), digests: digestChainStart(f.store, f.clock) };
}

function workers(): { delivery: DeliveryWorker; digests: DigestWorker } {
  const log = pino({ level: 'silent' });
  return {
    delivery: new DeliveryWorker({ feed: f.store.deliveryFeed, ledger: f.store.deliveryLedger, trails: f.store.trails, objects: f.objects, clock: f.clock, log, intervalSeconds: 60 }),
    digests: new DigestWorker({
      trails: f.store.trails, ledger: f.store.deliveryLedger, feed: f.store.eventFeed, chains: f.store.digestChains, objects: f.objects,
      signer: new LocalKeyRing({ dataDir: f.dir, rotationMs: 86_400_000 }), clock: f.clock, log, intervalSeconds: 60,
    }),
  };
}

async function validatingTrail(name: string, bucket: string, requestId: string): Promise<void> {
  const settings = { S3BucketName: bucket, EnableLogFileValidation: true };
  await createTrail(scope(f.store.trails, `${requestId}-create`), f.objects, { name, settings, tags: [] }, f.clock.now());
  await setLogging(scope(f.store.trails, `${requestId}-start`), name, true, f.clock.now());
}

async function digestFiles(bucket: string): Promise<Array<{ key: string; logFiles: Array<{ s3Bucket: string }> }>> {
  const keys = (await f.objects.listObjects(bucket, { maxKeys: 1000 })).objects.map((o) => o.key).filter((key) => key.includes('CloudTrail-Digest'));
  return Promise.all(keys.sort().map(async (key) =>
    ({ key, ...JSON.parse(zlib.gunzipSync((await readObjectBytes(f.objects, bucket, key)).bytes).toString()) })));
}

describe('a new trail taking the name of a retiring one', () => {
  it('leaves the old chain only the old trail\'s files, and gets a chain of its own at once', async () => {
    await f.objects.createBucket('old-bucket', { region: 'us-east-1', ownerAccountId: '123456789012' });
    const { delivery, digests } = workers();
    await validatingTrail('trail-x', 'old-bucket', 'first');
    await f.record({});
    await delivery.runOnce();
    await digests.runOnce();
    f.clock.advance(61_000);
    await deleteTrail(scope(f.store.trails, 'delete'), 'trail-x', f.clock.now());
    await validatingTrail('trail-x', BUCKET, 'second');
    f.clock.advance(1_000);
    await f.record({});
    // The new trail's first file is delivered before the digest worker comes round.
    await delivery.runOnce();
    await digests.runOnce();
    const old = await digestFiles('old-bucket');
    expect(old.flatMap((digest) => digest.logFiles.map((file) => file.s3Bucket))).toEqual(['old-bucket']);
    const arn = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/trail-x';
    expect((await f.store.digestChains.chains()).map((chain) => [chain.trailArn, chain.destination.bucket])).toEqual([[arn, BUCKET]]);
    f.clock.advance(61_000);
    await digests.runOnce();
    const fresh = await digestFiles(BUCKET);
    expect(fresh.flatMap((digest) => digest.logFiles.map((file) => file.s3Bucket))).toEqual([BUCKET]);
    // The old chain's final digest is an earlier chain's end; the latest digest is the new trail's.
    expect((await f.store.digestChains.chainEnds(arn)).map((end) => end.bucket)).toEqual(['old-bucket']);
    expect((await f.store.digestChains.checkpoints(arn)).map((latest) => [latest.bucket, latest.key])).toEqual([[BUCKET, fresh.at(-1)!.key]]);
    await delivery.stop();
  });
});

describe('StartLogging racing DeleteTrail', () => {
  it('answers TrailNotFoundException and leaves the deleted trail nothing to deliver, so that it retires', async () => {
    const trail = storedTrail({ name: 'raced', logFileValidationEnabled: true });
    await f.store.trails.createTrail(trail);
    // StartLogging reads the trail and its status; DeleteTrail runs to completion; then StartLogging goes on.
    const trails = f.store.trails;
    const trailStatus = onceAfterRead(trails.trailStatus.bind(trails), () => deleteTrail(scope(trails, 'delete'), 'raced', f.clock.now()));
    const racing = new Proxy(trails, {
      get: (target, key: keyof TrailStore) => (key === 'trailStatus' ? trailStatus : target[key].bind(target)),
    });
    await expect(setLogging(scope(racing, 'start'), 'raced', true, f.clock.now())).rejects.toMatchObject({ code: 'TrailNotFoundException' });

    const { delivery, digests } = workers();
    for (let i = 0; i < 2; i++) {
      f.clock.advance(3_600_000);
      await f.record({});
      await delivery.runOnce();
      await digests.runOnce();
    }
    expect(await deliveredObjects(f.objects, BUCKET)).toEqual([]);
    expect(await f.store.trails.listRetiringTrails()).toEqual([]);
    expect(await f.store.digestChains.chains()).toEqual([]);
    await delivery.stop();
  });
});

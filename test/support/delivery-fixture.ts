// A store, an object store with a trail bucket, and a clock in a temp dir: what delivery tests run against.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../src/domain/clock.js';
import { indexEvent } from '../../src/domain/indexed-event.js';
import type { CloudTrailRecord } from '../../src/domain/record.js';
import { FsObjectStore } from '../../src/objects/fs/fs-object-store.js';
import { readObjectBytes } from '../../src/objects/object-bytes.js';
import type { ObjectStore } from '../../src/objects/object-store.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import type { StoredTrail, TrailStore } from '../../src/store/trail-store.js';
import { makeRecord } from './records.js';
import { gunzipFirstMember } from './single-member-gunzip.js';

export const BUCKET = 'trail-bucket';

export interface DeliveryFixture {
  dir: string;
  store: Store;
  objects: ObjectStore;
  clock: ManualClock;
  /** Appends recorded events, one per override, and returns their records. */
  record(...overrides: Array<Partial<CloudTrailRecord>>): Promise<CloudTrailRecord[]>;
  close(): Promise<void>;
}

export interface DeliveredObject {
  key: string;
  gzip: Buffer;
  body: Buffer;
  records: CloudTrailRecord[];
}

export async function openDeliveryFixture(): Promise<DeliveryFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentrail-delivery-'));
  const store = await openStore({ dataDir: dir });
  const objects = await FsObjectStore.open(path.join(dir, 'objects'));
  await objects.createBucket(BUCKET, { region: 'us-east-1', ownerAccountId: '123456789012' });
  const clock = new ManualClock(Date.UTC(2025, 5, 1, 8, 30, 15));
  return {
    dir,
    store,
    objects,
    clock,
    async record(...overrides) {
      const records = overrides.map((o) => makeRecord({ eventTime: clock.now().toISOString().slice(0, 19) + 'Z', ...o }));
      await store.eventLog.append(records.map((r) => indexEvent(r, { origin: 'recorded' })));
      return records;
    },
    async close() {
      await objects.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Stores the trail (new or changed) and starts it logging from the end of the event log, as StartLogging does. */
export async function startLogging(f: DeliveryFixture, trails: TrailStore, trail: StoredTrail): Promise<void> {
  if ((await trails.createTrail(trail)) === false) await trails.saveTrail(trail);
  await f.store.deliveryLedger.startCursor(trail.arn, await f.store.eventFeed.lastSeq());
  await trails.updateTrailStatus(trail.arn, { isLogging: true, startLoggingMs: f.clock.now().getTime() });
}

/** Every object in the bucket, decompressed the way validate-logs does; fails on anything after the first member. */
export async function deliveredObjects(objects: ObjectStore, bucket = BUCKET): Promise<DeliveredObject[]> {
  const listing = await objects.listObjects(bucket, { maxKeys: 1000 });
  return Promise.all(
    listing.objects.map(async ({ key }) => {
      const { bytes } = await readObjectBytes(objects, bucket, key);
      const member = gunzipFirstMember(bytes);
      if (member.trailingBytes !== 0) throw new Error(`${key} has ${member.trailingBytes} bytes after its first gzip member`);
      return { key, gzip: bytes, body: member.body, records: (JSON.parse(member.body.toString('utf8')) as { Records: CloudTrailRecord[] }).Records };
    }),
  );
}

// The contract every Store backend's lake part must pass (src/store/lake-store.ts): event data stores and channels
// unique by name per account and region, and the events each store keeps, written with the lake worker's cursor.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import type { StoredChannel, StoredEventDataStore } from '../lake-store.js';
import { indexEvent } from '../../domain/indexed-event.js';
import { record } from './fixtures.js';

/** An event of 2020, long past any retention. */
const oldRecord = (eventID: string) => record({ eventID, eventTime: '2020-01-01T00:00:00Z', recipientAccountId: ACCOUNT });

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';

function eventDataStore(id: string, overrides: Partial<StoredEventDataStore> = {}): StoredEventDataStore {
  return {
    arn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/${id}`, accountId: ACCOUNT, region: REGION, name: `store-${id}`,
    status: 'ENABLED', selectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }],
    multiRegionEnabled: true, organizationEnabled: false, retentionPeriod: 366, terminationProtectionEnabled: true,
    billingMode: 'EXTENDABLE_RETENTION_PRICING', tags: [], createdMs: 1, updatedMs: 1, fromSeq: 0, ...overrides,
  };
}

function channel(id: string, overrides: Partial<StoredChannel> = {}): StoredChannel {
  return {
    arn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:channel/${id}`, accountId: ACCOUNT, region: REGION, name: `channel-${id}`,
    source: 'Custom', destinations: [], tags: [], createdMs: 1, ingestion: {}, ...overrides,
  };
}


export function lakeStoreConformance(name: string, open: () => Promise<Store>): void {
  describe(`Lake store conformance: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => store.close());

    it('answers a save of a store that is gone, with or without a check, and does not bring it back', async () => {
      const a = eventDataStore('a');
      await store.lake.createEventDataStore(a);
      await store.lake.purgeEventDataStore(a.arn);
      expect(await store.lake.saveEventDataStore({ ...a, status: 'STOPPED_INGESTION' })).toBe('gone');
      expect(await store.lake.saveEventDataStore({ ...a, status: 'ENABLED' }, () => undefined)).toBe('gone');
      expect(await store.lake.findEventDataStore(a.arn)).toBeUndefined();
    });

    it('refuses a save naming the version it read when another save changed the store since', async () => {
      const a = eventDataStore('a');
      await store.lake.createEventDataStore(a);
      const read = (await store.lake.findEventDataStore(a.arn))!;
      expect(await store.lake.saveEventDataStore({ ...read, status: 'PENDING_DELETION' }, undefined, read)).toBe('saved');
      expect(await store.lake.saveEventDataStore({ ...read, retentionPeriod: 30 }, undefined, read)).toBe('changed');
      expect(await store.lake.findEventDataStore(a.arn)).toMatchObject({ status: 'PENDING_DELETION' });
      const now = (await store.lake.findEventDataStore(a.arn))!;
      expect(await store.lake.saveEventDataStore({ ...now, retentionPeriod: 30 }, () => undefined, now)).toBe('saved');
      expect(await store.lake.findEventDataStore(a.arn)).toMatchObject({ status: 'PENDING_DELETION', retentionPeriod: 30 });
    });

    it('keeps event data stores unique by name in an account and region, also when renamed', async () => {
      const a = eventDataStore('a');
      expect(await store.lake.createEventDataStore(a)).toBe(true);
      expect(await store.lake.createEventDataStore({ ...eventDataStore('b'), name: a.name })).toBe(false);
      expect(await store.lake.createEventDataStore({ ...eventDataStore('c'), name: a.name, region: 'eu-west-1' })).toBe(true);
      const b = eventDataStore('b');
      expect(await store.lake.createEventDataStore(b)).toBe(true);
      expect(await store.lake.saveEventDataStore({ ...b, name: a.name })).toBe('nameTaken');
      expect(await store.lake.saveEventDataStore({ ...b, status: 'STOPPED_INGESTION' })).toBe('saved');
      expect((await store.lake.findEventDataStore(b.arn))?.status).toBe('STOPPED_INGESTION');
      expect((await store.lake.listEventDataStores(ACCOUNT, REGION)).map((s) => s.arn)).toEqual([a.arn, b.arn]);
      expect(await store.lake.allEventDataStores()).toHaveLength(3);
    });

    it('copies events of the log into stores with the cursor, once each, and drops them by time or with the store', async () => {
      const [a, b] = [eventDataStore('a'), eventDataStore('b')];
      await store.lake.createEventDataStore(a);
      await store.lake.createEventDataStore(b);
      const events = [1, 2, 3].map((n) => indexEvent(record({ eventTime: `2025-01-0${n}T00:00:00Z`, recipientAccountId: ACCOUNT }), { origin: 'recorded' }));
      await store.eventLog.append(events);
      const [s1, s2, s3] = (await store.eventFeed.readAfter(0, 10)).map((l) => l.seq) as [number, number, number];
      expect(await store.lakeEvents.cursor()).toBe(0);
      await store.lakeEvents.keep([{ storeArn: a.arn, seq: s1 }, { storeArn: a.arn, seq: s2 }, { storeArn: b.arn, seq: s2 }], s2);
      await store.lakeEvents.keep([{ storeArn: a.arn, seq: s2 }, { storeArn: a.arn, seq: s3 }, { storeArn: 'arn:gone', seq: s3 }], s3);
      expect(await store.lakeEvents.cursor()).toBe(s3);
      const kept = (n: number, seq: number) => ({ storeArn: a.arn, seq, timeMs: events[n]!.timeMs, eventId: events[n]!.eventId, json: events[n]!.json });
      expect(await store.lakeEvents.eventsOf(a.arn, 0, 10)).toEqual([kept(0, s1), kept(1, s2), kept(2, s3)]);
      expect(await store.lakeEvents.eventsOf(a.arn, s1, 1)).toEqual([kept(1, s2)]);
      expect(await store.lakeEvents.dropBefore(a.arn, Date.UTC(2025, 0, 2, 12))).toBe(2);
      expect(await store.lakeEvents.countEvents(a.arn)).toBe(1);
      await store.lake.purgeEventDataStore(b.arn);
      expect(await store.lake.findEventDataStore(b.arn)).toBeUndefined();
      expect(await store.lakeEvents.countEvents(b.arn)).toBe(0);
    });

    it('offers the log to the lake worker: records, or the channel of ActivityAuditLog events', async () => {
      const plain = indexEvent(record({ recipientAccountId: ACCOUNT }), { origin: 'recorded' });
      const audit = indexEvent(record({
        eventCategory: 'ActivityAuditLog', recipientAccountId: ACCOUNT, metadata: { channelARN: 'arn:channel' }, awsRegion: 'eu-west-1',
      }), { origin: 'recorded' });
      const stores = ['s1', 's2'].map((id) => `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:eventdatastore/${id}`);
      const delivered = { ...audit, eventId: 'audit-2', channelArn: 'arn:channel', channelStores: stores };
      const nowhere = { ...audit, eventId: 'audit-3', channelArn: 'arn:channel', channelStores: [] };
      await store.eventLog.append([plain, audit, delivered, nowhere]);
      const [first, second, third, fourth] = await store.lakeEvents.candidatesAfter(0, 10);
      expect(first).toEqual({ seq: first!.seq, accountId: ACCOUNT, region: REGION, category: 'Management', json: plain.json });
      expect(second).toEqual({ seq: second!.seq, accountId: ACCOUNT, region: 'eu-west-1', category: 'ActivityAuditLog', channelArn: 'arn:channel' });
      // The stores the channel sent an event to when it was accepted come back as they went in.
      expect(third).toEqual({ ...second, seq: third!.seq, channelStores: stores });
      expect(fourth).toEqual({ ...second, seq: fourth!.seq, channelStores: [] });
      expect(await store.lakeEvents.candidatesAfter(fourth!.seq, 10)).toEqual([]);
    });

    it('lets the event log prune only what the lake worker has read, while event data stores exist', async () => {
      const old = (id: string) => indexEvent(oldRecord(id), { origin: 'recorded' });
      await store.eventLog.append([old('00000000-0000-4000-8000-000000000001')]);
      await store.lake.createEventDataStore(eventDataStore('a'));
      await store.eventLog.append([old('00000000-0000-4000-8000-000000000002')]);
      expect(await store.eventLog.pruneBefore(Date.UTC(2025, 0, 1))).toBe(0);
      await store.lakeEvents.keep([], 1);
      expect(await store.eventLog.pruneBefore(Date.UTC(2025, 0, 1))).toBe(1);
      await store.lakeEvents.keep([], 2);
      expect(await store.eventLog.pruneBefore(Date.UTC(2025, 0, 1))).toBe(1);
    });

    it('asks a placement check about the others of the account and region as it writes, and writes nothing it refuses', async () => {
      const seen: string[][] = [];
      const room = (limit: number) => (others: Array<{ name: string }>) => {
        seen.push(others.map((other) => other.name).sort());
        return others.length >= limit ? { full: others.length } : undefined;
      };
      const [a, b] = [eventDataStore('a'), eventDataStore('b')];
      await store.lake.createEventDataStore(a);
      await store.lake.createEventDataStore({ ...eventDataStore('elsewhere'), region: 'eu-west-1' });
      expect(await store.lake.createEventDataStore(b, room(1))).toEqual({ full: 1 });
      expect(await store.lake.findEventDataStore(b.arn)).toBeUndefined();
      expect(await store.lake.createEventDataStore(b, room(2))).toBe(true);
      expect(await store.lake.saveEventDataStore({ ...a, status: 'STOPPED_INGESTION' }, room(1))).toEqual({ full: 1 });
      expect((await store.lake.findEventDataStore(a.arn))?.status).toBe('ENABLED');
      expect(await store.lake.saveEventDataStore({ ...a, status: 'STOPPED_INGESTION' }, room(2))).toBe('saved');
      const [c, d] = [channel('c'), channel('d')];
      await store.lake.createChannel(c);
      expect(await store.lake.createChannel(d, room(1))).toEqual({ full: 1 });
      expect(await store.lake.findChannel(d.arn)).toBeUndefined();
      expect(await store.lake.createChannel(d, room(2))).toBe(true);
      expect(seen).toEqual([['store-a'], ['store-a'], ['store-b'], ['store-b'], ['channel-c'], ['channel-c']]);
    });

    it('keeps channels unique by name and merges their ingestion status', async () => {
      const c = channel('c');
      expect(await store.lake.createChannel(c)).toBe(true);
      expect(await store.lake.createChannel({ ...channel('d'), name: c.name })).toBe(false);
      const d = channel('d');
      await store.lake.createChannel(d);
      expect(await store.lake.saveChannel({ ...d, name: c.name })).toBe('nameTaken');
      expect(await store.lake.saveChannel({ ...d, name: 'channel-renamed' })).toBe('saved');
      await store.lake.deleteChannel(d.arn);
      expect(await store.lake.saveChannel({ ...d, name: 'channel-again' })).toBe('gone');
      await store.lake.updateChannelIngestion(c.arn, { latestAttemptMs: 5, latestErrorCode: 'InvalidData' });
      await store.lake.updateChannelIngestion(c.arn, { latestAttemptMs: 6, latestSuccessEventId: 'x' });
      expect((await store.lake.findChannel(c.arn))?.ingestion).toEqual({ latestAttemptMs: 6, latestErrorCode: 'InvalidData', latestSuccessEventId: 'x' });
      expect(await store.lake.listChannels(ACCOUNT, REGION)).toHaveLength(1);
      await store.lake.deleteChannel(c.arn);
      await store.lake.updateChannelIngestion(c.arn, { latestAttemptMs: 7 });
      expect(await store.lake.findChannel(c.arn)).toBeUndefined();
      expect(await store.lake.allChannels()).toEqual([]);
    });
  });
}

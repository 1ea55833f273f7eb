import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverableEvent } from '../../domain/delivery/deliverable-event.js';
import { event, importedEvent, OTHER_ACCOUNT, OTHER_REGION } from '../conformance/fixtures.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';

describe('SqliteDeliveryFeed', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = await openSqliteStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  it('reads what readAfter reads, as delivery needs it, in sequence order from any point', async () => {
    await store.eventLog.append([
      event(),
      event({ awsRegion: OTHER_REGION }),
      event({ recipientAccountId: OTHER_ACCOUNT, eventCategory: 'Data', managementEvent: false, eventSource: 's3.amazonaws.com' }),
    ]);
    await store.eventLog.importEvents([importedEvent({ eventName: 'Imported' })]);
    const expected = (await store.eventFeed.readAfter(0, 100)).map(({ seq, event: e }) => deliverableEvent(seq, e));
    expect(expected).toHaveLength(4);
    expect(await store.deliveryFeed.eventsAfter(0, 100)).toEqual(expected);
    expect(await store.deliveryFeed.eventsAfter(expected[1]!.seq, 2)).toEqual(expected.slice(2, 4));
    expect(await store.deliveryFeed.lastSeq()).toBe(expected[3]!.seq);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { LakeScope } from './lake-scope.js';
import { createEventDataStore, deleteEventDataStore, restoreEventDataStore, setIngestion, updateEventDataStore } from './event-data-stores.js';
import { createChannel, updateChannel } from './channels.js';
import { changeLakeTags } from './lake-tagging.js';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const NOW = new Date('2026-01-01T00:00:00Z');
const AUDIT_SELECTORS = [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['ActivityAuditLog'] }] }];

let store: SqliteStore | undefined;
afterEach(async () => store?.close());

async function lakeScope(): Promise<LakeScope> {
  store = await openSqliteStore({ path: ':memory:' });
  return { catalog: store.lake, eventFeed: store.eventFeed, accountId: ACCOUNT, region: REGION };
}

/** From now on, every store or channel the calls read is removed (as a purge or DeleteChannel would) right after. */
function goneAfterRead(scope: LakeScope): void {
  const { catalog } = scope;
  const [findStore, findChannel] = [catalog.findEventDataStore.bind(catalog), catalog.findChannel.bind(catalog)];
  catalog.findEventDataStore = async (arn) => {
    const found = await findStore(arn);
    if (found) await catalog.purgeEventDataStore(arn);
    return found;
  };
  catalog.findChannel = async (arn) => {
    const found = await findChannel(arn);
    if (found) await catalog.deleteChannel(arn);
    return found;
  };
}

/** The next read of a store is followed, before the reading call writes, by `meanwhile` (another call's change). */
function changedOnceAfterRead(scope: LakeScope, meanwhile: (arn: string) => Promise<unknown>): void {
  const { catalog } = scope;
  const findStore = catalog.findEventDataStore.bind(catalog);
  let pending = true;
  catalog.findEventDataStore = async (arn) => {
    const found = await findStore(arn);
    if (found && pending) {
      pending = false;
      await meanwhile(arn);
    }
    return found;
  };
}

describe('an event data store changed by another call between a call\'s read and its write', () => {
  it('decides again on the store as it is: a deletion meanwhile is not undone by an update', async () => {
    const scope = await lakeScope();
    const { arn } = await createEventDataStore(scope, { Name: 'raced', TerminationProtectionEnabled: false }, NOW);
    changedOnceAfterRead(scope, () => deleteEventDataStore({ ...scope, catalog: store!.lake }, arn, NOW));
    await expect(updateEventDataStore(scope, arn, { RetentionPeriod: 30 }, NOW)).rejects.toMatchObject({ code: 'InactiveEventDataStoreException' });
    expect(await scope.catalog.findEventDataStore(arn)).toMatchObject({ status: 'PENDING_DELETION' });
  });

  it('keeps both changes when they do not conflict', async () => {
    const scope = await lakeScope();
    const { arn } = await createEventDataStore(scope, { Name: 'both', TerminationProtectionEnabled: false }, NOW);
    changedOnceAfterRead(scope, () => changeLakeTags({ ...scope, catalog: store!.lake }, arn, (tags) => [...tags, { Key: 'k', Value: 'v' }]));
    await updateEventDataStore(scope, arn, { RetentionPeriod: 30 }, NOW);
    expect(await scope.catalog.findEventDataStore(arn)).toMatchObject({ retentionPeriod: 30, tags: [{ Key: 'k', Value: 'v' }] });
  });
});

describe('an event data store or channel changed while it is removed', () => {
  it('answers EventDataStoreNotFoundException for every change of a store and brings nothing back', async () => {
    const scope = await lakeScope();
    const stores = await Promise.all(['updated', 'stopped', 'deleted', 'tagged', 'restored'].map((Name) => createEventDataStore(scope, { Name, TerminationProtectionEnabled: false }, NOW)));
    const [updated, stopped, deleted, tagged, restored] = stores.map((s) => s.arn) as [string, string, string, string, string];
    await deleteEventDataStore(scope, restored, NOW);
    goneAfterRead(scope);
    const notFound = { code: 'EventDataStoreNotFoundException' };
    await expect(updateEventDataStore(scope, updated, { RetentionPeriod: 30 }, NOW)).rejects.toMatchObject(notFound);
    await expect(setIngestion(scope, stopped, false, NOW)).rejects.toMatchObject(notFound);
    await expect(deleteEventDataStore(scope, deleted, NOW)).rejects.toMatchObject(notFound);
    await expect(changeLakeTags(scope, tagged, (tags) => [...tags, { Key: 'k', Value: 'v' }])).rejects.toMatchObject(notFound);
    await expect(restoreEventDataStore(scope, restored, NOW)).rejects.toMatchObject(notFound);
    expect(await scope.catalog.listEventDataStores(ACCOUNT, REGION)).toEqual([]);
  });

  it('answers ChannelNotFoundException for a renamed or retagged channel, and still names a taken name', async () => {
    const scope = await lakeScope();
    const audit = await createEventDataStore(scope, { Name: 'audit', AdvancedEventSelectors: AUDIT_SELECTORS }, NOW);
    const destinations = [{ Type: 'EVENT_DATA_STORE', Location: audit.arn }];
    const [one, two, three] = await Promise.all(['one', 'two', 'three'].map((Name) =>
      createChannel(scope, { Name, Source: 'Custom', Destinations: destinations }, NOW)));
    await expect(updateChannel(scope, one!.arn, { Name: 'two' })).rejects.toMatchObject({ code: 'ChannelAlreadyExistsException' });
    goneAfterRead(scope);
    const notFound = { code: 'ChannelNotFoundException' };
    await expect(updateChannel(scope, one!.arn, { Name: 'renamed' })).rejects.toMatchObject(notFound);
    await expect(changeLakeTags(scope, two!.arn, (tags) => [...tags, { Key: 'k', Value: 'v' }])).rejects.toMatchObject(notFound);
    expect((await scope.catalog.listChannels(ACCOUNT, REGION)).map((c) => c.arn)).toEqual([three!.arn]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { LakeScope } from './lake-scope.js';
import { createEventDataStore, deleteEventDataStore, restoreEventDataStore, setIngestion, updateEventDataStore } from './event-data-stores.js';
import { createChannel, updateChannel } from './channels.js';
import { changeLakeTags } from './lake-tagging.js';
import { onceAfterRead } from '../../../test/support/once-after-read.js';

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

describe('an event data store changed by another call between a call\'s read and its write', () => {
  it('decides again on the store as it is: a deletion meanwhile is not undone by an update', async () => {
    const scope = await lakeScope();
    const { arn } = await createEventDataStore(scope, { Name: 'raced', TerminationProtectionEnabled: false }, NOW);
    const { catalog } = scope;
    catalog.findEventDataStore = onceAfterRead(catalog.findEventDataStore.bind(catalog), () => deleteEventDataStore(scope, arn, NOW));
    await expect(updateEventDataStore(scope, arn, { RetentionPeriod: 30 }, NOW)).rejects.toMatchObject({ code: 'InactiveEventDataStoreException' });
    expect(await scope.catalog.findEventDataStore(arn)).toMatchObject({ status: 'PENDING_DELETION' });
  });

  it('keeps a channel\'s new tags when an UpdateChannel read it before they were added', async () => {
    const scope = await lakeScope();
    const audit = await createEventDataStore(scope, { Name: 'audit', AdvancedEventSelectors: AUDIT_SELECTORS }, NOW);
    const channel = await createChannel(scope, { Name: 'busy', Source: 'Custom', Destinations: [{ Type: 'EVENT_DATA_STORE', Location: audit.arn }] }, NOW);
    const { catalog } = scope;
    catalog.findChannel = onceAfterRead(catalog.findChannel.bind(catalog), () =>
      changeLakeTags(scope, channel.arn, (tags) => [...tags, { Key: 'k', Value: 'v' }]));
    await updateChannel(scope, channel.arn, { Name: 'renamed' });
    expect(await catalog.findChannel(channel.arn)).toMatchObject({ name: 'renamed', tags: [{ Key: 'k', Value: 'v' }] });
  });

  it('keeps both changes when they do not conflict', async () => {
    const scope = await lakeScope();
    const { arn } = await createEventDataStore(scope, { Name: 'both', TerminationProtectionEnabled: false }, NOW);
    const { catalog } = scope;
    catalog.findEventDataStore = onceAfterRead(catalog.findEventDataStore.bind(catalog), () =>
      changeLakeTags(scope, arn, (tags) => [...tags, { Key: 'k', Value: 'v' }]));
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

// Event data stores and channels through the installed AWS CLI v1 and SDK v3 against a running server: the whole
// lifecycle (create, get, update, stop/start, delete into pending deletion, restore, purge after 7 days), the
// model's errors, channels with their destination rules, and the events each store keeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateChannelCommand, CreateEventDataStoreCommand, DeleteEventDataStoreCommand, GetEventDataStoreCommand, ListEventDataStoresCommand,
  UpdateEventDataStoreCommand, type CloudTrailClient,
} from '@aws-sdk/client-cloudtrail';
import { ManualClock } from '../../src/domain/clock.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsCli } from '../support/aws-cli.js';
import { cloudTrailClient } from '../support/sdk.js';
import { LakeWorker } from '../../src/lake/lake-worker.js';

const ACCOUNT = '123456789012';
const EDS_ARN = new RegExp(`^arn:aws:cloudtrail:us-east-1:${ACCOUNT}:eventdatastore/[0-9a-f-]{36}$`);
/** The lake worker's clock, moved by the tests; the server keeps real time, which SigV4 needs. */
let clock: ManualClock;
let server: TestServer;
let client: CloudTrailClient;

beforeAll(async () => {
  server = await startTestServer({ role: 'api' });
  clock = new ManualClock(Date.now());
  client = cloudTrailClient(server);
});
afterAll(async () => server?.close());

async function cloudtrail(args: readonly string[]): Promise<Record<string, unknown>> {
  const result = await awsCli(server, ['cloudtrail', ...args]);
  expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 0, stderr: '' });
  return result.stdout.trim() === '' ? {} : (JSON.parse(result.stdout) as Record<string, unknown>);
}

async function cloudtrailError(args: readonly string[]): Promise<string> {
  const result = await awsCli(server, ['cloudtrail', ...args]);
  expect(result.code).toBe(255);
  return /An error occurred \((\w+)\)/.exec(result.stderr)?.[1] ?? result.stderr;
}

function worker(): LakeWorker {
  return new LakeWorker({ feed: server.store.eventFeed, catalog: server.store.lake, events: server.store.lakeEvents, clock, log: server.log });
}

describe('event data stores', () => {
  let arn: string;

  it('creates a store with the documented defaults and reads it back', async () => {
    const created = await cloudtrail(['create-event-data-store', '--name', 'all-management', '--tags-list', 'Key=team,Value=sec']);
    arn = created.EventDataStoreArn as string;
    expect(arn).toMatch(EDS_ARN);
    expect(created).toMatchObject({
      Name: 'all-management', Status: 'CREATED', MultiRegionEnabled: true, OrganizationEnabled: false,
      RetentionPeriod: 366, TerminationProtectionEnabled: true, BillingMode: 'EXTENDABLE_RETENTION_PRICING',
      AdvancedEventSelectors: [{ Name: 'Default management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }],
      TagsList: [{ Key: 'team', Value: 'sec' }],
    });
    const got = await cloudtrail(['get-event-data-store', '--event-data-store', arn.split('/')[1]!]);
    expect(got).toMatchObject({ EventDataStoreArn: arn, Status: 'ENABLED', FederationStatus: 'DISABLED' });
    const sdk = await client.send(new GetEventDataStoreCommand({ EventDataStore: arn }));
    expect(Math.abs(sdk.CreatedTimestamp!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('refuses bad settings with the model errors', async () => {
    expect(await cloudtrailError(['create-event-data-store', '--name', 'all-management'])).toBe('EventDataStoreAlreadyExistsException');
    expect(await cloudtrailError(['create-event-data-store', '--name', 'bad!name'])).toBe('InvalidParameterException');
    await expect(client.send(new CreateEventDataStoreCommand({ Name: 'short-retention', RetentionPeriod: 6 })))
      .rejects.toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expect(client.send(new CreateEventDataStoreCommand({ Name: 'many-tags', TagsList: tags })))
      .rejects.toThrow(expect.objectContaining({ name: 'InvalidTagParameterException' }));
    await expect(client.send(new CreateEventDataStoreCommand({ Name: 'bad-kms', KmsKeyId: 'not a key' })))
      .rejects.toThrow(expect.objectContaining({ name: 'InvalidKmsKeyIdException' }));
    expect(await cloudtrailError(['create-event-data-store', '--name', 'fixed', '--billing-mode', 'FIXED_RETENTION_PRICING', '--retention-period', '3000'])).toBe('InvalidParameterException');
    expect(await cloudtrailError(['create-event-data-store', '--name', 'org', '--organization-enabled'])).toBe('OrganizationsNotInUseException');
    expect(await cloudtrailError([
      'create-event-data-store', '--name', 'stopped-audit', '--no-start-ingestion', '--advanced-event-selectors',
      '[{"FieldSelectors":[{"Field":"eventCategory","Equals":["ActivityAuditLog"]}]}]',
    ])).toBe('InvalidParameterException');
    expect(await cloudtrailError([
      'create-event-data-store', '--name', 'mixed', '--advanced-event-selectors',
      '[{"FieldSelectors":[{"Field":"eventCategory","Equals":["ActivityAuditLog"]}]},{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]}]',
    ])).toBe('InvalidEventSelectorsException');
    expect(await cloudtrailError(['get-event-data-store', '--event-data-store', 'not-an-arn'])).toBe('EventDataStoreARNInvalidException');
    expect(await cloudtrailError(['get-event-data-store', '--event-data-store', '00000000-0000-0000-0000-000000000000'])).toBe('EventDataStoreNotFoundException');
  });

  it('updates, stops and starts ingestion', async () => {
    const updated = await client.send(new UpdateEventDataStoreCommand({ EventDataStore: arn, RetentionPeriod: 30, Name: 'mgmt' }));
    expect(updated).toMatchObject({ Name: 'mgmt', RetentionPeriod: 30, Status: 'ENABLED' });
    await expect(client.send(new UpdateEventDataStoreCommand({ EventDataStore: arn })))
      .rejects.toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    await expect(client.send(new UpdateEventDataStoreCommand({ EventDataStore: arn, BillingMode: 'FIXED_RETENTION_PRICING' })))
      .rejects.toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    expect(await cloudtrail(['stop-event-data-store-ingestion', '--event-data-store', arn])).toEqual({});
    expect((await cloudtrail(['get-event-data-store', '--event-data-store', arn])).Status).toBe('STOPPED_INGESTION');
    expect(await cloudtrailError(['stop-event-data-store-ingestion', '--event-data-store', arn])).toBe('InvalidEventDataStoreStatusException');
    expect(await cloudtrail(['start-event-data-store-ingestion', '--event-data-store', arn])).toEqual({});
    expect((await cloudtrail(['get-event-data-store', '--event-data-store', arn])).Status).toBe('ENABLED');
  });

  it('keeps the events its selectors match, from its creation on', async () => {
    const reads = await cloudtrail(['create-event-data-store', '--name', 'reads-only', '--no-termination-protection-enabled',
      '--advanced-event-selectors', '[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},{"Field":"readOnly","Equals":["true"]}]}]']);
    await cloudtrail(['list-trails']);
    await cloudtrail(['describe-trails']);
    const lake = worker();
    while ((await lake.runOnce()) > 0);
    const kept = (await server.store.lakeEvents.eventsOf(reads.EventDataStoreArn as string, 0, 100))
      .map((e) => JSON.parse(e.json) as { eventName: string; readOnly: boolean });
    expect(kept.map((e) => e.eventName)).toEqual(['ListTrails', 'DescribeTrails']);
    const all = (await server.store.lakeEvents.eventsOf(arn, 0, 100)).map((e) => (JSON.parse(e.json) as { eventName: string }).eventName);
    expect(all).toContain('CreateEventDataStore');
    expect(all).toContain('ListTrails');
  });

  it('lists stores in pages', async () => {
    const first = await client.send(new ListEventDataStoresCommand({ MaxResults: 1 }));
    expect(first.EventDataStores).toHaveLength(1);
    const second = await client.send(new ListEventDataStoresCommand({ MaxResults: 1, NextToken: first.NextToken }));
    expect(second.EventDataStores).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
    await expect(client.send(new ListEventDataStoresCommand({ MaxResults: 0 }))).rejects.toThrow(expect.objectContaining({ name: 'InvalidMaxResultsException' }));
    expect(await cloudtrailError(['list-event-data-stores', '--next-token', 'garbage!'])).toBe('InvalidNextTokenException');
  });

  it('is protected from deletion until told, then pends deletion for 7 days, can be restored, then is purged', async () => {
    expect(await cloudtrailError(['delete-event-data-store', '--event-data-store', arn])).toBe('EventDataStoreTerminationProtectedException');
    await cloudtrail(['update-event-data-store', '--event-data-store', arn, '--no-termination-protection-enabled']);
    expect(await cloudtrail(['delete-event-data-store', '--event-data-store', arn])).toEqual({});
    expect((await cloudtrail(['get-event-data-store', '--event-data-store', arn])).Status).toBe('PENDING_DELETION');
    expect(await cloudtrailError(['update-event-data-store', '--event-data-store', arn, '--retention-period', '90'])).toBe('InactiveEventDataStoreException');
    expect(await cloudtrailError(['delete-event-data-store', '--event-data-store', arn])).toBe('InactiveEventDataStoreException');
    const restored = await cloudtrail(['restore-event-data-store', '--event-data-store', arn]);
    expect(restored).toMatchObject({ EventDataStoreArn: arn, Status: 'ENABLED', Name: 'mgmt' });
    expect(await cloudtrailError(['restore-event-data-store', '--event-data-store', arn])).toBe('InvalidEventDataStoreStatusException');

    await client.send(new DeleteEventDataStoreCommand({ EventDataStore: arn }));
    const lake = worker();
    clock.advance(6 * 86_400_000);
    await lake.maintain();
    expect((await client.send(new GetEventDataStoreCommand({ EventDataStore: arn }))).Status).toBe('PENDING_DELETION');
    clock.advance(86_400_000 + 10 * 60_000);
    await lake.maintain();
    expect(await cloudtrailError(['get-event-data-store', '--event-data-store', arn])).toBe('EventDataStoreNotFoundException');
    expect(await server.store.lakeEvents.countEvents(arn)).toBe(0);
  });

  it('drops events past the retention period', async () => {
    const created = await client.send(new CreateEventDataStoreCommand({ Name: 'short', RetentionPeriod: 7, TerminationProtectionEnabled: false }));
    await cloudtrail(['list-trails']);
    const lake = worker();
    while ((await lake.runOnce()) > 0);
    const storeArn = created.EventDataStoreArn!;
    expect(await server.store.lakeEvents.countEvents(storeArn)).toBeGreaterThan(0);
    clock.advance(8 * 86_400_000);
    await lake.maintain();
    expect(await server.store.lakeEvents.countEvents(storeArn)).toBe(0);
  });
});

describe('channels', () => {
  let auditStore: string;

  beforeAll(async () => {
    const created = await cloudtrail(['create-event-data-store', '--name', 'app-activity', '--no-termination-protection-enabled',
      '--advanced-event-selectors', '[{"Name":"apps","FieldSelectors":[{"Field":"eventCategory","Equals":["ActivityAuditLog"]}]}]']);
    auditStore = created.EventDataStoreArn as string;
  });

  it('creates, reads, renames, lists and deletes a Custom channel', async () => {
    const created = await cloudtrail(['create-channel', '--name', 'my-app', '--source', 'Custom',
      '--destinations', `Type=EVENT_DATA_STORE,Location=${auditStore}`, '--tags', 'Key=app,Value=shop']);
    const channelArn = created.ChannelArn as string;
    expect(channelArn).toMatch(new RegExp(`^arn:aws:cloudtrail:us-east-1:${ACCOUNT}:channel/[0-9a-f-]{36}$`));
    expect(created).toMatchObject({ Name: 'my-app', Source: 'Custom', Destinations: [{ Type: 'EVENT_DATA_STORE', Location: auditStore }], Tags: [{ Key: 'app', Value: 'shop' }] });
    const got = await cloudtrail(['get-channel', '--channel', channelArn]);
    expect(got).toMatchObject({
      ChannelArn: channelArn, SourceConfig: { ApplyToAllRegions: false, AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['ActivityAuditLog'] }] }] },
      IngestionStatus: {},
    });
    expect((await cloudtrail(['update-channel', '--channel', channelArn, '--name', 'my-shop'])).Name).toBe('my-shop');
    expect(await cloudtrail(['list-channels'])).toEqual({ Channels: [{ ChannelArn: channelArn, Name: 'my-shop' }] });
    expect(await cloudtrailError(['delete-event-data-store', '--event-data-store', auditStore])).toBe('ChannelExistsForEDSException');
    expect(await cloudtrail(['delete-channel', '--channel', channelArn])).toEqual({});
    expect(await cloudtrailError(['get-channel', '--channel', channelArn])).toBe('ChannelNotFoundException');
  });

  it('tags stores and channels with AddTags, RemoveTags and ListTags', async () => {
    const channel = await cloudtrail(['create-channel', '--name', 'tagged', '--source', 'Custom', '--destinations', `Type=EVENT_DATA_STORE,Location=${auditStore}`]);
    const channelArn = channel.ChannelArn as string;
    await cloudtrail(['add-tags', '--resource-id', auditStore, '--tags-list', 'Key=env,Value=prod', 'Key=owner,Value=ops']);
    await cloudtrail(['add-tags', '--resource-id', channelArn, '--tags-list', 'Key=app,Value=shop']);
    await cloudtrail(['remove-tags', '--resource-id', auditStore, '--tags-list', 'Key=owner']);
    expect(await cloudtrail(['list-tags', '--resource-id-list', auditStore, channelArn])).toEqual({
      ResourceTagList: [
        { ResourceId: auditStore, TagsList: [{ Key: 'env', Value: 'prod' }] },
        { ResourceId: channelArn, TagsList: [{ Key: 'app', Value: 'shop' }] },
      ],
    });
    const missing = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:channel/00000000-0000-0000-0000-000000000000`;
    expect(await cloudtrailError(['add-tags', '--resource-id', missing, '--tags-list', 'Key=a,Value=b'])).toBe('ChannelNotFoundException');
    // ListTags' model has no ChannelNotFoundException: its not-found is ResourceNotFoundException.
    expect(await cloudtrailError(['list-tags', '--resource-id-list', missing])).toBe('ResourceNotFoundException');
    await cloudtrail(['delete-channel', '--channel', channelArn]);
  });

  it('refuses other sources, wrong destinations and bad ARNs', async () => {
    const mgmt = await cloudtrail(['create-event-data-store', '--name', 'mgmt-2', '--no-termination-protection-enabled']);
    const dest = (location: string) => `Type=EVENT_DATA_STORE,Location=${location}`;
    expect(await cloudtrailError(['create-channel', '--name', 'bad!', '--source', 'PartnerX', '--destinations', dest(auditStore)])).toBe('InvalidParameterException');
    expect(await cloudtrailError(['create-channel', '--name', 'partner', '--source', 'PartnerX', '--destinations', dest(auditStore)])).toBe('InvalidSourceException');
    expect(await cloudtrailError(['create-channel', '--name', 'to-mgmt', '--source', 'Custom', '--destinations', dest(mgmt.EventDataStoreArn as string)])).toBe('InvalidEventDataStoreCategoryException');
    expect(await cloudtrailError(['create-channel', '--name', 'to-nowhere', '--source', 'Custom', '--destinations', dest('nowhere')])).toBe('EventDataStoreARNInvalidException');
    expect(await cloudtrailError(['create-channel', '--name', 'to-aws', '--source', 'Custom', '--destinations', `Type=AWS_SERVICE,Location=${auditStore}`])).toBe('InvalidParameterException');
    expect(await cloudtrailError(['start-event-data-store-ingestion', '--event-data-store', auditStore])).toBe('InvalidEventDataStoreCategoryException');
    expect(await cloudtrailError(['get-channel', '--channel', 'arn:aws:cloudtrail:us-east-1:123456789012:trail/x'])).toBe('ChannelARNInvalidException');
    await cloudtrail(['create-channel', '--name', 'dup', '--source', 'Custom', '--destinations', dest(auditStore)]);
    expect(await cloudtrailError(['create-channel', '--name', 'dup', '--source', 'Custom', '--destinations', dest(auditStore)])).toBe('ChannelAlreadyExistsException');
  });
});

describe('limits when creations race', () => {
  // A region of its own, so that the stores and channels of the tests above do not count.
  const region = 'ap-south-1';
  let regional: CloudTrailClient;
  beforeAll(() => {
    regional = cloudTrailClient(server, { region });
  });
  afterAll(() => regional.destroy());

  const refusals = (outcomes: PromiseSettledResult<unknown>[]) =>
    outcomes.filter((o) => o.status === 'rejected').map((o) => (o.reason as Error).name);

  it('keeps 10 live event data stores and 25 channels a region, however many calls arrive at once', async () => {
    const stores = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => regional.send(new CreateEventDataStoreCommand({
      Name: `racer-${i}`, TerminationProtectionEnabled: false,
      AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['ActivityAuditLog'] }] }],
    }))));
    expect(refusals(stores)).toEqual(Array(2).fill('EventDataStoreMaxLimitExceededException'));
    expect(await server.store.lake.listEventDataStores(ACCOUNT, region)).toHaveLength(10);
    const storeArn = stores.find((o) => o.status === 'fulfilled')!.value.EventDataStoreArn!;
    const channels = await Promise.allSettled(Array.from({ length: 27 }, (_, i) => regional.send(new CreateChannelCommand({
      Name: `racer-${i}`, Source: 'Custom', Destinations: [{ Type: 'EVENT_DATA_STORE', Location: storeArn }],
    }))));
    expect(refusals(channels)).toEqual(Array(2).fill('ChannelMaxLimitExceededException'));
    expect(await server.store.lake.listChannels(ACCOUNT, region)).toHaveLength(25);
  });

  it('keeps the retention of a store moved to extendable pricing', async () => {
    const fixed = await cloudtrail(['create-event-data-store', '--name', 'fixed-pricing', '--billing-mode', 'FIXED_RETENTION_PRICING',
      '--no-termination-protection-enabled']);
    expect(fixed).toMatchObject({ BillingMode: 'FIXED_RETENTION_PRICING', RetentionPeriod: 2557 });
    const moved = await cloudtrail(['update-event-data-store', '--event-data-store', fixed.EventDataStoreArn as string,
      '--billing-mode', 'EXTENDABLE_RETENTION_PRICING']);
    expect(moved).toMatchObject({ BillingMode: 'EXTENDABLE_RETENTION_PRICING', RetentionPeriod: 2557 });
    await cloudtrail(['delete-event-data-store', '--event-data-store', fixed.EventDataStoreArn as string]);
  });
});

// PutAuditEvents through the installed AWS CLI v1 (`aws cloudtrail-data put-audit-events`) against a running server:
// good and bad events in one call, duplicates and retries, checksums, the 100-event and 1 MB limits, channel errors,
// and the events found again in the channel's event data store, in Event History and in a trail's log files.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetChannelCommand, LookupEventsCommand, type CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsCli } from '../support/aws-cli.js';
import { cloudTrailClient } from '../support/sdk.js';
import { cli, DeliveredLogs, waitFor } from '../support/delivered-logs.js';
import { eventDataChecksum } from '../../src/domain/lake/audit-event-data.js';
import { addRootAccount } from '../support/accounts.js';
import { builtAuditBatchThreads } from '../support/audit-batch-threads.js';

const ACCOUNT = '123456789012';
let server: TestServer;
let client: CloudTrailClient;
let channelArn: string;
let storeArn: string;

interface PutAnswer {
  successful: Array<{ id: string; eventID: string }>;
  failed: Array<{ id: string; errorCode: string; errorMessage: string }>;
}

function eventData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: '1.0',
    userIdentity: { type: 'CustomUser', principalId: 'alice@example.com', details: { team: 'shop' } },
    userAgent: 'shop-backend/2.1',
    eventSource: 'shop.example.com',
    eventName: 'PlaceOrder',
    eventTime: '2026-01-05T10:11:12Z',
    UID: `uid-${Math.random().toString(36).slice(2)}`,
    requestParameters: { orderId: 'o-1', items: 3 },
    sourceIPAddress: '203.0.113.9',
    recipientAccountId: ACCOUNT,
    ...overrides,
  };
}

function entry(id: string, data: Record<string, unknown> | string, checksum: 'right' | 'wrong' | 'none' = 'right') {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  const sum = checksum === 'right' ? eventDataChecksum(text) : checksum === 'wrong' ? eventDataChecksum(`${text} `) : undefined;
  return sum === undefined ? { id, eventData: text } : { id, eventData: text, eventDataChecksum: sum };
}

/** Runs put-audit-events with the events in a file, as one would for anything but a tiny payload. */
async function put(events: unknown[], channel = channelArn, extra: string[] = []) {
  const file = path.join(server.dataDir, `events-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(events));
  return awsCli(server, ['cloudtrail-data', 'put-audit-events', '--channel-arn', channel, '--audit-events', `file://${file}`, ...extra]);
}

async function putOk(events: unknown[]): Promise<PutAnswer> {
  const result = await put(events);
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(result.stdout) as PutAnswer;
}

async function putError(events: unknown[], channel?: string): Promise<string> {
  const result = await put(events, channel);
  expect(result.code).toBe(255);
  return /An error occurred \((\w+)\)/.exec(result.stderr)?.[1] ?? result.stderr;
}

async function historyOf(eventId: string) {
  const page = await client.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: eventId }], StartTime: new Date(0) }));
  return page.Events ?? [];
}

beforeAll(async () => {
  // Calls are checked on ingest threads, as in a built server (the switches' server below checks them inline).
  server = await startTestServer({ logFileInterval: 1, retentionDays: 36_500 }, { auditBatches: builtAuditBatchThreads() });
  client = cloudTrailClient(server);
  const store = JSON.parse(await cli(server, ['cloudtrail', 'create-event-data-store', '--name', 'shop-activity',
    '--advanced-event-selectors', '[{"FieldSelectors":[{"Field":"eventCategory","Equals":["ActivityAuditLog"]}]}]'])) as { EventDataStoreArn: string };
  storeArn = store.EventDataStoreArn;
  const channel = JSON.parse(await cli(server, ['cloudtrail', 'create-channel', '--name', 'shop', '--source', 'Custom',
    '--destinations', `Type=EVENT_DATA_STORE,Location=${storeArn}`])) as { ChannelArn: string };
  channelArn = channel.ChannelArn;
  await cli(server, ['s3', 'mb', 's3://app-logs']);
  await cli(server, ['cloudtrail', 'create-trail', '--name', 'apps', '--s3-bucket-name', 'app-logs']);
  await cli(server, ['cloudtrail', 'put-event-selectors', '--trail-name', 'apps', '--advanced-event-selectors',
    '[{"FieldSelectors":[{"Field":"eventCategory","Equals":["ActivityAuditLog"]}]}]']);
  await cli(server, ['cloudtrail', 'start-logging', '--name', 'apps']);
});
afterAll(async () => server?.close());

describe('aws cloudtrail-data put-audit-events', () => {
  let good: PutAnswer['successful'];

  it('stores the good events of a call and fails each bad one alone, with the documented codes', async () => {
    const { UID: _uid, ...noUid } = eventData();
    const answer = await putOk([
      entry('good-1', eventData()),
      entry('bad-checksum', eventData(), 'wrong'),
      entry('no-uid', noUid),
      entry('too-long', eventData({ eventName: 'x'.repeat(1025) })),
      entry('other-account', eventData({ recipientAccountId: '210987654321' })),
      entry('not-json', '{"version": ', 'none'),
      entry('bad-time', eventData({ eventTime: 'yesterday' })),
      entry('good-2', eventData({ eventName: 'CancelOrder' }), 'none'),
    ]);
    expect(answer.successful.map((s) => s.id)).toEqual(['good-1', 'good-2']);
    for (const s of answer.successful) expect(s.eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(answer.failed.map((f) => [f.id, f.errorCode])).toEqual([
      ['bad-checksum', 'InvalidChecksum'], ['no-uid', 'FieldNotFound'], ['too-long', 'FieldTooLong'],
      ['other-account', 'InvalidRecipient'], ['not-json', 'InvalidData'], ['bad-time', 'InvalidData'],
    ]);
    good = answer.successful;
  });

  it('answers a retry with the same eventIDs and stores nothing twice; an id reused for new data is a new event', async () => {
    const data = eventData({ eventName: 'RefundOrder' });
    const first = await putOk([entry('r1', data)]);
    const again = await putOk([entry('r1', data)]);
    expect(again).toEqual(first);
    expect(await historyOf(first.successful[0]!.eventID)).toHaveLength(1);
    const reused = await putOk([entry('r1', eventData({ eventName: 'RefundOrder' }))]);
    expect(reused.successful[0]!.eventID).not.toBe(first.successful[0]!.eventID);
  });

  it('refuses a request with a repeated id, more than 100 events or more than 1 MB, and stores none of it', async () => {
    expect(await putError([entry('same', eventData()), entry('same', eventData())])).toBe('DuplicatedAuditEventId');
    const many = Array.from({ length: 101 }, (_, i) => entry(`e${i}`, eventData()));
    expect(await putError(many)).toBe('ValidationException');
    const big = Array.from({ length: 11 }, (_, i) => entry(`big${i}`, eventData({ requestParameters: { blob: 'y'.repeat(99 * 1024) } })));
    expect(await putError(big)).toBe('RequestEntityTooLargeException');
    const exactly100 = await putOk(Array.from({ length: 100 }, (_, i) => entry(`ok${i}`, eventData())));
    expect(exactly100.successful).toHaveLength(100);
  });

  it('names channel problems (unknown, malformed, another account\'s) and takes the bare channel id', async () => {
    expect(await putError([entry('a', eventData())], `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:channel/00000000-0000-0000-0000-000000000000`)).toBe('ChannelNotFound');
    expect(await putError([entry('a', eventData())], 'arn:aws:cloudtrail:us-east-1:123456789012:trail/nope')).toBe('InvalidChannelARN');
    const other = await addRootAccount(server, '210987654321');
    const file = path.join(server.dataDir, 'foreign.json');
    fs.writeFileSync(file, JSON.stringify([entry('f1', eventData({ recipientAccountId: '210987654321' }))]));
    const foreign = await awsCli(server, ['cloudtrail-data', 'put-audit-events', '--channel-arn', channelArn, '--audit-events', `file://${file}`],
      { AWS_ACCESS_KEY_ID: other.accessKeyId, AWS_SECRET_ACCESS_KEY: other.secretAccessKey });
    expect(/An error occurred \((\w+)\)/.exec(foreign.stderr)?.[1]).toBe('ChannelInsufficientPermission');
    const id = channelArn.split('/')[1]!;
    const byId = await put([entry('by-id', eventData())], id);
    expect(byId.code).toBe(0);
  });

  it('puts the events into the channel event data store, Event History and the trail log files', async () => {
    const ids = good.map((s) => s.eventID);
    const kept = await waitFor('events in the event data store', async () => {
      const events = await server.store.lakeEvents.eventsOf(storeArn, 0, 1000);
      return ids.every((id) => events.some((e) => e.eventId === id)) ? events : undefined;
    });
    const record = JSON.parse(kept.find((e) => e.eventId === ids[0])!.json) as Record<string, unknown>;
    expect(record).toMatchObject({
      eventVersion: '1.0', eventCategory: 'ActivityAuditLog', eventType: 'ActivityLog', eventID: ids[0],
      eventTime: '2026-01-05T10:11:12Z', awsRegion: 'us-east-1', recipientAccountId: ACCOUNT,
      metadata: { channelARN: channelArn }, eventData: { eventName: 'PlaceOrder', UID: expect.any(String) },
    });

    const [history] = await historyOf(ids[0]!);
    expect(history).toMatchObject({ EventName: 'PlaceOrder', EventSource: 'shop.example.com', Username: 'alice@example.com' });
    expect(JSON.parse(history!.CloudTrailEvent!)).toEqual(record);

    const logs = new DeliveredLogs(server, 'app-logs');
    const delivered = await waitFor('audit events in the trail log files', async () => {
      await logs.refresh();
      const records = logs.records();
      return ids.every((id) => records.some((r) => r.eventID === id)) ? records : undefined;
    });
    expect(delivered.every((r) => r.eventCategory === 'ActivityAuditLog')).toBe(true);
  });

  it('records the call as a data event on the channel and shows the ingestion status', async () => {
    const status = await client.send(new GetChannelCommand({ Channel: channelArn }));
    expect(status.IngestionStatus?.LatestIngestionSuccessEventID).toMatch(/^[0-9a-f-]{36}$/);
    expect(status.IngestionStatus?.LatestIngestionSuccessTime).toBeInstanceOf(Date);
    const calls = await waitFor('the PutAuditEvents record', async () => {
      const feed = await server.store.eventFeed.readAfter(0, 100_000);
      const found = feed.filter((l) => l.event.attributes.eventName === 'PutAuditEvents');
      return found.length > 0 ? found : undefined;
    });
    const record = JSON.parse(calls[0]!.event.json) as Record<string, unknown>;
    expect(record).toMatchObject({
      eventSource: 'cloudtrail-data.amazonaws.com', eventCategory: 'Data', managementEvent: false,
      requestParameters: { channelArn }, resources: [{ type: 'AWS::CloudTrail::Channel', ARN: channelArn, accountId: ACCOUNT }],
    });
  });
});

describe('the audit-events switches', () => {
  let quiet: TestServer;
  afterAll(async () => quiet?.close());

  it('keeps audit events out of Event History and trails when switched off', async () => {
    quiet = await startTestServer({ auditEventsInHistory: false, auditEventsToTrails: false, role: 'api' });
    const store = JSON.parse(await cli(quiet, ['cloudtrail', 'create-event-data-store', '--name', 'apps',
      '--advanced-event-selectors', '[{"FieldSelectors":[{"Field":"eventCategory","Equals":["ActivityAuditLog"]}]}]'])) as { EventDataStoreArn: string };
    const channel = JSON.parse(await cli(quiet, ['cloudtrail', 'create-channel', '--name', 'apps', '--source', 'Custom',
      '--destinations', `Type=EVENT_DATA_STORE,Location=${store.EventDataStoreArn}`])) as { ChannelArn: string };
    const file = path.join(quiet.dataDir, 'events.json');
    fs.writeFileSync(file, JSON.stringify([entry('q1', eventData())]));
    const result = await awsCli(quiet, ['cloudtrail-data', 'put-audit-events', '--channel-arn', channel.ChannelArn, '--audit-events', `file://${file}`]);
    const eventID = (JSON.parse(result.stdout) as PutAnswer).successful[0]!.eventID;
    const page = await cloudTrailClient(quiet).send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: eventID }], StartTime: new Date(0) }));
    expect(page.Events).toEqual([]);
    const logged = (await quiet.store.eventFeed.readAfter(0, 1000)).find((l) => l.event.eventId === eventID);
    expect(logged?.event).toMatchObject({ inHistory: false, origin: 'channel', category: 'ActivityAuditLog' });
  });
});

describe('events accepted before their channel changes', () => {
  let servers: TestServer[] = [];
  afterAll(async () => {
    for (const running of servers) await running.close();
    servers = [];
  });

  it('are kept by the stores the channel sent them to when it took them, even once it is deleted or re-pointed', async () => {
    // An api process has no lake worker: the events wait in the log while their channels change.
    const api = await startTestServer({ role: 'api' });
    servers.push(api);
    const audit = '[{"FieldSelectors":[{"Field":"eventCategory","Equals":["ActivityAuditLog"]}]}]';
    const makeStore = async (name: string) => (JSON.parse(await cli(api, ['cloudtrail', 'create-event-data-store', '--name', name,
      '--no-termination-protection-enabled', '--advanced-event-selectors', audit])) as { EventDataStoreArn: string }).EventDataStoreArn;
    const [first, second] = [await makeStore('first'), await makeStore('second')];
    const makeChannel = async (name: string) => (JSON.parse(await cli(api, ['cloudtrail', 'create-channel', '--name', name,
      '--source', 'Custom', '--destinations', `Type=EVENT_DATA_STORE,Location=${first}`])) as { ChannelArn: string }).ChannelArn;
    const [deleted, repointed] = [await makeChannel('deleted'), await makeChannel('repointed')];
    const putTo = async (channel: string, id: string) => {
      const file = path.join(api.dataDir, `${id}.json`);
      fs.writeFileSync(file, JSON.stringify([entry(id, eventData())]));
      const result = await awsCli(api, ['cloudtrail-data', 'put-audit-events', '--channel-arn', channel, '--audit-events', `file://${file}`]);
      return (JSON.parse(result.stdout) as PutAnswer).successful[0]!.eventID;
    };
    const beforeDelete = await putTo(deleted, 'before-delete');
    const beforeRepoint = await putTo(repointed, 'before-repoint');
    await cli(api, ['cloudtrail', 'delete-channel', '--channel', deleted]);
    await cli(api, ['cloudtrail', 'update-channel', '--channel', repointed, '--destinations', `Type=EVENT_DATA_STORE,Location=${second}`]);
    const afterRepoint = await putTo(repointed, 'after-repoint');
    await api.close();
    servers = [];

    const worker = await startTestServer({ role: 'all', dataDir: api.dataDir });
    servers.push(worker);
    const keptBy = async (store: string) => (await worker.store.lakeEvents.eventsOf(store, 0, 100)).map((e) => e.eventId).sort();
    await waitFor('the lake worker past every event', async () => ((await keptBy(second)).length > 0 ? true : undefined));
    expect(await keptBy(first)).toEqual([beforeDelete, beforeRepoint].sort());
    expect(await keptBy(second)).toEqual([afterRepoint]);
  });
});

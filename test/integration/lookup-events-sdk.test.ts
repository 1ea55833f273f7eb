// Event History through the real AWS SDK v3 against a running server: every attribute key, pagination, the
// record of each call, and every error code LookupEvents and the edge may answer with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LookupEventsCommand, type LookupAttribute, type LookupEventsCommandOutput, type CloudTrailClient, type Event,
} from '@aws-sdk/client-cloudtrail';
import { startTestServer, type TestServer } from '../support/server.js';
import { cloudTrailClient } from '../support/sdk.js';
import { makeRecord } from '../support/records.js';
import { indexEvent } from '../../src/domain/indexed-event.js';
import type { CloudTrailRecord } from '../../src/domain/record.js';

const ACCOUNT = '123456789012';
const BASE = Date.UTC(2025, 5, 1, 12, 0, 0);
let server: TestServer;
let client: CloudTrailClient;
let seeded: CloudTrailRecord[];

function seedRecords(): CloudTrailRecord[] {
  const records: CloudTrailRecord[] = [];
  for (let i = 0; i < 120; i++) {
    // Every third event shares its second with the one before, so ties are broken by sequence number.
    const t = new Date(BASE - Math.floor(i / 3) * 60_000 - (i % 3 === 2 ? 0 : (i % 3) * 1000));
    records.push(makeRecord({
      eventTime: t.toISOString().slice(0, 19) + 'Z',
      eventName: i % 4 === 0 ? 'RunInstances' : 'DescribeInstances',
      eventSource: i % 5 === 0 ? 's3.amazonaws.com' : 'ec2.amazonaws.com',
      readOnly: i % 4 !== 0,
      userIdentity: {
        type: 'IAMUser', principalId: 'AIDA0000', accountId: ACCOUNT,
        arn: `arn:aws:iam::${ACCOUNT}:user/${i % 2 ? 'alice' : 'bob'}`, userName: i % 2 ? 'alice' : 'bob',
        accessKeyId: i % 2 ? 'AKIAALICE00000000000' : 'AKIABOB0000000000000',
      },
      requestParameters: i % 6 === 0 ? { bucketName: `bucket-${i % 12}` } : { instanceId: `i-${i}` },
      resources: i % 10 === 0 ? [{ type: 'AWS::KMS::Key', ARN: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k${i}` }] : undefined,
    }));
  }
  records.push(makeRecord({ eventTime: '2025-06-01T11:30:00Z', awsRegion: 'eu-west-1', eventName: 'ElsewhereEvent' }));
  records.push(makeRecord({ eventTime: '2025-06-01T11:30:00Z', recipientAccountId: '210987654321', eventName: 'OtherAccountEvent' }));
  records.push(makeRecord({ eventTime: '2025-06-01T11:30:00Z', eventCategory: 'Data', managementEvent: false, eventName: 'GetObject' }));
  records.push(makeRecord({ eventTime: '2025-06-01T11:30:00Z', eventCategory: 'Insight', eventName: 'InsightEvent', eventType: 'AwsCloudTrailInsight' }));
  // As spec §7 shapes an Insights record: the API it is about only inside insightDetails.
  const { eventName: _name, eventSource: _source, userIdentity: _who, ...insight } = makeRecord({
    eventTime: '2025-06-01T11:40:00Z', eventCategory: 'Insight', eventType: 'AwsCloudTrailInsight',
    insightDetails: { state: 'Start', eventSource: 'ec2.amazonaws.com', eventName: 'TerminateInstances', insightType: 'ApiCallRateInsight' },
  });
  records.push(insight as CloudTrailRecord);
  return records;
}

async function lookupAll(input: { LookupAttributes?: LookupAttribute[]; MaxResults?: number; EventCategory?: string }, c = client): Promise<Event[]> {
  const events: Event[] = [];
  let NextToken: string | undefined;
  const range = { StartTime: new Date(BASE - 86_400_000), EndTime: new Date(BASE + 1000) };
  do {
    const page: LookupEventsCommandOutput = await c.send(new LookupEventsCommand({ ...range, ...input, NextToken } as never));
    events.push(...(page.Events ?? []));
    if (NextToken !== undefined) expect(page.NextToken).not.toBe(NextToken);
    NextToken = page.NextToken;
  } while (NextToken);
  return events;
}

beforeAll(async () => {
  server = await startTestServer({ retentionDays: 36_500 });
  client = cloudTrailClient(server);
  seeded = seedRecords();
  await server.store.eventLog.importEvents(seeded.map((r) => indexEvent(r, { origin: 'imported' })));
});
afterAll(async () => {
  client?.destroy();
  await server?.close();
});

const inScope = () => seeded.filter((r) => r.awsRegion === 'us-east-1' && r.recipientAccountId === ACCOUNT && r.eventCategory === 'Management');

describe('LookupEvents with the SDK', () => {
  it('pages newest first with no duplicate or missing event', async () => {
    const events = await lookupAll({ MaxResults: 7 });
    const expected = inScope();
    expect(events.map((e) => e.EventId).sort()).toEqual(expected.map((r) => r.eventID).sort());
    const times = events.map((e) => e.EventTime!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(events.map((e) => e.EventId)).size).toBe(events.length);
  });

  it('returns the stored record verbatim with typed members', async () => {
    const [event] = await lookupAll({ LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: seeded[0]!.eventID }] });
    const record = seeded[0]!;
    expect(event).toMatchObject({
      EventId: record.eventID, EventName: record.eventName, ReadOnly: String(record.readOnly),
      AccessKeyId: record.userIdentity!.accessKeyId, EventSource: record.eventSource, Username: 'bob',
    });
    expect(event!.EventTime).toEqual(new Date(record.eventTime));
    expect(JSON.parse(event!.CloudTrailEvent!)).toEqual(record);
    expect(event!.Resources).toEqual([
      { ResourceType: 'AWS::KMS::Key', ResourceName: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k0` },
      { ResourceType: 'AWS::S3::Bucket', ResourceName: 'bucket-0' },
    ]);
  });

  const cases: Array<[string, string, (r: CloudTrailRecord) => boolean]> = [
    ['EventName', 'RunInstances', (r) => r.eventName === 'RunInstances'],
    ['EventSource', 's3.amazonaws.com', (r) => r.eventSource === 's3.amazonaws.com'],
    ['ReadOnly', 'false', (r) => r.readOnly === false],
    ['Username', 'alice', (r) => r.userIdentity?.userName === 'alice'],
    ['AccessKeyId', 'AKIABOB0000000000000', (r) => r.userIdentity?.accessKeyId === 'AKIABOB0000000000000'],
    ['ResourceType', 'AWS::KMS::Key', (r) => (r.resources ?? []).some((x) => x.type === 'AWS::KMS::Key')],
    ['ResourceName', 'bucket-6', (r) => (r.requestParameters as { bucketName?: string } | null)?.bucketName === 'bucket-6'],
  ];
  for (const [key, value, match] of cases) {
    it(`filters by ${key}`, async () => {
      const events = await lookupAll({ LookupAttributes: [{ AttributeKey: key as never, AttributeValue: value }], MaxResults: 11 });
      const expected = inScope().filter(match);
      expect(expected.length).toBeGreaterThan(0);
      expect(events.map((e) => e.EventId).sort()).toEqual(expected.map((r) => r.eventID).sort());
    });
  }

  it('combines several attributes with AND (opentrail extension)', async () => {
    const events = await lookupAll({
      LookupAttributes: [
        { AttributeKey: 'EventName', AttributeValue: 'RunInstances' },
        { AttributeKey: 'Username', AttributeValue: 'bob' },
      ],
    });
    const expected = inScope().filter((r) => r.eventName === 'RunInstances' && r.userIdentity?.userName === 'bob');
    expect(events.map((e) => e.EventId).sort()).toEqual(expected.map((r) => r.eventID).sort());
  });

  it('keeps regions, accounts and data events apart, and insights on request only', async () => {
    const names = (await lookupAll({})).map((e) => e.EventName);
    expect(names).not.toContain('ElsewhereEvent');
    expect(names).not.toContain('OtherAccountEvent');
    expect(names).not.toContain('GetObject');
    expect(names).not.toContain('InsightEvent');
    const insights = await lookupAll({ EventCategory: 'insight' });
    expect(insights.map((e) => e.EventName)).toEqual(['TerminateInstances', 'InsightEvent']);
    for (const [AttributeKey, AttributeValue] of [['EventName', 'TerminateInstances'], ['EventSource', 'ec2.amazonaws.com']] as const) {
      const found = await lookupAll({ EventCategory: 'insight', LookupAttributes: [{ AttributeKey, AttributeValue }] });
      expect(found.map((e) => e.EventName)).toContain('TerminateInstances');
    }
    const eu = cloudTrailClient(server, { region: 'eu-west-1' });
    expect((await lookupAll({}, eu)).map((e) => e.EventName)).toEqual(['ElsewhereEvent']);
    eu.destroy();
  });

  it('treats StartTime and EndTime as inclusive', async () => {
    const at = new Date(BASE);
    const page = await client.send(new LookupEventsCommand({ StartTime: at, EndTime: at }));
    const expected = inScope().filter((r) => r.eventTime === at.toISOString().slice(0, 19) + 'Z');
    expect(page.Events!.map((e) => e.EventId).sort()).toEqual(expected.map((r) => r.eventID).sort());
  });
});

describe('the record of a LookupEvents call', () => {
  it('has every field of spec §1 that applies, and the response request id', async () => {
    const response = await client.send(new LookupEventsCommand({
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'NoSuchEventName' }], MaxResults: 3,
    }));
    const requestId = response.$metadata.requestId!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const now = new Date();
    const found = await client.send(new LookupEventsCommand({
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'LookupEvents' }],
      StartTime: new Date(now.getTime() - 60_000), EndTime: new Date(now.getTime() + 1000),
    }));
    const records = found.Events!.map((e) => JSON.parse(e.CloudTrailEvent!) as CloudTrailRecord);
    const record = records.find((r) => r.requestID === requestId);
    expect(record).toBeDefined();
    expect(record).toMatchObject({
      eventVersion: '1.11',
      userIdentity: {
        type: 'Root', principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT,
        accessKeyId: server.credentials.accessKeyId,
      },
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'LookupEvents',
      awsRegion: 'us-east-1',
      sourceIPAddress: '127.0.0.1',
      requestParameters: {
        lookupAttributes: [{ attributeKey: 'EventName', attributeValue: 'NoSuchEventName' }],
        maxResults: 3,
      },
      responseElements: null,
      readOnly: true,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: 'Management',
    });
    expect(record!.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(record!.userAgent).toContain('aws-sdk-js');
    expect(record!.eventID).toMatch(/^[0-9a-f-]{36}$/);
    expect(record!.errorCode).toBeUndefined();
    const event = found.Events!.find((e) => JSON.parse(e.CloudTrailEvent!).requestID === requestId)!;
    expect(event.Username).toBe('root');
    expect(event.ReadOnly).toBe('true');
  });
});

// OpenTrail_20261101.PutRecords (docs/bulk-ingest.md) against a running server: records fail alone, retries are
// answered without storing twice, the limits hold, the records are found in Event History and the call's own record
// does not copy them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateEventDataStoreCommand, CreateTrailCommand, LookupEventsCommand, StartLoggingCommand, type CloudTrailClient,
} from '@aws-sdk/client-cloudtrail';
import { cli, DeliveredLogs, waitFor } from '../support/delivered-logs.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { cloudTrailClient, rawCloudTrailCall } from '../support/sdk.js';
import { makeRecord } from '../support/records.js';
import { addRootAccount } from '../support/accounts.js';
import type { CloudTrailRecord } from '../../src/domain/record.js';

const TARGET = 'OpenTrail_20261101.PutRecords';
let server: TestServer;
let client: CloudTrailClient;

beforeAll(async () => {
  server = await startTestServer({ retentionDays: 36_500, logFileInterval: 1 });
  client = cloudTrailClient(server);
});
afterAll(async () => server?.close());

const putRecords = (records: unknown[]) => rawCloudTrailCall(server, { target: TARGET, body: JSON.stringify({ Records: records }) });

async function historyOf(eventId: string): Promise<string[]> {
  const page = await client.send(new LookupEventsCommand({
    LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: eventId }], StartTime: new Date(0), EndTime: new Date(),
  }));
  return (page.Events ?? []).map((e) => e.CloudTrailEvent ?? '');
}

describe('PutRecords', () => {
  it('stores the good records and fails each bad one alone, with its index and reason', async () => {
    const good = makeRecord({ eventName: 'GatewayCall', eventTime: '2025-02-01T10:00:00Z' });
    const { recipientAccountId: _omitted, ...noRecipient } = makeRecord({ eventName: 'NoRecipient' });
    const { eventID: _none, ...noId } = makeRecord();
    const foreign = makeRecord({ recipientAccountId: '999999999999' });
    const answer = await putRecords([good, noId, noRecipient, 'not a record', foreign, { ...good }]);
    expect(answer.status).toBe(200);
    expect(answer.json.Successful).toEqual([
      { Index: 0, EventId: good.eventID }, { Index: 2, EventId: noRecipient.eventID }, { Index: 5, EventId: good.eventID },
    ]);
    const failed = answer.json.Failed as Array<{ Index: number; ErrorCode: string; ErrorMessage: string }>;
    expect(failed.map((f) => [f.Index, f.ErrorCode])).toEqual([[1, 'InvalidRecord'], [3, 'InvalidRecord'], [4, 'InvalidRecord']]);
    expect(failed[0]!.ErrorMessage).toContain('eventID');
    expect(failed[2]!.ErrorMessage).toContain('recipientAccountId');

    expect((await historyOf(good.eventID)).map((json) => JSON.parse(json) as CloudTrailRecord)).toEqual([good]);
    const stored = JSON.parse((await historyOf(noRecipient.eventID))[0]!) as CloudTrailRecord;
    expect(stored.recipientAccountId).toBe('123456789012');
  });

  it('answers a retry as successful again and stores nothing new', async () => {
    const records = [makeRecord(), makeRecord()];
    const first = await putRecords(records);
    const again = await putRecords(records);
    expect(again.json).toEqual(first.json);
    expect(again.json.Failed).toEqual([]);
    for (const r of records) expect(await historyOf(r.eventID)).toHaveLength(1);
  });

  it("fails a record whose eventID another account's event holds", async () => {
    const mine = makeRecord();
    await putRecords([mine]);
    const other = await addRootAccount(server, '210987654321');
    const body = JSON.stringify({ Records: [{ ...mine, recipientAccountId: '210987654321' }] });
    const answer = await rawCloudTrailCall(server, { target: TARGET, body, credentials: other });
    expect(answer.json.Successful).toEqual([]);
    expect(answer.json.Failed).toMatchObject([{ Index: 0, ErrorCode: 'InvalidRecord' }]);
  });

  it('refuses a call of more than 1000 records, or none, with ValidationException', async () => {
    const many = Array.from({ length: 1001 }, () => makeRecord());
    const tooMany = await putRecords(many);
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.__type).toBe('ValidationException');
    expect(await historyOf(many[0]!.eventID)).toEqual([]);
    expect((await putRecords([])).json.__type).toBe('ValidationException');
    const shapeless = await rawCloudTrailCall(server, { target: TARGET, body: '{"Records": 5}' });
    expect(shapeless.json.__type).toBe('SerializationException');
  });

  it('refuses a body over 5 MiB with ValidationException', async () => {
    const big = Array.from({ length: 6 }, () => makeRecord({ requestParameters: { blob: 'x'.repeat(1024 * 1024) } }));
    const answer = await putRecords(big);
    expect(answer.json.__type).toBe('ValidationException');
    expect(String(answer.json.message)).toContain('5242880');
  });

  describe('compact form (Common)', () => {
    const split = (record: CloudTrailRecord) => {
      const { eventVersion, userIdentity, eventSource, awsRegion, eventType, eventCategory, ...own } = record;
      return { common: { eventVersion, userIdentity, eventSource, awsRegion, eventType, eventCategory }, own };
    };
    const putCompact = (common: unknown, records: unknown[]) =>
      rawCloudTrailCall(server, { target: TARGET, body: JSON.stringify({ Common: common, Records: records }) });

    it('completes each record with the shared members and stores the very record sent whole', async () => {
      const first = makeRecord({ eventName: 'CompactOne', eventType: 'AwsApiCall', eventCategory: 'Management' });
      const second = makeRecord({ eventName: 'CompactTwo', eventType: 'AwsApiCall', eventCategory: 'Management', eventSource: 's3.amazonaws.com' });
      const { common, own } = split(first);
      // A record's own value wins over the common one, and still lands in CloudTrail's member order.
      const answer = await putCompact(common, [own, { eventSource: 's3.amazonaws.com', ...split(second).own }]);
      expect(answer.json.Failed).toEqual([]);
      expect(await historyOf(first.eventID)).toEqual([JSON.stringify(first)]);
      expect(await historyOf(second.eventID)).toEqual([JSON.stringify(second)]);
      const again = await putCompact(common, [own]);
      expect(again.json).toEqual({ Successful: [{ Index: 0, EventId: first.eventID }], Failed: [] });
      expect(await historyOf(first.eventID)).toHaveLength(1);
    });

    it('checks each completed record alone', async () => {
      const good = makeRecord({ eventName: 'CompactGood' });
      const { common, own } = split(good);
      const { eventID: _none, ...noId } = own;
      const answer = await putCompact({ ...common, awsRegion: 'nowhere' }, [{ ...own, awsRegion: good.awsRegion }, noId, own]);
      expect(answer.json.Successful).toEqual([{ Index: 0, EventId: good.eventID }]);
      const failed = answer.json.Failed as Array<{ Index: number; ErrorCode: string; ErrorMessage: string }>;
      expect(failed.map((f) => [f.Index, f.ErrorCode])).toEqual([[1, 'InvalidRecord'], [2, 'InvalidRecord']]);
      expect(failed[0]!.ErrorMessage).toContain('eventID');
      expect(failed[1]!.ErrorMessage).toContain("awsRegion 'nowhere'");
    });

    it('counts the stored records rather than listing them when asked (OmitSuccessful)', async () => {
      const good = makeRecord({ eventName: 'Counted' });
      const { eventID: _none, ...noId } = makeRecord();
      const body = JSON.stringify({ OmitSuccessful: true, Records: [good, noId, good] });
      const answer = await rawCloudTrailCall(server, { target: TARGET, body });
      expect(answer.json).toMatchObject({ SuccessfulCount: 2, Failed: [{ Index: 1, ErrorCode: 'InvalidRecord' }] });
      expect(answer.json).not.toHaveProperty('Successful');
      expect(await historyOf(good.eventID)).toHaveLength(1);
      const page = await client.send(new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'PutRecords' }], MaxResults: 1,
      }));
      expect(JSON.parse(page.Events?.[0]?.CloudTrailEvent ?? '{}').responseElements).toEqual({ successfulCount: 2, failedCount: 1 });
    });

    it('refuses a Common that names an event, or is not an object, and stores nothing', async () => {
      const record = makeRecord();
      const { common, own } = split(record);
      const named = await putCompact({ ...common, eventID: 'shared' }, [own]);
      expect(named.status).toBe(400);
      expect(named.json.__type).toBe('ValidationException');
      expect(String(named.json.message)).toContain('eventID');
      const shapeless = await putCompact('everything', [own]);
      expect(shapeless.status).toBe(400);
      expect(await historyOf(record.eventID)).toEqual([]);
    });
  });

  it('records the call itself with counts, not the records', async () => {
    await putRecords([makeRecord()]);
    const page = await client.send(new LookupEventsCommand({
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'PutRecords' }], MaxResults: 1,
    }));
    const record = JSON.parse(page.Events?.[0]?.CloudTrailEvent ?? '{}') as CloudTrailRecord;
    expect(record.requestParameters).toEqual({ recordCount: 1 });
    expect(record.responseElements).toEqual({ successfulCount: 1, failedCount: 0 });
    expect(record.eventSource).toBe('cloudtrail.amazonaws.com');
  });

  it('needs a signed request from a known key', async () => {
    const unsigned = await rawCloudTrailCall(server, { target: TARGET, body: '{"Records":[]}', sign: false });
    expect(unsigned.status).toBe(403);
    expect(unsigned.json.__type).toBe('MissingAuthenticationTokenException');
  });

  it('refuses, each alone, records whose members have the wrong types, nest too deep or are too large', async () => {
    const good = makeRecord({ eventName: 'StillStored' });
    // Too deep for JSON.stringify (here or in the server): written into the body's text instead.
    const deep = 'DEEP-PLACEHOLDER';
    const bad: Array<[string, Partial<Record<keyof CloudTrailRecord, unknown>>]> = [
      ['resources[0] must be an object', { resources: [null] }],
      ['resources[0].ARN must be a string', { resources: [{ type: 'AWS::S3::Object', ARN: 5 }] }],
      ['resources[0].type must be a string', { resources: [{ type: { nested: true }, ARN: 'arn:aws:s3:::b/k' }] }],
      ['userIdentity.arn must be a string', { userIdentity: { type: 'AssumedRole', arn: 5 } }],
      ['userIdentity.userName must be a string', { userIdentity: { type: 'IAMUser', userName: true } }],
      ['levels deep', { requestParameters: { deep } }],
      ['eventTime', { eventTime: '2026-11-24T10:00:00' }],
      ['larger than 256 KB', { requestParameters: { blob: 'x'.repeat(300 * 1024) } }],
      ['readOnly must be true or false', { readOnly: 'false' }],
    ];
    const records = [...bad.map(([, members]) => makeRecord(members as Partial<CloudTrailRecord>)), good];
    const body = JSON.stringify({ Records: records }).replace(`"${deep}"`, '['.repeat(200_000) + ']'.repeat(200_000));
    const answer = await rawCloudTrailCall(server, { target: TARGET, body });
    expect(answer.status).toBe(200);
    expect(answer.json.Successful).toEqual([{ Index: bad.length, EventId: good.eventID }]);
    const failed = answer.json.Failed as Array<{ Index: number; ErrorCode: string; ErrorMessage: string }>;
    expect(failed.map((f) => f.Index)).toEqual(bad.map((_, index) => index));
    failed.forEach((f, index) => expect(f.ErrorMessage).toContain(bad[index]![0]));
    expect(await historyOf(good.eventID)).toHaveLength(1);
  });

  it('takes a real AWS service event whose userIdentity has no type (spec data)', async () => {
    const record = {
      eventVersion: '1.08', userIdentity: { accountId: '123837392027', invokedBy: 'ec2.amazonaws.com' },
      eventTime: '2023-07-10T12:03:26Z', eventSource: 'ec2.amazonaws.com', eventName: 'SharedSnapshotVolumeCreated',
      awsRegion: 'us-east-1', sourceIPAddress: 'ec2.amazonaws.com', userAgent: 'ec2.amazonaws.com',
      requestParameters: null, responseElements: null, eventID: crypto.randomUUID(), readOnly: false,
      eventType: 'AwsServiceEvent', managementEvent: true, recipientAccountId: '123456789012', eventCategory: 'Management',
    };
    const answer = await putRecords([record]);
    expect(answer.json.Failed).toEqual([]);
    expect((await historyOf(record.eventID)).map((json) => JSON.parse(json) as unknown)).toEqual([record]);
  });

  it('refuses a body that is not UTF-8 as SerializationException rather than storing rewritten text', async () => {
    const record = Buffer.from(JSON.stringify({ Records: [makeRecord({ eventID: 'utf8-PLACEHOLDER' })] }));
    const at = record.indexOf('PLACEHOLDER');
    const body = Buffer.concat([record.subarray(0, at), Buffer.from([0xff]), record.subarray(at + 'PLACEHOLDER'.length)]);
    const answer = await rawCloudTrailCall(server, { target: TARGET, body });
    expect(answer.status).toBe(400);
    expect(answer.json.__type).toBe('SerializationException');
  });

  it('reaches logging trails and event data stores like any recorded event', async () => {
    await cli(server, ['s3', 'mb', 's3://gateway-logs']);
    await client.send(new CreateTrailCommand({ Name: 'gateway', S3BucketName: 'gateway-logs' }));
    await client.send(new StartLoggingCommand({ Name: 'gateway' }));
    const store = await client.send(new CreateEventDataStoreCommand({ Name: 'gateway-events', TerminationProtectionEnabled: false }));
    const record = makeRecord({ eventName: 'ProxiedCall', eventTime: new Date().toISOString().slice(0, 19) + 'Z' });
    expect((await putRecords([record])).json.Failed).toEqual([]);
    const logs = new DeliveredLogs(server, 'gateway-logs');
    const delivered = await waitFor('the record in a log file', async () => {
      await logs.refresh();
      return logs.records().find((r) => r.eventID === record.eventID);
    });
    expect(delivered).toEqual(record);
    const kept = await waitFor('the record in the event data store', async () => {
      const events = await server.store.lakeEvents.eventsOf(store.EventDataStoreArn!, 0, 1000);
      return events.find((e) => e.eventId === record.eventID);
    });
    expect(JSON.parse(kept.json)).toEqual(record);
  });
});

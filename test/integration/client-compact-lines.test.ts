// The SDK sends in-memory records compact (PutRecords' Common, docs/bulk-ingest.md) and spooled ones whole: through
// a running opentrail both come out of LookupEvents as the same record, byte for byte, as completeRecord builds it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupEventsCommand, type CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { OpentrailClient } from '../../src/client/opentrail-client.js';
import { completeRecord, type AuditEvent } from '../../src/client/audit-record.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { cloudTrailClient } from '../support/sdk.js';

const ACCOUNT = '123456789012';
const TIME = Date.UTC(2026, 0, 2, 3, 4, 5);
const ana = { type: 'IAMUser', principalId: 'AIDAANA', arn: `arn:aws:iam::${ACCOUNT}:user/ana`, accountId: ACCOUNT, userName: 'ana' };

// The first event's shared members become the call's Common; the others differ from it in one way or another.
const events: AuditEvent[] = [
  { eventName: 'GetOrder', userIdentity: ana, readOnly: true, sourceIPAddress: '10.0.0.1', requestParameters: { id: 'o-1' } },
  { eventName: 'GetOrder', userIdentity: { ...ana }, readOnly: true, userAgent: 'curl/8', requestParameters: { id: 'o-2' } },
  { eventName: 'PlaceOrder', userIdentity: { ...ana, userName: 'bob' }, eventSource: 'billing.example.com', responseElements: { orderId: 'o-3' } },
  { eventName: 'CancelOrder', errorCode: 'OrderShipped', errorMessage: 'ünïcödé "shipped"', readOnly: false, resources: [{ type: 'Order', ARN: 'arn:orders:o-4' }] },
  { eventName: 'Notify', eventType: 'AwsServiceEvent', eventVersion: '1.09', additionalEventData: { truncated: ['requestParameters'] } },
  { eventName: 'Extra', userIdentity: ana, vpcEndpointId: 'vpce-1', custom: { any: 'thing' } },
];

let server: TestServer;
let lookups: CloudTrailClient;
let spoolDir: string;

beforeAll(async () => {
  server = await startTestServer({ retentionDays: 36_500 });
  lookups = cloudTrailClient(server);
  spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentrail-compact-'));
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(spoolDir, { recursive: true, force: true });
});

async function storedJson(eventId: string): Promise<string[]> {
  const page = await lookups.send(new LookupEventsCommand({
    LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: eventId }], StartTime: new Date(0), EndTime: new Date(Date.now() + 60_000),
  }));
  return (page.Events ?? []).map((event) => event.CloudTrailEvent ?? '');
}

async function send(spool: boolean): Promise<Array<{ event: AuditEvent; eventID: string }>> {
  const client = new OpentrailClient({
    endpoint: server.url, credentials: server.credentials, eventSource: 'orders.example.com', recipientAccountId: ACCOUNT,
    region: 'us-east-1', ...(spool ? { spool: { dir: spoolDir } } : {}),
  });
  const sent = events.map((event) => ({ event, eventID: client.record({ ...event, eventTime: TIME })! }));
  const stats = await client.close();
  expect(stats).toMatchObject({ sent: events.length, dropped: 0 });
  return sent;
}

describe('compact PutRecords calls from the SDK', () => {
  it('store the same records as whole ones, as completeRecord builds them', async () => {
    const compact = await send(false);
    const whole = await send(true);
    for (const [i, { event, eventID }] of compact.entries()) {
      const expected = JSON.stringify(completeRecord({ ...event, eventTime: TIME, eventID }, { region: 'us-east-1', eventSource: 'orders.example.com', recipientAccountId: ACCOUNT }, TIME));
      expect(await storedJson(eventID)).toEqual([expected]);
      const wholeJson = (await storedJson(whole[i]!.eventID))[0];
      expect(wholeJson?.replace(whole[i]!.eventID, eventID)).toBe(expected);
    }
  });
});

// Authorization of the producer surfaces: PutAuditEvents (AWS CLI, `cloudtrail-data:PutAuditEvents` on the channel)
// and PutRecords (`opentrail:PutRecords`) refuse IAM users without the action, let those with it through, and the
// PutRecords refusals are in Event History with their error code (PutAuditEvents calls are data events, outside it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsCli } from '../support/aws-cli.js';
import { cloudTrailClient, rawCloudTrailCall } from '../support/sdk.js';
import { cli } from '../support/delivered-logs.js';
import { allow, cliEnv, createUserWithKey } from '../support/iam.js';
import { makeRecord } from '../support/records.js';

let server: TestServer;
let channelArn: string;

beforeAll(async () => {
  server = await startTestServer({ retentionDays: 36_500 });
  const store = JSON.parse(await cli(server, ['cloudtrail', 'create-event-data-store', '--name', 'app-activity',
    '--advanced-event-selectors', '[{"FieldSelectors":[{"Field":"eventCategory","Equals":["ActivityAuditLog"]}]}]'])) as { EventDataStoreArn: string };
  const channel = JSON.parse(await cli(server, ['cloudtrail', 'create-channel', '--name', 'app', '--source', 'Custom',
    '--destinations', `Type=EVENT_DATA_STORE,Location=${store.EventDataStoreArn}`])) as { ChannelArn: string };
  channelArn = channel.ChannelArn;
});
afterAll(async () => server?.close());

function auditEvent(id: string): object {
  const eventData = JSON.stringify({
    version: '1.0', userIdentity: { type: 'CustomUser', principalId: 'alice' }, eventSource: 'app.example.com',
    eventName: 'Ping', eventTime: '2026-01-05T10:11:12Z', UID: `uid-${id}`, recipientAccountId: '123456789012',
  });
  return { id, eventData };
}

async function refusalsOf(userName: string, eventName: string): Promise<Array<Record<string, unknown>>> {
  const client = cloudTrailClient(server);
  try {
    const page = await client.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: userName }] }));
    return (page.Events ?? [])
      .map((e) => JSON.parse(e.CloudTrailEvent ?? '{}') as Record<string, unknown>)
      .filter((r) => r.eventName === eventName);
  } finally {
    client.destroy();
  }
}

describe('PutAuditEvents authorization (aws cloudtrail-data put-audit-events)', () => {
  const put = (env: Record<string, string>, id: string) => awsCli(server, ['cloudtrail-data', 'put-audit-events',
    '--channel-arn', channelArn, '--audit-events', JSON.stringify([auditEvent(id)])], env);

  it("refuses a user without cloudtrail-data:PutAuditEvents on the channel, in AWS's words", async () => {
    const user = await createUserWithKey(server, 'no-put', allow('cloudtrail-data:PutAuditEvents', 'arn:aws:cloudtrail:us-east-1:123456789012:channel/other'));
    const result = await put(cliEnv(user), 'refused-1');
    expect(result.code).toBe(255);
    expect(result.stderr).toContain('(AccessDeniedException)');
    expect(result.stderr).toContain(`User: ${user.arn} is not authorized to perform: cloudtrail-data:PutAuditEvents on resource: ${channelArn}`);
  });

  it('lets a user allowed on the channel put events', async () => {
    const user = await createUserWithKey(server, 'producer', allow('cloudtrail-data:PutAuditEvents', channelArn));
    const result = await put(cliEnv(user), 'allowed-1');
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toMatchObject({ successful: [{ id: 'allowed-1' }], failed: [] });
  });

  it('checks a channel named by its bare id as its ARN: a Deny on the ARN holds, an Allow on it lets through', async () => {
    const channelId = channelArn.slice(channelArn.lastIndexOf('/') + 1);
    const byId = (env: Record<string, string>, id: string) => awsCli(server, ['cloudtrail-data', 'put-audit-events',
      '--channel-arn', channelId, '--audit-events', JSON.stringify([auditEvent(id)])], env);
    const denied = await createUserWithKey(server, 'denied-by-arn', {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: 'cloudtrail-data:PutAuditEvents', Resource: channelArn },
      ],
    });
    const refused = await byId(cliEnv(denied), 'by-id-denied');
    expect(refused.code).toBe(255);
    expect(refused.stderr).toContain(`is not authorized to perform: cloudtrail-data:PutAuditEvents on resource: ${channelArn}`);
    const allowed = await createUserWithKey(server, 'allowed-by-arn', allow('cloudtrail-data:PutAuditEvents', channelArn));
    const result = await byId(cliEnv(allowed), 'by-id-allowed');
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toMatchObject({ successful: [{ id: 'by-id-allowed' }], failed: [] });
  });
});

describe('PutRecords authorization (opentrail:PutRecords)', () => {
  const putRecords = (credentials: { accessKeyId: string; secretAccessKey: string }) => rawCloudTrailCall(server, {
    target: 'OpenTrail_20261101.PutRecords', body: JSON.stringify({ Records: [makeRecord({ eventName: 'GatewayCall' })] }), credentials,
  });

  it('refuses a user without opentrail:PutRecords, in the JSON protocol, and records the refusal', async () => {
    const user = await createUserWithKey(server, 'reader', allow('cloudtrail:LookupEvents'));
    const answer = await putRecords(user);
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({
      __type: 'AccessDeniedException',
      message: `User: ${user.arn} is not authorized to perform: opentrail:PutRecords because no identity-based policy allows the opentrail:PutRecords action`,
    });
    const [record] = await refusalsOf('reader', 'PutRecords');
    expect(record).toMatchObject({ errorCode: 'AccessDeniedException', userIdentity: { type: 'IAMUser', userName: 'reader' } });
  });

  it('lets a producer key allowed only opentrail:PutRecords store records', async () => {
    const user = await createUserWithKey(server, 'gateway', allow('opentrail:PutRecords'));
    const answer = await putRecords(user);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ Successful: [{ Index: 0 }], Failed: [] });
  });
});

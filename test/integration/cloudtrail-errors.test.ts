// Every error the CloudTrail edge and LookupEvents answer with, as the SDK and a raw client see it, and proof that
// a refused call of a known key is recorded while bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupEventsCommand, type CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { startTestServer, type TestServer } from '../support/server.js';
import { cloudTrailClient, rawCloudTrailCall } from '../support/sdk.js';
import type { CloudTrailRecord } from '../../src/domain/record.js';

const LONG_TARGET = 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101';
let server: TestServer;
let client: CloudTrailClient;

beforeAll(async () => {
  server = await startTestServer();
  client = cloudTrailClient(server);
});
afterAll(async () => {
  client?.destroy();
  await server?.close();
});

async function sdkError(input: Record<string, unknown>, c = client): Promise<{ name: string; message: string; status?: number; fault?: string }> {
  try {
    await c.send(new LookupEventsCommand(input as never));
  } catch (err) {
    const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number }; $fault?: string };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode, fault: e.$fault };
  }
  throw new Error('the call succeeded');
}

async function recordsNamed(eventName: string): Promise<CloudTrailRecord[]> {
  const page = await client.send(new LookupEventsCommand({
    LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }],
  }));
  return page.Events!.map((e) => JSON.parse(e.CloudTrailEvent!));
}

describe('LookupEvents errors', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['an unknown attribute key', { LookupAttributes: [{ AttributeKey: 'Colour', AttributeValue: 'x' }] }, 'InvalidLookupAttributesException'],
    ['an empty attribute value', { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: '' }] }, 'InvalidLookupAttributesException'],
    ['an attribute value over 2000 characters', { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'x'.repeat(2001) }] }, 'InvalidLookupAttributesException'],
    ['a ReadOnly value other than true/false', { LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'yes' }] }, 'InvalidLookupAttributesException'],
    ['more attributes than keys', { LookupAttributes: Array.from({ length: 9 }, () => ({ AttributeKey: 'EventName', AttributeValue: 'x' })) }, 'InvalidLookupAttributesException'],
    ['an attribute that insights do not have', { EventCategory: 'insight', LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'x' }] }, 'InvalidLookupAttributesException'],
    ['a start after the end', { StartTime: new Date(2000), EndTime: new Date(1000) }, 'InvalidTimeRangeException'],
    ['MaxResults 0', { MaxResults: 0 }, 'InvalidMaxResultsException'],
    ['MaxResults 51', { MaxResults: 51 }, 'InvalidMaxResultsException'],
    ['a forged NextToken', { NextToken: 'not-a-token' }, 'InvalidNextTokenException'],
    ['an EventCategory other than insight', { EventCategory: 'management' }, 'InvalidEventCategoryException'],
  ];
  for (const [what, input, code] of cases) {
    it(`answers ${code} for ${what}`, async () => {
      const error = await sdkError(input);
      expect(error).toMatchObject({ name: code, status: 400, fault: 'client' });
      expect(error.message.length).toBeGreaterThan(10);
    });
  }

  it('refuses a NextToken replayed with other parameters', async () => {
    for (let i = 0; i < 3; i++) await client.send(new LookupEventsCommand({ MaxResults: 1 }));
    const first = await client.send(new LookupEventsCommand({ MaxResults: 1 }));
    expect(first.NextToken).toBeTruthy();
    const error = await sdkError({ MaxResults: 1, NextToken: first.NextToken, LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'LookupEvents' }] });
    expect(error.name).toBe('InvalidNextTokenException');
  });

  it('records a refused lookup with its errorCode and no responseElements', async () => {
    const error = await sdkError({ MaxResults: 99 });
    expect(error.name).toBe('InvalidMaxResultsException');
    const records = await recordsNamed('LookupEvents');
    const refused = records.find((r) => r.errorCode === 'InvalidMaxResultsException');
    expect(refused).toMatchObject({ errorMessage: expect.stringContaining('MaxResults'), responseElements: null, requestParameters: { maxResults: 99 } });
  });
});

describe('JSON 1.1 protocol errors', () => {
  it('accepts both X-Amz-Target spellings', async () => {
    for (const target of [`${LONG_TARGET}.LookupEvents`, 'CloudTrail_20131101.LookupEvents']) {
      const answer = await rawCloudTrailCall(server, { target, body: '{"MaxResults":1}' });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      expect(Array.isArray(answer.json.Events)).toBe(true);
    }
  });

  it('answers UnknownOperationException for an operation CloudTrail does not have, and records it', async () => {
    const answer = await rawCloudTrailCall(server, { target: `${LONG_TARGET}.FlyToTheMoon` });
    expect(answer.status).toBe(400);
    expect(answer.json.__type).toBe('UnknownOperationException');
    expect(answer.headers.get('x-amzn-requestid')).toBeTruthy();
    expect((await recordsNamed('FlyToTheMoon'))[0]).toMatchObject({ errorCode: 'UnknownOperationException' });
  });

  it('answers UnsupportedOperationException for a modelled operation that is not built yet', async () => {
    const answer = await rawCloudTrailCall(server, { target: `${LONG_TARGET}.StartImport` });
    expect(answer.json).toMatchObject({ __type: 'UnsupportedOperationException', message: expect.stringContaining('StartImport') });
  });

  it('answers SerializationException for malformed JSON and for wrong member types', async () => {
    const bad = await rawCloudTrailCall(server, { target: `${LONG_TARGET}.LookupEvents`, body: '{"MaxResults":' });
    expect(bad).toMatchObject({ status: 400, json: { __type: 'SerializationException' } });
    const typed = await rawCloudTrailCall(server, { target: `${LONG_TARGET}.LookupEvents`, body: '{"MaxResults":"ten"}' });
    expect(typed.json).toMatchObject({ __type: 'SerializationException', message: expect.stringContaining('MaxResults') });
    const array = await rawCloudTrailCall(server, { target: `${LONG_TARGET}.LookupEvents`, body: '[]' });
    expect(array.json.__type).toBe('SerializationException');
  });

  it('accepts integer, fractional and ISO timestamps', async () => {
    for (const start of ['1735689600', '1735689600.123', '"2025-01-01T00:00:00Z"']) {
      const answer = await rawCloudTrailCall(server, { target: `${LONG_TARGET}.LookupEvents`, body: `{"StartTime":${start}}` });
      expect(answer.status).toBe(200);
    }
  });

  it('refuses bodies over the limit', async () => {
    const body = JSON.stringify({ NextToken: 'x'.repeat(3 * 1024 * 1024) });
    const answer = await rawCloudTrailCall(server, { target: `${LONG_TARGET}.LookupEvents`, body });
    expect(answer.status).toBe(413);
    expect(answer.json.__type).toBe('RequestEntityTooLargeException');
  });
});

describe('authentication', () => {
  it('answers MissingAuthenticationTokenException to an unsigned request', async () => {
    const answer = await rawCloudTrailCall(server, { target: `${LONG_TARGET}.LookupEvents`, sign: false });
    expect(answer).toMatchObject({ status: 403, json: { __type: 'MissingAuthenticationTokenException' } });
  });

  it('answers UnrecognizedClientException to an unknown access key', async () => {
    const stranger = cloudTrailClient(server, { credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x'.repeat(40) } });
    expect(await sdkError({}, stranger)).toMatchObject({ name: 'UnrecognizedClientException', status: 403 });
    stranger.destroy();
  });

  it('answers InvalidSignatureException to a wrong secret, and records the refusal for the key owner', async () => {
    const impostor = cloudTrailClient(server, { credentials: { ...server.credentials, secretAccessKey: 'wrong'.repeat(8) } });
    const error = await sdkError({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'marker-bad-signature' }] }, impostor);
    expect(error).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
    impostor.destroy();
    const records = await recordsNamed('LookupEvents');
    const refused = records.find((r) => r.errorCode === 'InvalidSignatureException');
    expect(refused).toMatchObject({
      userIdentity: { type: 'Root', accessKeyId: server.credentials.accessKeyId },
      errorMessage: expect.stringContaining('signature'),
      responseElements: null,
    });
  });

  it('answers "Signature expired" to a request signed 16 minutes ago', async () => {
    const answer = await rawCloudTrailCall(server, {
      target: `${LONG_TARGET}.LookupEvents`, signingDate: new Date(Date.now() - 16 * 60_000),
    });
    expect(answer).toMatchObject({ status: 403, json: { __type: 'InvalidSignatureException', message: expect.stringContaining('Signature expired') } });
  });

  it('takes the region from the credential scope', async () => {
    const answer = await rawCloudTrailCall(server, { target: `${LONG_TARGET}.LookupEvents`, region: 'ap-south-1', body: '{"MaxResults":1}' });
    expect(answer.status).toBe(200);
    const south = cloudTrailClient(server, { region: 'ap-south-1' });
    const page = await south.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'LookupEvents' }] }));
    expect(page.Events!.length).toBeGreaterThan(0);
    for (const e of page.Events!) expect(JSON.parse(e.CloudTrailEvent!).awsRegion).toBe('ap-south-1');
    south.destroy();
  });

  it('answers /health without credentials', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', role: 'all' });
  });
});

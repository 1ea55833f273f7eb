// The installed AWS CLI v1 against a running server: credentials from the generated file, auto-pagination, filters,
// and the CLI's own rendering of errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsCli } from '../support/aws-cli.js';
import { makeRecord } from '../support/records.js';
import { indexEvent } from '../../src/domain/indexed-event.js';

let server: TestServer;
const seeded = Array.from({ length: 23 }, (_, i) => makeRecord({
  eventTime: new Date(Date.UTC(2025, 2, 1, 10, 0, i)).toISOString().slice(0, 19) + 'Z',
  eventName: i % 2 ? 'PutObject' : 'CreateBucket',
}));
const range = ['--start-time', '2025-03-01T00:00:00Z', '--end-time', '2025-03-02T00:00:00Z'];

beforeAll(async () => {
  server = await startTestServer({ retentionDays: 36_500 });
  await server.store.eventLog.importEvents(seeded.map((r) => indexEvent(r, { origin: 'imported' })));
});
afterAll(async () => server?.close());

describe('aws cloudtrail lookup-events', () => {
  it('pages through every event with --page-size, newest first, none twice', async () => {
    const result = await awsCli(server, ['cloudtrail', 'lookup-events', '--page-size', '4', ...range]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const events = JSON.parse(result.stdout).Events as Array<{ EventId: string; EventTime: number; ReadOnly: string }>;
    expect(events.map((e) => e.EventId)).toEqual([...seeded].reverse().map((r) => r.eventID));
    expect(typeof events[0]!.EventTime).toBe('number');
    expect(events[0]!.ReadOnly).toBe('true');
  });

  it('filters with --lookup-attributes', async () => {
    const result = await awsCli(server, [
      'cloudtrail', 'lookup-events', ...range, '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=PutObject',
    ]);
    expect(result.code).toBe(0);
    const events = JSON.parse(result.stdout).Events as Array<{ EventName: string }>;
    expect(events).toHaveLength(11);
    expect(new Set(events.map((e) => e.EventName))).toEqual(new Set(['PutObject']));
  });

  it('stops at --max-items and hands out a token to resume', async () => {
    const first = await awsCli(server, ['cloudtrail', 'lookup-events', ...range, '--max-items', '5']);
    const page = JSON.parse(first.stdout) as { Events: Array<{ EventId: string }>; NextToken: string };
    expect(page.Events).toHaveLength(5);
    const rest = await awsCli(server, ['cloudtrail', 'lookup-events', ...range, '--starting-token', page.NextToken]);
    const after = JSON.parse(rest.stdout).Events as Array<{ EventId: string }>;
    expect([...page.Events, ...after].map((e) => e.EventId)).toEqual([...seeded].reverse().map((r) => r.eventID));
  });

  it('records the CLI\'s own calls, with its user agent and the long X-Amz-Target', async () => {
    await awsCli(server, ['cloudtrail', 'lookup-events', '--max-items', '1']);
    const result = await awsCli(server, [
      'cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=LookupEvents', '--max-items', '50',
    ]);
    const records = (JSON.parse(result.stdout).Events as Array<{ CloudTrailEvent: string }>).map((e) => JSON.parse(e.CloudTrailEvent));
    expect(records.some((r) => String(r.userAgent).startsWith('aws-cli/'))).toBe(true);
  });

  it('shows the server\'s error code and exits 255', async () => {
    const result = await awsCli(server, ['cloudtrail', 'lookup-events', '--page-size', '51']);
    expect(result.code).toBe(255);
    expect(result.stderr).toContain('An error occurred (InvalidMaxResultsException) when calling the LookupEvents operation');
  });

  it('is refused with credentials the server does not know', async () => {
    const result = await awsCli(server, ['cloudtrail', 'lookup-events'], {
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_ACCESS_KEY_ID: 'AKIAUNKNOWN000000000', AWS_SECRET_ACCESS_KEY: 'y'.repeat(40),
    });
    expect(result.code).toBe(255);
    expect(result.stderr).toContain('UnrecognizedClientException');
  });
});

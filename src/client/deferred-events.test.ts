// Events handed over as facts (recordLater, what the middleware uses): built later, many at a time, and still seen
// by flush() and close(), in the order they were handed over, without a faulty builder reaching the application.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OpentrailClient } from './opentrail-client.js';
import type { AuditEvent } from './audit-record.js';
import { startFakePutRecords, type FakePutRecords } from '../../test/support/fake-put-records.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-example-0123456789' };
let fake: FakePutRecords;
let client: OpentrailClient;
let built: string[];
const errors: Error[] = [];

beforeEach(async () => {
  fake = await startFakePutRecords();
  client = new OpentrailClient({
    endpoint: fake.url, credentials, eventSource: 'shop.example.com', onError: (e) => errors.push(e), batch: { maxDelayMs: 60_000 },
  });
  built = [];
  errors.length = 0;
});
afterEach(async () => {
  await client.close({ timeoutMs: 100 });
  await fake.close();
});

const build = (eventName: string): AuditEvent => {
  built.push(eventName);
  return { eventName, eventTime: Date.UTC(2026, 0, 2, 3, 4, 5) };
};
const storedNames = () => [...fake.stored.values()].map((r) => r.eventName);

describe('OpentrailClient.recordLater', () => {
  it('builds held events within its delay, together, without flush()', async () => {
    client.recordLater(build, 'A');
    client.recordLater(build, 'B');
    expect(built).toEqual([]);
    expect(client.stats).toMatchObject({ recorded: 0, pending: 2 });
    await vi.waitFor(() => expect(built).toEqual(['A', 'B']), { timeout: 1000, interval: 5 });
    expect(client.stats).toMatchObject({ recorded: 2, pending: 2 });
  });

  it('builds at once when many are held, so that a burst does not pile up', () => {
    for (let i = 0; i < 31; i++) client.recordLater(build, `E${i}`);
    expect(built).toHaveLength(0);
    client.recordLater(build, 'E31');
    expect(built).toHaveLength(32);
    expect(client.stats.recorded).toBe(32);
  });

  it('flush() delivers held events, in the order handed over, record() ones among them', async () => {
    client.recordLater(build, 'First');
    const id = client.record({ eventName: 'Second' });
    client.recordLater(build, 'Third');
    expect(await client.flush()).toBe(true);
    expect(storedNames()).toEqual(['First', 'Second', 'Third']);
    expect(fake.stored.get(id!)?.eventName).toBe('Second');
    expect(fake.stored.size).toBe(3);
    const first = [...fake.stored.values()][0]!;
    expect(first).toMatchObject({ eventTime: '2026-01-02T03:04:05Z', eventSource: 'shop.example.com' });
    expect(first.eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
  });

  it('close() delivers held events, and drops what is handed over after it', async () => {
    client.recordLater(build, 'Held');
    const stats = await client.close();
    expect(storedNames()).toEqual(['Held']);
    expect(stats).toMatchObject({ recorded: 1, sent: 1, pending: 0, dropped: 0 });
    client.recordLater(build, 'Late');
    expect(built).toEqual(['Held']);
    expect(client.stats.droppedByReason).toEqual({ closed: 1 });
  });

  it('a builder that throws loses its own event only, counted and reported, never thrown to the caller', async () => {
    client.recordLater(build, 'Before');
    expect(() => client.recordLater(() => { throw new Error('no route'); }, undefined)).not.toThrow();
    client.recordLater(build, 'After');
    client.recordLater(() => undefined, undefined);
    expect(await client.flush()).toBe(true);
    expect(storedNames()).toEqual(['Before', 'After']);
    expect(client.stats).toMatchObject({ recorded: 2, dropped: 1, droppedByReason: { invalid_event: 1 } });
    expect(errors.map((e) => e.message)).toEqual(['opentrail client: dropped an event that could not be built: no route']);
  });
});

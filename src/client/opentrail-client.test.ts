import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OpentrailClient } from './opentrail-client.js';
import { resolveClientOptions, type ClientOptions } from './client-options.js';
import { RecordLineWriter } from './record-line.js';
import { startFakePutRecords, type FakePutRecords } from '../../test/support/fake-put-records.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-example-0123456789' };
let fake: FakePutRecords;
const clients: OpentrailClient[] = [];

beforeEach(async () => {
  fake = await startFakePutRecords();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close({ timeoutMs: 100 })));
  await fake.close();
});

function client(options: ClientOptions = {}): OpentrailClient {
  const made = new OpentrailClient({
    endpoint: fake.url, credentials, eventSource: 'shop.example.com', onError: () => {},
    retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...options,
  });
  clients.push(made);
  return made;
}

function recordMany(c: OpentrailClient, count: number, eventName = 'PlaceOrder'): string[] {
  return Array.from({ length: count }, (_, i) => c.record({ eventName, requestParameters: { i } })!);
}

describe('OpentrailClient batching', () => {
  it('sends full batches by count without waiting for the timer, and the rest on flush', async () => {
    const c = client({ batch: { maxRecords: 10, maxDelayMs: 60_000 } });
    recordMany(c, 25);
    await vi.waitFor(() => expect(fake.calls).toEqual([10, 10]));
    expect(await c.flush()).toBe(true);
    expect(fake.calls).toEqual([10, 10, 5]);
    expect(c.stats).toMatchObject({ recorded: 25, sent: 25, dropped: 0, retried: 0, pending: 0 });
  });

  it('keeps each call under the byte limit', async () => {
    const c = client({ batch: { maxRecords: 1000, maxBytes: 300_000, maxDelayMs: 60_000 } });
    for (let i = 0; i < 12; i++) c.record({ eventName: 'Upload', requestParameters: { blob: 'x'.repeat(50_000) } });
    expect(await c.flush()).toBe(true);
    expect(fake.calls.every((n) => n <= 5)).toBe(true);
    expect(fake.calls.reduce((a, b) => a + b)).toBe(12);
  });

  it('sends a partial batch once its oldest record has waited maxDelayMs', async () => {
    const c = client({ batch: { maxRecords: 100, maxDelayMs: 30 } });
    recordMany(c, 3);
    await vi.waitFor(() => expect(fake.stored.size).toBe(3));
    expect(fake.calls).toEqual([3]);
  });

  it('completes records at record() time: eventID, CloudTrail defaults, signed calls', async () => {
    const c = client({ recipientAccountId: '111122223333', region: 'eu-west-1' });
    const id = c.record({ eventName: 'GetOrder', eventTime: new Date('2026-01-02T03:04:05.678Z'), readOnly: true });
    await c.flush();
    expect(fake.stored.get(id!)).toEqual({
      eventName: 'GetOrder', eventTime: '2026-01-02T03:04:05Z', readOnly: true, eventVersion: '1.11',
      userIdentity: { type: 'Unknown' }, eventSource: 'shop.example.com', awsRegion: 'eu-west-1',
      requestParameters: null, responseElements: null, eventID: id, eventType: 'AwsApiCall',
      eventCategory: 'Management', managementEvent: true, recipientAccountId: '111122223333',
    });
    expect(fake.authorizations[0]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/cloudtrail\/aws4_request, SignedHeaders=.*x-amz-target/);
  });
});

describe('OpentrailClient bodies', () => {
  it('carries any Unicode in records intact', async () => {
    const c = client({ batch: { maxRecords: 3 } });
    const text = 'Grüße € 😀 \u2028 "quoted" \\ back';
    const ids = [c.record({ eventName: 'A', requestParameters: { text } }), c.record({ eventName: 'B' }), c.record({ eventName: 'C', userAgent: text })];
    expect(await c.flush()).toBe(true);
    expect((fake.stored.get(ids[0]!)!.requestParameters as { text: string }).text).toBe(text);
    expect(fake.stored.get(ids[2]!)!.userAgent).toBe(text);
    expect(fake.stored.size).toBe(3);
  });
});

describe('OpentrailClient retries', () => {
  it('retries 5xx, throttling, dropped connections and transient record failures; each record stored once', async () => {
    const c = client({ batch: { maxRecords: 5, maxDelayMs: 0 } });
    fake.faults.push(
      { kind: 'status', status: 503, type: 'ServiceUnavailableException' },
      { kind: 'hang-up' },
      { kind: 'status', status: 400, type: 'ThrottlingException' },
      { kind: 'status', status: 429, type: 'TooManyRequestsException', retryAfter: '0' },
      { kind: 'fail-records', code: 'InternalError', match: (r) => (r.requestParameters as { i: number }).i % 2 === 0 },
    );
    const ids = recordMany(c, 20);
    expect(await c.flush()).toBe(true);
    expect([...fake.stored.keys()].sort()).toEqual([...ids].sort());
    expect(c.stats.sent).toBe(20);
    expect(c.stats.dropped).toBe(0);
    expect(c.stats.retried).toBeGreaterThanOrEqual(4 * 5);
  });

  it('asks for failures only, and understands a server that still lists every stored record', async () => {
    const c = client({ batch: { maxRecords: 5, maxDelayMs: 0 } });
    fake.faults.push({ kind: 'miscount' });
    const ids = recordMany(c, 10);
    expect(await c.flush()).toBe(true);
    // The call whose counts did not add up was sent again whole; the server kept each record once.
    expect(c.stats.retried).toBe(5);
    fake.listsSuccessful = true;
    fake.refuse = (record) => ((record.requestParameters as { i: number }).i === 3 ? 'InvalidRecord' : undefined);
    ids.push(...recordMany(c, 5));
    expect(await c.flush()).toBe(true);
    expect(fake.stored.size).toBe(14);
    expect(fake.duplicates).toBe(5);
    expect(c.stats).toMatchObject({ sent: 14, dropped: 1, droppedByReason: { 'rejected:InvalidRecord': 1 } });
  });

  it('sends records whole again to a server older than Common, which refuses them compact', async () => {
    const c = client({ batch: { maxRecords: 5, maxDelayMs: 0 } });
    fake.ignoresCommon = true;
    fake.refuse = (record) => (typeof record.eventVersion === 'string' && typeof record.eventSource === 'string' ? undefined : 'InvalidRecord');
    const ids = recordMany(c, 7);
    c.record({ eventName: 'Extra', custom: 'member' });
    expect(await c.flush()).toBe(true);
    expect(fake.stored.size).toBe(8);
    for (const id of ids) expect(fake.stored.get(id)).toMatchObject({ eventVersion: '1.11', eventSource: 'shop.example.com', eventType: 'AwsApiCall' });
    expect(c.stats).toMatchObject({ sent: 8, dropped: 0 });
  });

  it('retries while the server is unreachable and delivers once it is back', async () => {
    const c = client({ batch: { maxRecords: 50, maxDelayMs: 0 } });
    fake.down = true;
    const ids = recordMany(c, 30);
    expect(await c.flush({ timeoutMs: 150 })).toBe(false);
    expect(c.stats.retried).toBeGreaterThan(0);
    fake.down = false;
    expect(await c.flush()).toBe(true);
    expect([...fake.stored.keys()].sort()).toEqual([...ids].sort());
  });

  it('drops records the server refuses one by one, counting why, and stores the others of the call', async () => {
    const c = client();
    fake.refuse = (r) => (r.eventName === 'Bad' ? 'InvalidRecord' : undefined);
    const good = recordMany(c, 4);
    c.record({ eventName: 'Bad' });
    expect(await c.flush()).toBe(true);
    expect([...fake.stored.keys()].sort()).toEqual([...good].sort());
    // Refused compact, it was tried once more whole (what a server older than Common needs), then dropped.
    expect(c.stats).toMatchObject({ sent: 4, dropped: 1, droppedByReason: { 'rejected:InvalidRecord': 1 }, retried: 1 });
  });

  it('bisects a call refused as a whole so that only the malformed record is dropped', async () => {
    const c = client({ batch: { maxRecords: 16, maxDelayMs: 60_000 } });
    fake.poison = (r) => r.eventName === 'Poison';
    const before = recordMany(c, 7);
    c.record({ eventName: 'Poison' });
    const after = recordMany(c, 8);
    expect(await c.flush()).toBe(true);
    expect([...fake.stored.keys()].sort()).toEqual([...before, ...after].sort());
    expect(c.stats.droppedByReason).toEqual({ 'rejected:ValidationException': 1 });
  });
});

describe('OpentrailClient endpoints', () => {
  it('sends to an IPv6 literal endpoint (http://[::1]:port)', async (context) => {
    const ipv6 = await startFakePutRecords('::1').catch(() => undefined);
    if (!ipv6) return context.skip();
    try {
      const c = client({ endpoint: ipv6.url });
      const [id] = recordMany(c, 1);
      expect(await c.flush({ timeoutMs: 5000 })).toBe(true);
      expect([...ipv6.stored.keys()]).toEqual([id]);
      expect(c.stats).toMatchObject({ sent: 1, dropped: 0 });
    } finally {
      await ipv6.close();
    }
  });
});

describe('OpentrailClient never fails the application', () => {
  it('answers undefined and counts the drop for events it cannot use', () => {
    const c = client();
    const circular: Record<string, unknown> = { eventName: 'Loop' };
    circular.self = circular;
    expect(c.record(circular as never)).toBeUndefined();
    expect(c.record(null as never)).toBeUndefined();
    expect(c.record({} as never)).toBeUndefined();
    expect(c.record({ eventName: 'Big', requestParameters: { blob: 'x'.repeat(300_000) } })).toBeUndefined();
    expect(client({ eventSource: undefined }).record({ eventName: 'NoSource' })).toBeUndefined();
    expect(c.stats.droppedByReason).toEqual({ invalid_event: 3, record_too_large: 1 });
  });

  it('bounds its memory: beyond maxBufferedRecords records are dropped, not queued', async () => {
    const c = client({ maxBufferedRecords: 5, batch: { maxDelayMs: 60_000 } });
    fake.down = true;
    const ids = recordMany(c, 8);
    expect(ids.filter(Boolean)).toHaveLength(5);
    expect(c.stats.droppedByReason).toEqual({ buffer_full: 3 });
  });

  it('drops what a full buffer cannot take before building it, and tells the application of each drop', async () => {
    const heard: string[] = [];
    const c = client({ maxBufferedRecords: 2, batch: { maxDelayMs: 60_000 }, onError: (error) => heard.push(error.message) });
    fake.down = true;
    recordMany(c, 2);
    const build = vi.fn((facts: { i: number }) => ({ eventName: 'Later', requestParameters: facts }));
    const line = vi.spyOn(RecordLineWriter.prototype, 'line');
    for (let i = 0; i < 3; i++) c.recordLater(build, { i });
    expect(c.record({ eventName: 'Now' })).toBeUndefined();
    expect(build).not.toHaveBeenCalled();
    expect(line).not.toHaveBeenCalled();
    line.mockRestore();
    expect(c.stats).toMatchObject({ recorded: 2, pending: 2, droppedByReason: { buffer_full: 4 } });
    expect(heard).toEqual(Array(4).fill('opentrail client: dropped a record (buffer_full)'));
  });

  it('does not throw when what an event threw cannot be described, with or without an onError', () => {
    const throwsUndefined = { eventName: 'Odd', requestParameters: { toJSON: () => { throw undefined; } } };
    const heard: string[] = [];
    const withHandler = client({ onError: (error) => heard.push(error.message) });
    const withDefault = client({ onError: undefined });
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      expect(withHandler.record(throwsUndefined)).toBeUndefined();
      expect(withDefault.record(throwsUndefined)).toBeUndefined();
    } finally {
      warn.mockRestore();
    }
    expect(heard).toEqual(['opentrail client: dropped an invalid event: undefined']);
    expect(withDefault.stats.droppedByReason).toEqual({ invalid_event: 1 });
  });

  it('waits in flush() and close() for events still being made, and counts them as pending meanwhile', async () => {
    const later = (ms: number, eventName: string) => new Promise<{ eventName: string }>((resolve) => setTimeout(() => resolve({ eventName }), ms));
    const flushing = client();
    flushing.recordWhenReady(later(50, 'MadeLater'));
    expect(flushing.stats.pending).toBe(1);
    expect(await flushing.flush()).toBe(true);
    expect([...fake.stored.values()].map((r) => r.eventName)).toEqual(['MadeLater']);
    const closing = client();
    closing.recordWhenReady(later(50, 'MadeWhileClosing'));
    closing.recordWhenReady(Promise.reject(new Error('no identity service')));
    expect(await closing.close()).toMatchObject({ sent: 1, pending: 0, droppedByReason: { invalid_event: 1 } });
    expect([...fake.stored.values()].map((r) => r.eventName)).toEqual(['MadeLater', 'MadeWhileClosing']);
    const late = client();
    late.recordWhenReady(later(300, 'TooLate'));
    expect(await late.flush({ timeoutMs: 20 })).toBe(false);
    expect(await late.close({ timeoutMs: 20 })).toMatchObject({ sent: 0 });
    await later(320, 'x');
    expect(late.stats.droppedByReason).toEqual({ closed: 1 });
  });

  it('close() gives up after its time limit while the server is down, counting what it could not send', async () => {
    const c = client({ batch: { maxDelayMs: 0 } });
    fake.down = true;
    recordMany(c, 6);
    const stats = await c.close({ timeoutMs: 100 });
    expect(stats.droppedByReason).toEqual({ unsent_at_close: 6 });
    expect(c.record({ eventName: 'Late' })).toBeUndefined();
    expect(c.stats.droppedByReason.closed).toBe(1);
  });

  it('refuses a configuration without credentials when it is constructed', () => {
    expect(() => resolveClientOptions({ endpoint: fake.url }, {})).toThrow(/no credentials/);
    expect(() => resolveClientOptions({ credentials, batch: { maxRecords: 5000 } }, {})).toThrow(/batch.maxRecords must be between 1 and 1000/);
  });
});

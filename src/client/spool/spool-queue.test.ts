import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OpentrailClient } from '../opentrail-client.js';
import type { ClientOptions } from '../client-options.js';
import { RecordLineWriter } from '../record-line.js';
import { startFakePutRecords, type FakePutRecords } from '../../../test/support/fake-put-records.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-example-0123456789' };
let fake: FakePutRecords;
let dir: string;
const open: OpentrailClient[] = [];

beforeEach(async () => {
  fake = await startFakePutRecords();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentrail-spool-'));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close({ timeoutMs: 100 })));
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function spooling(options: ClientOptions = {}): OpentrailClient {
  const c = new OpentrailClient({
    endpoint: fake.url, credentials, eventSource: 'shop.example.com', onError: () => {},
    retry: { baseDelayMs: 5, maxDelayMs: 20 }, batch: { maxRecords: 10, maxDelayMs: 0 }, spool: { dir }, ...options,
  });
  open.push(c);
  return c;
}

async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((c) => c.close({ timeoutMs: 100 })));
}

const segments = () => fs.readdirSync(dir).filter((f) => f.startsWith('segment-'));

describe('spool', () => {
  it('keeps what an outage left unsent across a restart and replays it on the next start', async () => {
    fake.down = true;
    const first = spooling();
    const ids = Array.from({ length: 25 }, (_, i) => first.record({ eventName: 'PlaceOrder', requestParameters: { i } })!);
    await closeAll();
    expect(first.stats).toMatchObject({ recorded: 25, spooled: 25, dropped: 0 });
    expect(segments().length).toBeGreaterThan(0);
    expect(fs.statSync(path.join(dir, segments()[0]!)).mode & 0o777).toBe(0o600);

    fake.down = false;
    const second = spooling();
    expect(second.stats.pending).toBe(25);
    expect(await second.flush()).toBe(true);
    expect([...fake.stored.keys()].sort()).toEqual([...ids].sort());
    expect(second.stats).toMatchObject({ replayed: 25, sent: 25, dropped: 0 });
    await closeAll();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('replays from the acknowledged position, not from the start of the file', async () => {
    const first = spooling();
    for (let i = 0; i < 30; i++) first.record({ eventName: 'A' });
    expect(await first.flush()).toBe(true);
    fake.down = true;
    const unsent = Array.from({ length: 5 }, () => first.record({ eventName: 'B' })!);
    await closeAll();
    fake.down = false;
    const second = spooling();
    expect(await second.flush()).toBe(true);
    expect(second.stats.replayed).toBe(5);
    expect(fake.duplicates).toBe(0);
    for (const id of unsent) expect(fake.stored.has(id)).toBe(true);
  });

  it('numbers new files past a cursor an earlier process left, so that the next start does not take them for sent', async () => {
    // What a process that sent everything and then died without close() leaves: its files retired, its cursor kept.
    fs.writeFileSync(path.join(dir, 'cursor.json'), JSON.stringify({ seq: 3, offset: 0 }));
    fake.down = true;
    const during = spooling();
    const ids = Array.from({ length: 5 }, () => during.record({ eventName: 'DuringOutage' })!);
    await closeAll();
    fake.down = false;
    const after = spooling();
    expect(await after.flush()).toBe(true);
    expect([...fake.stored.keys()].sort()).toEqual([...ids].sort());
    expect(after.stats).toMatchObject({ replayed: 5, dropped: 0 });
  });

  it('rotates files and deletes each once every record in it is acknowledged', async () => {
    fake.down = true;
    const c = spooling({ spool: { dir, segmentBytes: 2048 } });
    for (let i = 0; i < 100; i++) c.record({ eventName: 'Rotate', requestParameters: { i } });
    await c.flush({ timeoutMs: 100 });
    expect(segments().length).toBeGreaterThan(3);
    fake.down = false;
    expect(await c.flush()).toBe(true);
    expect(fake.stored.size).toBe(100);
    expect(segments().length).toBeLessThanOrEqual(1);
  });

  it('skips a line torn by a crash and delivers the rest', async () => {
    const good = JSON.stringify({ eventName: 'Kept', eventID: 'kept-1', eventSource: 's', eventTime: '2026-01-01T00:00:00Z' });
    fs.writeFileSync(path.join(dir, 'segment-0000000000000001.ndjson'), `${good}\n{"eventName":"Bro\n{"eventName":"Torn","ev`);
    const c = spooling();
    expect(await c.flush()).toBe(true);
    expect([...fake.stored.keys()]).toEqual(['kept-1']);
    expect(c.stats.droppedByReason).toEqual({ spool_unreadable: 2 });
  });

  it('bounds the spool on disk', async () => {
    fake.down = true;
    const c = spooling({ spool: { dir, maxBytes: 300_000 } });
    const big = 'x'.repeat(100_000);
    const ids = [1, 2, 3, 4].map(() => c.record({ eventName: 'Big', requestParameters: { big } }));
    expect(ids.filter(Boolean)).toHaveLength(2);
    expect(c.stats.droppedByReason).toEqual({ spool_full: 2 });
  });

  it('refuses what it cannot hold before the record\'s line is written, while earlier records wait for the disk', () => {
    const c = spooling({ maxBufferedRecords: 3 });
    const line = vi.spyOn(RecordLineWriter.prototype, 'line');
    try {
      // Synchronously: none of these is on disk yet, so the fourth on has no room in memory.
      const ids = Array.from({ length: 6 }, (_, i) => c.record({ eventName: 'PlaceOrder', requestParameters: { i } }));
      expect(ids.filter(Boolean)).toHaveLength(3);
      expect(line).toHaveBeenCalledTimes(3);
      expect(c.stats.droppedByReason).toEqual({ buffer_full: 3 });
    } finally {
      line.mockRestore();
    }
  });

  it('lets one client at a time use a spool folder', () => {
    spooling();
    expect(() => spooling()).toThrow(/already used by another client/);
  });

  it('takes over the lock a dead process left', async () => {
    fs.writeFileSync(path.join(dir, 'spool.lock'), '999999999');
    const c = spooling();
    c.record({ eventName: 'AfterCrash' });
    expect(await c.flush()).toBe(true);
    expect(fake.stored.size).toBe(1);
  });
});

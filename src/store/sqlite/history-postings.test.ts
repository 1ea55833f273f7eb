// Event History over postings (posting-writer.ts): lookups merged from overlapping postings of imports and live
// appends, and from pending events (pending-postings.ts), agree with a plain filter-and-sort of the same events,
// page by page; pruning drops the entries of the
// events it deletes and keeps those it must keep; a database from before postings migrates.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryAttributes } from '../../domain/history-attributes.js';
import type { IndexedEvent } from '../../domain/indexed-event.js';
import type { HistoryFilter, HistoryQuery, Store } from '../store.js';
import { ACCOUNT, event, iamUser, importedEvent, isoSeconds, NOON_MS, historyQuery } from '../conformance/fixtures.js';
import { random } from '../../../bench/synthetic-records.js';
import { openSqliteStore } from './sqlite-store.js';
import { migrate, VERSION_BEFORE_POSTINGS } from './schema.js';
import { SCHEMA_VERSION } from './schema-version.js';
import { insertValues } from './event-row.js';
import { eventKey } from './event-key.js';
import { decodeEntries, encodeEntries, newestFirst } from './posting-codec.js';
import { POSTING_BATCH } from './pending-postings.js';

const DAY_MS = 86_400_000;

describe('posting codec', () => {
  it('round-trips entries newest first, whatever the seqs do', () => {
    const entries = [
      { timeMs: 1_700_000_000_123, seq: 2 ** 52 },
      { timeMs: 1_700_000_000_123, seq: 5 },
      { timeMs: 1_699_999_990_000, seq: 9_000_000 },
      { timeMs: 1_699_950_000_000, seq: 1 },
    ].sort(newestFirst);
    expect(decodeEntries(encodeEntries(entries), entries[0]!.timeMs)).toEqual(entries);
    expect(decodeEntries(encodeEntries([]), 0)).toEqual([]);
  });
});

describe('Event History over postings', () => {
  let dir: string;
  let path: string;
  let store: Store | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'opentrail-postings-'));
    path = join(dir, 'opentrail.db');
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages through imports and live appends that overlap in time exactly as a scan would', async () => {
    store = await openSqliteStore({ path });
    const written = await writeMixed(store, mixedEvents(1500));
    for (const filters of FILTER_SETS) {
      for (const [startMs, endMs] of [[NOON_MS - 2 * DAY_MS, NOON_MS + DAY_MS], [NOON_MS - DAY_MS / 2, NOON_MS - 600_000]] as const) {
        const query = historyQuery({ filters, startMs, endMs, limit: 7 });
        expect(await pageThrough(store, query), JSON.stringify(filters)).toEqual(expected(written, query));
      }
    }
  });

  it('stays exact when two connections append in turn, either one moving pending events into postings', async () => {
    store = await openSqliteStore({ path });
    const other = await openSqliteStore({ path });
    try {
      const events = mixedEvents(2 * POSTING_BATCH + 50);
      const written: Written[] = [];
      for (const [i, e] of events.entries()) {
        await (i % 3 === 0 ? other : store).eventLog.append([e]);
        written.push({ event: e, seq: i + 1 });
      }
      for (const filters of FILTER_SETS) {
        const query = historyQuery({ filters, startMs: 0, endMs: NOON_MS + DAY_MS, limit: 9 });
        expect(await pageThrough(store, query), JSON.stringify(filters)).toEqual(expected(written, query));
      }
    } finally {
      await other.close();
    }
  });

  it('finds live appends while they are pending and after they are written as postings together', async () => {
    store = await openSqliteStore({ path });
    const db = new Database(path, { readonly: true });
    const pending = () => db.prepare('SELECT count(*) FROM history_pending').pluck().get();
    const postingRows = () => db.prepare('SELECT count(*) FROM history_postings').pluck().get();
    try {
      const events = mixedEvents(POSTING_BATCH);
      const written: Written[] = [];
      const check = async () => {
        for (const filters of FILTER_SETS) {
          const query = historyQuery({ filters, startMs: 0, endMs: NOON_MS + DAY_MS, limit: 13 });
          expect(await pageThrough(store!, query), JSON.stringify(filters)).toEqual(expected(written, query));
        }
      };
      for (const [i, e] of events.slice(0, -1).entries()) {
        await store.eventLog.append([e]);
        written.push({ event: e, seq: i + 1 });
      }
      expect(pending()).toBe(POSTING_BATCH - 1);
      expect(postingRows()).toBe(0);
      await check();
      await store.eventLog.append([events.at(-1)!]);
      written.push({ event: events.at(-1)!, seq: POSTING_BATCH });
      expect(pending()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM history_pending_keys').pluck().get()).toBe(0);
      expect(postingRows()).toBeGreaterThan(0);
      await check();
    } finally {
      db.close();
    }
  });

  it('finds an eventId that events of several days share when another filter passes only the oldest', async () => {
    store = await openSqliteStore({ path });
    // Duplicates are recognized within a UTC day (schema.ts): events of other days may reuse an eventId.
    const eventID = '0f6c8a3e-5d2b-4c1a-9e7f-3b2a1c0d9e8f';
    const on = (daysBack: number, eventName: string) =>
      importedEvent({ eventID, eventName, eventTime: isoSeconds(NOON_MS - daysBack * DAY_MS) });
    await store.eventLog.importEvents([on(2, 'Wanted'), on(1, 'Other'), on(0, 'Other')]);
    const query = historyQuery({
      filters: [{ key: 'EventId', value: eventID }, { key: 'EventName', value: 'Wanted' }],
      startMs: 0, endMs: NOON_MS + DAY_MS, limit: 1,
    });
    const page = await store.eventHistory.lookup(query);
    expect(page.rows.map((r) => r.timeMs)).toEqual([NOON_MS - 2 * DAY_MS]);
    expect(page.more).toBe(false);
  });

  it('a lookup that fails leaves no statement busy for the next lookups', async () => {
    store = await openSqliteStore({ path });
    const inBucket = (bucketName: string) => event({ requestParameters: { bucketName } });
    await store.eventLog.importEvents(Array.from({ length: POSTING_BATCH }, () => inBucket('logs')));
    await store.eventLog.append([inBucket('broken')]);
    // A pending event whose stored resources cannot be read: its lookup fails (any read error would do).
    const db = new Database(path);
    try {
      db.prepare("UPDATE events SET resources = '[broken' WHERE seq = ?").run(POSTING_BATCH + 1);
    } finally {
      db.close();
    }
    const byBucket = (value: string) => historyQuery({ filters: [{ key: 'ResourceName', value }], startMs: 0, endMs: NOON_MS + DAY_MS });
    await expect(store.eventHistory.lookup(byBucket('broken'))).rejects.toThrow(SyntaxError);
    expect((await store.eventHistory.lookup(byBucket('logs'))).rows).toHaveLength(50);
  });

  it('finds an eventId on every day that holds it, however far apart the days, before 1970 too', async () => {
    store = await openSqliteStore({ path });
    const id = '3f1c7a52-0d1e-4c4b-9a55-6f0e8c1d2b77';
    // Days -1, 0 (an hour before 1970: SQLite's division truncates) and 1, a day of 2025 and one of year 9000.
    const times = [-2 * DAY_MS + 5000, -3_600_000, DAY_MS + 3_600_000, Date.UTC(2025, 2, 10, 12), Date.UTC(9000, 0, 1)];
    const events = times.map((ms) => importedEvent({ eventID: id, eventTime: new Date(ms).toISOString() }));
    await store.eventLog.importEvents(events);
    await store.eventLog.importEvents([importedEvent({ eventTime: isoSeconds(Date.UTC(2025, 2, 11)) })]);
    const query = historyQuery({ filters: [{ key: 'EventId', value: id }], startMs: -1e15, endMs: 1e15, limit: 2 });
    const found: number[] = [];
    let after: HistoryQuery['after'];
    do {
      const page = await store.eventHistory.lookup({ ...query, ...(after ? { after } : {}) });
      found.push(...page.rows.map((r) => r.timeMs));
      const last = page.rows.at(-1);
      after = page.more && last ? { timeMs: last.timeMs, seq: last.seq } : undefined;
    } while (after);
    expect(found).toEqual([...times].sort((a, b) => b - a));
  });

  it('pruning keeps the entries of the events it keeps and drops the others', async () => {
    store = await openSqliteStore({ path });
    const boundary = Date.UTC(2025, 2, 10);
    const at = (ms: number) => importedEvent({ eventTime: isoSeconds(ms), eventName: 'Pruned' });
    // One import batch on both sides of the boundary: its postings of the day before go, those of the day stay.
    // Filled up to POSTING_BATCH events, so that it is written as postings rather than left pending.
    const filler = Array.from({ length: POSTING_BATCH - 4 }, (_, i) =>
      importedEvent({ eventTime: isoSeconds(boundary + 10_000 + i * 1000), eventName: 'Filler' }));
    await store.eventLog.importEvents([at(boundary - 5000), at(boundary - 3000), at(boundary + 1000), at(boundary + 2000), ...filler]);
    const db = new Database(path);
    try {
      // An event data store that has read only the first event: the second must stay until it has.
      db.exec(`INSERT INTO event_data_stores (arn, account_id, region, name, config) VALUES ('arn:eds', '${ACCOUNT}', 'us-east-1', 'eds', '{}');
        INSERT INTO lake_cursor (id, after_seq) VALUES (1, 1)`);
      expect(await store.eventLog.pruneBefore(boundary)).toBe(1);
      const entries = () => db.prepare("SELECT sum(count) FROM history_postings WHERE attr = 1 AND value = 'Pruned'").pluck().get();
      expect(entries()).toBe(3);
      const query = historyQuery({ filters: [{ key: 'EventName', value: 'Pruned' }], startMs: 0, endMs: boundary + DAY_MS });
      expect((await store.eventHistory.lookup(query)).rows.map((r) => r.timeMs)).toEqual([boundary + 2000, boundary + 1000, boundary - 3000]);
      db.exec('UPDATE lake_cursor SET after_seq = 10');
      expect(await store.eventLog.pruneBefore(boundary)).toBe(1);
      expect(entries()).toBe(2);
      expect((await store.eventHistory.lookup(query)).rows.map((r) => r.timeMs)).toEqual([boundary + 2000, boundary + 1000]);
    } finally {
      db.close();
    }
  });

  it('migrates a database written before postings: every attribute finds its events', async () => {
    const events = mixedEvents(120);
    writeBeforePostings(path, events);
    store = await openSqliteStore({ path });
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'history_by_%' OR name = 'history_resources'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
    const written = events.map((e, i) => ({ event: e, seq: i + 1 }));
    for (const filters of FILTER_SETS) {
      const query = historyQuery({ filters, startMs: 0, endMs: NOON_MS + DAY_MS, limit: 11 });
      expect(await pageThrough(store, query), JSON.stringify(filters)).toEqual(expected(written, query));
    }
  });
});

const FILTER_SETS: HistoryFilter[][] = [
  [],
  [{ key: 'EventName', value: 'GetObject' }],
  [{ key: 'EventSource', value: 'iam.amazonaws.com' }],
  [{ key: 'ReadOnly', value: 'false' }],
  [{ key: 'Username', value: 'bob' }],
  [{ key: 'AccessKeyId', value: 'AKIABOB0000000000000' }],
  [{ key: 'ResourceType', value: 'AWS::S3::Bucket' }],
  [{ key: 'ResourceName', value: 'bucket-2' }],
  [{ key: 'ResourceName', value: 'bucket-2' }, { key: 'Username', value: 'bob' }],
  [{ key: 'EventName', value: 'ListUsers' }, { key: 'ReadOnly', value: 'true' }, { key: 'Username', value: 'alice' }],
  [{ key: 'EventName', value: 'NoSuchEvent' }],
];

/** Events over two days around NOON_MS, many sharing a second, with few values per attribute. */
function mixedEvents(count: number): IndexedEvent[] {
  const rnd = random(5);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  return Array.from({ length: count }, () => {
    const user = pick(['alice', 'bob', 'carol']);
    const s3 = rnd() < 0.5;
    return event({
      eventTime: isoSeconds(NOON_MS - Math.floor(rnd() * 40) * 3_600_000 - Math.floor(rnd() * 3) * 1000),
      userIdentity: iamUser(user, `AKIA${user.toUpperCase()}`.padEnd(20, '0')),
      eventSource: s3 ? 's3.amazonaws.com' : 'iam.amazonaws.com',
      eventName: s3 ? pick(['GetObject', 'PutObject']) : pick(['ListUsers', 'CreateUser']),
      readOnly: rnd() < 0.6,
      requestParameters: s3 ? { bucketName: pick(['bucket-1', 'bucket-2', 'bucket-3']) } : null,
    });
  });
}

interface Written {
  event: IndexedEvent;
  seq: number;
}

/** Alternates import batches (in no time order) with live appends of one to three events, in sequence. */
async function writeMixed(store: Store, events: IndexedEvent[]): Promise<Written[]> {
  const written: Written[] = [];
  let seq = 0;
  for (let i = 0; i < events.length;) {
    // Imports big enough to be written as postings at once, live appends small enough to wait as pending.
    const size = written.length % 2 === 0 ? POSTING_BATCH + 44 : 1 + (i % 3);
    const part = events.slice(i, i + size);
    if (size > POSTING_BATCH) await store.eventLog.importEvents(part);
    else await store.eventLog.append(part);
    for (const e of part) written.push({ event: e, seq: ++seq });
    i += part.length;
  }
  return written;
}

/** The old write path: event rows and the rows of history_resources, at the schema before postings. */
function writeBeforePostings(path: string, events: IndexedEvent[]): void {
  const db = new Database(path);
  try {
    migrate(db, VERSION_BEFORE_POSTINGS);
    db.prepare("INSERT INTO scopes (id, account_id, region, lane) VALUES (1, ?, 'us-east-1', 1)").run(ACCOUNT);
    // The events table as it was then: no channel column.
    const insert = db.prepare(`INSERT INTO events (event_id, event_key, scope, time_ms, category, in_history, origin,
      event_name, event_source, read_only, username, access_key_id, resources, json) VALUES (${Array(14).fill('?').join(', ')})`);
    const resource = db.prepare('INSERT OR IGNORE INTO history_resources VALUES (1, ?, ?, ?, ?)');
    for (const [i, e] of events.entries()) {
      insert.run(...insertValues(e, eventKey(e.eventId), 1).slice(0, 14));
      for (const r of e.attributes.resources) {
        if (r.type !== undefined) resource.run(0, r.type, e.timeMs, i + 1);
        resource.run(1, r.name, e.timeMs, i + 1);
      }
    }
  } finally {
    db.close();
  }
}

async function pageThrough(store: Store, query: HistoryQuery): Promise<string[]> {
  const ids: string[] = [];
  let after: HistoryQuery['after'];
  for (;;) {
    const page = await store.eventHistory.lookup({ ...query, ...(after ? { after } : {}) });
    ids.push(...page.rows.map((r) => r.attributes.eventId));
    const last = page.rows.at(-1);
    if (!page.more || !last) return ids;
    after = { timeMs: last.timeMs, seq: last.seq };
  }
}

function expected(written: Written[], query: HistoryQuery): string[] {
  return written
    .filter(({ event: e }) => e.timeMs >= query.startMs && e.timeMs <= query.endMs)
    .filter(({ event: e }) => query.filters.every((f) => has(e.attributes, f)))
    .sort((a, b) => b.event.timeMs - a.event.timeMs || b.seq - a.seq)
    .map(({ event: e }) => e.eventId);
}

function has(a: HistoryAttributes, f: HistoryFilter): boolean {
  switch (f.key) {
    case 'EventId': return a.eventId === f.value;
    case 'EventName': return a.eventName === f.value;
    case 'EventSource': return a.eventSource === f.value;
    case 'ReadOnly': return String(a.readOnly) === f.value;
    case 'Username': return a.username === f.value;
    case 'AccessKeyId': return a.accessKeyId === f.value;
    case 'ResourceType': return a.resources.some((r) => r.type === f.value);
    case 'ResourceName': return a.resources.some((r) => r.name === f.value);
  }
}

// The contract every Store backend must pass (SQLite now, PostgreSQL later). Each test gets a fresh, empty store
// from `open` and builds its events with indexEvent(), as the recorder and `opentrail import` do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../domain/record.js';
import { indexEvent, type IndexedEvent } from '../../domain/indexed-event.js';
import { LOOKUP_ATTRIBUTE_KEYS, type LookupAttributeKey } from '../../domain/history-attributes.js';
import type { AccessKeyRecord, HistoryQuery, HistoryRow, Store } from '../store.js';
import { DuplicateEventError } from '../duplicate-event-error.js';
import {
  ACCOUNT, NOON_MS, OTHER_ACCOUNT, OTHER_REGION, REGION, event, eventAt, historyQuery, iamUser, importedEvent, isoSeconds,
  record,
} from './fixtures.js';

/** Releases whatever `open` created for one test (a temporary file, a database), after the store is closed. */
export type StoreCleanup = (store: Store) => void | Promise<void>;

type CurrentStore = () => Store;

export function storeConformance(name: string, open: () => Promise<Store>, cleanup?: StoreCleanup): void {
  describe(`Store conformance: ${name}`, () => {
    let store: Store | undefined;
    let closing: Promise<void> | undefined;
    const current: CurrentStore = () => {
      if (!store) throw new Error('no store is open');
      return store;
    };
    const close = () => (closing ??= current().close());

    beforeEach(async () => {
      store = await open();
      closing = undefined;
    });
    afterEach(async () => {
      await close();
      await cleanup?.(current());
      store = undefined;
    });

    roundTrip(current, close);
    filters(current);
    ordering(current);
    categoriesAndScopes(current);
    imports(current);
    atomicity(current);
    feed(current);
    pruning(current);
    credentials(current);
  });
}

function roundTrip(store: CurrentStore, close: () => Promise<void>): void {
  describe('append and lookup', () => {
    it('returns the record byte for byte, with its attributes, time and seq', async () => {
      const r = record({ requestParameters: { note: 'grüße ✓ 🚀 "quoted" \\ \u2028', bucketName: 'b1' } });
      const json = JSON.stringify(r, null, '\t') + ' ';
      const e = indexEvent(r, { origin: 'recorded', json });
      await store().eventLog.append([e]);

      const page = await store().eventHistory.lookup(historyQuery());
      expect(page.more).toBe(false);
      expect(page.rows).toHaveLength(1);
      const row = page.rows[0]!;
      expect(row.json).toBe(json);
      expect(row.timeMs).toBe(e.timeMs);
      expect(row.attributes).toEqual(e.attributes);
      const [logged] = await store().eventFeed.readAfter(0, 10);
      expect(logged).toEqual({ seq: row.seq, event: e });
    });

    it('finds an acknowledged append at once', async () => {
      for (let i = 0; i < 5; i++) {
        const e = event();
        await store().eventLog.append([e]);
        expect(await ids(store(), historyQuery({ filters: [{ key: 'EventId', value: e.eventId }] }))).toEqual([e.eventId]);
      }
    });

    it('close waits for appends still in flight', async () => {
      const pending = store().eventLog.append([event()]);
      await close();
      await expect(pending).resolves.toBeUndefined();
    });
  });
}

const BOB_KEY = 'AKIABOB0000000000000';
const TARGET: Partial<CloudTrailRecord> = {
  eventName: 'PutBucketPolicy',
  eventSource: 's3.amazonaws.com',
  readOnly: false,
  userIdentity: iamUser('bob', BOB_KEY),
  requestParameters: { bucketName: 'audit-logs' },
};

/** Per key: the target's value, and an event that differs from the target in that attribute only. */
const FILTER_CASES: { key: LookupAttributeKey; value: (target: IndexedEvent) => string; miss: Partial<CloudTrailRecord> }[] = [
  { key: 'EventId', value: (t) => t.eventId, miss: {} },
  { key: 'EventName', value: () => 'PutBucketPolicy', miss: { eventName: 'putBucketPolicy' } },
  { key: 'ReadOnly', value: () => 'false', miss: { readOnly: true } },
  { key: 'Username', value: () => 'bob', miss: { userIdentity: iamUser('Bob', BOB_KEY) } },
  { key: 'ResourceType', value: () => 'AWS::S3::Bucket', miss: { requestParameters: { roleName: 'audit-logs' } } },
  { key: 'ResourceName', value: () => 'audit-logs', miss: { requestParameters: { bucketName: 'audit-logs-2' } } },
  { key: 'EventSource', value: () => 's3.amazonaws.com', miss: { eventSource: 'S3.amazonaws.com' } },
  { key: 'AccessKeyId', value: () => BOB_KEY, miss: { userIdentity: iamUser('bob', 'AKIABOB0000000000001') } },
];

function filters(store: CurrentStore): void {
  describe('filters', () => {
    it('cover every lookup attribute key', () => {
      expect(FILTER_CASES.map((c) => c.key).sort()).toEqual([...LOOKUP_ATTRIBUTE_KEYS].sort());
    });

    it.each(FILTER_CASES)('$key matches exactly and case-sensitively', async ({ key, value, miss }) => {
      const target = event(TARGET);
      await store().eventLog.append([event(), target, event({ ...TARGET, ...miss }), event()]);
      const query = historyQuery({ filters: [{ key, value: value(target) }] });
      expect(await ids(store(), query)).toEqual([target.eventId]);
    });

    it('ReadOnly matches neither value on events without readOnly, and nothing for other values', async () => {
      const unknown = event({ readOnly: undefined });
      const reading = event({ readOnly: true });
      await store().eventLog.append([unknown, reading, event({ readOnly: false })]);
      expect(await ids(store(), historyQuery({ filters: [{ key: 'ReadOnly', value: 'true' }] }))).toEqual([reading.eventId]);
      expect(await ids(store(), historyQuery({ filters: [{ key: 'ReadOnly', value: 'True' }] }))).toEqual([]);
    });

    it('combines several filters with AND', async () => {
      const bobPut = event(TARGET);
      const bobGet = event({ ...TARGET, eventName: 'GetBucketPolicy', readOnly: true });
      const alicePut = event({ ...TARGET, userIdentity: iamUser('alice', 'AKIAALICE0000000000A') });
      await store().eventLog.append([bobPut, bobGet, alicePut]);
      const both = (a: [LookupAttributeKey, string], b: [LookupAttributeKey, string]) =>
        ids(store(), historyQuery({ filters: [{ key: a[0], value: a[1] }, { key: b[0], value: b[1] }] }));
      expect(await both(['Username', 'bob'], ['EventName', 'PutBucketPolicy'])).toEqual([bobPut.eventId]);
      expect(await both(['ResourceName', 'audit-logs'], ['ReadOnly', 'true'])).toEqual([bobGet.eventId]);
      expect(await both(['EventName', 'PutBucketPolicy'], ['ResourceType', 'AWS::S3::Bucket'])).toEqual(
        [alicePut.eventId, bobPut.eventId],
      );
      expect(await both(['EventName', 'PutBucketPolicy'], ['EventName', 'GetBucketPolicy'])).toEqual([]);
      expect(await both(['Username', 'bob'], ['EventName', 'NoSuchEvent'])).toEqual([]);
    });

    it('applies each filter to the event as a whole, not to one resource', async () => {
      const e = event({ requestParameters: { bucketName: 'logs', roleName: 'deployer' } });
      await store().eventLog.append([e]);
      const query = historyQuery({
        filters: [{ key: 'ResourceType', value: 'AWS::S3::Bucket' }, { key: 'ResourceName', value: 'deployer' }],
      });
      expect(await ids(store(), query)).toEqual([e.eventId]);
    });

    it('finds values holding a lone surrogate (JSON allows them), alone and combined', async () => {
      const odd = 'bob\ud800';
      const e = event({ userIdentity: iamUser(odd, BOB_KEY), eventName: 'Put\udfff', requestParameters: { bucketName: odd } });
      await store().eventLog.append([e, event()]);
      await store().eventLog.importEvents([importedEvent({ userIdentity: iamUser(odd, BOB_KEY) })]);
      const find = (...filters: [LookupAttributeKey, string][]) =>
        ids(store(), historyQuery({ filters: filters.map(([key, value]) => ({ key, value })) }));
      expect(await find(['Username', odd])).toHaveLength(2);
      expect(await find(['EventName', 'Put\udfff'])).toEqual([e.eventId]);
      expect(await find(['ResourceName', odd], ['Username', odd])).toEqual([e.eventId]);
    });

    it('returns an event once even when several of its resources match', async () => {
      const e = event({
        resources: [{ ARN: 'arn:aws:s3:::a', type: 'AWS::S3::Bucket' }, { ARN: 'arn:aws:s3:::b', type: 'AWS::S3::Bucket' }],
      });
      await store().eventLog.append([e, event()]);
      expect(await ids(store(), historyQuery({ filters: [{ key: 'ResourceType', value: 'AWS::S3::Bucket' }] })))
        .toEqual([e.eventId]);
    });
  });
}

function ordering(store: CurrentStore): void {
  describe('time bounds, order and pages', () => {
    it('includes both ends of the time range', async () => {
      const events = [-2, -1, 0, 1, 2].map((s) => eventAt(s));
      await store().eventLog.append(events);
      const within = (startS: number, endS: number) =>
        ids(store(), historyQuery({ startMs: NOON_MS + startS * 1000, endMs: NOON_MS + endS * 1000 }));
      expect(await within(-1, 1)).toEqual([events[3]!, events[2]!, events[1]!].map((e) => e.eventId));
      expect(await within(0, 0)).toEqual([events[2]!.eventId]);
      expect(await within(1, -1)).toEqual([]);
    });

    it('lists newest first, ties broken by seq, newest seq first', async () => {
      await store().eventLog.append([0, 5, 0, -5, 5, 0].map((s) => eventAt(s)));
      const rows = (await store().eventHistory.lookup(historyQuery())).rows;
      expect(positions(rows)).toEqual(positions(sortNewestFirst(rows)));
      expect(rows.map((r) => r.timeMs)).toEqual([5, 5, 0, 0, 0, -5].map((s) => NOON_MS + s * 1000));
    });

    it('reports more exactly when a further row exists', async () => {
      await store().eventLog.append(Array.from({ length: 10 }, () => event()));
      expect((await store().eventHistory.lookup(historyQuery({ limit: 10 }))).more).toBe(false);
      const page = await store().eventHistory.lookup(historyQuery({ limit: 9 }));
      expect(page.rows).toHaveLength(9);
      expect(page.more).toBe(true);
    });

    const walks: [string, HistoryQuery['filters']][] = [
      ['no filter', []],
      ['an event column filter', [{ key: 'EventName', value: 'PutBucketPolicy' }]],
      ['a resource filter', [{ key: 'ResourceName', value: 'audit-logs' }]],
      ['two filters', [{ key: 'ResourceType', value: 'AWS::S3::Bucket' }, { key: 'Username', value: 'bob' }]],
    ];
    it.each(walks)('pages through many ties without duplicates or gaps (%s)', async (_, filters) => {
      await store().eventLog.append(
        Array.from({ length: 130 }, (_, i) => eventAt(i % 7, i % 3 === 0 ? {} : TARGET)),
      );
      const everything = await allRows(store(), historyQuery({ filters }), 1000);
      const walked = await allRows(store(), historyQuery({ filters }), 9);
      expect(walked.length).toBe(filters.length === 0 ? 130 : 86);
      expect(positions(walked)).toEqual(positions(everything));
      expect(positions(walked)).toEqual(positions(sortNewestFirst(walked)));
    });

    it('continues after a position, bounded by the time range', async () => {
      const events = [-1, 0, 0, 1].map((s) => eventAt(s));
      await store().eventLog.append(events);
      const rows = (await store().eventHistory.lookup(historyQuery())).rows;
      const from = (after: HistoryRow, startS: number, endS: number) => ids(store(), historyQuery({
        after: { timeMs: after.timeMs, seq: after.seq }, startMs: NOON_MS + startS * 1000, endMs: NOON_MS + endS * 1000,
      }));
      expect(await from(rows[0]!, -1, 0)).toEqual(idsOf(rows.slice(1)));
      expect(await from(rows[1]!, 0, 0)).toEqual(idsOf(rows.slice(2, 3)));
      expect(await from(rows[3]!, -9, 9)).toEqual([]);
    });
  });
}

function categoriesAndScopes(store: CurrentStore): void {
  describe('what Event History holds', () => {
    const insight = () => event({ eventCategory: 'Insight', eventType: 'AwsCloudTrailInsight', eventName: 'PutObject' });
    const data = () => event({
      eventCategory: 'Data', managementEvent: false, eventName: 'PutObject', eventSource: 's3.amazonaws.com',
      resources: [{ ARN: 'arn:aws:s3:::b/k', type: 'AWS::S3::Object' }],
    });

    it('keeps Insight events apart from management events', async () => {
      const management = event({ eventName: 'PutObject' });
      const insights = [insight(), insight()];
      await store().eventLog.append([management, ...insights]);
      expect(await ids(store(), historyQuery())).toEqual([management.eventId]);
      const insightQuery = historyQuery({ category: 'insight', filters: [{ key: 'EventName', value: 'PutObject' }] });
      expect(await ids(store(), insightQuery)).toEqual(idsOf(insights).reverse());
    });

    it('never returns events outside Event History (data, network activity, non-management)', async () => {
      const outside = [
        data(), event({ eventCategory: 'NetworkActivity', eventName: 'PutObject' }), event({ managementEvent: false }),
      ];
      await store().eventLog.append(outside);
      const queries = [
        historyQuery(), historyQuery({ category: 'insight' }),
        ...outside.map((e) => historyQuery({ filters: [{ key: 'EventId', value: e.eventId }] })),
        historyQuery({ filters: [{ key: 'ResourceType', value: 'AWS::S3::Object' }] }),
        historyQuery({ filters: [{ key: 'EventName', value: 'PutObject' }] }),
      ];
      for (const query of queries) expect(await ids(store(), query)).toEqual([]);
      expect(await store().eventFeed.readAfter(0, 10)).toHaveLength(3);
    });

    it('scopes lookups to one account and one region', async () => {
      const mine = event();
      const otherAccount = event({ recipientAccountId: OTHER_ACCOUNT });
      const otherRegion = event({ awsRegion: OTHER_REGION });
      const assigned = indexEvent(record(), { origin: 'imported', accountId: OTHER_ACCOUNT });
      await store().eventLog.append([mine, otherAccount, otherRegion, assigned]);
      expect(await ids(store(), historyQuery())).toEqual([mine.eventId]);
      expect(await ids(store(), historyQuery({ accountId: OTHER_ACCOUNT }))).toEqual([assigned.eventId, otherAccount.eventId]);
      expect(await ids(store(), historyQuery({ region: OTHER_REGION }))).toEqual([otherRegion.eventId]);
      const byId = historyQuery({ filters: [{ key: 'EventId', value: otherRegion.eventId }] });
      expect(await ids(store(), byId)).toEqual([]);
      expect(await ids(store(), historyQuery({ accountId: '999999999999' }))).toEqual([]);
    });
  });
}

function imports(store: CurrentStore): void {
  describe('import', () => {
    it('adds only events whose eventId is new, and counts the rest as duplicates', async () => {
      const live = event();
      await store().eventLog.append([live]);
      const [a, b] = [importedEvent(), importedEvent()];
      const again = indexEvent(JSON.parse(live.json) as CloudTrailRecord, { origin: 'imported' });
      expect(await store().eventLog.importEvents([again, a, b])).toEqual({ added: 2, duplicates: 1 });
      const c = importedEvent();
      expect(await store().eventLog.importEvents([b, c, c])).toEqual({ added: 1, duplicates: 2 });
      expect(await store().eventLog.importEvents([])).toEqual({ added: 0, duplicates: 0 });

      const logged = await store().eventFeed.readAfter(0, 10);
      expect(logged.map((l) => l.event)).toEqual([live, a, b, c]);
      expect(new Set(await ids(store(), historyQuery()))).toEqual(new Set(idsOf([live, a, b, c])));
    });

    it('ingests idempotently: stored eventIds are answered with their account, the rest added in order', async () => {
      const live = event();
      const foreign = event({ recipientAccountId: OTHER_ACCOUNT });
      await store().eventLog.append([live, foreign]);
      const [a, b] = [event(), event()];
      const results = await store().eventLog.ingest([a, live, b, a, foreign]);
      expect(results).toEqual([
        { added: true }, { added: false, heldBy: ACCOUNT }, { added: true }, { added: false, heldBy: ACCOUNT },
        { added: false, heldBy: OTHER_ACCOUNT },
      ]);
      expect(await store().eventLog.ingest([b])).toEqual([{ added: false, heldBy: ACCOUNT }]);
      expect(await store().eventLog.ingest([])).toEqual([]);
      const logged = await store().eventFeed.readAfter(0, 10);
      expect(logged.map((l) => l.event)).toEqual([live, foreign, a, b]);
    });

    it('ingests concurrently with appends in one group commit', async () => {
      const batches = Array.from({ length: 20 }, () => [event(), event()]);
      const appends = Array.from({ length: 20 }, () => event());
      await Promise.all([
        ...batches.map((batch) => store().eventLog.ingest(batch)),
        ...appends.map((e) => store().eventLog.append([e])),
      ]);
      const logged = await store().eventFeed.readAfter(0, 1000);
      expect(new Set(logged.map((l) => l.event.eventId))).toEqual(new Set(idsOf([...batches.flat(), ...appends])));
    });
  });
}

function atomicity(store: CurrentStore): void {
  describe('atomic appends and group commit', () => {
    it('stores none of an append that fails, and says why', async () => {
      const existing = event();
      await store().eventLog.append([existing]);
      const before = await store().eventFeed.lastSeq();
      const fresh = event();
      await expect(store().eventLog.append([fresh, existing])).rejects.toBeInstanceOf(DuplicateEventError);
      await expect(store().eventLog.append([fresh, fresh])).rejects.toBeInstanceOf(DuplicateEventError);
      expect(await store().eventFeed.readAfter(0, 10)).toHaveLength(1);
      expect(await ids(store(), historyQuery({ filters: [{ key: 'EventId', value: fresh.eventId }] }))).toEqual([]);
      expect(await store().eventFeed.lastSeq()).toBe(before);
    });

    it('commits many concurrent appends, each event once, with distinct seqs', async () => {
      const batches = Array.from({ length: 60 }, (_, i) => Array.from({ length: 1 + (i % 3) }, () => event()));
      await Promise.all(batches.map((b) => store().eventLog.append(b)));
      const logged = await store().eventFeed.readAfter(0, 1000);
      expect(new Set(logged.map((l) => l.event.eventId))).toEqual(new Set(idsOf(batches.flat())));
      expect(new Set(logged.map((l) => l.seq)).size).toBe(logged.length);
      expect((await allRows(store(), historyQuery(), 50)).length).toBe(batches.flat().length);
    });

    it('gives the events of one append ascending seqs, in their order', async () => {
      const events = Array.from({ length: 5 }, () => event());
      await store().eventLog.append(events);
      expect((await store().eventFeed.readAfter(0, 10)).map((l) => l.event.eventId)).toEqual(idsOf(events));
    });

    it('fails only the bad append among concurrent ones', async () => {
      const existing = event();
      await store().eventLog.append([existing]);
      const [good1, good2, victim] = [event(), event(), event()];
      const outcomes = await Promise.allSettled([
        store().eventLog.append([good1]), store().eventLog.append([victim, existing]), store().eventLog.append([good2]),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const logged = (await store().eventFeed.readAfter(0, 10)).map((l) => l.event.eventId);
      expect(logged).toEqual([existing.eventId, good1.eventId, good2.eventId]);
    });
  });
}

function feed(store: CurrentStore): void {
  describe('feed', () => {
    it('is empty with lastSeq 0 before anything was stored', async () => {
      expect(await store().eventFeed.readAfter(0, 10)).toEqual([]);
      expect(await store().eventFeed.lastSeq()).toBe(0);
    });

    it('reads every event in seq order after a position, at most limit', async () => {
      const events = [event(), event({ eventCategory: 'Data', managementEvent: false }), importedEvent(), event()];
      await store().eventLog.append(events.slice(0, 2));
      await store().eventLog.importEvents(events.slice(2, 3));
      await store().eventLog.append(events.slice(3));
      const all = await store().eventFeed.readAfter(0, 100);
      expect(all.map((l) => l.event)).toEqual(events);
      expect(all.map((l) => l.seq)).toEqual([...all.map((l) => l.seq)].sort((x, y) => x - y));
      expect(await store().eventFeed.readAfter(all[1]!.seq, 2)).toEqual(all.slice(2, 4));
      expect(await store().eventFeed.readAfter(all[3]!.seq, 2)).toEqual([]);
      expect(await store().eventFeed.lastSeq()).toBe(all[3]!.seq);
    });
  });
}

function pruning(store: CurrentStore): void {
  describe('prune', () => {
    const day = Date.UTC(2025, 2, 10);
    const at = (ms: number, overrides: Partial<CloudTrailRecord> = {}) => event({ eventTime: isoSeconds(ms), ...overrides });
    const bucket = { requestParameters: { bucketName: 'shared' } };

    it('drops whole UTC days before the day of the cutoff, with their resources', async () => {
      const kept = [at(day, bucket), at(day + 10 * 3_600_000)];
      const dropped = [
        at(day - 86_400_000 - 1000, bucket), at(day - 86_400_000, { eventCategory: 'Data', managementEvent: false }),
        at(day - 1000, { recipientAccountId: OTHER_ACCOUNT }), at(day - 43_200_000, { eventCategory: 'Insight' }),
      ];
      await store().eventLog.append([...kept, ...dropped]);
      expect(await store().eventLog.pruneBefore(day + 9 * 3_600_000)).toBe(4);
      expect(await store().eventLog.pruneBefore(day)).toBe(0);

      expect((await store().eventFeed.readAfter(0, 10)).map((l) => l.event)).toEqual(kept);
      expect(await ids(store(), historyQuery({ filters: [{ key: 'ResourceName', value: 'shared' }] })))
        .toEqual([kept[0]!.eventId]);
      expect(await ids(store(), historyQuery({ accountId: OTHER_ACCOUNT }))).toEqual([]);
    });

    it('never hands out a pruned seq again', async () => {
      await store().eventLog.append([at(day)]);
      await store().eventLog.append([at(day - 86_400_000)]);
      const last = await store().eventFeed.lastSeq();
      expect(await store().eventLog.pruneBefore(day)).toBe(1);
      expect(await store().eventFeed.lastSeq()).toBe(last);
      await store().eventLog.append([at(day)]);
      expect(await store().eventFeed.readAfter(last, 10)).toHaveLength(1);
    });
  });
}

function credentials(store: CurrentStore): void {
  describe('credentials', () => {
    const root: AccessKeyRecord = {
      accessKeyId: 'AKIAROOT000000000000', accountId: ACCOUNT, principalType: 'Root', principalId: ACCOUNT,
      principalArn: `arn:aws:iam::${ACCOUNT}:root`, sealedSecret: 'sealed:v1:abc', status: 'Active', createdMs: NOON_MS,
    };

    it('saves, finds and replaces access keys', async () => {
      expect(await store().credentials.findAccessKey(root.accessKeyId)).toBeUndefined();
      await store().credentials.saveAccessKey(root);
      expect(await store().credentials.findAccessKey(root.accessKeyId)).toEqual(root);

      const user: AccessKeyRecord = { ...root, accessKeyId: 'AKIAUSER000000000000', principalType: 'IAMUser', userName: 'u' };
      await store().credentials.saveAccessKey(user);
      const replaced: AccessKeyRecord = { ...root, status: 'Inactive', sealedSecret: 'sealed:v1:def' };
      await store().credentials.saveAccessKey(replaced);
      expect(await store().credentials.findAccessKey(root.accessKeyId)).toEqual(replaced);
      expect(await store().credentials.findAccessKey(user.accessKeyId)).toEqual(user);
    });
  });
}

async function ids(store: Store, query: HistoryQuery): Promise<string[]> {
  return (await store.eventHistory.lookup(query)).rows.map((r) => r.attributes.eventId);
}

function idsOf(events: readonly { eventId: string }[] | readonly HistoryRow[]): string[] {
  return events.map((e) => ('attributes' in e ? e.attributes.eventId : e.eventId));
}

/** Walks every page, checking the page contract on the way. */
async function allRows(store: Store, query: HistoryQuery, pageSize: number): Promise<HistoryRow[]> {
  const rows: HistoryRow[] = [];
  for (let pages = 0; pages < 1000; pages++) {
    const last = rows.at(-1);
    const page = await store.eventHistory.lookup({ ...query, limit: pageSize, ...(last && { after: position(last) }) });
    expect(page.rows.length).toBeLessThanOrEqual(pageSize);
    if (page.more) expect(page.rows).toHaveLength(pageSize);
    rows.push(...page.rows);
    if (!page.more) return rows;
  }
  throw new Error('pagination did not end');
}

function position(row: HistoryRow): { timeMs: number; seq: number } {
  return { timeMs: row.timeMs, seq: row.seq };
}

function positions(rows: readonly HistoryRow[]): string[] {
  return rows.map((r) => `${r.timeMs}/${r.seq}`);
}

function sortNewestFirst(rows: readonly HistoryRow[]): HistoryRow[] {
  return [...rows].sort((a, b) => b.timeMs - a.timeMs || b.seq - a.seq);
}

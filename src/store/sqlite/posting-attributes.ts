// Which LookupEvents attributes have postings (every one but EventId, whose own index holds one event per value),
// the posting values of an event, and how a stored row is checked against a filter without any index.
import Database from 'better-sqlite3';
import type { HistoryAttributes, LookupAttributeKey } from '../../domain/history-attributes.js';
import { resourcesOf, type AttributeColumns } from './event-row.js';
import type { BoundFilter, SqlValue } from './lookup-plan.js';

/** Part of the file format: the `attr` column of history_postings. */
export const POSTING_ATTRIBUTES = {
  EventName: 1,
  EventSource: 2,
  ReadOnly: 3,
  Username: 4,
  AccessKeyId: 5,
  ResourceType: 6,
  ResourceName: 7,
} as const satisfies Partial<Record<LookupAttributeKey, number>>;

export type PostingAttribute = (typeof POSTING_ATTRIBUTES)[keyof typeof POSTING_ATTRIBUTES];

export function postingAttributeOf(key: LookupAttributeKey): PostingAttribute | undefined {
  return key === 'EventId' ? undefined : POSTING_ATTRIBUTES[key];
}

/** Every (attribute, value) an Event History event is found by; a repeated resource value is listed once. */
export function postingKeys(a: HistoryAttributes): [PostingAttribute, SqlValue][] {
  const keys: [PostingAttribute, SqlValue][] = [
    [POSTING_ATTRIBUTES.EventName, a.eventName],
    [POSTING_ATTRIBUTES.EventSource, a.eventSource],
  ];
  if (a.readOnly !== undefined) keys.push([POSTING_ATTRIBUTES.ReadOnly, Number(a.readOnly)]);
  if (a.username !== undefined) keys.push([POSTING_ATTRIBUTES.Username, a.username]);
  if (a.accessKeyId !== undefined) keys.push([POSTING_ATTRIBUTES.AccessKeyId, a.accessKeyId]);
  const types = new Set<string>();
  const names = new Set<string>();
  for (const r of a.resources) {
    if (r.type !== undefined) types.add(r.type);
    names.add(r.name);
  }
  for (const type of types) keys.push([POSTING_ATTRIBUTES.ResourceType, type]);
  for (const name of names) keys.push([POSTING_ATTRIBUTES.ResourceName, name]);
  return keys;
}

/** Whether a stored event has a filter's value (as bindFilters stores it). */
export function rowMatches(row: AttributeColumns, filter: BoundFilter): boolean {
  const v = filter.readBack;
  switch (filter.key) {
    case 'EventId': return row.event_id === v;
    case 'EventName': return row.event_name === v;
    case 'EventSource': return row.event_source === v;
    case 'ReadOnly': return row.read_only === v;
    case 'Username': return row.username === v;
    case 'AccessKeyId': return row.access_key_id === v;
    case 'ResourceType': return resourcesOf(row).some((r) => r.type === filter.value);
    case 'ResourceName': return resourcesOf(row).some((r) => r.name === filter.value);
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A value as a text column hands it back. A lone surrogate (which JSON allows) cannot be stored as UTF-8, and the
 * runtime decides what is stored instead: before Node 24, V8 wrote its three bytes of invalid UTF-8, read back as
 * three U+FFFD; Node 24 writes U+FFFD itself. Indexes and SQL compare the stored bytes, and a bound value is
 * written the same way, so they find the event; the columns read back must be compared with the value in the same
 * form, which is the value bound and read back once. Resources are JSON text, which escapes lone surrogates, so
 * their parsed names and types keep them: they are compared with the value as given.
 */
export function asRead(value: SqlValue): SqlValue {
  if (typeof value !== 'string' || !LONE_SURROGATE.test(value)) return value;
  // Rare (a lookup for such a value): a throwaway connection, so that no statement outlives its use.
  const db = new Database(':memory:');
  try {
    return db.prepare<[string], string>('SELECT ?').pluck().get(value)!;
  } finally {
    db.close();
  }
}

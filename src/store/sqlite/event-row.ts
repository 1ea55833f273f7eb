// How an IndexedEvent is laid out in the `events` table, in both directions.
import type { IndexedEvent, EventOrigin } from '../../domain/indexed-event.js';
import type { HistoryAttributes, HistoryResource } from '../../domain/history-attributes.js';
import { lakeArn, lakeIdOf } from '../../domain/lake/lake-arn.js';

/** The columns a lookup reads: enough for a HistoryRow. */
export interface HistoryColumns {
  seq: number;
  time_ms: number;
  json: string;
  event_id: string;
  event_name: string;
  event_source: string;
  read_only: number | null;
  username: string | null;
  access_key_id: string | null;
  resources: string | null;
}

/** The columns the feed reads, with the scope's account and region joined in: enough for an IndexedEvent. */
export interface EventColumns extends HistoryColumns {
  account_id: string;
  region: string;
  category: string;
  in_history: number;
  origin: string;
}

export const HISTORY_SELECT = `e.seq, e.time_ms, e.json, e.event_id, e.event_name, e.event_source, e.read_only,
  e.username, e.access_key_id, e.resources`;

export const INSERT_EVENT = `INSERT INTO events (event_id, event_key, scope, time_ms, category, in_history, origin,
  event_name, event_source, read_only, username, access_key_id, resources, json, channel, channel_stores)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export type InsertValues = [
  string, number, number, number, string, number, string, string, string, number | null, string | null,
  string | null, string | null, string, string | null, string | null,
];

export function insertValues(event: IndexedEvent, key: number, scope: number): InsertValues {
  const a = event.attributes;
  return [
    event.eventId, key, scope, event.timeMs, event.category, event.inHistory ? 1 : 0,
    event.origin, a.eventName, a.eventSource, a.readOnly === undefined ? null : Number(a.readOnly),
    a.username ?? null, a.accessKeyId ?? null, a.resources.length > 0 ? JSON.stringify(a.resources) : null,
    event.json, event.channelArn ?? null, event.channelStores ? encodeChannelStores(event.channelStores) : null,
  ];
}

/** The columns that hold an event's lookup attributes. */
export type AttributeColumns = Pick<HistoryColumns,
  'event_id' | 'event_name' | 'event_source' | 'read_only' | 'username' | 'access_key_id' | 'resources'>;

export function attributesOf(row: AttributeColumns): HistoryAttributes {
  const attributes: HistoryAttributes = {
    eventId: row.event_id,
    eventName: row.event_name,
    eventSource: row.event_source,
    resources: resourcesOf(row),
  };
  if (row.read_only !== null) attributes.readOnly = row.read_only === 1;
  if (row.username !== null) attributes.username = row.username;
  if (row.access_key_id !== null) attributes.accessKeyId = row.access_key_id;
  return attributes;
}

export function resourcesOf(row: Pick<HistoryColumns, 'resources'>): HistoryResource[] {
  return row.resources === null ? [] : (JSON.parse(row.resources) as HistoryResource[]);
}

export function indexedEventOf(row: EventColumns): IndexedEvent {
  return {
    json: row.json,
    eventId: row.event_id,
    accountId: row.account_id,
    region: row.region,
    timeMs: row.time_ms,
    category: row.category,
    inHistory: row.in_history === 1,
    origin: row.origin as EventOrigin,
    attributes: attributesOf(row),
  };
}

/**
 * A channel's destinations as the events table keeps them: the stores' ids, comma separated. A channel sends only to
 * stores of its own account and region, which are the event's, so the ARNs are made again from those.
 */
function encodeChannelStores(arns: readonly string[]): string {
  return arns.map(lakeIdOf).join(',');
}

export function decodeChannelStores(ids: string, accountId: string, region: string): string[] {
  return ids === '' ? [] : ids.split(',').map((id) => lakeArn('eventdatastore', region, accountId, id));
}

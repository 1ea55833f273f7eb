// The SQL side of a lookup that no posting drives: an EventId lookup seeks the eventId index (at most one event),
// one without filters scans the time index newest first. Either way a page is one short descending range scan.
// Lookups driven by an attribute's postings are in posting-lookup.ts.
import type { LookupAttributeKey } from '../../domain/history-attributes.js';
import type { HistoryFilter } from '../store.js';
import { HISTORY_SELECT } from './event-row.js';
import { eventKey } from './event-key.js';

export type SqlValue = string | number;
export type TimeForm = 'range' | 'tie';

export interface BoundFilter {
  key: LookupAttributeKey;
  value: SqlValue;
}

export interface LookupPlan {
  /** Names the SQL text, for caching prepared statements. */
  key: string;
  sql(form: TimeForm): string;
  /** The statement's parameters, in the order its placeholders appear. */
  params(scope: number, time: readonly [number, number], limit: number): SqlValue[];
}

const READ_ONLY_VALUES = new Map([['true', 1], ['false', 0]]);

/** Filter values as stored; undefined when the filters can match nothing (ReadOnly other than "true"/"false"). */
export function bindFilters(filters: readonly HistoryFilter[]): BoundFilter[] | undefined {
  const bound: BoundFilter[] = [];
  for (const f of filters) {
    const value = f.key === 'ReadOnly' ? READ_ONLY_VALUES.get(f.value) : f.value;
    if (value === undefined) return undefined;
    bound.push({ key: f.key, value });
  }
  return bound;
}

/** True for the key whose index holds at most one event per value, which therefore always drives. */
export function isUnique(key: LookupAttributeKey): boolean {
  return key === 'EventId';
}

/** `eventId`: the EventId filter's value, when there is one; otherwise the plan reads the time index. */
export function planLookup(eventId: SqlValue | undefined): LookupPlan {
  return {
    key: eventId === undefined ? 'time' : 'EventId',
    sql: (form) => selectSql(eventId !== undefined, form),
    params: (scope, time, limit) => [
      scope, ...(eventId === undefined ? [] : [eventKey(String(eventId)), eventId]), ...time, limit,
    ],
  };
}

/** `in_history = 1` appears literally so that the time index's rows of other lanes are never candidates. */
function selectSql(byEventId: boolean, form: TimeForm): string {
  const from = byEventId ? 'events e INDEXED BY events_by_event_key' : 'events e INDEXED BY events_by_time';
  const seek = byEventId ? ' AND e.event_key = ? AND e.event_id = ?' : '';
  const time = form === 'range' ? 'e.time_ms >= ? AND e.time_ms < ?' : 'e.time_ms = ? AND e.seq < ?';
  return `SELECT ${HISTORY_SELECT} FROM ${from} WHERE e.in_history = 1 AND e.scope = ?${seek} AND ${time}
    ORDER BY e.time_ms DESC, e.seq DESC LIMIT ?`;
}

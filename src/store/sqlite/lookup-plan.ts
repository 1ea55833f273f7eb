// The SQL side of a lookup that no posting drives: an EventId lookup seeks the eventId index (at most one event),
// one without filters scans the time index newest first. Either way a page is one short descending range scan.
// Lookups driven by an attribute's postings are in posting-lookup.ts.
import type { LookupAttributeKey } from '../../domain/history-attributes.js';
import type { HistoryFilter } from '../store.js';
import { HISTORY_SELECT } from './event-row.js';
import { eventDay, eventKey } from './event-key.js';
import { asRead } from './posting-attributes.js';

export type SqlValue = string | number;
export type TimeForm = 'range' | 'tie';

export interface BoundFilter {
  key: LookupAttributeKey;
  /** As SQL compares it. */
  value: SqlValue;
  /** As a text column reads it back (posting-attributes.ts `asRead`), for checking rows: worked out once a lookup. */
  readBack: SqlValue;
}

export interface LookupPlan {
  /** Names the SQL text, for caching prepared statements. */
  key: string;
  sql(form: TimeForm): string;
  /** The statement's parameters, in the order its placeholders appear; `time` is the form's pair (time-window.ts). */
  params(scope: number, form: TimeForm, time: readonly [number, number], limit: number): SqlValue[];
}

const READ_ONLY_VALUES = new Map([['true', 1], ['false', 0]]);

/** Filter values as stored; undefined when the filters can match nothing (ReadOnly other than "true"/"false"). */
export function bindFilters(filters: readonly HistoryFilter[]): BoundFilter[] | undefined {
  const bound: BoundFilter[] = [];
  for (const f of filters) {
    const value = f.key === 'ReadOnly' ? READ_ONLY_VALUES.get(f.value) : f.value;
    if (value === undefined) return undefined;
    bound.push({ key: f.key, value, readBack: asRead(value) });
  }
  return bound;
}

/** True for the key whose index holds at most one event per value, which therefore always drives. */
export function isUnique(key: LookupAttributeKey): boolean {
  return key === 'EventId';
}

/** `eventId`: the EventId filter's value, when there is one; otherwise the plan reads the time index. */
export function planLookup(eventId: SqlValue | undefined): LookupPlan {
  if (eventId === undefined) {
    return { key: 'time', sql: (form) => timeSql(form), params: (scope, _form, time, limit) => [scope, ...time, limit] };
  }
  const id = String(eventId);
  return {
    key: 'EventId',
    sql: (form) => eventIdSql(form),
    params: (scope, form, time, limit) => {
      const [beforeMs, oldestDay] = form === 'range' ? [time[1], eventDay(time[0])] : [time[0] + 1, eventDay(time[0])];
      return [scope, beforeMs, scope, oldestDay, eventKey(id), id, scope, ...time, limit];
    },
  };
}

/** `in_history = 1` appears literally so that the time index's rows of other lanes are never candidates. */
function timeSql(form: TimeForm): string {
  return `SELECT ${HISTORY_SELECT} FROM events e INDEXED BY events_by_time WHERE e.in_history = 1 AND e.scope = ?
    AND ${timeCondition(form)} ORDER BY e.time_ms DESC, e.seq DESC LIMIT ?`;
}

/**
 * The eventId index is filed by day (schema.ts), so the lookup probes each day of the window that holds events of
 * the scope, newest first: a recursive list of those days, each found from the one before by a seek on the time
 * index (an event dated far from the rest adds one step, not every day in between), joined to the eventId index.
 * The first time of day d, by SQLite's truncating division: d·86400000 for d > 0, (d−1)·86400000+1 otherwise.
 */
function eventIdSql(form: TimeForm): string {
  return `WITH RECURSIVE days(d) AS (
      SELECT (SELECT max(time_ms) FROM events WHERE scope = ? AND time_ms < ?) / 86400000
      UNION ALL SELECT (SELECT max(time_ms) FROM events WHERE scope = ?
          AND time_ms < CASE WHEN d > 0 THEN d * 86400000 ELSE (d - 1) * 86400000 + 1 END) / 86400000
        FROM days WHERE d > ?)
    SELECT ${HISTORY_SELECT} FROM days CROSS JOIN events e INDEXED BY events_by_event_day
    WHERE e.time_ms / 86400000 = days.d AND e.event_key = ? AND e.event_id = ? AND e.in_history = 1 AND e.scope = ?
    AND ${timeCondition(form)} ORDER BY e.time_ms DESC, e.seq DESC LIMIT ?`;
}

function timeCondition(form: TimeForm): string {
  return form === 'range' ? 'e.time_ms >= ? AND e.time_ms < ?' : 'e.time_ms = ? AND e.seq < ?';
}

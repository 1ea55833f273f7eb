// How a lookup finds its rows: one index drives the scan in newest-first order (a filter's, or the time index's when
// there is none) and every other filter is checked against its own index for each candidate. Each index begins with
// (scope, value) and continues with (time, seq), so a page is one short descending range scan, and a candidate that
// fails a check costs an index probe, never a read of its record.
import type { LookupAttributeKey } from '../../domain/history-attributes.js';
import type { HistoryFilter } from '../store.js';
import { HISTORY_SELECT } from './event-row.js';
import { eventKey } from './event-key.js';
import { RESOURCE_NAME, RESOURCE_TYPE, type ResourceKind } from './history-resources.js';

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

/** `hashed`: the index holds eventKey(value) (see event-key.ts), and the column is compared as well. */
type Attribute = { column: string; index: string; hashed?: true } | { resource: ResourceKind };

const ATTRIBUTES: Record<LookupAttributeKey, Attribute> = {
  EventId: { column: 'event_id', index: 'events_by_event_key', hashed: true },
  EventName: { column: 'event_name', index: 'history_by_event_name' },
  EventSource: { column: 'event_source', index: 'history_by_event_source' },
  ReadOnly: { column: 'read_only', index: 'history_by_read_only' },
  Username: { column: 'username', index: 'history_by_username' },
  AccessKeyId: { column: 'access_key_id', index: 'history_by_access_key_id' },
  ResourceType: { resource: RESOURCE_TYPE },
  ResourceName: { resource: RESOURCE_NAME },
};

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
  return 'hashed' in ATTRIBUTES[key];
}

export function planLookup(driver: BoundFilter | undefined, checks: readonly BoundFilter[]): LookupPlan {
  return {
    key: `${driver?.key ?? 'time'}|${checks.map((c) => c.key).join(',')}`,
    sql: (form) => selectSql(driver, checks, form),
    params: (scope, time, limit) => [
      scope, ...(driver ? drivingValues(driver) : []), ...time, ...checks.map((c) => c.value), limit,
    ],
  };
}

/**
 * The newest entries, up to a cap, of a filter's index in a time range: how many, and the oldest one's time.
 * Parameters: scope, value, from, before, cap. Not for unique keys, whose count is known.
 */
export function sampleSql(key: LookupAttributeKey): string {
  const { from, where, alias } = drivingSql(key);
  return `SELECT count(*) AS count, min(time_ms) AS oldestMs FROM (SELECT ${alias}.time_ms FROM ${from} WHERE ${where}
    AND ${alias}.time_ms >= ? AND ${alias}.time_ms < ? ORDER BY ${alias}.time_ms DESC LIMIT ?)`;
}

function selectSql(driver: BoundFilter | undefined, checks: readonly BoundFilter[], form: TimeForm): string {
  const { from, where, alias } = driver ? drivingSql(driver.key) : TIME_ORDER;
  const time = form === 'range'
    ? `${alias}.time_ms >= ? AND ${alias}.time_ms < ?`
    : `${alias}.time_ms = ? AND ${alias}.seq < ?`;
  const conditions = [where, time, ...checks.map((c) => checkSql(ATTRIBUTES[c.key], alias))];
  const join = alias === 'e' ? '' : ` CROSS JOIN events e ON e.seq = ${alias}.seq`;
  return `SELECT ${HISTORY_SELECT} FROM ${from}${join} WHERE ${conditions.join(' AND ')}
    ORDER BY ${alias}.time_ms DESC, ${alias}.seq DESC LIMIT ?`;
}

interface Driving {
  from: string;
  where: string;
  /** The driving table's alias, whose (scope, time_ms, seq) the checks and the order use. */
  alias: string;
}

/** `in_history = 1` appears literally so that SQLite may use the partial indexes. */
const TIME_ORDER: Driving = {
  from: 'events e INDEXED BY events_by_time',
  where: 'e.in_history = 1 AND e.scope = ?',
  alias: 'e',
};

function drivingSql(key: LookupAttributeKey): Driving {
  const attribute = ATTRIBUTES[key];
  if ('resource' in attribute) {
    // history_resources holds Event History events only, so there is nothing to check on the event itself.
    const where = `r.scope = ? AND r.kind = ${attribute.resource} AND r.value = ?`;
    return { from: 'history_resources r', where, alias: 'r' };
  }
  const seek = attribute.hashed ? `e.event_key = ? AND e.${attribute.column} = ?` : `e.${attribute.column} = ?`;
  const where = `e.in_history = 1 AND e.scope = ? AND ${seek}`;
  return { from: `events e INDEXED BY ${attribute.index}`, where, alias: 'e' };
}

function drivingValues(driver: BoundFilter): SqlValue[] {
  return isUnique(driver.key) ? [eventKey(String(driver.value)), driver.value] : [driver.value];
}

/** An index probe at the candidate's (scope, time, seq): SQLite reads the record only once every check passed. */
function checkSql(attribute: Attribute, d: string): string {
  if ('resource' in attribute) {
    return `EXISTS (SELECT 1 FROM history_resources x WHERE x.scope = ${d}.scope AND x.kind = ${attribute.resource}
      AND x.value = ? AND x.time_ms = ${d}.time_ms AND x.seq = ${d}.seq)`;
  }
  if (attribute.hashed) return `e.${attribute.column} = ?`;
  return `EXISTS (SELECT 1 FROM events x INDEXED BY ${attribute.index} WHERE x.in_history = 1 AND x.scope = ${d}.scope
    AND x.${attribute.column} = ? AND x.time_ms = ${d}.time_ms AND x.seq = ${d}.seq)`;
}

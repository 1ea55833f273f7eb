// A lookup driven by one attribute's postings (and the pending events not in postings yet): their entries newest
// first within the window, each candidate's
// record read by seq and checked against every filter, the driving one included. Checking the record itself
// keeps results exact even where a posting still names an event that pruning removed.
import type Database from 'better-sqlite3';
import { HISTORY_SELECT, type HistoryColumns } from './event-row.js';
import { mergePostings, type EntryBounds, type PostingRow } from './posting-merge.js';
import { postingAttributeOf, rowMatches } from './posting-attributes.js';
import { POSTING_SPAN_MS } from './posting-writer.js';
import { PENDING_COLUMNS, type PendingRow } from './pending-postings.js';
import { newestFirst, type Entry } from './posting-codec.js';
import type { BoundFilter, SqlValue } from './lookup-plan.js';
import type { LookupAttributeKey } from '../../domain/history-attributes.js';
import type { TimeWindow } from './time-window.js';

interface CandidateRow extends HistoryColumns {
  scope: number;
  in_history: number;
}

export class PostingLookup {
  readonly #postings: Database.Statement<[number, number, SqlValue, number, number], PostingRow>;
  readonly #event: Database.Statement<[number], CandidateRow>;
  readonly #pending = new Map<LookupAttributeKey, Database.Statement<[number, number, number, number, number, SqlValue, number], PendingRow>>();

  constructor(db: Database.Database) {
    // A posting spans less than POSTING_SPAN_MS, so one whose newest entry is that far above the window is above it.
    this.#postings = db.prepare(`SELECT newest_ms, newest_seq, oldest_ms, entries FROM history_postings
      WHERE scope = ? AND attr = ? AND value = ? AND newest_ms >= ? AND newest_ms < ?
      ORDER BY newest_ms DESC, newest_seq DESC`);
    this.#event = db.prepare(`SELECT ${HISTORY_SELECT}, e.scope, e.in_history FROM events e WHERE e.seq = ?`);
    for (const [key, condition] of PENDING_CONDITIONS) {
      // CROSS JOIN keeps the few pending events the outer loop: the planner would otherwise scan the window by time.
      this.#pending.set(key, db.prepare(`SELECT ${PENDING_COLUMNS} FROM history_pending p CROSS JOIN events e ON e.seq = p.seq
        WHERE e.scope = ? AND e.in_history = 1 AND e.time_ms >= ? AND (e.time_ms < ? OR (e.time_ms = ? AND e.seq < ?))
        AND ${condition} ORDER BY e.time_ms DESC, e.seq DESC LIMIT ?`));
    }
  }

  /** Up to `want` rows matching every filter, newest first, driven by `driver`'s postings. */
  read(driver: BoundFilter, filters: readonly BoundFilter[], scope: number, window: TimeWindow, want: number): HistoryColumns[] {
    const rows: HistoryColumns[] = [];
    const attr = postingAttributeOf(driver.key);
    if (attr === undefined) throw new Error(`${driver.key} has no postings`);
    if (want <= 0) return rows;
    const bounds = boundsOf(window);
    // with other filters to pass, any number of the driver's pending matches may be needed. Read before the
    // postings' iterator opens: should this throw, an open iterator would keep the connection busy for good.
    const pending = this.#pendingEntries(driver, scope, bounds, filters.length > 1 ? -1 : want);
    const postings = this.#postings.iterate(scope, attr, driver.value, bounds.fromMs,
      bounds.below.timeMs + 1 + POSTING_SPAN_MS);
    for (const entry of mergeNewestFirst(mergePostings(postings, bounds), pending)) {
      const row = this.#event.get(entry.seq);
      if (!row || row.scope !== scope || row.in_history !== 1 || row.time_ms !== entry.timeMs) continue;
      if (!filters.every((f) => rowMatches(row, f))) continue;
      rows.push(row);
      if (rows.length >= want) break;
    }
    return rows;
  }

  /** The pending events the driver matches, within the bounds, newest first. */
  #pendingEntries(driver: BoundFilter, scope: number, { fromMs, below }: EntryBounds, limit: number): Entry[] {
    const seq = below.seq === -Infinity ? Number.MIN_SAFE_INTEGER : below.seq;
    const resource = driver.key.startsWith('Resource');
    // a resource's test is not exact: all its candidates, of which rowMatches keeps the real ones
    const value = resource ? JSON.stringify(String(driver.value)).slice(1, -1) : driver.value;
    return this.#pending.get(driver.key)!.all(scope, fromMs, below.timeMs, below.timeMs, seq, value, resource ? -1 : limit)
      .filter((row) => rowMatches(row, driver))
      .map((row) => ({ timeMs: row.time_ms, seq: row.seq }));
  }
}

/** Two newest-first streams as one; `sorted` is short (the pending events). */
function* mergeNewestFirst(stream: Iterator<Entry>, sorted: readonly Entry[]): Generator<Entry> {
  let at = 0;
  try {
    for (let next = stream.next(); !next.done; next = stream.next()) {
      while (at < sorted.length && newestFirst(sorted[at]!, next.value) < 0) yield sorted[at++]!;
      yield next.value;
    }
    while (at < sorted.length) yield sorted[at++]!;
  } finally {
    // a posting scan left open would keep its statement busy for the next lookup
    stream.return?.();
  }
}

/**
 * The driver's test on a pending event's columns; a resource's is a substring test of the resources' JSON (for
 * the value as JSON writes it), which rowMatches then makes exact.
 */
const PENDING_CONDITIONS: ReadonlyMap<LookupAttributeKey, string> = new Map([
  ['EventName', 'e.event_name = ?'],
  ['EventSource', 'e.event_source = ?'],
  ['ReadOnly', 'e.read_only = ?'],
  ['Username', 'e.username = ?'],
  ['AccessKeyId', 'e.access_key_id = ?'],
  ['ResourceType', 'instr(e.resources, ?) > 0'],
  ['ResourceName', 'instr(e.resources, ?) > 0'],
]);

function boundsOf(window: TimeWindow): EntryBounds {
  const [fromMs, beforeMs] = window.range;
  return { fromMs, below: window.tie ? { timeMs: window.tie[0], seq: window.tie[1] } : { timeMs: beforeMs, seq: -Infinity } };
}

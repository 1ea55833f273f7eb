// A lookup driven by one attribute's postings (and the pending events not in postings yet): their entries newest
// first within the window, the candidates' records read by seq a batch at a time and checked against the other
// filters. Reading the record itself keeps results exact even where a posting still names an event that pruning
// removed.
import type Database from 'better-sqlite3';
import { HISTORY_SELECT, type HistoryColumns } from './event-row.js';
import { mergePostings, type EntryBounds, type PostingRow } from './posting-merge.js';
import { postingAttributeOf, rowMatches, type PostingAttribute } from './posting-attributes.js';
import { POSTING_SPAN_MS } from './posting-writer.js';
import { newestFirst, type Entry } from './posting-codec.js';
import type { BoundFilter, SqlValue } from './lookup-plan.js';
import type { TimeWindow } from './time-window.js';

interface CandidateRow extends HistoryColumns {
  scope: number;
  in_history: number;
}

export class PostingLookup {
  readonly #postings: Database.Statement<[number, number, SqlValue, number, number], PostingRow>;
  readonly #events: Database.Statement<[string], CandidateRow>;
  readonly #pending: Database.Statement<[number, number, SqlValue, number, number, number, number, number], Entry>;

  constructor(db: Database.Database) {
    // A posting spans less than POSTING_SPAN_MS, so one whose newest entry is that far above the window is above it.
    this.#postings = db.prepare(`SELECT newest_ms, newest_seq, oldest_ms, entries FROM history_postings
      WHERE scope = ? AND attr = ? AND value = ? AND newest_ms >= ? AND newest_ms < ?
      ORDER BY newest_ms DESC, newest_seq DESC`);
    // One statement for a batch of candidates (a JSON array of seqs): a statement per candidate cost more than
    // reading its row.
    this.#events = db.prepare(`SELECT ${HISTORY_SELECT}, e.scope, e.in_history FROM events e
      WHERE e.seq IN (SELECT value FROM json_each(?))`);
    this.#pending = db.prepare(`SELECT time_ms AS timeMs, seq FROM history_pending_keys
      WHERE scope = ? AND attr = ? AND value = ? AND time_ms >= ? AND (time_ms < ? OR (time_ms = ? AND seq < ?))
      ORDER BY time_ms DESC, seq DESC LIMIT ?`);
  }

  /** Up to `want` rows matching every filter, newest first, driven by `driver`'s postings. */
  read(driver: BoundFilter, filters: readonly BoundFilter[], scope: number, window: TimeWindow, want: number): HistoryColumns[] {
    const rows: HistoryColumns[] = [];
    const attr = postingAttributeOf(driver.key);
    if (attr === undefined) throw new Error(`${driver.key} has no postings`);
    if (want <= 0) return rows;
    const bounds = boundsOf(window);
    // With other filters to pass, any number of the driver's pending matches may be needed. Read before the
    // postings' iterator opens: should this throw, an open iterator would keep the connection busy for good.
    const pending = this.#pendingEntries(attr, driver.value, scope, bounds, filters.length > 1 ? -1 : want);
    const postings = this.#postings.iterate(scope, attr, driver.value, bounds.fromMs,
      bounds.below.timeMs + 1 + POSTING_SPAN_MS);
    const candidates = mergeNewestFirst(mergePostings(postings, bounds), pending);
    // A candidate has the driver's value (postings and pending keys are exact): only the others remain.
    const checks = filters.filter((f) => f !== driver);
    try {
      while (rows.length < want) {
        const batch = take(candidates, checks.length === 0 ? want - rows.length : Math.max(want, CHECKED_BATCH));
        if (batch.length === 0) break;
        const found = new Map(this.#events.all(JSON.stringify(batch.map((e) => e.seq))).map((row) => [row.seq, row]));
        for (const entry of batch) {
          const row = found.get(entry.seq);
          if (!row || row.scope !== scope || row.in_history !== 1 || row.time_ms !== entry.timeMs) continue;
          if (!checks.every((f) => rowMatches(row, f))) continue;
          rows.push(row);
          if (rows.length >= want) break;
        }
      }
    } finally {
      candidates.return(undefined);
    }
    return rows;
  }

  /** The pending events with the driver's value, within the bounds, newest first. */
  #pendingEntries(attr: PostingAttribute, value: SqlValue, scope: number, { fromMs, below }: EntryBounds, limit: number): Entry[] {
    const seq = below.seq === -Infinity ? Number.MIN_SAFE_INTEGER : below.seq;
    return this.#pending.all(scope, attr, value, fromMs, below.timeMs, below.timeMs, seq, limit);
  }
}

/** Candidates read at a time when other filters may reject some. */
const CHECKED_BATCH = 64;

function take(stream: Iterator<Entry>, count: number): Entry[] {
  const taken: Entry[] = [];
  while (taken.length < count) {
    const next = stream.next();
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
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

function boundsOf(window: TimeWindow): EntryBounds {
  const [fromMs, beforeMs] = window.range;
  return { fromMs, below: window.tie ? { timeMs: window.tie[0], seq: window.tie[1] } : { timeMs: beforeMs, seq: -Infinity } };
}

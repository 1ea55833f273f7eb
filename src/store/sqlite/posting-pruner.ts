// Pruning's share of history_postings: once a scope's old events are deleted, postings that reach below the
// boundary lose the entries of events that are gone. Pruning goes by whole UTC days and a posting holds one day,
// so a posting is usually deleted whole; one is rewritten only when some of its events must stay. An event kept past the boundary (an event data store has not
// read it yet) keeps its entry, so that it stays findable by attribute as it is by time.
import type Database from 'better-sqlite3';
import { decodeEntries } from './posting-codec.js';
import { POSTING_SPAN_MS, type PostingKey, type PostingWriter } from './posting-writer.js';
import type { PostingAttribute } from './posting-attributes.js';
import type { SqlValue } from './lookup-plan.js';

interface StoredKey {
  attr: PostingAttribute;
  value: SqlValue;
  newest_ms: number;
  newest_seq: number;
}

type ValueKey = Pick<StoredKey, 'attr' | 'value'>;

interface Stored {
  count: number;
  entries: Buffer;
}

/** Values visited per call of `reaching`: keeps each synchronous stretch of a large prune short. */
const VALUES_PER_STEP = 500;

export class PostingPruner {
  readonly #writer: PostingWriter;
  readonly #nextValue: Database.Statement<[number, number, number, SqlValue], ValueKey>;
  readonly #reaching: Database.Statement<[number, number, SqlValue, number, number], StoredKey>;
  readonly #posting: Database.Statement<[number, number, SqlValue, number, number], Stored>;
  readonly #exists: Database.Statement<[number], number>;

  constructor(db: Database.Database, writer: PostingWriter) {
    this.#writer = writer;
    // A skip scan by hand: one seek per distinct value, then one per value to its postings below the boundary.
    this.#nextValue = db.prepare(`SELECT attr, value FROM history_postings
      WHERE scope = ? AND (attr > ? OR (attr = ? AND value > ?)) ORDER BY attr, value LIMIT 1`);
    this.#reaching = db.prepare(`SELECT attr, value, newest_ms, newest_seq FROM history_postings
      WHERE scope = ? AND attr = ? AND value = ? AND newest_ms < ? AND oldest_ms < ?`);
    this.#posting = db.prepare(`SELECT count, entries FROM history_postings
      WHERE scope = ? AND attr = ? AND value = ? AND newest_ms = ? AND newest_seq = ?`);
    this.#exists = db.prepare<[number], number>('SELECT 1 FROM events WHERE seq = ?').pluck();
  }

  /**
   * The keys of the scope's postings with entries older than the boundary, for the values after `from` (all
   * values when undefined), a step at a time; `next` is where the following step starts, undefined at the end.
   */
  reaching(scope: number, boundaryMs: number, from?: ValueKey): { keys: StoredKey[]; next?: ValueKey } {
    const keys: StoredKey[] = [];
    let at: ValueKey = from ?? { attr: 0 as PostingAttribute, value: '' };
    for (let i = 0; i < VALUES_PER_STEP; i++) {
      const value = this.#nextValue.get(scope, at.attr, at.attr, at.value);
      if (!value) return { keys };
      keys.push(...this.#reaching.all(scope, value.attr, value.value, boundaryMs + POSTING_SPAN_MS, boundaryMs));
      at = value;
    }
    return { keys, next: at };
  }

  /** Rewrites (or deletes) postings without the entries of deleted events; inside a write transaction. */
  prune(scope: number, boundaryMs: number, keys: readonly StoredKey[]): void {
    for (const { attr, value, newest_ms: newestMs, newest_seq: newestSeq } of keys) {
      const stored = this.#posting.get(scope, attr, value, newestMs, newestSeq);
      if (!stored) continue;
      const entries = decodeEntries(stored.entries, newestMs);
      const kept = entries.filter((e) => e.timeMs >= boundaryMs || this.#exists.get(e.seq) !== undefined);
      if (kept.length === stored.count) continue;
      const key: PostingKey = { scope, attr, value };
      this.#writer.remove(key, { timeMs: newestMs, seq: newestSeq });
      this.#writer.put(key, kept);
    }
  }
}

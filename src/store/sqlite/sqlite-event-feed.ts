// The event log in sequence order, for delivery workers and streams.
import type Database from 'better-sqlite3';
import type { EventFeed, LoggedEvent } from '../store.js';
import { indexedEventOf, type EventColumns } from './event-row.js';

export class SqliteEventFeed implements EventFeed {
  readonly #readAfter: Database.Statement<[number, number], EventColumns>;
  readonly #lastSeq: Database.Statement<[], { seq: number }>;

  constructor(db: Database.Database) {
    // CROSS JOIN keeps events as the outer loop, so the scan follows seq and stops at the limit.
    this.#readAfter = db.prepare(`SELECT e.*, s.account_id, s.region FROM events e CROSS JOIN scopes s ON s.id = e.scope
      WHERE e.seq > ? ORDER BY e.seq LIMIT ?`);
    // The highest seq ever committed, even when pruning has since deleted that event; AUTOINCREMENT records it.
    this.#lastSeq = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'events'`);
  }

  async readAfter(afterSeq: number, limit: number): Promise<LoggedEvent[]> {
    return this.#readAfter.all(afterSeq, limit).map((row) => ({ seq: row.seq, event: indexedEventOf(row) }));
  }

  async lastSeq(): Promise<number> {
    return this.#lastSeq.get()?.seq ?? 0;
  }
}

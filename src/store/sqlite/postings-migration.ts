// The migration to history_postings: postings built from the events already stored, in batches as an import
// writes them, before the per-event attribute indexes they replace are dropped.
import type { Database } from 'better-sqlite3';
import { attributesOf, HISTORY_SELECT, type HistoryColumns } from './event-row.js';
import { PostingBuffer, PostingWriter } from './posting-writer.js';

const BATCH = 5_000;

export const CREATE_POSTINGS = `
  -- postings: Event History's attribute index as postings (src/store/sqlite/posting-writer.ts), replacing the five
  -- history_by_* indexes and history_resources, which cost seven B-tree entries per event. A posting is one
  -- (scope, attribute, value)'s entries of one write batch within one UTC day: (time, seq) pairs newest first, encoded
  -- in \`entries\` (posting-codec.ts), keyed by its newest entry. attr: posting-attributes.ts. No second index:
  -- pruning steps through the values instead (posting-pruner.ts), so that a posting costs one B-tree entry.
  CREATE TABLE history_postings (
    scope INTEGER NOT NULL,
    attr INTEGER NOT NULL,
    value NOT NULL,
    newest_ms INTEGER NOT NULL,
    newest_seq INTEGER NOT NULL,
    oldest_ms INTEGER NOT NULL,
    count INTEGER NOT NULL,
    entries BLOB NOT NULL,
    PRIMARY KEY (scope, attr, value, newest_ms, newest_seq)
  ) WITHOUT ROWID;
  -- Event History events waiting to be written as postings together (pending-postings.ts), and their lookup keys
  -- one entry per (attribute, value), as the five partial indexes had them, but for a few hundred events at most.
  CREATE TABLE history_pending (seq INTEGER PRIMARY KEY);
  CREATE TABLE history_pending_keys (
    scope INTEGER NOT NULL,
    attr INTEGER NOT NULL,
    value NOT NULL,
    time_ms INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (scope, attr, value, time_ms, seq)
  ) WITHOUT ROWID;

  -- The eventId index, filed by UTC day: keyed by the hash alone, every write batch dirtied pages all over the index
  -- (an import's commit rewrote most of it); by day first, a batch of one day's events touches that day's pages.
  -- Duplicates are therefore recognized within a day, where a retried or re-imported event always falls (same
  -- eventTime), and a lookup by EventId probes each day of its window (lookup-plan.ts).
  DROP INDEX events_by_event_key;
  CREATE INDEX events_by_event_day ON events (time_ms / 86400000, event_key);
`;

export function buildPostings(db: Database): void {
  const writer = new PostingWriter(db);
  const select = db.prepare<[number, number], HistoryColumns & { scope: number }>(`SELECT ${HISTORY_SELECT}, e.scope
    FROM events e WHERE e.seq > ? AND e.in_history = 1 ORDER BY e.seq LIMIT ?`);
  let after = 0;
  for (;;) {
    const rows = select.all(after, BATCH);
    if (rows.length === 0) break;
    const buffer = new PostingBuffer();
    for (const row of rows) buffer.add({ scope: row.scope, attributes: attributesOf(row), timeMs: row.time_ms, seq: row.seq });
    writer.write(buffer);
    after = rows.at(-1)!.seq;
  }
  db.exec(`DROP INDEX history_by_event_name; DROP INDEX history_by_event_source; DROP INDEX history_by_read_only;
    DROP INDEX history_by_username; DROP INDEX history_by_access_key_id; DROP TABLE history_resources;`);
}

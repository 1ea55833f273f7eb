// Event History events not yet in postings. A write transaction with fewer than POSTING_BATCH Event History events
// (a live append commits a few at a time) lists them in history_pending, with one history_pending_keys entry per
// lookup attribute, rather than writing postings of one or two entries each; once POSTING_BATCH are pending, the
// transaction that sees it writes them all as postings. Lookups seek the pending keys beside the postings
// (posting-lookup.ts), so an event is findable from the commit that stored it. Which connection or process wrote a
// pending event does not matter: the tables are shared.
import type Database from 'better-sqlite3';
import { attributesOf, type AttributeColumns } from './event-row.js';
import { PostingBuffer, type PostingWriter } from './posting-writer.js';
import { postingKeys } from './posting-attributes.js';
import type { SqlValue } from './lookup-plan.js';

/** Fewer Event History events than this in a transaction wait in history_pending. */
export const POSTING_BATCH = 256;

/** The columns of a pending event that attribute checks need (no record text). */
const PENDING_COLUMNS = `e.seq, e.scope, e.time_ms, e.event_id, e.event_name, e.event_source, e.read_only,
  e.username, e.access_key_id, e.resources`;

type PendingRow = AttributeColumns & { seq: number; scope: number; time_ms: number };

export class PendingPostings {
  readonly #writer: PostingWriter;
  readonly #add: Database.Statement<[number]>;
  readonly #addKey: Database.Statement<[number, number, SqlValue, number, number]>;
  readonly #count: Database.Statement<[], number>;
  readonly #pending: Database.Statement<[], PendingRow>;
  readonly #clear: Database.Statement<[]>;
  readonly #clearKeys: Database.Statement<[]>;

  constructor(db: Database.Database, writer: PostingWriter) {
    this.#writer = writer;
    this.#add = db.prepare('INSERT INTO history_pending (seq) VALUES (?)');
    this.#addKey = db.prepare('INSERT OR IGNORE INTO history_pending_keys (scope, attr, value, time_ms, seq) VALUES (?, ?, ?, ?, ?)');
    this.#count = db.prepare<[], number>('SELECT count(*) FROM history_pending').pluck();
    // Pruning may have deleted a pending event: the join leaves it out, and the flush drops its seq.
    this.#pending = db.prepare(`SELECT ${PENDING_COLUMNS} FROM history_pending p CROSS JOIN events e ON e.seq = p.seq`);
    this.#clear = db.prepare('DELETE FROM history_pending');
    this.#clearKeys = db.prepare('DELETE FROM history_pending_keys');
  }

  /** Writes the buffer's events as postings, or lists them as pending; inside their write transaction. */
  settle(buffer: PostingBuffer): void {
    if (buffer.events.length === 0) return;
    if (buffer.events.length >= POSTING_BATCH) {
      this.#writer.write(buffer);
      return;
    }
    for (const { scope, attributes, timeMs, seq } of buffer.events) {
      this.#add.run(seq);
      for (const [attr, value] of postingKeys(attributes)) this.#addKey.run(scope, attr, value, timeMs, seq);
    }
    if (this.#count.get()! >= POSTING_BATCH) this.flush();
  }

  /** Writes every pending event as postings; inside a write transaction. */
  flush(): void {
    const buffer = new PostingBuffer();
    for (const row of this.#pending.iterate()) {
      buffer.add({ scope: row.scope, attributes: attributesOf(row), timeMs: row.time_ms, seq: row.seq });
    }
    this.#writer.write(buffer);
    this.#clear.run();
    this.#clearKeys.run();
  }
}

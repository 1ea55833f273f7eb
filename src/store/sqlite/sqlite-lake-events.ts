// The events event data stores keep, in SQLite: rows of lake_events keyed by (store id, seq), and the lake worker's
// cursor on the event log, advanced in the same transaction as the rows it covers.
import type Database from 'better-sqlite3';
import type { KeptEvent, LakeEvents } from '../lake-store.js';

interface KeptRow {
  seq: number;
  time_ms: number;
  event_id: string;
  json: string;
}

export class SqliteLakeEvents implements LakeEvents {
  readonly #cursor: Database.Statement<[], number>;
  readonly #saveCursor: Database.Statement<[number]>;
  readonly #storeId: Database.Statement<[string], number>;
  readonly #insert: Database.Statement<[number, number, number, string, string]>;
  readonly #eventsOf: Database.Statement<[string, number, number], KeptRow>;
  readonly #count: Database.Statement<[string], number>;
  readonly #dropBefore: Database.Statement<[string, number]>;
  readonly #keepTx: Database.Transaction<(events: readonly KeptEvent[], throughSeq: number) => void>;

  constructor(db: Database.Database) {
    this.#cursor = db.prepare<[], number>('SELECT after_seq FROM lake_cursor WHERE id = 1').pluck();
    this.#saveCursor = db.prepare(`INSERT INTO lake_cursor (id, after_seq) VALUES (1, ?)
      ON CONFLICT (id) DO UPDATE SET after_seq = excluded.after_seq`);
    this.#storeId = db.prepare<[string], number>('SELECT id FROM event_data_stores WHERE arn = ?').pluck();
    this.#insert = db.prepare(`INSERT OR IGNORE INTO lake_events (store_id, seq, time_ms, event_id, json)
      VALUES (?, ?, ?, ?, ?)`);
    const byArn = '(SELECT id FROM event_data_stores WHERE arn = ?)';
    this.#eventsOf = db.prepare(`SELECT seq, time_ms, event_id, json FROM lake_events
      WHERE store_id = ${byArn} AND seq > ? ORDER BY seq LIMIT ?`);
    this.#count = db.prepare<[string], number>(`SELECT count(*) FROM lake_events WHERE store_id = ${byArn}`).pluck();
    this.#dropBefore = db.prepare(`DELETE FROM lake_events WHERE store_id = ${byArn} AND time_ms < ?`);
    this.#keepTx = db.transaction((events: readonly KeptEvent[], throughSeq: number) => {
      const ids = new Map<string, number | undefined>();
      for (const event of events) {
        if (!ids.has(event.storeArn)) ids.set(event.storeArn, this.#storeId.get(event.storeArn));
        const id = ids.get(event.storeArn);
        // A store purged since the worker read its configuration keeps nothing.
        if (id !== undefined) this.#insert.run(id, event.seq, event.timeMs, event.eventId, event.json);
      }
      this.#saveCursor.run(throughSeq);
    });
  }

  async cursor(): Promise<number> {
    return this.#cursor.get() ?? 0;
  }

  async keep(events: readonly KeptEvent[], throughSeq: number): Promise<void> {
    this.#keepTx.immediate(events, throughSeq);
  }

  async eventsOf(storeArn: string, afterSeq: number, limit: number): Promise<KeptEvent[]> {
    return this.#eventsOf.all(storeArn, afterSeq, limit).map((row) => ({
      storeArn, seq: row.seq, timeMs: row.time_ms, eventId: row.event_id, json: row.json,
    }));
  }

  async countEvents(storeArn: string): Promise<number> {
    return this.#count.get(storeArn) ?? 0;
  }

  async dropBefore(storeArn: string, cutoffMs: number): Promise<number> {
    return this.#dropBefore.run(storeArn, cutoffMs).changes;
  }
}

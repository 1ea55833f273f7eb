// The events event data stores keep, in SQLite: rows of lake_events keyed by (store id, seq), copied from the event
// log inside SQLite (the record never travels through JavaScript), and the lake worker's cursor on the log,
// advanced in the same transaction as the rows it covers.
import type Database from 'better-sqlite3';
import type { WalSync } from './wal-sync.js';
import { decodeChannelStores } from './event-row.js';
import type { KeptEvent, LakeCandidate, LakeEvents, Membership } from '../lake-store.js';

interface KeptRow {
  seq: number;
  time_ms: number;
  event_id: string;
  json: string;
}

interface CandidateRow {
  seq: number;
  account_id: string;
  region: string;
  category: string;
  channel: unknown;
  channel_stores: string | null;
  json: string | null;
}

export class SqliteLakeEvents implements LakeEvents {
  readonly #cursor: Database.Statement<[], number>;
  readonly #saveCursor: Database.Statement<[number]>;
  readonly #storeId: Database.Statement<[string], number>;
  readonly #copy: Database.Statement<[number, string]>;
  readonly #candidates: Database.Statement<[number, number], CandidateRow>;
  readonly #eventsOf: Database.Statement<[string, number, number], KeptRow>;
  readonly #count: Database.Statement<[string], number>;
  readonly #dropBefore: Database.Statement<[string, number]>;
  readonly #keepTx: Database.Transaction<(members: readonly Membership[], throughSeq: number) => void>;

  readonly #walSync: WalSync | undefined;

  /** `walSync`: copies and cursor are redone from the log after a power failure, so their commits skip the fsync. */
  constructor(db: Database.Database, walSync?: WalSync) {
    this.#walSync = walSync;
    this.#cursor = db.prepare<[], number>('SELECT after_seq FROM lake_cursor WHERE id = 1').pluck();
    this.#saveCursor = db.prepare(`INSERT INTO lake_cursor (id, after_seq) VALUES (1, ?)
      ON CONFLICT (id) DO UPDATE SET after_seq = excluded.after_seq`);
    this.#storeId = db.prepare<[string], number>('SELECT id FROM event_data_stores WHERE arn = ?').pluck();
    // One statement per store and page: the seqs arrive as one JSON array, not one statement run each.
    this.#copy = db.prepare(`INSERT OR IGNORE INTO lake_events (store_id, seq, time_ms, event_id, json)
      SELECT ?, e.seq, e.time_ms, e.event_id, e.json FROM json_each(?) j CROSS JOIN events e ON e.seq = j.value`);
    // CROSS JOIN keeps events as the outer loop, so the scan follows seq and stops at the limit.
    this.#candidates = db.prepare(`SELECT e.seq, s.account_id, s.region, e.category,
        CASE WHEN e.category = 'ActivityAuditLog'
          THEN coalesce(e.channel, json_extract(e.json, '$.metadata.channelARN')) END AS channel,
        CASE WHEN e.category = 'ActivityAuditLog' THEN e.channel_stores END AS channel_stores,
        CASE WHEN e.category = 'ActivityAuditLog' THEN NULL ELSE e.json END AS json
      FROM events e CROSS JOIN scopes s ON s.id = e.scope WHERE e.seq > ? ORDER BY e.seq LIMIT ?`);
    const byArn = '(SELECT id FROM event_data_stores WHERE arn = ?)';
    this.#eventsOf = db.prepare(`SELECT seq, time_ms, event_id, json FROM lake_events
      WHERE store_id = ${byArn} AND seq > ? ORDER BY seq LIMIT ?`);
    this.#count = db.prepare<[string], number>(`SELECT count(*) FROM lake_events WHERE store_id = ${byArn}`).pluck();
    this.#dropBefore = db.prepare(`DELETE FROM lake_events WHERE store_id = ${byArn} AND time_ms < ?`);
    this.#keepTx = db.transaction((members: readonly Membership[], throughSeq: number) => {
      for (const [storeArn, seqs] of seqsByStore(members)) {
        const id = this.#storeId.get(storeArn);
        if (id !== undefined) this.#copy.run(id, JSON.stringify(seqs));
      }
      this.#saveCursor.run(throughSeq);
    });
  }

  async cursor(): Promise<number> {
    return this.#cursor.get() ?? 0;
  }

  async candidatesAfter(afterSeq: number, limit: number): Promise<LakeCandidate[]> {
    return this.#candidates.all(afterSeq, limit).map((row) => {
      const candidate: LakeCandidate = { seq: row.seq, accountId: row.account_id, region: row.region, category: row.category };
      if (typeof row.channel === 'string') candidate.channelArn = row.channel;
      if (row.channel_stores !== null) candidate.channelStores = decodeChannelStores(row.channel_stores, row.account_id, row.region);
      if (row.json !== null) candidate.json = row.json;
      return candidate;
    });
  }

  async keep(members: readonly Membership[], throughSeq: number): Promise<void> {
    const keep = () => this.#keepTx.immediate(members, throughSeq);
    if (this.#walSync) this.#walSync.unsynced(keep);
    else keep();
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

function seqsByStore(members: readonly Membership[]): Map<string, number[]> {
  const byStore = new Map<string, number[]>();
  for (const { storeArn, seq } of members) {
    const seqs = byStore.get(storeArn);
    if (seqs) seqs.push(seq);
    else byStore.set(storeArn, [seq]);
  }
  return byStore;
}

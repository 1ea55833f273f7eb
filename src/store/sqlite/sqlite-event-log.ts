// The write side of the SQLite event log: group-committed appends, deduplicating imports, pruning by whole days.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { IndexedEvent } from '../../domain/indexed-event.js';
import type { EventLog, ImportOutcome, IngestResult } from '../store.js';
import { GroupCommit, type Settlement } from '../group-commit.js';
import { DuplicateEventError } from '../duplicate-event-error.js';
import { INSERT_EVENT, insertValues, type InsertValues } from './event-row.js';
import { PostingBuffer, PostingWriter } from './posting-writer.js';
import { PendingPostings } from './pending-postings.js';
import { PostingPruner } from './posting-pruner.js';
import { eventDay, eventKey } from './event-key.js';
import type { Scopes } from './scopes.js';
import type { WalSync } from './wal-sync.js';

/** Events deleted per prune transaction: small enough that appends never wait long for the write lock. */
const PRUNE_CHUNK = 500;
const DAY_MS = 86_400_000;
type Events = readonly IndexedEvent[];
/** One caller's events in a group commit: recorded ones must be new, ingested ones may already be stored. */
interface Submission {
  events: Events;
  idempotent: boolean;
}
type Outcome = IngestResult[] | undefined;
const ADDED: IngestResult = { added: true };

export class SqliteEventLog implements EventLog {
  readonly #db: Database.Database;
  readonly #scopes: Scopes;
  readonly #commits: GroupCommit<Submission, Outcome>;
  readonly #pruning = new Set<Promise<unknown>>();
  readonly #walSync: WalSync | undefined;
  #closing = false;

  readonly #exists: Database.Statement<[number, number, string], number>;
  readonly #holder: Database.Statement<[number, number, string], string>;
  readonly #insertEvent: Database.Statement<[InsertValues]>;
  readonly #postings: PendingPostings;
  readonly #postingPruner: PostingPruner;
  readonly #deleteEvent: Database.Statement<[number]>;
  readonly #selectPrunable: Database.Statement<[number, number, number], number>;

  readonly #batchTx: Database.Transaction<(batch: readonly Submission[]) => Settlement<Outcome>[]>;
  readonly #appendTx: Database.Transaction<(submission: Submission, postings: PostingBuffer) => Outcome>;
  readonly #importTx: Database.Transaction<(events: Events) => number>;
  readonly #pruneTx: Database.Transaction<(scope: number, boundaryMs: number) => number>;
  readonly #prunePostingsTx: Database.Transaction<(scope: number, boundaryMs: number, keys: Parameters<PostingPruner['prune']>[2]) => void>;

  /** `walSync`: where group commits sync the WAL off the event loop (wal-sync.ts); without it, COMMIT syncs. */
  constructor(db: Database.Database, scopes: Scopes, walSync?: WalSync) {
    this.#db = db;
    this.#scopes = scopes;
    this.#walSync = walSync;
    this.#commits = new GroupCommit<Submission, Outcome>((batch) => this.#commitBatch(batch), { overlap: walSync !== undefined });
    this.#exists = db.prepare<[number, number, string], number>(`SELECT 1 FROM events INDEXED BY events_by_event_day
      WHERE time_ms / 86400000 = ? AND event_key = ? AND event_id = ?`).pluck();
    this.#holder = db.prepare<[number, number, string], string>(`SELECT s.account_id
      FROM events e INDEXED BY events_by_event_day JOIN scopes s ON s.id = e.scope
      WHERE e.time_ms / 86400000 = ? AND e.event_key = ? AND e.event_id = ?`).pluck();
    this.#insertEvent = db.prepare<[InsertValues]>(INSERT_EVENT);
    const writer = new PostingWriter(db);
    this.#postings = new PendingPostings(db, writer);
    this.#postingPruner = new PostingPruner(db, writer);
    this.#deleteEvent = db.prepare('DELETE FROM events WHERE seq = ?');
    // While event data stores exist, an event leaves the log only once the lake worker has read it: a store's
    // retention is its own, and an old event ingested today must still reach it.
    this.#selectPrunable = db.prepare<[number, number, number], number>(`SELECT seq FROM events
      INDEXED BY events_by_time WHERE scope = ? AND time_ms < ?
      AND (seq <= (SELECT after_seq FROM lake_cursor WHERE id = 1) OR NOT EXISTS (SELECT 1 FROM event_data_stores))
      LIMIT ?`).pluck();

    this.#batchTx = db.transaction((batch: readonly Submission[]) => {
      const postings = new PostingBuffer();
      const settlements = batch.map((s) => this.#appendIsolated(s, postings));
      this.#postings.settle(postings);
      return settlements;
    });
    this.#appendTx = db.transaction(({ events, idempotent }: Submission, postings: PostingBuffer): Outcome => {
      if (idempotent) return events.map((event) => this.#ingestOne(event, postings));
      for (const event of events) this.#insertRecordedEvent(event, postings);
      return undefined;
    });
    this.#importTx = db.transaction((events: Events) => {
      const postings = new PostingBuffer();
      const added = events.filter((e) => this.#insert(e, postings)).length;
      this.#postings.settle(postings);
      return added;
    });
    this.#pruneTx = db.transaction((scope: number, boundaryMs: number) => this.#pruneChunk(scope, boundaryMs));
    this.#prunePostingsTx = db.transaction((scope, boundaryMs, keys) => this.#postingPruner.prune(scope, boundaryMs, keys));
  }

  async append(events: Events): Promise<void> {
    if (events.length === 0) return;
    await this.#commits.submit({ events, idempotent: false });
  }

  async ingest(events: Events): Promise<IngestResult[]> {
    if (events.length === 0) return [];
    return (await this.#commits.submit({ events, idempotent: true })) ?? [];
  }

  async importEvents(events: Events): Promise<ImportOutcome> {
    if (events.length === 0) return { added: 0, duplicates: 0 };
    this.#scopes.ensure(events);
    const added = this.#importTx.immediate(events);
    return { added, duplicates: events.length - added };
  }

  pruneBefore(cutoffMs: number): Promise<number> {
    const run = this.#prune(Math.floor(cutoffMs / DAY_MS) * DAY_MS);
    const settled = run.catch(() => undefined);
    this.#pruning.add(settled);
    void settled.then(() => this.#pruning.delete(settled));
    return run;
  }

  /** Refuses new appends, waits for those pending, and stops a running prune after its current chunk. */
  async close(): Promise<void> {
    this.#closing = true;
    await this.#commits.close();
    await Promise.all(this.#pruning);
    await this.#walSync?.close();
  }

  #commitBatch(batch: readonly Submission[]): Settlement<Outcome>[] | Promise<Settlement<Outcome>[]> {
    this.#scopes.ensure(batch.flatMap((submission) => submission.events));
    const commit = () => this.#batchTx.immediate(batch);
    return this.#walSync ? this.#walSync.commit(commit) : commit();
  }

  /** One caller's events in a savepoint: they land together or not at all, without failing their batch mates. */
  #appendIsolated(submission: Submission, postings: PostingBuffer): Settlement<Outcome> {
    const own = new PostingBuffer();
    try {
      const value = this.#appendTx(submission, own);
      postings.absorb(own);
      return { ok: true, value };
    } catch (error) {
      // Some failures (disk full, I/O error) make SQLite abandon the whole transaction: every caller must hear it.
      if (!this.#db.inTransaction) throw error;
      return { ok: false, error };
    }
  }

  #insertRecordedEvent(event: IndexedEvent, postings: PostingBuffer): void {
    if (!this.#insert(event, postings)) throw new DuplicateEventError(event.eventId);
  }

  #ingestOne(event: IndexedEvent, postings: PostingBuffer): IngestResult {
    const heldBy = this.#holder.get(eventDay(event.timeMs), eventKey(event.eventId), event.eventId);
    if (heldBy !== undefined) return { added: false, heldBy };
    this.#insertNew(event, postings);
    return ADDED;
  }

  /**
   * Inserts the event and buffers its posting entries, unless its eventId is already among the events of its UTC day
   * (schema.ts). The check cannot race: it runs inside the write transaction, which SQLite grants to one connection
   * at a time.
   */
  #insert(event: IndexedEvent, postings: PostingBuffer): boolean {
    const key = eventKey(event.eventId);
    if (this.#exists.get(eventDay(event.timeMs), key, event.eventId) !== undefined) return false;
    this.#insertNew(event, postings, key);
    return true;
  }

  #insertNew(event: IndexedEvent, postings: PostingBuffer, key = eventKey(event.eventId)): void {
    const scope = this.#scopes.idOf(event);
    const seq = Number(this.#insertEvent.run(insertValues(event, key, scope)).lastInsertRowid);
    if (event.inHistory) postings.add({ scope, attributes: event.attributes, timeMs: event.timeMs, seq });
  }

  async #prune(boundaryMs: number): Promise<number> {
    let total = 0;
    for (const scope of this.#scopes.all()) {
      let deleted = PRUNE_CHUNK;
      let deletedInScope = 0;
      while (deleted === PRUNE_CHUNK && !this.#closing) {
        deleted = this.#pruneTx.immediate(scope, boundaryMs);
        deletedInScope += deleted;
        await nextTurn();
      }
      total += deletedInScope;
      // Stepping through every value of the scope costs seconds of CPU on a large log, so only a prune that deleted
      // events looks for their entries; entries a crash left behind go with the scope's next prune that deletes
      // something (lookups skip them meanwhile: they check each record).
      if (deletedInScope > 0) await this.#prunePostings(scope, boundaryMs);
    }
    return total;
  }

  #pruneChunk(scope: number, boundaryMs: number): number {
    const seqs = this.#selectPrunable.all(scope, boundaryMs, PRUNE_CHUNK);
    for (const seq of seqs) this.#deleteEvent.run(seq);
    return seqs.length;
  }

  async #prunePostings(scope: number, boundaryMs: number): Promise<void> {
    let from: Parameters<PostingPruner['reaching']>[2];
    do {
      const step = this.#postingPruner.reaching(scope, boundaryMs, from);
      for (let i = 0; i < step.keys.length; i += PRUNE_CHUNK) {
        this.#prunePostingsTx.immediate(scope, boundaryMs, step.keys.slice(i, i + PRUNE_CHUNK));
        await nextTurn();
      }
      from = step.next;
      await nextTurn();
    } while (from && !this.#closing);
  }
}


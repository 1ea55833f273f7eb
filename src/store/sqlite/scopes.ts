// Scopes: (account, region, lane) interned to the small integer that leads every event index (see schema.ts).
import type { Database, Statement } from 'better-sqlite3';
import type { IndexedEvent } from '../../domain/indexed-event.js';
import type { HistoryQuery } from '../store.js';

/** 0: not in Event History; 1: management; 2: insight. */
export type Lane = 0 | 1 | 2;

export function laneOf(event: Pick<IndexedEvent, 'inHistory' | 'category'>): Lane {
  if (!event.inHistory) return 0;
  return event.category === 'Insight' ? 2 : 1;
}

export function laneOfQuery(category: HistoryQuery['category']): Lane {
  return category === 'insight' ? 2 : 1;
}

type ScopedEvent = Pick<IndexedEvent, 'accountId' | 'region' | 'inHistory' | 'category'>;

export class Scopes {
  readonly #db: Database;
  /**
   * Only ids known to be committed: a cached id that a rollback took back could be reissued to another scope.
   * Nested by region, account and lane: asked once per event written, which a key string per call would slow.
   */
  readonly #ids = new Map<string, Map<string, number[]>>();
  readonly #select: Statement<[string, string, Lane], { id: number }>;
  readonly #insert: Statement<[string, string, Lane]>;
  readonly #all: Statement<[], number>;

  constructor(db: Database) {
    this.#db = db;
    this.#select = db.prepare('SELECT id FROM scopes WHERE account_id = ? AND region = ? AND lane = ?');
    this.#insert = db.prepare('INSERT OR IGNORE INTO scopes (account_id, region, lane) VALUES (?, ?, ?)');
    this.#all = db.prepare<[], number>('SELECT id FROM scopes ORDER BY id').pluck();
  }

  /** The id of an event's scope, which `ensure` must have been given first. */
  idOf(event: ScopedEvent): number {
    const id = this.#cached(event.accountId, event.region, laneOf(event));
    if (id === undefined) throw new Error(`scope of event ${event.accountId}/${event.region} was not ensured`);
    return id;
  }

  /**
   * Creates the scopes these events need, in a transaction of its own that commits before the events' one.
   * That costs an extra commit only the first time a scope is seen, and keeps the cache free of rolled-back ids.
   */
  ensure(events: readonly ScopedEvent[]): void {
    const missing = new Map<string, [string, string, Lane]>();
    for (const e of events) {
      const key = keyOf(e.accountId, e.region, laneOf(e));
      if (this.#cached(e.accountId, e.region, laneOf(e)) === undefined) missing.set(key, [e.accountId, e.region, laneOf(e)]);
    }
    if (missing.size === 0) return;
    if (this.#db.inTransaction) throw new Error('scopes must be ensured outside any transaction');
    this.#db.transaction(() => {
      for (const args of missing.values()) this.#insert.run(...args);
    }).immediate();
    for (const args of missing.values()) this.#cache(...args, this.#select.get(...args)!.id);
  }

  /** The id of a scope, or undefined while no event in it was ever stored. */
  find(accountId: string, region: string, lane: Lane): number | undefined {
    const cached = this.#cached(accountId, region, lane);
    if (cached !== undefined) return cached;
    const id = this.#select.get(accountId, region, lane)?.id;
    if (id !== undefined) this.#cache(accountId, region, lane, id);
    return id;
  }

  #cached(accountId: string, region: string, lane: Lane): number | undefined {
    return this.#ids.get(region)?.get(accountId)?.[lane];
  }

  #cache(accountId: string, region: string, lane: Lane, id: number): void {
    let accounts = this.#ids.get(region);
    if (!accounts) this.#ids.set(region, (accounts = new Map()));
    let lanes = accounts.get(accountId);
    if (!lanes) accounts.set(accountId, (lanes = []));
    lanes[lane] = id;
  }

  /** Every scope id, including those other processes created. */
  all(): number[] {
    return this.#all.all();
  }
}

function keyOf(accountId: string, region: string, lane: Lane): string {
  return `${lane}\u0000${accountId}\u0000${region}`;
}

// The event log for log file delivery, in SQLite: the few columns delivery needs, without the join to `scopes`,
// whose rows never change, so that each scope's account and region are looked up once per connection.
import type Database from 'better-sqlite3';
import type { DeliverableEvent } from '../../domain/delivery/deliverable-event.js';
import type { EventOrigin } from '../../domain/indexed-event.js';
import type { DeliveryFeed } from '../delivery-feed.js';
import type { EventFeed } from '../store.js';

interface Row {
  seq: number;
  json: string;
  time_ms: number;
  scope: number;
  origin: string;
  category: string;
  event_source: string;
  event_name: string;
}

interface ScopeRow {
  account_id: string;
  region: string;
}

export class SqliteDeliveryFeed implements DeliveryFeed {
  readonly #feed: EventFeed;
  readonly #eventsAfter: Database.Statement<[number, number], Row>;
  readonly #scope: Database.Statement<[number], ScopeRow>;
  readonly #scopes = new Map<number, ScopeRow>();

  constructor(db: Database.Database, feed: EventFeed) {
    this.#feed = feed;
    this.#eventsAfter = db.prepare(`SELECT seq, json, time_ms, scope, origin, category, event_source, event_name
      FROM events WHERE seq > ? ORDER BY seq LIMIT ?`);
    this.#scope = db.prepare('SELECT account_id, region FROM scopes WHERE id = ?');
  }

  lastSeq(): Promise<number> {
    return this.#feed.lastSeq();
  }

  async eventsAfter(afterSeq: number, limit: number): Promise<DeliverableEvent[]> {
    return this.#eventsAfter.all(afterSeq, limit).map((row) => {
      const { account_id: accountId, region } = this.#scopeOf(row.scope);
      return {
        seq: row.seq, json: row.json, accountId, region, timeMs: row.time_ms, origin: row.origin as EventOrigin,
        category: row.category, eventSource: row.event_source, eventName: row.event_name,
      };
    });
  }

  #scopeOf(id: number): ScopeRow {
    let scope = this.#scopes.get(id);
    if (!scope) {
      scope = this.#scope.get(id);
      if (!scope) throw new Error(`event log refers to scope ${id}, which does not exist`);
      this.#scopes.set(id, scope);
    }
    return scope;
  }
}

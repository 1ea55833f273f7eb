// The SQLite Store: one database file (WAL), shared safely with other processes such as `opentrail import`.
import type Database from 'better-sqlite3';
import type { Store } from '../store.js';
import { openConnection, type SqliteConnectionOptions } from './connection.js';
import { BackgroundCheckpoint } from './background-checkpoint.js';
import { WalSync } from './wal-sync.js';
import { migrate } from './schema.js';
import { Scopes } from './scopes.js';
import { SqliteEventLog } from './sqlite-event-log.js';
import { SqliteEventHistory } from './sqlite-event-history.js';
import { SqliteEventFeed } from './sqlite-event-feed.js';
import { SqliteCredentials } from './sqlite-credentials.js';
import { SqliteTrailStore } from './sqlite-trail-store.js';
import { SqliteIdentityStore } from './sqlite-identity-store.js';
import { SqliteDeliveryLedger } from './sqlite-delivery-ledger.js';
import { SqliteDeliveryFeed } from './sqlite-delivery-feed.js';
import { SqliteLakeCatalog } from './sqlite-lake-catalog.js';
import { SqliteLakeEvents } from './sqlite-lake-events.js';
import { SqliteDigestChains } from './sqlite-digest-chains.js';

export type SqliteStoreOptions = SqliteConnectionOptions;

export class SqliteStore implements Store {
  readonly eventLog: SqliteEventLog;
  readonly eventHistory: SqliteEventHistory;
  readonly eventFeed: SqliteEventFeed;
  readonly credentials: SqliteCredentials;
  readonly identities: SqliteIdentityStore;
  readonly trails: SqliteTrailStore;
  readonly deliveryFeed: SqliteDeliveryFeed;
  readonly deliveryLedger: SqliteDeliveryLedger;
  readonly lake: SqliteLakeCatalog;
  readonly lakeEvents: SqliteLakeEvents;
  readonly digestChains: SqliteDigestChains;
  readonly #db: Database.Database;
  readonly #checkpoint: BackgroundCheckpoint | undefined;
  #closed: Promise<void> | undefined;

  constructor(db: Database.Database, checkpoint?: BackgroundCheckpoint) {
    this.#db = db;
    this.#checkpoint = checkpoint;
    const scopes = new Scopes(db);
    const walSync = WalSync.of(db);
    this.eventLog = new SqliteEventLog(db, scopes, walSync);
    this.eventHistory = new SqliteEventHistory(db, scopes);
    this.eventFeed = new SqliteEventFeed(db);
    this.credentials = new SqliteCredentials(db);
    this.identities = new SqliteIdentityStore(db);
    this.trails = new SqliteTrailStore(db);
    this.deliveryFeed = new SqliteDeliveryFeed(db, this.eventFeed);
    this.deliveryLedger = new SqliteDeliveryLedger(db);
    this.lake = new SqliteLakeCatalog(db);
    this.lakeEvents = new SqliteLakeEvents(db, walSync);
    this.digestChains = new SqliteDigestChains(db);
  }

  /** Safe to call more than once; every call resolves when the database is closed. */
  close(): Promise<void> {
    this.#closed ??= this.eventLog
      .close()
      .then(() => this.#checkpoint?.stop())
      .finally(() => this.#db.close());
    return this.#closed;
  }
}

export async function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteStore> {
  const db = openConnection(options);
  try {
    migrate(db);
    const inMemory = options.path === ':memory:' || options.path === '';
    return new SqliteStore(db, inMemory ? undefined : new BackgroundCheckpoint(options.path));
  } catch (error) {
    db.close();
    throw error;
  }
}

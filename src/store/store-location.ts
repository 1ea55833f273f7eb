// Where the store is: the data dir's SQLite file unless a database URL names another.

export interface StoreLocation {
  dataDir: string;
  /** `postgres://…` once that backend exists; absent means SQLite in the data dir. */
  databaseUrl?: string;
}

export const SQLITE_FILE = 'opentrail.db';

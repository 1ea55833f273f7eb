// The composition root's choice of Store backend: SQLite in the data dir unless a database URL names another.
import path from 'node:path';
import fs from 'node:fs';
import type { Store } from './store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

export interface StoreLocation {
  dataDir: string;
  /** `postgres://…` once that backend exists; absent means SQLite in the data dir. */
  databaseUrl?: string;
  /** Open an existing store for reading only: no migrations, no background work, nothing created. */
  readOnly?: boolean;
}

export const SQLITE_FILE = 'opentrail.db';

export async function openStore(location: StoreLocation): Promise<Store> {
  if (location.databaseUrl) {
    throw new Error(`OPENTRAIL_DATABASE_URL is set, but this version only has the embedded SQLite store: unset it to use ${path.join(location.dataDir, SQLITE_FILE)}`);
  }
  const file = path.join(location.dataDir, SQLITE_FILE);
  if (location.readOnly) {
    if (!fs.existsSync(file)) throw new Error(`There is no opentrail database at ${file}: is --data-dir the server's?`);
    return openSqliteStore({ path: file, readOnly: true });
  }
  fs.mkdirSync(location.dataDir, { recursive: true, mode: 0o700 });
  return openSqliteStore({ path: file });
}

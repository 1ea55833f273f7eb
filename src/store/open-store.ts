// The composition root's choice of Store backend: SQLite in the data dir unless a database URL names another.
import path from 'node:path';
import fs from 'node:fs';
import type { Store } from './store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import { SQLITE_FILE, type StoreLocation } from './store-location.js';

export async function openStore(location: StoreLocation): Promise<Store> {
  if (location.databaseUrl) {
    throw new Error(`OPENTRAIL_DATABASE_URL is set, but this version only has the embedded SQLite store: unset it to use ${path.join(location.dataDir, SQLITE_FILE)}`);
  }
  fs.mkdirSync(location.dataDir, { recursive: true, mode: 0o700 });
  return openSqliteStore({ path: path.join(location.dataDir, SQLITE_FILE) });
}

// The IntegrityReader of the SQLite store: a read-only connection (no migrations, no checkpoint thread) and only
// the two tables' readers.
import type { IntegrityReader } from '../integrity-reader.js';
import { openConnection } from './connection.js';
import { requireCurrentSchema } from './schema-version.js';
import { SqliteDigestChains } from './sqlite-digest-chains.js';
import { SqliteTrailStore } from './sqlite-trail-store.js';

export function openSqliteIntegrityReader(file: string): IntegrityReader {
  const db = openConnection({ path: file, readOnly: true });
  try {
    requireCurrentSchema(db);
    return { trails: new SqliteTrailStore(db), digestChains: new SqliteDigestChains(db), close: async () => void db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}

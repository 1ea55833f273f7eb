// The schema version this opentrail reads and writes, apart from the migrations (schema.ts) that reach it: a
// read-only tool (`validate-logs --direct`) checks a database's version without loading the migration code.
// schema.ts refuses to load when its migrations and this number disagree, so neither can be changed alone.
import type { Database } from 'better-sqlite3';

export const SCHEMA_VERSION = 11;

export class SchemaTooNewError extends Error {}

/** For a read-only connection, which cannot migrate: the database must already be at SCHEMA_VERSION. */
export function requireCurrentSchema(db: Database): void {
  const current = userVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new SchemaTooNewError(`database schema version ${current} is newer than this opentrail's (${SCHEMA_VERSION})`);
  }
  if (current < SCHEMA_VERSION) {
    throw new Error(`database schema version ${current} is older than this opentrail's (${SCHEMA_VERSION}): start opentrail serve once to upgrade it`);
  }
}

export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

// What reads a trail's integrity state without the rest of the store (`validate-logs --direct`,
// `export-checkpoint`): the trail's destination and its digest chains' checkpoints, from an existing database opened
// for reading only. Opening the whole store would load, migrate and start far more than these two reads need, which
// for a one-shot command is most of its time.
import fs from 'node:fs';
import path from 'node:path';
import type { DigestChainStore } from './digest-chains.js';
import { openSqliteIntegrityReader } from './sqlite/sqlite-integrity-reader.js';
import { SQLITE_FILE, type StoreLocation } from './store-location.js';
import type { TrailStore } from './trail-store.js';

export interface IntegrityReader {
  trails: Pick<TrailStore, 'findTrail'>;
  digestChains: Pick<DigestChainStore, 'checkpoints' | 'chainEnds'>;
  close(): Promise<void>;
}

export async function openIntegrityReader(location: StoreLocation): Promise<IntegrityReader> {
  if (location.databaseUrl) {
    throw new Error(`OPENTRAIL_DATABASE_URL is set, but this version only has the embedded SQLite store: unset it to use ${path.join(location.dataDir, SQLITE_FILE)}`);
  }
  const file = path.join(location.dataDir, SQLITE_FILE);
  if (!fs.existsSync(file)) throw new Error(`There is no opentrail database at ${file}: is the data dir the server's?`);
  return openSqliteIntegrityReader(file);
}

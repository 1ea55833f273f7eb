// import_events_per_s: `opentrail import` end to end (read, gunzip, parse, index, store) into a fresh store, and
// sqlite_insert_baseline_rows_per_s: plain better-sqlite3 batch inserts of the same rows in the same run, so the
// import figure reads as a ratio to what the engine itself can do on this machine.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/open-store.js';
import { importLogFiles } from '../../src/services/log-file-import.js';
import { syntheticRecords, writeLogFiles } from '../synthetic-records.js';
import { elapsedMs, round } from '../stats.js';

export interface ImportFigures {
  import_events_per_s: number;
  sqlite_insert_baseline_rows_per_s: number;
}

export async function measureImport(workDir: string, events: number): Promise<ImportFigures> {
  const logs = writeLogFiles(path.join(workDir, 'logs'), events, 2_000, 2);
  const store = await openStore({ dataDir: path.join(workDir, 'import-data') });
  const start = process.hrtime.bigint();
  const summary = await importLogFiles(store.eventLog, [logs], { retentionDays: 36_500 });
  const importMs = elapsedMs(start);
  await store.close();
  if (summary.events !== events) throw new Error(`import stored ${summary.events} of ${events} events`);
  return {
    import_events_per_s: round(events / (importMs / 1000), 0),
    sqlite_insert_baseline_rows_per_s: round(baselineInsertRate(path.join(workDir, 'baseline.db'), events), 0),
  };
}

function baselineInsertRate(file: string, events: number): number {
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL, time_ms INTEGER NOT NULL, json TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO events (event_id, time_ms, json) VALUES (?, ?, ?)');
  const rows = [...syntheticRecords(events, 2)].map((r) => [r.eventID, Date.parse(r.eventTime), JSON.stringify(r)] as const);
  const insertBatch = db.transaction((batch: ReadonlyArray<readonly [string, number, string]>) => {
    for (const row of batch) insert.run(...row);
  });
  const start = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i += 2_000) insertBatch(rows.slice(i, i + 2_000));
  const ms = elapsedMs(start);
  db.close();
  return events / (ms / 1000);
}

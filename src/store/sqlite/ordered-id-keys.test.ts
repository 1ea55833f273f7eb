import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { importedEvent, NOON_MS } from '../conformance/fixtures.js';
import { timeOrderedId } from '../../domain/time-ordered-id.js';
import { eventKey } from './event-key.js';
import { INSERT_EVENT, insertValues } from './event-row.js';
import { migrate, VERSION_BEFORE_ORDERED_KEYS } from './schema.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';

describe('the migration to time-ordered eventID keys', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordered-keys-'));
  let store: SqliteStore | undefined;
  afterEach(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('re-keys stored version 7 eventIDs, so that a re-import of them is still recognized', async () => {
    const file = path.join(dir, 'events.sqlite');
    const ordered = importedEvent({ eventID: timeOrderedId(NOON_MS) });
    const random = importedEvent();
    const staleKey = 42;
    const db = new Database(file);
    migrate(db, VERSION_BEFORE_ORDERED_KEYS);
    db.prepare("INSERT INTO scopes (id, account_id, region, lane) VALUES (1, ?, ?, 1)").run(ordered.accountId, ordered.region);
    // The columns of that version: today's INSERT_EVENT without the later channel_stores.
    const insert = db.prepare(INSERT_EVENT.replace(', channel_stores)', ')').replace(', ?)', ')'));
    insert.run(...insertValues(ordered, staleKey, 1).slice(0, -1));
    insert.run(...insertValues(random, eventKey(random.eventId), 1).slice(0, -1));
    db.close();

    store = await openSqliteStore({ path: file });
    expect(await store.eventLog.importEvents([ordered, random])).toEqual({ added: 0, duplicates: 2 });
    const check = new Database(file, { readonly: true });
    const keys = check.prepare('SELECT event_id, event_key FROM events ORDER BY seq').all();
    check.close();
    expect(keys).toEqual([
      { event_id: ordered.eventId, event_key: eventKey(ordered.eventId) },
      { event_id: random.eventId, event_key: eventKey(random.eventId) },
    ]);
  });
});

// Identity entities as JSON rows keyed by (account, kind, lower-cased name).
import type Database from 'better-sqlite3';
import {
  entityName, type IdentityChange, type IdentityChanges, type IdentityDirectory, type IdentityEntityKinds, type IdentityKind, type IdentityStore,
} from '../identity-store.js';

export class SqliteIdentityStore implements IdentityStore, IdentityDirectory, IdentityChanges {
  readonly #find: Database.Statement<[string, string, string], { json: string }>;
  readonly #list: Database.Statement<[string, string], { json: string }>;
  readonly #save: Database.Statement<[string, string, string, string]>;
  readonly #remove: Database.Statement<[string, string, string]>;
  readonly #db: Database.Database;
  #generation = 0;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#find = db.prepare('SELECT json FROM iam_entities WHERE account_id = ? AND kind = ? AND name_key = ?');
    this.#list = db.prepare('SELECT json FROM iam_entities WHERE account_id = ? AND kind = ? ORDER BY name_key');
    this.#save = db.prepare('INSERT OR REPLACE INTO iam_entities (account_id, kind, name_key, json) VALUES (?, ?, ?, ?)');
    this.#remove = db.prepare('DELETE FROM iam_entities WHERE account_id = ? AND kind = ? AND name_key = ?');
  }

  get directory(): IdentityDirectory {
    return this;
  }

  get changes(): IdentityChanges {
    return this;
  }

  async find<K extends IdentityKind>(accountId: string, kind: K, name: string): Promise<IdentityEntityKinds[K] | undefined> {
    const row = this.#find.get(accountId, kind, name.toLowerCase());
    return row && (JSON.parse(row.json) as IdentityEntityKinds[K]);
  }

  async list<K extends IdentityKind>(accountId: string, kind: K): Promise<IdentityEntityKinds[K][]> {
    return this.#list.all(accountId, kind).map((row) => JSON.parse(row.json) as IdentityEntityKinds[K]);
  }

  generation(): number {
    return this.#generation;
  }

  async save<K extends IdentityKind>(accountId: string, kind: K, entity: IdentityEntityKinds[K]): Promise<void> {
    this.#save.run(accountId, kind, entityName(kind, entity).toLowerCase(), JSON.stringify(entity));
    this.#generation++;
  }

  async apply(accountId: string, changes: readonly IdentityChange[]): Promise<void> {
    this.#db.transaction(() => {
      for (const change of changes) {
        if ('remove' in change) this.#remove.run(accountId, change.kind, change.remove.toLowerCase());
        else this.#save.run(accountId, change.kind, entityName(change.kind, change.save).toLowerCase(), JSON.stringify(change.save));
      }
    })();
    this.#generation++;
  }

  async remove(accountId: string, kind: IdentityKind, name: string): Promise<boolean> {
    const removed = this.#remove.run(accountId, kind, name.toLowerCase()).changes > 0;
    this.#generation++;
    return removed;
  }
}

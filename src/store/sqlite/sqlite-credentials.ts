// Access keys, as the edge needs them to verify signatures and IAM needs them to list and manage them.
import type Database from 'better-sqlite3';
import type { AccessKeyRecord, CredentialStore, KeyLastUsed, PrincipalType } from '../store.js';

interface AccessKeyRow {
  access_key_id: string;
  account_id: string;
  principal_type: string;
  principal_id: string;
  principal_arn: string;
  user_name: string | null;
  sealed_secret: string;
  status: string;
  created_ms: number;
  session_json: string | null;
  expires_ms: number | null;
  last_used_json: string | null;
}

type AccessKeyValues = [
  string, string, string, string, string, string | null, string, string, number, string | null, number | null, string | null,
];

export class SqliteCredentials implements CredentialStore {
  readonly #find: Database.Statement<[string], AccessKeyRow>;
  readonly #save: Database.Statement<AccessKeyValues>;
  readonly #listUser: Database.Statement<[string, string], AccessKeyRow>;
  readonly #listRoot: Database.Statement<[string], AccessKeyRow>;
  readonly #delete: Database.Statement<[string]>;
  readonly #used: Database.Statement<[string, string]>;
  readonly #expire: Database.Statement<[number]>;

  constructor(db: Database.Database) {
    this.#find = db.prepare('SELECT * FROM access_keys WHERE access_key_id = ?');
    this.#save = db.prepare(`INSERT OR REPLACE INTO access_keys (access_key_id, account_id, principal_type,
      principal_id, principal_arn, user_name, sealed_secret, status, created_ms, session_json, expires_ms, last_used_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#listUser = db.prepare(`SELECT * FROM access_keys WHERE account_id = ? AND user_name = ?
      AND principal_type = 'IAMUser' AND session_json IS NULL ORDER BY created_ms, access_key_id`);
    this.#listRoot = db.prepare(`SELECT * FROM access_keys WHERE account_id = ? AND principal_type = 'Root'
      AND session_json IS NULL ORDER BY created_ms, access_key_id`);
    this.#delete = db.prepare('DELETE FROM access_keys WHERE access_key_id = ?');
    this.#used = db.prepare('UPDATE access_keys SET last_used_json = ? WHERE access_key_id = ?');
    this.#expire = db.prepare('DELETE FROM access_keys WHERE expires_ms IS NOT NULL AND expires_ms < ?');
  }

  async findAccessKey(accessKeyId: string): Promise<AccessKeyRecord | undefined> {
    const row = this.#find.get(accessKeyId);
    return row && accessKeyOf(row);
  }

  async saveAccessKey(key: AccessKeyRecord): Promise<void> {
    this.#save.run(
      key.accessKeyId, key.accountId, key.principalType, key.principalId, key.principalArn, key.userName ?? null,
      key.sealedSecret, key.status, key.createdMs, key.session ? JSON.stringify(key.session) : null,
      key.expiresMs ?? null, key.lastUsed ? JSON.stringify(key.lastUsed) : null,
    );
  }

  async listUserKeys(accountId: string, userName: string): Promise<AccessKeyRecord[]> {
    return this.#listUser.all(accountId, userName).map(accessKeyOf);
  }

  async listRootKeys(accountId: string): Promise<AccessKeyRecord[]> {
    return this.#listRoot.all(accountId).map(accessKeyOf);
  }

  async deleteAccessKey(accessKeyId: string): Promise<boolean> {
    return this.#delete.run(accessKeyId).changes > 0;
  }

  async noteKeyUsed(accessKeyId: string, use: KeyLastUsed): Promise<void> {
    this.#used.run(JSON.stringify(use), accessKeyId);
  }

  async deleteExpiredKeys(beforeMs: number): Promise<number> {
    return this.#expire.run(beforeMs).changes;
  }
}

function accessKeyOf(row: AccessKeyRow): AccessKeyRecord {
  const key: AccessKeyRecord = {
    accessKeyId: row.access_key_id,
    accountId: row.account_id,
    principalType: row.principal_type as PrincipalType,
    principalId: row.principal_id,
    principalArn: row.principal_arn,
    sealedSecret: row.sealed_secret,
    status: row.status as AccessKeyRecord['status'],
    createdMs: row.created_ms,
  };
  if (row.user_name !== null) key.userName = row.user_name;
  if (row.session_json !== null) key.session = JSON.parse(row.session_json) as AccessKeyRecord['session'] & object;
  if (row.expires_ms !== null) key.expiresMs = row.expires_ms;
  if (row.last_used_json !== null) key.lastUsed = JSON.parse(row.last_used_json) as KeyLastUsed;
  return key;
}

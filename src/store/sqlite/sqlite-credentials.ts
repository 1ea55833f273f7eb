// Access keys, as the edge needs them to verify signatures.
import type Database from 'better-sqlite3';
import type { AccessKeyRecord, CredentialStore, PrincipalType } from '../store.js';

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
}

type AccessKeyValues = [string, string, string, string, string, string | null, string, string, number];

export class SqliteCredentials implements CredentialStore {
  readonly #find: Database.Statement<[string], AccessKeyRow>;
  readonly #save: Database.Statement<AccessKeyValues>;

  constructor(db: Database.Database) {
    this.#find = db.prepare('SELECT * FROM access_keys WHERE access_key_id = ?');
    this.#save = db.prepare(`INSERT OR REPLACE INTO access_keys (access_key_id, account_id, principal_type,
      principal_id, principal_arn, user_name, sealed_secret, status, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  async findAccessKey(accessKeyId: string): Promise<AccessKeyRecord | undefined> {
    const row = this.#find.get(accessKeyId);
    return row && accessKeyOf(row);
  }

  async saveAccessKey(key: AccessKeyRecord): Promise<void> {
    this.#save.run(
      key.accessKeyId, key.accountId, key.principalType, key.principalId, key.principalArn, key.userName ?? null,
      key.sealedSecret, key.status, key.createdMs,
    );
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
  return key;
}

// Trails and their status in SQLite. A trail's configuration is kept as the JSON of its StoredTrail, so that new
// trail members need no migration; the ARN (account, home region, name) is the key. A retiring trail keeps its row,
// marked by retiring_since_ms, which every statement the calls use leaves out.
import type { PlacementCheck } from '../placement-check.js';
import { checkedWrite } from './checked-write.js';
import type Database from 'better-sqlite3';
import type { DeliveringTrail, StoredTrail, TrailStatus, TrailStore } from '../trail-store.js';

interface DeliveringRow {
  config: string;
  retiring_since_ms: number | null;
}

interface StatusRow {
  is_logging: number;
  status: string;
}

type StatusMembers = Omit<TrailStatus, 'isLogging'>;

export class SqliteTrailStore implements TrailStore {
  readonly #db: Database.Database;
  readonly #insert: Database.Statement<[string, string, string]>;
  readonly #update: Database.Statement<[{ config: string; arn: string; read: string | null }]>;
  readonly #retire: Database.Statement<[number, string]>;
  readonly #deleteRetiring: Database.Statement<[string]>;
  readonly #deleteStatus: Database.Statement<[string]>;
  readonly #find: Database.Statement<[string], string>;
  readonly #findDelivering: Database.Statement<[string], DeliveringRow>;
  readonly #listAccount: Database.Statement<[string], string>;
  readonly #listLogging: Database.Statement<[], string>;
  readonly #listRetiring: Database.Statement<[], DeliveringRow>;
  readonly #status: Database.Statement<[string], StatusRow>;
  readonly #saveStatus: Database.Statement<[{ arn: string; logging: number; status: string }]>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#insert = db.prepare('INSERT INTO trails (arn, account_id, config) VALUES (?, ?, ?) ON CONFLICT (arn) DO NOTHING');
    // @read, when not null, is the config as the call read it: a trail changed since is left alone.
    this.#update = db.prepare(`UPDATE trails SET config = @config
      WHERE arn = @arn AND retiring_since_ms IS NULL AND (@read IS NULL OR config = @read)`);
    this.#retire = db.prepare('UPDATE trails SET retiring_since_ms = ? WHERE arn = ? AND retiring_since_ms IS NULL');
    this.#deleteRetiring = db.prepare('DELETE FROM trails WHERE arn = ? AND retiring_since_ms IS NOT NULL');
    this.#deleteStatus = db.prepare('DELETE FROM trail_status WHERE arn = ?');
    this.#find = db.prepare<[string], string>('SELECT config FROM trails WHERE arn = ? AND retiring_since_ms IS NULL').pluck();
    this.#findDelivering = db.prepare('SELECT config, retiring_since_ms FROM trails WHERE arn = ?');
    this.#listAccount = db.prepare<[string], string>(
      'SELECT config FROM trails WHERE account_id = ? AND retiring_since_ms IS NULL ORDER BY arn').pluck();
    this.#listLogging = db.prepare<[], string>(`SELECT t.config FROM trails t JOIN trail_status s ON s.arn = t.arn
      WHERE s.is_logging = 1 AND t.retiring_since_ms IS NULL ORDER BY t.arn`).pluck();
    this.#listRetiring = db.prepare('SELECT config, retiring_since_ms FROM trails WHERE retiring_since_ms IS NOT NULL ORDER BY arn');
    this.#status = db.prepare('SELECT is_logging, status FROM trail_status WHERE arn = ?');
    // Only for a trail that exists: a delivery worker finishing after its retirement ended must not leave a status
    // behind for a later trail of the same name to inherit. A retiring trail never logs again, also when a
    // StartLogging that found it before DeleteTrail comes late.
    this.#saveStatus = db.prepare(`INSERT INTO trail_status (arn, is_logging, status)
      SELECT arn, @logging, @status FROM trails WHERE arn = @arn AND (@logging = 0 OR retiring_since_ms IS NULL)
      ON CONFLICT (arn) DO UPDATE SET is_logging = excluded.is_logging, status = excluded.status`);
  }

  async createTrail<Refusal>(trail: StoredTrail, check?: PlacementCheck<StoredTrail, Refusal>): Promise<boolean | Refusal> {
    return checkedWrite(this.#db, check, () => this.#others(trail), () =>
      this.#insert.run(trail.arn, trail.accountId, JSON.stringify(trail)).changes === 1);
  }

  async saveTrail<Refusal>(trail: StoredTrail, check?: PlacementCheck<StoredTrail, Refusal>, read?: StoredTrail): Promise<boolean | 'changed' | Refusal> {
    // Stored configs are JSON.stringify's output, which parsing and stringifying again reproduces exactly.
    const readConfig = read === undefined ? null : JSON.stringify(read);
    return checkedWrite(this.#db, check, () => this.#others(trail), () => {
      if (this.#update.run({ config: JSON.stringify(trail), arn: trail.arn, read: readConfig }).changes === 1) return true;
      return readConfig !== null && this.#find.get(trail.arn) !== undefined ? 'changed' : false;
    });
  }

  /** The account's trails other than `trail`. */
  #others(trail: StoredTrail): StoredTrail[] {
    return this.#accountTrails(trail.accountId).filter((other) => other.arn !== trail.arn);
  }

  #accountTrails(accountId: string): StoredTrail[] {
    return this.#listAccount.all(accountId).map((config) => JSON.parse(config) as StoredTrail);
  }

  async retireTrail(arn: string, nowMs: number): Promise<boolean> {
    return this.#db.transaction(() => {
      if (this.#retire.run(nowMs, arn).changes === 0) return false;
      if (this.#readStatus(arn).isLogging) this.#writeStatus(arn, { isLogging: false, stopLoggingMs: nowMs });
      return true;
    }).immediate();
  }

  async endRetirement(arn: string): Promise<boolean> {
    return this.#db.transaction(() => {
      if (this.#deleteRetiring.run(arn).changes === 0) return false;
      this.#deleteStatus.run(arn);
      return true;
    }).immediate();
  }

  async findTrail(arn: string): Promise<StoredTrail | undefined> {
    const config = this.#find.get(arn);
    return config === undefined ? undefined : (JSON.parse(config) as StoredTrail);
  }

  async findDeliveringTrail(arn: string): Promise<DeliveringTrail | undefined> {
    const row = this.#findDelivering.get(arn);
    return row && deliveringTrail(row);
  }

  async listRetiringTrails(): Promise<DeliveringTrail[]> {
    return this.#listRetiring.all().map(deliveringTrail);
  }

  async listTrails(accountId: string): Promise<StoredTrail[]> {
    return this.#accountTrails(accountId);
  }

  async listLoggingTrails(): Promise<StoredTrail[]> {
    return this.#listLogging.all().map((config) => JSON.parse(config) as StoredTrail);
  }

  async trailStatus(arn: string): Promise<TrailStatus> {
    return this.#readStatus(arn);
  }

  /** A member given as undefined is removed (a delivery that succeeds clears the last error that way). */
  async updateTrailStatus(arn: string, change: Partial<TrailStatus>): Promise<boolean> {
    // Immediate: the read and the write are one step even when another process updates the same trail.
    return this.#db.transaction(() => this.#writeStatus(arn, change)).immediate();
  }

  #writeStatus(arn: string, change: Partial<TrailStatus>): boolean {
    const { isLogging, ...members } = { ...this.#readStatus(arn), ...change };
    return this.#saveStatus.run({ arn, logging: isLogging ? 1 : 0, status: JSON.stringify(members) }).changes === 1;
  }

  #readStatus(arn: string): TrailStatus {
    const row = this.#status.get(arn);
    if (!row) return { isLogging: false };
    return { isLogging: row.is_logging === 1, ...(JSON.parse(row.status) as StatusMembers) };
  }
}

function deliveringTrail(row: DeliveringRow): DeliveringTrail {
  const trail = JSON.parse(row.config) as StoredTrail;
  return row.retiring_since_ms === null ? trail : { ...trail, retiringSinceMs: row.retiring_since_ms };
}

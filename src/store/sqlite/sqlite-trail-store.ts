// Trails and their status in SQLite. A trail's configuration is kept as the JSON of its StoredTrail, so that new
// trail members need no migration; the ARN (account, home region, name) is the key.
import type { PlacementCheck } from '../placement-check.js';
import { checkedWrite } from './checked-write.js';
import type Database from 'better-sqlite3';
import type { StoredTrail, TrailStatus, TrailStore } from '../trail-store.js';

interface StatusRow {
  is_logging: number;
  status: string;
}

type StatusMembers = Omit<TrailStatus, 'isLogging'>;

export class SqliteTrailStore implements TrailStore {
  readonly #db: Database.Database;
  readonly #insert: Database.Statement<[string, string, string]>;
  readonly #update: Database.Statement<[string, string]>;
  readonly #delete: Database.Statement<[string]>;
  readonly #deleteStatus: Database.Statement<[string]>;
  readonly #find: Database.Statement<[string], string>;
  readonly #listAccount: Database.Statement<[string], string>;
  readonly #listLogging: Database.Statement<[], string>;
  readonly #status: Database.Statement<[string], StatusRow>;
  readonly #saveStatus: Database.Statement<[{ arn: string; logging: number; status: string }]>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#insert = db.prepare('INSERT INTO trails (arn, account_id, config) VALUES (?, ?, ?) ON CONFLICT (arn) DO NOTHING');
    this.#update = db.prepare('UPDATE trails SET config = ? WHERE arn = ?');
    this.#delete = db.prepare('DELETE FROM trails WHERE arn = ?');
    this.#deleteStatus = db.prepare('DELETE FROM trail_status WHERE arn = ?');
    this.#find = db.prepare<[string], string>('SELECT config FROM trails WHERE arn = ?').pluck();
    this.#listAccount = db.prepare<[string], string>('SELECT config FROM trails WHERE account_id = ? ORDER BY arn').pluck();
    this.#listLogging = db.prepare<[], string>(`SELECT t.config FROM trails t JOIN trail_status s ON s.arn = t.arn
      WHERE s.is_logging = 1 ORDER BY t.arn`).pluck();
    this.#status = db.prepare('SELECT is_logging, status FROM trail_status WHERE arn = ?');
    // Only for a trail that exists: a delivery worker finishing after DeleteTrail must not leave a status behind
    // for a later trail of the same name to inherit.
    this.#saveStatus = db.prepare(`INSERT INTO trail_status (arn, is_logging, status)
      SELECT arn, @logging, @status FROM trails WHERE arn = @arn
      ON CONFLICT (arn) DO UPDATE SET is_logging = excluded.is_logging, status = excluded.status`);
  }

  async createTrail<Refusal>(trail: StoredTrail, check?: PlacementCheck<StoredTrail, Refusal>): Promise<boolean | Refusal> {
    return checkedWrite(this.#db, check, () => this.#others(trail), () =>
      this.#insert.run(trail.arn, trail.accountId, JSON.stringify(trail)).changes === 1);
  }

  async saveTrail<Refusal>(trail: StoredTrail, check?: PlacementCheck<StoredTrail, Refusal>): Promise<boolean | Refusal> {
    return checkedWrite(this.#db, check, () => this.#others(trail), () => this.#update.run(JSON.stringify(trail), trail.arn).changes === 1);
  }

  /** The account's trails other than `trail`. */
  #others(trail: StoredTrail): StoredTrail[] {
    return this.#accountTrails(trail.accountId).filter((other) => other.arn !== trail.arn);
  }

  #accountTrails(accountId: string): StoredTrail[] {
    return this.#listAccount.all(accountId).map((config) => JSON.parse(config) as StoredTrail);
  }

  async deleteTrail(arn: string): Promise<void> {
    this.#db.transaction(() => {
      this.#deleteStatus.run(arn);
      this.#delete.run(arn);
    }).immediate();
  }

  async findTrail(arn: string): Promise<StoredTrail | undefined> {
    const config = this.#find.get(arn);
    return config === undefined ? undefined : (JSON.parse(config) as StoredTrail);
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
  async updateTrailStatus(arn: string, change: Partial<TrailStatus>): Promise<void> {
    // Immediate: the read and the write are one step even when another process updates the same trail.
    this.#db.transaction(() => {
      const { isLogging, ...members } = { ...this.#readStatus(arn), ...change };
      this.#saveStatus.run({ arn, logging: isLogging ? 1 : 0, status: JSON.stringify(members) });
    }).immediate();
  }

  #readStatus(arn: string): TrailStatus {
    const row = this.#status.get(arn);
    if (!row) return { isLogging: false };
    return { isLogging: row.is_logging === 1, ...(JSON.parse(row.status) as StatusMembers) };
  }
}

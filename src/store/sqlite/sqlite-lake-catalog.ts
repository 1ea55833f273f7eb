// Event data stores and channels in SQLite, each kept as the JSON of its stored form with the columns its
// uniqueness rules need (account, region, name).
import type Database from 'better-sqlite3';
import type {
  ChannelIngestion, LakeCatalog, LakeSave, StoredChannel, StoredEventDataStore,
} from '../lake-store.js';
import type { PlacementCheck } from '../placement-check.js';
import { checkedWrite } from './checked-write.js';

type Row = [arn: string, accountId: string, region: string, name: string, config: string];

/** The statements one kind of named, regional resource needs. */
class NamedResources<T extends { arn: string; accountId: string; region: string; name: string }> {
  readonly #insert: Database.Statement<Row>;
  readonly #update: Database.Statement<[{ name: string; config: string; arn: string; read: string | null }]>;
  readonly #find: Database.Statement<[string], string>;
  readonly #list: Database.Statement<[string, string], string>;
  readonly #all: Database.Statement<[], string>;
  readonly #delete: Database.Statement<[string]>;

  readonly #db: Database.Database;

  constructor(db: Database.Database, table: string) {
    this.#db = db;
    this.#insert = db.prepare(`INSERT INTO ${table} (arn, account_id, region, name, config) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING`);
    // The last parameter, when not null, is the config as the call read it: a row changed since is left alone.
    this.#update = db.prepare(`UPDATE OR IGNORE ${table} SET name = @name, config = @config
      WHERE arn = @arn AND (@read IS NULL OR config = @read)`);
    this.#find = db.prepare<[string], string>(`SELECT config FROM ${table} WHERE arn = ?`).pluck();
    this.#list = db.prepare<[string, string], string>(`SELECT config FROM ${table} WHERE account_id = ? AND region = ?
      ORDER BY arn`).pluck();
    this.#all = db.prepare<[], string>(`SELECT config FROM ${table} ORDER BY arn`).pluck();
    this.#delete = db.prepare(`DELETE FROM ${table} WHERE arn = ?`);
  }

  create<Refusal>(item: T, check?: PlacementCheck<T, Refusal>): boolean | Refusal {
    return checkedWrite(this.#db, check, () => this.#others(item), () =>
      this.#insert.run(item.arn, item.accountId, item.region, item.name, JSON.stringify(item)).changes === 1);
  }

  /** `read`: the item as the call read it, when a change made by another call since must not be overwritten. */
  save<Refusal>(item: T, check?: PlacementCheck<T, Refusal>, read?: T): LakeSave | Refusal {
    // Stored configs are JSON.stringify's output, which parsing and stringifying again reproduces exactly.
    const readConfig = read === undefined ? null : JSON.stringify(read);
    return checkedWrite(this.#db, check, () => this.#others(item), () => {
      if (this.#update.run({ name: item.name, config: JSON.stringify(item), arn: item.arn, read: readConfig }).changes === 1) return 'saved';
      // UPDATE OR IGNORE changes nothing for a row that is gone, one changed since it was read, and a new name that
      // breaks UNIQUE; better-sqlite3 is synchronous, so nothing can come between the update and this look.
      const stored = this.#find.get(item.arn);
      if (stored === undefined) return 'gone';
      return readConfig !== null && stored !== readConfig ? 'changed' : 'nameTaken';
    });
  }

  /** The others of the item's account and region. */
  #others(item: T): T[] {
    return this.list(item.accountId, item.region).filter((other) => other.arn !== item.arn);
  }

  find(arn: string): T | undefined {
    const config = this.#find.get(arn);
    return config === undefined ? undefined : (JSON.parse(config) as T);
  }

  list(accountId: string, region: string): T[] {
    return this.#list.all(accountId, region).map((config) => JSON.parse(config) as T);
  }

  all(): T[] {
    return this.#all.all().map((config) => JSON.parse(config) as T);
  }

  delete(arn: string): void {
    this.#delete.run(arn);
  }
}

export class SqliteLakeCatalog implements LakeCatalog {
  readonly #db: Database.Database;
  readonly #stores: NamedResources<StoredEventDataStore>;
  readonly #channels: NamedResources<StoredChannel>;
  readonly #deleteEvents: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#stores = new NamedResources(db, 'event_data_stores');
    this.#channels = new NamedResources(db, 'channels');
    this.#deleteEvents = db.prepare('DELETE FROM lake_events WHERE store_id = (SELECT id FROM event_data_stores WHERE arn = ?)');
  }

  async createEventDataStore<Refusal>(store: StoredEventDataStore, check?: PlacementCheck<StoredEventDataStore, Refusal>): Promise<boolean | Refusal> {
    return this.#stores.create(store, check);
  }

  async saveEventDataStore<Refusal>(
    store: StoredEventDataStore,
    check?: PlacementCheck<StoredEventDataStore, Refusal>,
    read?: StoredEventDataStore,
  ): Promise<LakeSave | Refusal> {
    return this.#stores.save(store, check, read);
  }

  async findEventDataStore(arn: string): Promise<StoredEventDataStore | undefined> {
    return this.#stores.find(arn);
  }

  async listEventDataStores(accountId: string, region: string): Promise<StoredEventDataStore[]> {
    return this.#stores.list(accountId, region);
  }

  async allEventDataStores(): Promise<StoredEventDataStore[]> {
    return this.#stores.all();
  }

  async purgeEventDataStore(arn: string): Promise<void> {
    this.#db.transaction(() => {
      this.#deleteEvents.run(arn);
      this.#stores.delete(arn);
    }).immediate();
  }

  async createChannel<Refusal>(channel: StoredChannel, check?: PlacementCheck<StoredChannel, Refusal>): Promise<boolean | Refusal> {
    return this.#channels.create(channel, check);
  }

  async saveChannel(channel: StoredChannel, read?: StoredChannel): Promise<LakeSave> {
    return this.#channels.save(channel, undefined, read);
  }

  async findChannel(arn: string): Promise<StoredChannel | undefined> {
    return this.#channels.find(arn);
  }

  async listChannels(accountId: string, region: string): Promise<StoredChannel[]> {
    return this.#channels.list(accountId, region);
  }

  async allChannels(): Promise<StoredChannel[]> {
    return this.#channels.all();
  }

  async deleteChannel(arn: string): Promise<void> {
    this.#channels.delete(arn);
  }

  async updateChannelIngestion(arn: string, change: ChannelIngestion): Promise<void> {
    this.#db.transaction(() => {
      const channel = this.#channels.find(arn);
      if (channel) this.#channels.save({ ...channel, ingestion: { ...channel.ingestion, ...change } });
    }).immediate();
  }
}

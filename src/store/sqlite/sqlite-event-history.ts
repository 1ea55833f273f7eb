// Event History (LookupEvents) over the SQLite event log.
import type Database from 'better-sqlite3';
import type { EventHistory, HistoryPage, HistoryQuery, HistoryRow } from '../store.js';
import { attributesOf, type HistoryColumns } from './event-row.js';
import { bindFilters, planLookup, type BoundFilter, type LookupPlan, type SqlValue, type TimeForm } from './lookup-plan.js';
import { DriverChooser } from './driver-choice.js';
import { PostingLookup } from './posting-lookup.js';
import { rowMatches } from './posting-attributes.js';
import { laneOfQuery, type Scopes } from './scopes.js';
import { spanOf, timeWindow, type TimeWindow } from './time-window.js';

export class SqliteEventHistory implements EventHistory {
  readonly #db: Database.Database;
  readonly #scopes: Scopes;
  readonly #chooser: DriverChooser;
  readonly #postings: PostingLookup;
  readonly #statements = new Map<string, Database.Statement<SqlValue[], HistoryColumns>>();
  /** One snapshot for a lookup's reads: another process may move pending events into postings between them. */
  readonly #findTx: Database.Transaction<(driver: BoundFilter | undefined, filters: BoundFilter[], scope: number, window: TimeWindow, want: number) => HistoryColumns[]>;

  constructor(db: Database.Database, scopes: Scopes) {
    this.#db = db;
    this.#scopes = scopes;
    this.#chooser = new DriverChooser(db);
    this.#postings = new PostingLookup(db);
    this.#findTx = db.transaction((driver, filters, scope, window, want) => this.#find(driver, filters, scope, window, want));
  }

  async lookup(query: HistoryQuery): Promise<HistoryPage> {
    const scope = this.#scopes.find(query.accountId, query.region, laneOfQuery(query.category));
    const filters = bindFilters(query.filters);
    const window = timeWindow(query);
    if (scope === undefined || filters === undefined || window === undefined) return { rows: [], more: false };
    const choice = this.#chooser.choose(filters, scope, ...spanOf(window));
    const limit = Math.max(0, Math.floor(query.limit));
    const rows = this.#findTx(choice.driver, filters, scope, window, limit + 1);
    return { rows: rows.slice(0, limit).map(historyRowOf), more: rows.length > limit };
  }

  #find(driver: BoundFilter | undefined, filters: BoundFilter[], scope: number, window: TimeWindow, want: number) {
    if (driver === undefined || driver.key === 'EventId') {
      // Few events share an eventId (one per UTC day at most), so the other filters are checked after reading
      // them all: read only `want`, newer ones failing a check would hide an older one that passes.
      const rows = this.#read(planLookup(driver?.value), scope, window, filters.length > 1 ? Number.MAX_SAFE_INTEGER : want);
      return rows.filter((row) => filters.every((f) => rowMatches(row, f))).slice(0, want);
    }
    return this.#postings.read(driver, filters, scope, window, want);
  }

  /** Up to `want` rows: first the rest of a tie split by the previous page, then older times. */
  #read(plan: LookupPlan, scope: number, window: TimeWindow, want: number): HistoryColumns[] {
    const rows = window.tie ? this.#statement(plan, 'tie').all(...plan.params(scope, 'tie', window.tie, want)) : [];
    if (rows.length < want) {
      rows.push(...this.#statement(plan, 'range').all(...plan.params(scope, 'range', window.range, want - rows.length)));
    }
    return rows;
  }

  #statement(plan: LookupPlan, form: TimeForm): Database.Statement<SqlValue[], HistoryColumns> {
    const key = `${plan.key}|${form}`;
    let statement = this.#statements.get(key);
    if (!statement) {
      statement = this.#db.prepare<SqlValue[], HistoryColumns>(plan.sql(form));
      this.#statements.set(key, statement);
    }
    return statement;
  }
}

function historyRowOf(row: HistoryColumns): HistoryRow {
  return { seq: row.seq, timeMs: row.time_ms, json: row.json, attributes: attributesOf(row) };
}

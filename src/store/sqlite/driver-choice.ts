// Which of several AND-combined filters drives a lookup's scan. The one with the fewest matches in the time window
// does: a page then costs at most that many candidates. Counting is capped, so choosing costs a short index scan per
// filter however popular a value is, and a filter with no match at all ends the lookup before it starts.
import type Database from 'better-sqlite3';
import type { LookupAttributeKey } from '../../domain/history-attributes.js';
import { countSql, isUnique, type BoundFilter, type SqlValue } from './lookup-plan.js';

/** Past this many matches, a filter is "popular" and any other popular one drives about as well. */
const COUNT_CAP = 1_000;

export interface DriverChoice {
  driver?: BoundFilter;
  checks: BoundFilter[];
}

export class DriverChooser {
  readonly #db: Database.Database;
  readonly #counts = new Map<LookupAttributeKey, Database.Statement<SqlValue[], number>>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** Undefined when some filter has no match in [fromMs, beforeMs), so that nothing can match them all. */
  choose(filters: readonly BoundFilter[], scope: number, fromMs: number, beforeMs: number): DriverChoice | undefined {
    const unique = filters.findIndex((f) => isUnique(f.key));
    if (filters.length < 2 || unique >= 0) return split(filters, Math.max(unique, 0));
    const counts = filters.map((f) => this.#count(f, scope, fromMs, beforeMs));
    if (counts.includes(0)) return undefined;
    return split(filters, counts.indexOf(Math.min(...counts)));
  }

  #count(filter: BoundFilter, scope: number, fromMs: number, beforeMs: number): number {
    let statement = this.#counts.get(filter.key);
    if (!statement) {
      statement = this.#db.prepare<SqlValue[], number>(countSql(filter.key)).pluck();
      this.#counts.set(filter.key, statement);
    }
    return statement.get(scope, filter.value, fromMs, beforeMs, COUNT_CAP) ?? 0;
  }
}

function split(filters: readonly BoundFilter[], driverIndex: number): DriverChoice {
  const driver = filters[driverIndex];
  return driver ? { driver, checks: filters.filter((_, i) => i !== driverIndex) } : { checks: [] };
}

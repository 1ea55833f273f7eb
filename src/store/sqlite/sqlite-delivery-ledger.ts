// The delivery ledger in SQLite: cursors, logging periods, write-ahead plans and delivered files. Every change that
// must not be half-done (a plan's completion above all) is one immediate transaction.
import type Database from 'better-sqlite3';
import { CLOSING_RECORD_WINDOW, periodEnd, type LoggingPeriod } from '../../domain/delivery/logging-periods.js';
import { decodeSeqRanges, encodeSeqRanges } from '../../domain/delivery/seq-ranges.js';
import type {
  DeliveredFile, DeliveredFileQuery, DeliveryLedger, PlannedDelivery, RecordedFile, TrailDeliveryState,
} from '../delivery-ledger.js';

interface PlanRow {
  trail_arn: string;
  bucket: string;
  prefix: string | null;
  after_seq: number;
  through_seq: number;
  file_time_ms: number;
  files: string;
}

interface PeriodRow {
  after_seq: number;
  through_seq: number | null;
  closing_request_id: string | null;
}

/** periodEnd() in SQL, for a period row `d` that is closed. */
const PERIOD_END = `(d.through_seq + CASE WHEN d.closing_request_id IS NULL THEN 0 ELSE ${CLOSING_RECORD_WINDOW} END)`;

interface StoredPlanFile {
  key: string;
  accountId: string;
  region: string;
  seqs: string;
}

interface FileRow {
  id: number;
  trail_arn: string;
  bucket: string;
  object_key: string;
  account_id: string;
  region: string;
  sha256: string;
  oldest_event_ms: number;
  newest_event_ms: number;
  delivered_ms: number;
  first_seq: number;
  last_seq: number;
  event_count: number;
}

export class PlanConflictError extends Error {}

export class SqliteDeliveryLedger implements DeliveryLedger {
  readonly #db: Database.Database;
  readonly #sql;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#sql = {
      cursor: db.prepare<[string], { after_seq: number }>('SELECT after_seq FROM delivery_cursors WHERE trail_arn = ?'),
      setCursor: db.prepare<[string, number]>(`INSERT INTO delivery_cursors (trail_arn, after_seq) VALUES (?, ?)
        ON CONFLICT (trail_arn) DO UPDATE SET after_seq = excluded.after_seq`),
      periods: db.prepare<[string], PeriodRow>(
        'SELECT after_seq, through_seq, closing_request_id FROM delivery_periods WHERE trail_arn = ? ORDER BY after_seq'),
      openPeriod: db.prepare<[string, number]>(
        'INSERT OR REPLACE INTO delivery_periods (trail_arn, after_seq, through_seq) VALUES (?, ?, NULL)'),
      closePeriod: db.prepare<[number, string | null, string]>(`UPDATE delivery_periods
        SET through_seq = max(after_seq, ?), closing_request_id = ? WHERE trail_arn = ? AND through_seq IS NULL`),
      // Periods the cursor has passed, and periods that closed before any event: neither can want anything more.
      dropSpentPeriods: db.prepare<[string, string]>(`DELETE FROM delivery_periods AS d WHERE d.trail_arn = ?
        AND d.through_seq IS NOT NULL AND ((d.through_seq <= d.after_seq AND d.closing_request_id IS NULL)
          OR ${PERIOD_END} <= (SELECT after_seq FROM delivery_cursors WHERE trail_arn = ?))`),
      plan: db.prepare<[string], PlanRow>('SELECT * FROM delivery_plans WHERE trail_arn = ?'),
      insertPlan: db.prepare<[string, string, string | null, number, number, number, string]>(`INSERT INTO delivery_plans
        (trail_arn, bucket, prefix, after_seq, through_seq, file_time_ms, files) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      deletePlan: db.prepare<[string, number, number]>(
        'DELETE FROM delivery_plans WHERE trail_arn = ? AND after_seq = ? AND through_seq = ?'),
      insertFile: db.prepare<[string, string, string, string, string, string, number, number, number, number, number, number]>(
        `INSERT INTO delivered_files (trail_arn, bucket, object_key, account_id, region, sha256, oldest_event_ms,
        newest_event_ms, delivered_ms, first_seq, last_seq, event_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      files: db.prepare<[string, string, number, number], FileRow>(`SELECT * FROM delivered_files
        WHERE trail_arn = ? AND region = ? AND delivered_ms >= ? AND delivered_ms < ? ORDER BY delivered_ms, id`),
      lastPosition: db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM delivered_files'),
      lastPositionBefore: db.prepare<[string, number], { id: number | null }>(
        'SELECT max(id) AS id FROM delivered_files WHERE trail_arn = ? AND delivered_ms < ?'),
      recordedBetween: db.prepare<[string, number, number], FileRow>(`SELECT * FROM delivered_files
        WHERE trail_arn = ? AND id > ? AND id <= ? ORDER BY id`),
      trailsToDeliver: db.prepare<[], { trail_arn: string }>(`SELECT c.trail_arn FROM delivery_cursors c
        WHERE EXISTS (SELECT 1 FROM delivery_plans p WHERE p.trail_arn = c.trail_arn)
           OR EXISTS (SELECT 1 FROM delivery_periods d WHERE d.trail_arn = c.trail_arn
                      AND (d.through_seq IS NULL OR ${PERIOD_END} > c.after_seq))
        ORDER BY c.trail_arn`),
      forget: ['delivery_cursors', 'delivery_periods', 'delivery_plans'].map((table) =>
        db.prepare<[string]>(`DELETE FROM ${table} WHERE trail_arn = ?`)),
    };
  }

  async startCursor(trailArn: string, seq: number): Promise<void> {
    this.#write(() => this.#start(trailArn, seq));
  }

  async adoptTrail(trailArn: string, seq: number): Promise<void> {
    // Asked for every logging trail on every pass: a read answers it without taking the write lock.
    if (this.#sql.cursor.get(trailArn) !== undefined) return;
    this.#write(() => {
      if (this.#sql.cursor.get(trailArn) === undefined) this.#start(trailArn, seq);
    });
  }

  async stopCursor(trailArn: string, seq: number, closingRequestId?: string): Promise<void> {
    this.#write(() => {
      this.#sql.closePeriod.run(seq, closingRequestId ?? null, trailArn);
      this.#sql.dropSpentPeriods.run(trailArn, trailArn);
    });
  }

  async forgetTrail(trailArn: string): Promise<void> {
    this.#write(() => {
      for (const statement of this.#sql.forget) statement.run(trailArn);
    });
  }

  async deliveryState(trailArn: string): Promise<TrailDeliveryState> {
    return this.#db.transaction(() => {
      const cursor = this.#sql.cursor.get(trailArn)?.after_seq ?? 0;
      const plan = this.#sql.plan.get(trailArn);
      const periods = this.#periods(trailArn).filter((p) => periodEnd(p) > cursor);
      return { cursor, periods, ...(plan ? { plan: planOf(plan) } : {}) };
    })();
  }

  async trailsToDeliver(): Promise<string[]> {
    return this.#sql.trailsToDeliver.all().map((row) => row.trail_arn);
  }

  async planDelivery(plan: PlannedDelivery): Promise<void> {
    this.#write(() => {
      const cursor = this.#sql.cursor.get(plan.trailArn)?.after_seq ?? 0;
      if (this.#sql.plan.get(plan.trailArn) || cursor !== plan.afterSeq) {
        throw new PlanConflictError(`trail ${plan.trailArn} has a plan already, or its cursor moved from ${plan.afterSeq}`);
      }
      const files: StoredPlanFile[] = plan.files.map((f) => ({ key: f.key, accountId: f.accountId, region: f.region, seqs: encodeSeqRanges(f.seqs) }));
      this.#sql.insertPlan.run(plan.trailArn, plan.bucket, plan.prefix || null, plan.afterSeq, plan.throughSeq, plan.fileTimeMs, JSON.stringify(files));
    });
  }

  async completeDelivery(plan: PlannedDelivery, files: readonly DeliveredFile[]): Promise<boolean> {
    return this.#write(() => {
      if (this.#sql.deletePlan.run(plan.trailArn, plan.afterSeq, plan.throughSeq).changes === 0) return false;
      for (const f of files) {
        this.#sql.insertFile.run(f.trailArn, f.bucket, f.key, f.accountId, f.region, f.sha256, f.oldestEventMs, f.newestEventMs,
          f.deliveredMs, f.firstSeq, f.lastSeq, f.eventCount);
      }
      this.#moveCursor(plan.trailArn, plan.throughSeq);
      return true;
    });
  }

  async abandonPlan(plan: PlannedDelivery): Promise<void> {
    this.#write(() => this.#sql.deletePlan.run(plan.trailArn, plan.afterSeq, plan.throughSeq));
  }

  async skipTo(trailArn: string, fromSeq: number, toSeq: number): Promise<boolean> {
    return this.#write(() => {
      const cursor = this.#sql.cursor.get(trailArn)?.after_seq;
      if (cursor !== fromSeq || this.#sql.plan.get(trailArn)) return false;
      this.#moveCursor(trailArn, toSeq);
      return true;
    });
  }

  async deliveredFiles(query: DeliveredFileQuery): Promise<DeliveredFile[]> {
    return this.#sql.files.all(query.trailArn, query.region, query.fromMs, query.toMs).map(deliveredFileOf);
  }

  async lastPosition(): Promise<number> {
    return this.#sql.lastPosition.get()?.id ?? 0;
  }

  async lastPositionBefore(trailArn: string, deliveredMs: number): Promise<number> {
    return this.#sql.lastPositionBefore.get(trailArn, deliveredMs)?.id ?? 0;
  }

  async filesRecordedBetween(trailArn: string, afterPosition: number, throughPosition: number): Promise<RecordedFile[]> {
    return this.#sql.recordedBetween.all(trailArn, afterPosition, throughPosition).map((row) => ({ ...deliveredFileOf(row), position: row.id }));
  }

  #start(trailArn: string, seq: number): void {
    const periods = this.#periods(trailArn);
    if (periods.some((p) => p.throughSeq === undefined)) return;
    const cursor = this.#sql.cursor.get(trailArn)?.after_seq;
    const pending = this.#sql.plan.get(trailArn) !== undefined || (cursor !== undefined && periods.some((p) => periodEnd(p) > cursor));
    // With nothing left to deliver from earlier periods, the cursor can jump straight to the new one.
    if (cursor === undefined || !pending) this.#sql.setCursor.run(trailArn, Math.max(cursor ?? seq, seq));
    this.#sql.openPeriod.run(trailArn, seq);
  }

  #moveCursor(trailArn: string, seq: number): void {
    this.#sql.setCursor.run(trailArn, seq);
    this.#sql.dropSpentPeriods.run(trailArn, trailArn);
  }

  #periods(trailArn: string): LoggingPeriod[] {
    return this.#sql.periods.all(trailArn).map(periodOf);
  }

  #write<T>(work: () => T): T {
    return this.#db.transaction(work).immediate();
  }
}

function periodOf(row: PeriodRow): LoggingPeriod {
  return {
    afterSeq: row.after_seq,
    ...(row.through_seq !== null ? { throughSeq: row.through_seq } : {}),
    ...(row.closing_request_id !== null ? { closingRequestId: row.closing_request_id } : {}),
  };
}

function planOf(row: PlanRow): PlannedDelivery {
  const files = JSON.parse(row.files) as StoredPlanFile[];
  return {
    trailArn: row.trail_arn,
    bucket: row.bucket,
    ...(row.prefix !== null ? { prefix: row.prefix } : {}),
    afterSeq: row.after_seq,
    throughSeq: row.through_seq,
    fileTimeMs: row.file_time_ms,
    files: files.map((f) => ({ key: f.key, accountId: f.accountId, region: f.region, seqs: decodeSeqRanges(f.seqs) })),
  };
}

function deliveredFileOf(row: FileRow): DeliveredFile {
  return {
    trailArn: row.trail_arn,
    bucket: row.bucket,
    key: row.object_key,
    accountId: row.account_id,
    region: row.region,
    sha256: row.sha256,
    oldestEventMs: row.oldest_event_ms,
    newestEventMs: row.newest_event_ms,
    deliveredMs: row.delivered_ms,
    firstSeq: row.first_seq,
    lastSeq: row.last_seq,
    eventCount: row.event_count,
  };
}

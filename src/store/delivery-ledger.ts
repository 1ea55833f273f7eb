// The delivery part of the Store port: per trail, where delivery stands in the event log, the stretches of it during
// which the trail was logging, the delivery it is about to make (written ahead, so that a crash is followed by the
// same delivery again rather than a different one), and the ledger of every log file delivered, which digests sign.
import type { LoggingPeriod } from '../domain/delivery/logging-periods.js';
import type { PlannedFile } from '../domain/delivery/plan-log-files.js';

export interface PlannedDelivery {
  trailArn: string;
  bucket: string;
  /** The trail's S3KeyPrefix when planned: a plan made for another destination is not re-run. */
  prefix?: string | undefined;
  /** The cursor the plan starts from; it covers the events after it… */
  afterSeq: number;
  /** …up to and including this one: where the cursor goes once every file is delivered. */
  throughSeq: number;
  /** The file timestamp in every key of the plan. */
  fileTimeMs: number;
  /** Never empty: a stretch without events for the trail moves the cursor without a plan. */
  files: PlannedFile[];
}

export interface DeliveredFile {
  trailArn: string;
  bucket: string;
  key: string;
  accountId: string;
  region: string;
  /** Lower-case hex SHA-256 of the uncompressed bytes. */
  sha256: string;
  oldestEventMs: number;
  newestEventMs: number;
  deliveredMs: number;
  firstSeq: number;
  lastSeq: number;
  eventCount: number;
}

export interface TrailDeliveryState {
  /** The last sequence number handled; 0 for a trail delivery has never seen. */
  cursor: number;
  /** In ascending order; only those the cursor has not passed. */
  periods: LoggingPeriod[];
  plan?: PlannedDelivery;
}

export interface DeliveredFileQuery {
  trailArn: string;
  region: string;
  /** Delivery time, inclusive. */
  fromMs: number;
  /** Delivery time, exclusive. */
  toMs: number;
}

/** A delivered file with its place in the ledger: files are numbered in the order they were recorded. */
export interface RecordedFile extends DeliveredFile {
  position: number;
}

export interface DeliveryLedger {
  /**
   * StartLogging: the trail receives the events after `seq` (the event log's last sequence number then). Does nothing
   * while the trail is already logging.
   */
  startCursor(trailArn: string, seq: number): Promise<void>;
  /**
   * As startCursor, but only for a trail the ledger has never seen: one that was logging before delivery kept a
   * ledger. A trail the ledger knows is left alone, so this can never undo a StopLogging.
   */
  adoptTrail(trailArn: string, seq: number): Promise<void>;
  /**
   * StopLogging: the trail receives no event after `seq`, except the record of the StopLogging call itself when its
   * request id is given. Does nothing while the trail is not logging.
   */
  stopCursor(trailArn: string, seq: number, closingRequestId?: string): Promise<void>;
  /** DeleteTrail: drops the cursor, periods and any plan; the ledger of delivered files stays. */
  forgetTrail(trailArn: string): Promise<void>;
  deliveryState(trailArn: string): Promise<TrailDeliveryState>;
  /** Trails with a plan to finish or a logging period the cursor has not passed. */
  trailsToDeliver(): Promise<string[]>;
  /** Records the plan before any of its files is written. Rejects if the trail has a plan or moved past `afterSeq`. */
  planDelivery(plan: PlannedDelivery): Promise<void>;
  /**
   * In one transaction: records the files, moves the cursor to the plan's `throughSeq` and drops the plan. False,
   * changing nothing, when the plan is no longer the trail's (completed already, or abandoned).
   */
  completeDelivery(plan: PlannedDelivery, files: readonly DeliveredFile[]): Promise<boolean>;
  /** Drops the plan without delivering it, when the trail's destination changed: the range is planned anew. */
  abandonPlan(plan: PlannedDelivery): Promise<void>;
  /** Moves the cursor over events the trail does not receive. False when the cursor is no longer at `fromSeq`. */
  skipTo(trailArn: string, fromSeq: number, toSeq: number): Promise<boolean>;
  /** The trail's files of one region delivered in a time window, by delivery time: what a digest covers. */
  deliveredFiles(query: DeliveredFileQuery): Promise<DeliveredFile[]>;
  /**
   * The position of the last file recorded (0 before the first). Digests cover files by position rather than by
   * delivery time, so that a file recorded just after a digest's window closed goes into the next digest.
   */
  lastPosition(): Promise<number>;
  /** The position of the trail's last file delivered before `deliveredMs`; 0 when there is none. */
  lastPositionBefore(trailArn: string, deliveredMs: number): Promise<number>;
  /** The trail's files recorded after `afterPosition` through `throughPosition`, in recording order. */
  filesRecordedBetween(trailArn: string, afterPosition: number, throughPosition: number): Promise<RecordedFile[]>;
}

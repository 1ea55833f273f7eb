// The trail part of the Store port: trail configurations, their logging state and tags, and the delivery state
// that GetTrailStatus reports. Trails are kept per account under their home region; shadow trails are not stored,
// they are derived from multi-region trails when another region asks. A deleted trail retires first: gone for the
// calls, still there for delivery and digests until they have written what it recorded (spec §3.1: a deleted
// trail's final digest covers its remaining log files).
import type { PlacementCheck } from './placement-check.js';
import type { TrailSelectors } from '../domain/selectors/trail-selectors.js';
import type { StoredInsightSelector } from '../domain/selectors/insight-selector.js';
import type { EarlierReceiving } from '../domain/delivery/receiving-history.js';

export interface TrailTag {
  Key: string;
  Value?: string;
}

export interface StoredTrail {
  accountId: string;
  name: string;
  homeRegion: string;
  arn: string;
  s3BucketName: string;
  s3KeyPrefix?: string;
  snsTopicName?: string;
  snsTopicArn?: string;
  includeGlobalServiceEvents: boolean;
  isMultiRegionTrail: boolean;
  isOrganizationTrail: boolean;
  logFileValidationEnabled: boolean;
  cloudWatchLogsLogGroupArn?: string;
  cloudWatchLogsRoleArn?: string;
  kmsKeyId?: string;
  /** Absent until PutEventSelectors: the default then applies and HasCustomEventSelectors is false. */
  selectors?: TrailSelectors;
  insightSelectors?: StoredInsightSelector[];
  /** Selectors and region scope replaced while delivery had events of theirs ahead of it (receiving-history.ts). */
  earlierReceiving?: EarlierReceiving[];
  tags: TrailTag[];
  createdMs: number;
}

/** A trail as delivery and digests see it: also a deleted one, until it has retired. */
export interface DeliveringTrail extends StoredTrail {
  /** When DeleteTrail retired it; absent for a trail the calls still see. */
  retiringSinceMs?: number;
}

export interface TrailStatus {
  isLogging: boolean;
  startLoggingMs?: number;
  stopLoggingMs?: number;
  latestDeliveryMs?: number;
  latestDeliveryError?: string;
  latestDeliveryAttemptMs?: number;
  latestDeliveryAttemptSucceededMs?: number;
  latestNotificationMs?: number;
  latestNotificationError?: string;
  latestNotificationAttemptMs?: number;
  latestNotificationAttemptSucceededMs?: number;
  latestDigestDeliveryMs?: number;
  latestDigestDeliveryError?: string;
}

export interface TrailStore {
  /** Inserts the trail; false when the account already has a trail of that name in that home region, or `check`'s refusal. */
  createTrail<Refusal>(trail: StoredTrail, check?: PlacementCheck<StoredTrail, Refusal>): Promise<boolean | Refusal>;
  /**
   * Replaces the stored configuration of the trail with the same ARN; false when there is none, `check`'s refusal,
   * or, when `read` is given (the trail as the call read it), `changed` if another call changed it meanwhile.
   */
  saveTrail<Refusal>(trail: StoredTrail, check?: PlacementCheck<StoredTrail, Refusal>, read?: StoredTrail): Promise<boolean | 'changed' | Refusal>;
  /**
   * DeleteTrail: the trail stops logging (stopLoggingMs = `nowMs` if it was) and is no longer found, listed or saved
   * by the calls, which may create a new trail of its name; delivery and digests still find it. False when there
   * was no such trail.
   */
  retireTrail(arn: string, nowMs: number): Promise<boolean>;
  /** Removes a retiring trail and its status; false, changing nothing, when the ARN is not a retiring trail's. */
  endRetirement(arn: string): Promise<boolean>;
  /** The trail the calls see, by ARN. */
  findTrail(arn: string): Promise<StoredTrail | undefined>;
  /** As findTrail, but also a retiring trail: for delivery and digests. */
  findDeliveringTrail(arn: string): Promise<DeliveringTrail | undefined>;
  /** Every trail of the account, in every home region, ordered by ARN. */
  listTrails(accountId: string): Promise<StoredTrail[]>;
  /** Every trail of every account that is logging: what delivery works on. */
  listLoggingTrails(): Promise<StoredTrail[]>;
  /** Every retiring trail, by ARN. */
  listRetiringTrails(): Promise<DeliveringTrail[]>;
  trailStatus(arn: string): Promise<TrailStatus>;
  /**
   * Merges the given members into the trail's status; a retiring trail's status changes too (delivery reports on
   * it), but it never logs again. False when nothing was written: no such trail, or a retiring one asked to log.
   */
  updateTrailStatus(arn: string, change: Partial<TrailStatus>): Promise<boolean>;
}

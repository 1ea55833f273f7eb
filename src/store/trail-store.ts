// The trail part of the Store port: trail configurations, their logging state and tags, and the delivery state
// that GetTrailStatus reports. Trails are kept per account under their home region; shadow trails are not stored,
// they are derived from multi-region trails when another region asks.
import type { PlacementCheck } from './placement-check.js';
import type { TrailSelectors } from '../domain/selectors/trail-selectors.js';
import type { StoredInsightSelector } from '../domain/selectors/insight-selector.js';

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
  tags: TrailTag[];
  createdMs: number;
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
  /** Replaces the stored configuration of the trail with the same ARN; false when there is none, or `check`'s refusal. */
  saveTrail<Refusal>(trail: StoredTrail, check?: PlacementCheck<StoredTrail, Refusal>): Promise<boolean | Refusal>;
  deleteTrail(arn: string): Promise<void>;
  findTrail(arn: string): Promise<StoredTrail | undefined>;
  /** Every trail of the account, in every home region, ordered by ARN. */
  listTrails(accountId: string): Promise<StoredTrail[]>;
  /** Every trail of every account that is logging: what delivery works on. */
  listLoggingTrails(): Promise<StoredTrail[]>;
  trailStatus(arn: string): Promise<TrailStatus>;
  /** Merges the given members into the trail's status. */
  updateTrailStatus(arn: string, change: Partial<TrailStatus>): Promise<void>;
}

// The configurable members of a trail, shared by CreateTrail and UpdateTrail (spec §4.3): each member sent is
// checked and replaces the stored one, an empty string clears an optional member, and members not sent stay.
import { ServiceError } from '../../errors/service-error.js';
import type { StoredTrail } from '../../store/trail-store.js';
import type { AccountRegion } from './account-region.js';
import { checkCloudWatchLogsPair, checkLogGroupArn, checkLogsRoleArn } from './cloudwatch-logs.js';
import { kmsKeyArn } from './kms-key.js';
import { checkBucketName, checkS3KeyPrefix } from './s3-destination.js';
import { snsTopic } from './sns-topic.js';

export type TrailSettings = Pick<
  StoredTrail,
  | 's3BucketName' | 's3KeyPrefix' | 'snsTopicName' | 'snsTopicArn' | 'includeGlobalServiceEvents' | 'isMultiRegionTrail'
  | 'isOrganizationTrail' | 'logFileValidationEnabled' | 'cloudWatchLogsLogGroupArn' | 'cloudWatchLogsRoleArn' | 'kmsKeyId'
>;

/** The settings members as CreateTrail and UpdateTrail name them on the wire. */
export interface TrailSettingsMembers {
  S3BucketName?: string | undefined;
  S3KeyPrefix?: string | undefined;
  SnsTopicName?: string | undefined;
  IncludeGlobalServiceEvents?: boolean | undefined;
  IsMultiRegionTrail?: boolean | undefined;
  EnableLogFileValidation?: boolean | undefined;
  CloudWatchLogsLogGroupArn?: string | undefined;
  CloudWatchLogsRoleArn?: string | undefined;
  KmsKeyId?: string | undefined;
  IsOrganizationTrail?: boolean | undefined;
}

type ClearableKey = 's3KeyPrefix' | 'cloudWatchLogsLogGroupArn' | 'cloudWatchLogsRoleArn' | 'kmsKeyId';

/** CreateTrail's defaults (spec §4.3), before the members sent are applied. */
export function newTrailSettings(bucket: string): TrailSettings {
  return {
    s3BucketName: bucket,
    includeGlobalServiceEvents: true,
    isMultiRegionTrail: false,
    isOrganizationTrail: false,
    logFileValidationEnabled: false,
  };
}

/** A copy with the members sent applied; throws the member's own exception for a bad value or combination. */
export function applySettings<T extends TrailSettings>(current: T, members: TrailSettingsMembers, where: AccountRegion): T {
  const next: T = { ...current };
  if (members.S3BucketName !== undefined) next.s3BucketName = checkBucketName(members.S3BucketName);
  setClearable(next, 's3KeyPrefix', members.S3KeyPrefix, checkS3KeyPrefix);
  setClearable(next, 'cloudWatchLogsLogGroupArn', members.CloudWatchLogsLogGroupArn, checkLogGroupArn);
  setClearable(next, 'cloudWatchLogsRoleArn', members.CloudWatchLogsRoleArn, checkLogsRoleArn);
  setClearable(next, 'kmsKeyId', members.KmsKeyId, (keyId) => kmsKeyArn(keyId, where));
  if (members.SnsTopicName !== undefined) setSnsTopic(next, members.SnsTopicName, where);
  next.includeGlobalServiceEvents = members.IncludeGlobalServiceEvents ?? next.includeGlobalServiceEvents;
  next.isMultiRegionTrail = members.IsMultiRegionTrail ?? next.isMultiRegionTrail;
  next.logFileValidationEnabled = members.EnableLogFileValidation ?? next.logFileValidationEnabled;
  if (members.IsOrganizationTrail === true) throw organizationsNotInUse();
  checkCombination(next);
  return next;
}

function setClearable(settings: TrailSettings, key: ClearableKey, value: string | undefined, check: (value: string) => string): void {
  if (value === undefined) return;
  if (value === '') delete settings[key];
  else settings[key] = check(value);
}

function setSnsTopic(settings: TrailSettings, nameOrArn: string, where: AccountRegion): void {
  delete settings.snsTopicName;
  delete settings.snsTopicArn;
  if (nameOrArn !== '') Object.assign(settings, snsTopic(nameOrArn, where));
}

function checkCombination(settings: TrailSettings): void {
  // Global service events are recorded in us-east-1 only, so a trail of every region must take them (spec §4.3).
  if (settings.isMultiRegionTrail && !settings.includeGlobalServiceEvents) {
    throw new ServiceError('InvalidParameterCombinationException', 'Multi-Region trail must include global service events.');
  }
  checkCloudWatchLogsPair(settings);
}

function organizationsNotInUse(): ServiceError {
  return new ServiceError(
    'OrganizationsNotInUseException',
    'This account is not in an organization: opentrail has no AWS Organizations, so IsOrganizationTrail must be false.',
  );
}

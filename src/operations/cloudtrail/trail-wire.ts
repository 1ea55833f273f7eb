// A stored trail in the wire shapes of the model (spec §4.13 `Trail`, `TrailInfo`; §4.3 CreateTrail's response).
// Absent members stay undefined, which the JSON encoder leaves out.
import type { StoredTrail } from '../../store/trail-store.js';

/** CreateTrail's and UpdateTrail's response: the configuration, without HomeRegion and the Has* flags. */
export function trailConfigurationWire(trail: StoredTrail) {
  return {
    Name: trail.name,
    S3BucketName: trail.s3BucketName,
    S3KeyPrefix: trail.s3KeyPrefix,
    SnsTopicName: trail.snsTopicName,
    SnsTopicARN: trail.snsTopicArn,
    IncludeGlobalServiceEvents: trail.includeGlobalServiceEvents,
    IsMultiRegionTrail: trail.isMultiRegionTrail,
    TrailARN: trail.arn,
    LogFileValidationEnabled: trail.logFileValidationEnabled,
    CloudWatchLogsLogGroupArn: trail.cloudWatchLogsLogGroupArn,
    CloudWatchLogsRoleArn: trail.cloudWatchLogsRoleArn,
    KmsKeyId: trail.kmsKeyId,
    IsOrganizationTrail: trail.isOrganizationTrail,
  };
}

/** The full `Trail` structure of GetTrail and DescribeTrails. */
export function trailWire(trail: StoredTrail) {
  return {
    ...trailConfigurationWire(trail),
    HomeRegion: trail.homeRegion,
    HasCustomEventSelectors: trail.selectors !== undefined,
    HasInsightSelectors: (trail.insightSelectors?.length ?? 0) > 0,
  };
}

export function trailInfoWire(trail: StoredTrail) {
  return { TrailARN: trail.arn, Name: trail.name, HomeRegion: trail.homeRegion };
}

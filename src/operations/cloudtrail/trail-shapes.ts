// Wire input members shared by the trail and tag operations (spec §4.3, §4.7, §4.13). Types only: the constraints are
// checked by the services, so that a bad value gets its modelled exception rather than SerializationException.
import { z } from 'zod';

/** DeleteTrail, GetTrail, GetTrailStatus, StartLogging and StopLogging: a trail name or ARN. */
export const trailNameInput = z.object({ Name: z.string() });

export const tagShape = z.object({ Key: z.string(), Value: z.string().optional() });

/** The configurable members CreateTrail and UpdateTrail share. */
export const trailSettingsShape = {
  S3BucketName: z.string().optional(),
  S3KeyPrefix: z.string().optional(),
  SnsTopicName: z.string().optional(),
  IncludeGlobalServiceEvents: z.boolean().optional(),
  IsMultiRegionTrail: z.boolean().optional(),
  EnableLogFileValidation: z.boolean().optional(),
  CloudWatchLogsLogGroupArn: z.string().optional(),
  CloudWatchLogsRoleArn: z.string().optional(),
  KmsKeyId: z.string().optional(),
  IsOrganizationTrail: z.boolean().optional(),
};

/** AddTags and RemoveTags: one resource ARN and a list of tags. */
export const tagChangeInput = z.object({ ResourceId: z.string(), TagsList: z.array(tagShape) });

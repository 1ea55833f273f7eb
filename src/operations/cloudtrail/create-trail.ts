// CreateTrail (spec §4.3): a new trail in the caller's region, not logging yet. The record lists the trail and
// the response, as AWS records it.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { createTrail } from '../../services/trails/create-trail.js';
import { trailArn } from '../../services/trails/trail-arn.js';
import { trailNameProblem } from '../../services/trails/trail-name.js';
import { tagShape, trailSettingsShape } from './trail-shapes.js';
import { trailConfigurationWire } from './trail-wire.js';
import { trailScope } from './trail-context.js';
import { trailResource } from './trail-record-resources.js';

const input = z.object({
  Name: z.string(),
  ...trailSettingsShape,
  S3BucketName: z.string(),
  TagsList: z.array(tagShape).optional(),
});

export const createTrailOperation = defineOperation({
  name: 'CreateTrail',
  readOnly: false,
  input,
  errors: [
    'MaximumNumberOfTrailsExceededException', 'TrailAlreadyExistsException', 'S3BucketDoesNotExistException',
    'InsufficientS3BucketPolicyException', 'InsufficientSnsTopicPolicyException',
    'InsufficientEncryptionPolicyException', 'InvalidS3BucketNameException', 'InvalidS3PrefixException',
    'InvalidSnsTopicNameException', 'InvalidKmsKeyIdException', 'InvalidTrailNameException',
    'TrailNotProvidedException', 'TagsLimitExceededException', 'InvalidParameterCombinationException',
    'InvalidParameterException', 'KmsKeyNotFoundException', 'KmsKeyDisabledException', 'KmsException',
    'InvalidCloudWatchLogsLogGroupArnException', 'InvalidCloudWatchLogsRoleArnException',
    'CloudWatchLogsDeliveryUnavailableException', 'InvalidTagParameterException', 'UnsupportedOperationException',
    'OperationNotPermittedException', 'CloudTrailAccessNotEnabledException',
    'InsufficientDependencyServiceAccessPermissionException', 'NotOrganizationMasterAccountException',
    'OrganizationsNotInUseException', 'OrganizationNotInAllFeaturesModeException',
    'NoManagementAccountSLRExistsException', 'CloudTrailInvalidClientTokenIdException', 'ConflictException',
    'ThrottlingException',
  ],
  resources({ Name }, context) {
    if (trailNameProblem(Name) !== undefined) return [];
    return [trailResource(trailArn(context.region, context.caller.accountId, Name), context.caller.accountId)];
  },
  async run({ Name, TagsList, ...settings }, context) {
    const request = { name: Name, settings, tags: TagsList ?? [] };
    const trail = await createTrail(trailScope(context), context.services.objects, request, context.now);
    return trailConfigurationWire(trail);
  },
});

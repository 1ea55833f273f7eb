// UpdateTrail (spec §4.3): changes the members sent, in the trail's home region; answers like CreateTrail.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { updateTrail } from '../../services/trails/update-trail.js';
import { trailSettingsShape } from './trail-shapes.js';
import { trailConfigurationWire } from './trail-wire.js';
import { trailScope } from './trail-context.js';
import { namedTrailResources } from './trail-record-resources.js';

const input = z.object({ Name: z.string(), ...trailSettingsShape });

export const updateTrailOperation = defineOperation({
  name: 'UpdateTrail',
  readOnly: false,
  input,
  errors: [
    'S3BucketDoesNotExistException', 'InsufficientS3BucketPolicyException', 'InsufficientSnsTopicPolicyException',
    'InsufficientEncryptionPolicyException', 'TrailNotFoundException', 'InvalidS3BucketNameException',
    'InvalidS3PrefixException', 'InvalidSnsTopicNameException', 'InvalidKmsKeyIdException',
    'InvalidTrailNameException', 'TrailNotProvidedException', 'InvalidEventSelectorsException',
    'CloudTrailARNInvalidException', 'ConflictException', 'ThrottlingException',
    'InvalidParameterCombinationException', 'InvalidHomeRegionException', 'KmsKeyNotFoundException',
    'KmsKeyDisabledException', 'KmsException', 'InvalidCloudWatchLogsLogGroupArnException',
    'InvalidCloudWatchLogsRoleArnException', 'CloudWatchLogsDeliveryUnavailableException',
    'UnsupportedOperationException', 'OperationNotPermittedException', 'CloudTrailAccessNotEnabledException',
    'InsufficientDependencyServiceAccessPermissionException', 'OrganizationsNotInUseException',
    'NotOrganizationMasterAccountException', 'OrganizationNotInAllFeaturesModeException',
    'NoManagementAccountSLRExistsException', 'CloudTrailInvalidClientTokenIdException', 'InvalidParameterException',
  ],
  resources: ({ Name }, context) => namedTrailResources(context, Name),
  async run({ Name, ...settings }, context) {
    const trail = await updateTrail(trailScope(context), context.services.objects, Name, settings);
    return trailConfigurationWire(trail);
  },
});

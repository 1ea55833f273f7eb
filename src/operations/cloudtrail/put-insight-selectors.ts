// PutInsightSelectors (spec §4.4): turns Insights on (or off with `[]`) for a trail, in its home region.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { insightSelectorSchema } from '../../domain/selectors/insight-selector.js';
import { putInsightSelectors } from '../../services/trails/trail-insight-selectors.js';
import { trailScope } from './trail-context.js';
import { insightsTargetShape, insightsTrailResources } from './insights-shapes.js';

const input = z.object({
  ...insightsTargetShape,
  InsightSelectors: z.array(insightSelectorSchema),
  InsightsDestination: z.string().optional(),
});

export const putInsightSelectorsOperation = defineOperation({
  name: 'PutInsightSelectors',
  readOnly: false,
  input,
  errors: [
    'InvalidParameterException', 'InvalidParameterCombinationException', 'TrailNotFoundException',
    'InvalidTrailNameException', 'CloudTrailARNInvalidException', 'InvalidHomeRegionException',
    'InvalidInsightSelectorsException', 'InsufficientS3BucketPolicyException',
    'InsufficientEncryptionPolicyException', 'S3BucketDoesNotExistException', 'KmsException',
    'UnsupportedOperationException', 'OperationNotPermittedException', 'NotOrganizationMasterAccountException',
    'NoManagementAccountSLRExistsException', 'ThrottlingException',
  ],
  resources: (target, context) => insightsTrailResources(target, context),
  async run({ InsightSelectors, ...target }, context) {
    const trail = await putInsightSelectors(trailScope(context), context.services.objects, target, InsightSelectors);
    return { TrailARN: trail.arn, InsightSelectors: trail.insightSelectors };
  },
});

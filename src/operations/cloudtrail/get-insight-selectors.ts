// GetInsightSelectors (spec §4.4): a trail's Insights selectors; InsightNotEnabledException when it has none.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { getInsightSelectors } from '../../services/trails/trail-insight-selectors.js';
import { trailScope } from './trail-context.js';
import { insightsTargetShape, insightsTrailResources } from './insights-shapes.js';

export const getInsightSelectorsOperation = defineOperation({
  name: 'GetInsightSelectors',
  readOnly: true,
  input: z.object(insightsTargetShape),
  errors: [
    'InvalidParameterException', 'InvalidParameterCombinationException', 'TrailNotFoundException',
    'InvalidTrailNameException', 'CloudTrailARNInvalidException', 'UnsupportedOperationException',
    'OperationNotPermittedException', 'InsightNotEnabledException', 'NoManagementAccountSLRExistsException',
    'ThrottlingException',
  ],
  resources: (target, context) => insightsTrailResources(target, context),
  async run(target, context) {
    const { trail, insightSelectors } = await getInsightSelectors(trailScope(context), target);
    return { TrailARN: trail.arn, InsightSelectors: insightSelectors };
  },
});

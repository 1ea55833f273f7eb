// DescribeTrails (spec §4.3): the region's trails with their shadows by default; the only CloudTrail operation with
// lower-camel members. validate-logs finds its trail through this call.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { describeTrails } from '../../services/trails/describe-trails.js';
import { trailWire } from './trail-wire.js';
import { trailScope } from './trail-context.js';

const input = z.object({
  trailNameList: z.array(z.string()).optional(),
  includeShadowTrails: z.boolean().optional(),
});

export const describeTrailsOperation = defineOperation({
  name: 'DescribeTrails',
  readOnly: true,
  input,
  errors: [
    'UnsupportedOperationException', 'OperationNotPermittedException', 'InvalidTrailNameException',
    'CloudTrailARNInvalidException', 'NoManagementAccountSLRExistsException',
  ],
  async run({ trailNameList, includeShadowTrails }, context) {
    const trails = await describeTrails(trailScope(context), trailNameList ?? [], includeShadowTrails ?? true);
    return { trailList: trails.map(trailWire) };
  },
});

// GetEventSelectors (spec §4.4): the kind of selectors in use, or the default basic selector.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { wireEventSelectors } from '../../domain/selectors/trail-selectors.js';
import { resolveTrail } from '../../services/trails/find-trail.js';
import { effectiveSelectors } from '../../services/trails/trail-event-selectors.js';
import { trailScope } from './trail-context.js';
import { namedTrailResources } from './trail-record-resources.js';

export const getEventSelectorsOperation = defineOperation({
  name: 'GetEventSelectors',
  readOnly: true,
  input: z.object({ TrailName: z.string() }),
  errors: [
    'TrailNotFoundException', 'InvalidTrailNameException', 'CloudTrailARNInvalidException',
    'UnsupportedOperationException', 'OperationNotPermittedException', 'NoManagementAccountSLRExistsException',
  ],
  resources: ({ TrailName }, context) => namedTrailResources(context, TrailName),
  async run({ TrailName }, context) {
    const trail = await resolveTrail(trailScope(context), TrailName);
    return { TrailARN: trail.arn, ...wireEventSelectors(effectiveSelectors(trail)) };
  },
});

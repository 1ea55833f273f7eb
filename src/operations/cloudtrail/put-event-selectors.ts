// PutEventSelectors (spec §4.4): replaces the trail's selectors with basic or advanced ones, in its home region.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { eventSelectorSchema } from '../../domain/selectors/event-selector.js';
import { advancedEventSelectorSchema } from '../../domain/selectors/advanced-event-selector.js';
import { wireEventSelectors } from '../../domain/selectors/trail-selectors.js';
import { effectiveSelectors, putEventSelectors } from '../../services/trails/trail-event-selectors.js';
import { trailScope } from './trail-context.js';
import { namedTrailResources } from './trail-record-resources.js';

const input = z.object({
  TrailName: z.string(),
  EventSelectors: z.array(eventSelectorSchema).optional(),
  AdvancedEventSelectors: z.array(advancedEventSelectorSchema).optional(),
});

export const putEventSelectorsOperation = defineOperation({
  name: 'PutEventSelectors',
  readOnly: false,
  input,
  errors: [
    'TrailNotFoundException', 'InvalidTrailNameException', 'CloudTrailARNInvalidException',
    'InvalidHomeRegionException', 'InvalidEventSelectorsException', 'ConflictException', 'ThrottlingException',
    'UnsupportedOperationException', 'OperationNotPermittedException', 'NotOrganizationMasterAccountException',
    'NoManagementAccountSLRExistsException', 'InsufficientDependencyServiceAccessPermissionException',
  ],
  resources: ({ TrailName }, context) => namedTrailResources(context, TrailName),
  async run({ TrailName, ...selectors }, context) {
    const trail = await putEventSelectors(trailScope(context), TrailName, selectors);
    return { TrailARN: trail.arn, ...wireEventSelectors(effectiveSelectors(trail)) };
  },
});

// DeleteTrail, StartLogging and StopLogging share one shape (spec §4.3): a trail name or ARN in, a change to that
// trail made in its home region, `{}` out. The model lists the same errors for the three.
import { defineOperation } from '../operation.js';
import type { TrailScope } from '../../services/trails/trail-scope.js';
import { trailNameInput } from './trail-shapes.js';
import { trailScope } from './trail-context.js';
import { namedTrailResources } from './trail-record-resources.js';

export type TrailChange = (scope: TrailScope, nameOrArn: string, now: Date) => Promise<void>;

export function namedTrailChange(name: 'DeleteTrail' | 'StartLogging' | 'StopLogging', change: TrailChange) {
  return defineOperation({
    name,
    readOnly: false,
    input: trailNameInput,
    errors: [
      'CloudTrailARNInvalidException', 'ConflictException', 'ThrottlingException', 'TrailNotFoundException',
      'InvalidTrailNameException', 'InvalidHomeRegionException', 'UnsupportedOperationException',
      'OperationNotPermittedException', 'NotOrganizationMasterAccountException',
      'NoManagementAccountSLRExistsException', 'InsufficientDependencyServiceAccessPermissionException',
    ],
    resources: ({ Name }, context) => namedTrailResources(context, Name),
    async run({ Name }, context) {
      await change(trailScope(context), Name, context.now);
      return {};
    },
  });
}

// GetTrailStatus (spec §4.3): whether the trail logs and what delivery last did, as stored. A name finds only
// the region's own trails: a shadow is asked about by ARN.
import { defineOperation } from '../operation.js';
import { resolveTrail } from '../../services/trails/find-trail.js';
import { trailNameInput } from './trail-shapes.js';
import { trailStatusWire } from './trail-status-wire.js';
import { trailScope } from './trail-context.js';
import { namedTrailResources } from './trail-record-resources.js';

export const getTrailStatusOperation = defineOperation({
  name: 'GetTrailStatus',
  readOnly: true,
  input: trailNameInput,
  errors: [
    'CloudTrailARNInvalidException', 'TrailNotFoundException', 'InvalidTrailNameException',
    'UnsupportedOperationException', 'OperationNotPermittedException',
  ],
  resources: ({ Name }, context) => namedTrailResources(context, Name, 'own'),
  async run({ Name }, context) {
    const scope = trailScope(context);
    const trail = await resolveTrail(scope, Name, 'own');
    return trailStatusWire(await scope.trails.trailStatus(trail.arn));
  },
});

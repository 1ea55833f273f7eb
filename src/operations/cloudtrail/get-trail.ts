// GetTrail (spec §4.3): the full `Trail` structure of a trail or of a shadow the region sees.
import { defineOperation } from '../operation.js';
import { resolveTrail } from '../../services/trails/find-trail.js';
import { trailNameInput } from './trail-shapes.js';
import { trailWire } from './trail-wire.js';
import { trailScope } from './trail-context.js';
import { namedTrailResources } from './trail-record-resources.js';

export const getTrailOperation = defineOperation({
  name: 'GetTrail',
  readOnly: true,
  input: trailNameInput,
  errors: [
    'CloudTrailARNInvalidException', 'TrailNotFoundException', 'InvalidTrailNameException',
    'UnsupportedOperationException', 'OperationNotPermittedException',
  ],
  resources: ({ Name }, context) => namedTrailResources(context, Name),
  async run({ Name }, context) {
    return { Trail: trailWire(await resolveTrail(trailScope(context), Name)) };
  },
});

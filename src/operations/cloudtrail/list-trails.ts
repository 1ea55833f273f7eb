// ListTrails (spec §4.3): every trail of the account, each once with its home region, paginated.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { listTrails } from '../../services/trails/list-trails.js';
import { trailInfoWire } from './trail-wire.js';
import { trailScope } from './trail-context.js';

export const listTrailsOperation = defineOperation({
  name: 'ListTrails',
  readOnly: true,
  input: z.object({ NextToken: z.string().optional() }),
  errors: [
    'UnsupportedOperationException', 'OperationNotPermittedException',
  ],
  async run({ NextToken }, context) {
    const page = await listTrails(trailScope(context), NextToken);
    return { Trails: page.trails.map(trailInfoWire), NextToken: page.nextToken };
  },
});

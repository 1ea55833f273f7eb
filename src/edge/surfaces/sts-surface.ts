// The STS API surface: Query requests signed for `sts`, dispatched to src/operations/sts. One endpoint plays STS's
// global endpoint and its regional ones: calls are recorded in the region they were signed for, so that us-east-1
// calls are global-service events (as the global endpoint's) and others regional events, as AWS records them.
import type { Surface } from '../surface.js';
import type { Services } from '../../services/services.js';
import { STS_OPERATIONS } from '../../operations/sts/sts-operations.js';
import { querySurface } from './query-surface.js';

export function stsSurface(services: Services): Surface {
  return querySurface({
    signingName: 'sts',
    eventSource: 'sts.amazonaws.com',
    namespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    version: '2011-06-15',
    operations: STS_OPERATIONS,
    userSessionActions: ['AssumeRole', 'GetCallerIdentity'],
  }, services);
}

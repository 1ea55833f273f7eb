// The STS API surface: Query requests signed for `sts`, dispatched to src/operations/sts, recorded as
// sts.amazonaws.com global-service events (one endpoint plays STS's global one).
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
  }, services);
}

// The IAM API surface: Query requests signed for `iam`, dispatched to src/operations/iam, recorded as
// iam.amazonaws.com global-service events: in us-east-1, whichever region the request was signed for.
import type { Surface } from '../surface.js';
import type { Services } from '../../services/services.js';
import { IAM_OPERATIONS } from '../../operations/iam/iam-operations.js';
import { querySurface } from './query-surface.js';
import { GLOBAL_SERVICE_REGION } from '../../domain/delivery/global-service-events.js';

export function iamSurface(services: Services): Surface {
  return querySurface({
    signingName: 'iam',
    eventSource: 'iam.amazonaws.com',
    recordedRegion: GLOBAL_SERVICE_REGION,
    namespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
    version: '2010-05-08',
    operations: IAM_OPERATIONS,
  }, services);
}

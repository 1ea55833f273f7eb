// The trail services' view of a call: its account, its region and the account's trails.
import type { OperationContext } from '../operation.js';
import type { TrailScope } from '../../services/trails/trail-scope.js';

export function trailScope(context: OperationContext): TrailScope {
  return { trails: context.services.store.trails, accountId: context.caller.accountId, region: context.region };
}

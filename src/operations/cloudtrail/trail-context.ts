// The trail services' view of a call: its account, its region and the account's trails.
import type { OperationContext } from '../operation.js';
import type { TrailScope } from '../../services/trails/trail-scope.js';
import { deliveryCursors } from '../../services/trails/delivery-cursors.js';
import { digestChainStart } from '../../services/trails/digest-chain-start.js';

export function trailScope(context: OperationContext): TrailScope {
  const { store, clock } = context.services;
  return {
    trails: store.trails,
    accountId: context.caller.accountId,
    region: context.region,
    cursors: deliveryCursors(store, context.request.requestId),
    digests: digestChainStart(store, clock),
  };
}

// The digest side of StartLogging and of UpdateTrail turning validation on: the chain opens as the call is made
// rather than at the digest worker's next pass, which a short logging stretch may end before (spec §3.1: every
// logging stretch with validation on has its digests).
import type { Clock } from '../../domain/clock.js';
import { openDigestChain } from '../../integrity/open-digest-chain.js';
import type { Store } from '../../store/store.js';
import type { StoredTrail } from '../../store/trail-store.js';

export interface DigestChainStart {
  /** Call once the trail is marked as logging with validation on; does nothing when the trail already has a chain. */
  validationStarts(trail: StoredTrail): Promise<void>;
}

export function digestChainStart(store: Pick<Store, 'trails' | 'deliveryLedger' | 'digestChains'>, clock: Clock): DigestChainStart {
  const deps = { trails: store.trails, ledger: store.deliveryLedger, chains: store.digestChains };
  return {
    validationStarts: async (trail) => void (await openDigestChain(deps, trail, clock.now().getTime())),
  };
}

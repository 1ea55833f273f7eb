// Compiled delivery decisions per trail, rebuilt only when what they depend on changes (a PutEventSelectors or an
// UpdateTrail), because compiling selectors for every batch would cost more than matching.
import { receivingTrail, type ReceivingTrail } from '../domain/delivery/trail-receives.js';
import type { StoredTrail } from '../store/trail-store.js';

export class ReceivingTrails {
  readonly #compiled = new Map<string, { basis: string; receiving: ReceivingTrail }>();

  for(trail: StoredTrail): ReceivingTrail {
    const basis = JSON.stringify([trail.homeRegion, trail.isMultiRegionTrail, trail.includeGlobalServiceEvents, trail.selectors ?? null]);
    const cached = this.#compiled.get(trail.arn);
    if (cached?.basis === basis) return cached.receiving;
    const receiving = receivingTrail(trail);
    this.#compiled.set(trail.arn, { basis, receiving });
    return receiving;
  }

  forget(trailArn: string): void {
    this.#compiled.delete(trailArn);
  }
}

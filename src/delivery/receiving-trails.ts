// Compiled delivery decisions per trail, rebuilt only when what they depend on changes (a PutEventSelectors or an
// UpdateTrail), because compiling selectors for every batch would cost more than matching. Which settings apply
// depends on where delivery stands: a backlog recorded under earlier settings is judged by those (receiving-history.ts).
import { receivingAt } from '../domain/delivery/receiving-history.js';
import { receivingTrail, type ReceivingTrail } from '../domain/delivery/trail-receives.js';
import type { StoredTrail } from '../store/trail-store.js';

export interface ReceivingStretch {
  receiving: ReceivingTrail;
  /** The last sequence number `receiving` decides; absent when it is the trail's current settings. */
  throughSeq?: number;
}

export class ReceivingTrails {
  readonly #compiled = new Map<string, { basis: string; receiving: ReceivingTrail }>();

  /** What decides the trail's events after `cursor`. */
  at(trail: StoredTrail, cursor: number): ReceivingStretch {
    const { settings, throughSeq } = receivingAt(trail, cursor);
    const basis = JSON.stringify([settings.homeRegion, settings.isMultiRegionTrail, settings.includeGlobalServiceEvents, settings.selectors ?? null]);
    const cached = this.#compiled.get(trail.arn);
    const receiving = cached?.basis === basis ? cached.receiving : receivingTrail(settings);
    this.#compiled.set(trail.arn, { basis, receiving });
    return throughSeq === undefined ? { receiving } : { receiving, throughSeq };
  }

  forget(trailArn: string): void {
    this.#compiled.delete(trailArn);
  }
}

// Whether a trail fits where it would be seen (spec §4.3, §8): names are unique among the trails a region sees,
// and a region sees at most 5 trails, a multi-region trail counting in every region.
import type { StoredTrail } from '../../store/trail-store.js';
import { trailsVisibleIn, type TrailPlacement } from './trail-visibility.js';

export const MAX_TRAILS_PER_REGION = 5;

export type PlacementConflict =
  | { kind: 'name-taken'; region: string; holder: StoredTrail }
  | { kind: 'region-full'; region: string };

/** The first conflict of placing `candidate` among `others` (the account's other trails), or undefined. */
export function placementConflict(candidate: TrailPlacement, others: readonly StoredTrail[]): PlacementConflict | undefined {
  for (const region of regionsSeeing(candidate, others)) {
    const seen = trailsVisibleIn(others, region);
    const holder = seen.find((trail) => trail.name === candidate.name);
    if (holder) return { kind: 'name-taken', region, holder };
    if (seen.length >= MAX_TRAILS_PER_REGION) return { kind: 'region-full', region };
  }
  return undefined;
}

/**
 * The regions where the candidate would be seen that can hold a conflict. A multi-region trail is seen everywhere,
 * but a region with no trail of its own sees only multi-region trails, which its home region sees as well.
 */
function regionsSeeing(candidate: TrailPlacement, others: readonly StoredTrail[]): string[] {
  if (!candidate.isMultiRegionTrail) return [candidate.homeRegion];
  return [...new Set([candidate.homeRegion, ...others.map((trail) => trail.homeRegion)])];
}

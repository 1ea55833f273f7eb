// Which trails a region sees (spec §4.3): its own, plus the shadow of every multi-region trail created elsewhere.
// Shadows are never stored; they are these stored trails seen from another region.
import type { StoredTrail } from '../../store/trail-store.js';

export type TrailPlacement = Pick<StoredTrail, 'name' | 'homeRegion' | 'isMultiRegionTrail'>;

export function isVisibleIn(trail: TrailPlacement, region: string): boolean {
  return trail.homeRegion === region || trail.isMultiRegionTrail;
}

export function isShadowIn(trail: TrailPlacement, region: string): boolean {
  return trail.homeRegion !== region && trail.isMultiRegionTrail;
}

export function trailsVisibleIn<T extends TrailPlacement>(trails: readonly T[], region: string): T[] {
  return trails.filter((trail) => isVisibleIn(trail, region));
}

// DescribeTrails (spec §4.3): without a list, the region's own trails and, unless told not to, the shadows of
// multi-region trails created elsewhere. A list filters: names match the region's own trails only, ARNs any trail
// of the account; entries that match nothing are skipped.
import type { StoredTrail } from '../../store/trail-store.js';
import { parseTrailReference, type TrailReference } from './trail-reference.js';
import type { TrailScope } from './trail-scope.js';
import { isShadowIn } from './trail-visibility.js';

export async function describeTrails(
  scope: TrailScope,
  nameList: readonly string[],
  includeShadowTrails: boolean,
): Promise<StoredTrail[]> {
  const references = nameList.map(parseTrailReference);
  const trails = await scope.trails.listTrails(scope.accountId);
  if (references.length === 0) {
    return trails.filter((trail) => trail.homeRegion === scope.region || (includeShadowTrails && isShadowIn(trail, scope.region)));
  }
  // An ARN may name a trail of another region; without shadow trails, not a multi-region trail as this region's shadow.
  return trails.filter((trail) => references.some((reference) => refersTo(reference, trail, scope.region))
    && (includeShadowTrails || !isShadowIn(trail, scope.region)));
}

function refersTo(reference: TrailReference, trail: StoredTrail, region: string): boolean {
  if (reference.kind === 'arn') return reference.arn === trail.arn;
  return reference.name === trail.name && trail.homeRegion === region;
}

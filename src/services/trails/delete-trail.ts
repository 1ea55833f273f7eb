// DeleteTrail (spec §4.3): only in the home region, so never through a shadow. Its status goes with it; the bucket
// and the files delivered to it stay.
import { resolveTrailToChange } from './find-trail.js';
import type { TrailScope } from './trail-scope.js';

export async function deleteTrail(scope: TrailScope, nameOrArn: string): Promise<void> {
  const trail = await resolveTrailToChange(scope, nameOrArn);
  await scope.trails.deleteTrail(trail.arn);
  await scope.cursors.trailDeleted(trail.arn);
}

// DeleteTrail (spec §4.3): only in the home region, so never through a shadow. The trail retires rather than
// vanishing: the calls no longer see it, but delivery writes the events it recorded and its digest chain ends with a
// final digest covering them (spec §3.1), after which it is gone. The bucket and its files stay.
import { resolveTrailToChange } from './find-trail.js';
import type { TrailScope } from './trail-scope.js';

export async function deleteTrail(scope: TrailScope, nameOrArn: string, now: Date): Promise<void> {
  const trail = await resolveTrailToChange(scope, nameOrArn);
  if (await scope.trails.retireTrail(trail.arn, now.getTime())) await scope.cursors.trailRetired(trail.arn);
}

// AddTags, RemoveTags and ListTags on trails (spec §4.7).
import { ServiceError } from '../../errors/service-error.js';
import { ChangedMeanwhile, decideOnCurrent } from '../decide-on-current.js';
import type { StoredTrail, TrailTag } from '../../store/trail-store.js';
import { missingTaggedTrail, requireTagHomeRegion, resolveTaggedTrail } from './tag-target.js';
import type { TrailScope } from './trail-scope.js';

export const MAX_LIST_TAGS_RESOURCES = 20;

/** Applies `change` to the tags of the trail the ARN names, in its home region. */
export async function changeTrailTags(
  scope: TrailScope,
  resourceId: string,
  change: (tags: readonly TrailTag[]) => TrailTag[],
): Promise<void> {
  return decideOnCurrent(async () => {
    const trail = await resolveTaggedTrail(scope, resourceId);
    requireTagHomeRegion(trail, scope.region);
    const saved = await scope.trails.saveTrail({ ...trail, tags: change(trail.tags) }, undefined, trail);
    // A trail deleted since it was read: the tags were not stored.
    if (saved === false) throw missingTaggedTrail(resourceId);
    if (saved === 'changed') throw new ChangedMeanwhile(`The trail ${trail.arn}`);
  });
}

/** The trails the ARNs name, in the order asked; the list is at most 20 long and never continues (spec §4.7). */
export async function trailsToListTags(scope: TrailScope, resourceIds: readonly string[], nextToken: string | undefined): Promise<StoredTrail[]> {
  // ListTags never hands out a token, so any token is one opentrail did not issue.
  if (nextToken) throw new ServiceError('InvalidTokenException', 'ListTags returns one page; this NextToken was not issued by it.');
  if (resourceIds.length > MAX_LIST_TAGS_RESOURCES) {
    throw new ServiceError(
      'OperationNotPermittedException',
      `ListTags takes at most ${MAX_LIST_TAGS_RESOURCES} resource ARNs; got ${resourceIds.length}.`,
    );
  }
  return Promise.all(resourceIds.map((resourceId) => resolveTaggedTrail(scope, resourceId)));
}

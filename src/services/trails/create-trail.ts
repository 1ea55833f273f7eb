// CreateTrail's rules (spec §4.3): a valid name, valid settings with their defaults, room in every region the trail
// will be seen in, a usable bucket; the new trail does not log until StartLogging.
import { ServiceError } from '../../errors/service-error.js';
import type { ObjectStore } from '../../objects/object-store.js';
import type { StoredTrail } from '../../store/trail-store.js';
import { checkTrailName } from './trail-name.js';
import { trailArn } from './trail-arn.js';
import { placementConflict, MAX_TRAILS_PER_REGION, type PlacementConflict } from './trail-placement.js';
import { applySettings, newTrailSettings, type TrailSettingsMembers } from './trail-settings.js';
import { addTags, type TagInput } from './trail-tags.js';
import { checkBucketUsable } from './s3-destination.js';
import type { TrailScope } from './trail-scope.js';

export interface NewTrail {
  name: string;
  settings: TrailSettingsMembers & { S3BucketName: string };
  tags: readonly TagInput[];
}

export async function createTrail(scope: TrailScope, objects: ObjectStore, request: NewTrail, now: Date): Promise<StoredTrail> {
  checkTrailName(request.name);
  const draft: StoredTrail = {
    accountId: scope.accountId,
    name: request.name,
    homeRegion: scope.region,
    arn: trailArn(scope.region, scope.accountId, request.name),
    ...newTrailSettings(request.settings.S3BucketName),
    tags: [],
    createdMs: now.getTime(),
  };
  const trail = { ...applySettings(draft, request.settings, scope), tags: addTags([], request.tags) };
  const fits = (others: readonly StoredTrail[]) => placementConflict(trail, others);
  const conflict = fits(await scope.trails.listTrails(scope.accountId));
  if (conflict) throw creationConflict(trail, conflict);
  await checkBucketUsable(objects, trail.s3BucketName, scope.accountId);
  // A deleted trail of the same name that is still delivering gives way: its undelivered rest is dropped, as the
  // new trail would otherwise inherit it (docs/log-file-delivery.md).
  if (await scope.trails.endRetirement(trail.arn)) await scope.cursors.trailReplaced(trail.arn);
  // Checked again as the trail is stored: another creation may have taken the room while the bucket was checked.
  const stored = await scope.trails.createTrail(trail, fits);
  if (stored === false) throw trailAlreadyExists(trail.name, trail.homeRegion);
  if (stored !== true) throw creationConflict(trail, stored);
  return trail;
}

function creationConflict(trail: StoredTrail, conflict: PlacementConflict): ServiceError {
  if (conflict.kind === 'name-taken') return trailAlreadyExists(trail.name, conflict.region);
  return new ServiceError(
    'MaximumNumberOfTrailsExceededException',
    `User: ${trail.accountId} already has ${MAX_TRAILS_PER_REGION} trails in ${conflict.region} ` +
      '(a multi-region trail counts in every region).',
  );
}

function trailAlreadyExists(name: string, region: string): ServiceError {
  return new ServiceError('TrailAlreadyExistsException', `Trail ${name} already exists in ${region}.`);
}

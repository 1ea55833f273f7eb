// UpdateTrail's rules (spec §4.3): only the members sent change, with CreateTrail's checks, in the home region.
// Becoming multi-region makes the trail visible everywhere, so it must fit in every region as a new trail would.
import { ServiceError } from '../../errors/service-error.js';
import { decideOnCurrent } from '../decide-on-current.js';
import type { ObjectStore } from '../../objects/object-store.js';
import type { StoredTrail } from '../../store/trail-store.js';
import { resolveTrailToChange, saveChangedTrail } from './find-trail.js';
import { placementConflict, MAX_TRAILS_PER_REGION, type PlacementConflict } from './trail-placement.js';
import { applySettings, type TrailSettingsMembers } from './trail-settings.js';
import { checkBucketUsable } from './s3-destination.js';
import type { TrailScope } from './trail-scope.js';

export async function updateTrail(
  scope: TrailScope,
  objects: ObjectStore,
  nameOrArn: string,
  members: TrailSettingsMembers,
): Promise<StoredTrail> {
  return decideOnCurrent(() => updateOnce(scope, objects, nameOrArn, members));
}

async function updateOnce(scope: TrailScope, objects: ObjectStore, nameOrArn: string, members: TrailSettingsMembers): Promise<StoredTrail> {
  const current = await resolveTrailToChange(scope, nameOrArn);
  const updated = applySettings(current, members, scope);
  // A multi-region trail must fit in every region. Checked for every such save, not only when this call turns it
  // multi-region: another call may have made it single-region, and a new trail taken its place, meanwhile.
  const fits = updated.isMultiRegionTrail ? (others: readonly StoredTrail[]) => placementConflict(updated, others) : undefined;
  if (fits && !current.isMultiRegionTrail) {
    const others = (await scope.trails.listTrails(scope.accountId)).filter((other) => other.arn !== updated.arn);
    refuseConflict(updated, fits(others));
  }
  if (members.S3BucketName !== undefined) await checkBucketUsable(objects, updated.s3BucketName, scope.accountId);
  refuseConflict(updated, await saveChangedTrail(scope, current, updated, fits));
  if (updated.logFileValidationEnabled && !current.logFileValidationEnabled && (await scope.trails.trailStatus(updated.arn)).isLogging) {
    await scope.digests.validationStarts(updated);
  }
  return updated;
}

// UpdateTrail's model has neither TrailAlreadyExistsException nor MaximumNumberOfTrailsExceededException, so a trail
// that would not fit elsewhere is refused as a combination of IsMultiRegionTrail with the account's other trails.
function refuseConflict(trail: StoredTrail, conflict: PlacementConflict | undefined): void {
  if (!conflict) return;
  const why = conflict.kind === 'name-taken'
    ? `${conflict.region} already has a trail named ${trail.name} (${conflict.holder.arn})`
    : `${conflict.region} already has ${MAX_TRAILS_PER_REGION} trails`;
  throw new ServiceError(
    'InvalidParameterCombinationException',
    `IsMultiRegionTrail cannot be set on ${trail.arn}: a multi-region trail is seen in every region, and ${why}.`,
  );
}

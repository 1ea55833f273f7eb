// Name-or-ARN resolution (spec §4.3). An ARN names one trail wherever it lives; a name names a trail the region
// sees, which includes shadow trails unless the operation wants the region's own trails only.
import { ServiceError } from '../../errors/service-error.js';
import { ChangedMeanwhile } from '../decide-on-current.js';
import type { PlacementCheck } from '../../store/placement-check.js';
import type { StoredTrail } from '../../store/trail-store.js';
import { trailArn } from './trail-arn.js';
import { parseTrailReference } from './trail-reference.js';
import type { TrailScope } from './trail-scope.js';
import { isVisibleIn } from './trail-visibility.js';

/** `visible`: own trails and shadows; `own`: trails created in the region (GetTrailStatus wants shadows by ARN). */
export type NameReach = 'visible' | 'own';

/** Validates the argument (CloudTrailARNInvalidException, InvalidTrailNameException) and finds the trail. */
export async function findTrail(scope: TrailScope, nameOrArn: string, reach: NameReach = 'visible'): Promise<StoredTrail | undefined> {
  const reference = parseTrailReference(nameOrArn);
  if (reference.kind === 'arn') {
    return reference.accountId === scope.accountId ? scope.trails.findTrail(reference.arn) : undefined;
  }
  const own = await scope.trails.findTrail(trailArn(scope.region, scope.accountId, reference.name));
  if (own || reach === 'own') return own;
  const trails = await scope.trails.listTrails(scope.accountId);
  return trails.find((trail) => trail.name === reference.name && isVisibleIn(trail, scope.region));
}

/** As findTrail, but an unknown trail is TrailNotFoundException. */
export async function resolveTrail(scope: TrailScope, nameOrArn: string, reach: NameReach = 'visible'): Promise<StoredTrail> {
  const trail = await findTrail(scope, nameOrArn, reach);
  if (!trail) throw trailNotFound(nameOrArn, scope.accountId);
  return trail;
}

/** A trail the call may change: it must be called in the trail's home region (InvalidHomeRegionException). */
export async function resolveTrailToChange(scope: TrailScope, nameOrArn: string): Promise<StoredTrail> {
  const trail = await resolveTrail(scope, nameOrArn);
  requireHomeRegion(trail, scope.region);
  return trail;
}

export function requireHomeRegion(trail: StoredTrail, region: string): void {
  if (trail.homeRegion !== region) {
    throw new ServiceError(
      'InvalidHomeRegionException',
      `The trail ${trail.arn} can only be changed in its home region, ${trail.homeRegion}; this request was made in ${region}.`,
    );
  }
}

/**
 * Stores a trail the call changed; TrailNotFoundException when it was deleted since it was read (the change would
 * be lost, not made), ChangedMeanwhile when another call changed it (for decideOnCurrent), or `check`'s refusal.
 */
export async function saveChangedTrail<Refusal>(
  scope: TrailScope,
  before: StoredTrail,
  after: StoredTrail,
  check?: PlacementCheck<StoredTrail, Refusal>,
): Promise<Refusal | undefined> {
  const trail = await scope.cursors.receivingChange(before, after);
  const saved = await scope.trails.saveTrail(trail, check, before);
  if (saved === false) throw trailNotFound(trail.arn, scope.accountId);
  if (saved === 'changed') throw new ChangedMeanwhile(`The trail ${trail.arn}`);
  return saved === true ? undefined : saved;
}

export function trailNotFound(nameOrArn: string, accountId: string): ServiceError {
  return new ServiceError('TrailNotFoundException', `Unknown trail: ${nameOrArn} for the user: ${accountId}`);
}

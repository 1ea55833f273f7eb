// StartLogging and StopLogging (spec §4.3): home region only, idempotent. Switching records when it happened;
// asking for the state the trail is already in changes nothing, so the times say when logging really changed.
import type { TrailStatus } from '../../store/trail-store.js';
import { resolveTrailToChange, trailNotFound } from './find-trail.js';
import type { TrailScope } from './trail-scope.js';

export async function setLogging(scope: TrailScope, nameOrArn: string, logging: boolean, now: Date): Promise<void> {
  const trail = await resolveTrailToChange(scope, nameOrArn);
  const status = await scope.trails.trailStatus(trail.arn);
  if (status.isLogging === logging) return;
  const change: Partial<TrailStatus> = logging
    ? { isLogging: true, startLoggingMs: now.getTime() }
    : { isLogging: false, stopLoggingMs: now.getTime() };
  // Delivery's stretch opens before the trail shows as logging and closes after it no longer does, so that it
  // covers the whole time GetTrailStatus says IsLogging.
  if (logging) await scope.cursors.loggingStarts(trail.arn);
  if (!(await scope.trails.updateTrailStatus(trail.arn, change))) {
    // Deleted since it was read (it may be retiring): the stretch just opened closes again, and nothing logs.
    if (logging) await scope.cursors.trailRetired(trail.arn);
    throw trailNotFound(nameOrArn, scope.accountId);
  }
  if (!logging) await scope.cursors.loggingStopped(trail.arn);
  else if (trail.logFileValidationEnabled) await scope.digests.validationStarts(trail);
}

// PutInsightSelectors and GetInsightSelectors for trails (spec §4.4). Insights for event data stores need the Lake,
// which opentrail does not have yet.
import { ServiceError } from '../../errors/service-error.js';
import { decideOnCurrent } from '../decide-on-current.js';
import type { ObjectStore } from '../../objects/object-store.js';
import type { StoredTrail } from '../../store/trail-store.js';
import type { InsightSelector, StoredInsightSelector } from '../../domain/selectors/insight-selector.js';
import { validateInsightSelectors } from '../../domain/selectors/validate-insight-selectors.js';
import { resolveTrail, resolveTrailToChange, saveChangedTrail } from './find-trail.js';
import { withSelectorErrors } from './selector-errors.js';
import { effectiveSelectors } from './trail-event-selectors.js';
import { checkBucketUsable } from './s3-destination.js';
import type { TrailScope } from './trail-scope.js';

export interface InsightsTarget {
  TrailName?: string | undefined;
  EventDataStore?: string | undefined;
  InsightsDestination?: string | undefined;
}

export async function putInsightSelectors(
  scope: TrailScope,
  objects: ObjectStore,
  target: InsightsTarget,
  selectors: readonly InsightSelector[],
): Promise<StoredTrail> {
  return decideOnCurrent(() => putInsightSelectorsOnce(scope, objects, target, selectors), 'ThrottlingException');
}

async function putInsightSelectorsOnce(
  scope: TrailScope,
  objects: ObjectStore,
  target: InsightsTarget,
  selectors: readonly InsightSelector[],
): Promise<StoredTrail> {
  const trail = await resolveTrailToChange(scope, insightsTrailName(target));
  const insightSelectors = withSelectorErrors(() => validateInsightSelectors(selectors, effectiveSelectors(trail)));
  // Insights events are delivered to the trail's bucket, so turning them on needs a bucket to deliver to.
  if (insightSelectors.length > 0) await checkBucketUsable(objects, trail.s3BucketName, scope.accountId);
  const updated = { ...trail, insightSelectors };
  await saveChangedTrail(scope, trail, updated);
  return updated;
}

export async function getInsightSelectors(
  scope: TrailScope,
  target: InsightsTarget,
): Promise<{ trail: StoredTrail; insightSelectors: StoredInsightSelector[] }> {
  const trail = await resolveTrail(scope, insightsTrailName(target));
  const insightSelectors = trail.insightSelectors ?? [];
  if (insightSelectors.length === 0) {
    throw new ServiceError('InsightNotEnabledException', `Trail ${trail.arn} does not have Insights enabled.`);
  }
  return { trail, insightSelectors };
}

/** Exactly one of TrailName and EventDataStore; InsightsDestination goes with an event data store only. */
function insightsTrailName(target: InsightsTarget): string {
  const { TrailName: trailName, EventDataStore: eventDataStore, InsightsDestination: destination } = target;
  if ((trailName === undefined) === (eventDataStore === undefined)) {
    throw new ServiceError('InvalidParameterCombinationException', 'Specify either TrailName or EventDataStore, not both and not neither.');
  }
  if (trailName !== undefined && destination !== undefined) {
    throw new ServiceError('InvalidParameterCombinationException', 'InsightsDestination can only be given with EventDataStore.');
  }
  if (trailName === undefined) {
    throw new ServiceError('UnsupportedOperationException', 'opentrail has no event data stores yet; Insights can be set on trails only.');
  }
  return trailName;
}

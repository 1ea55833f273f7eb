// Whether a trail's log files get an event: it was recorded here (imports never were), it is in the trail's region
// scope (spec §2.3, §4.3), and the trail's selectors take it (§5).
import { compileSelectors } from '../selectors/compile-selectors.js';
import type { RecordPredicate } from '../selectors/record-predicate.js';
import { defaultTrailSelectors, type TrailSelectors } from '../selectors/trail-selectors.js';
import { allManagementEventsPredicate, type FactsPredicate } from './all-management-events.js';
import type { CandidateEvent } from './candidate-event.js';
import { isGlobalServiceEvent } from './global-service-events.js';

export interface TrailRegionScope {
  homeRegion: string;
  isMultiRegionTrail: boolean;
  includeGlobalServiceEvents: boolean;
}

export interface ReceivingTrail extends TrailRegionScope {
  selects: RecordPredicate;
  /** Present when the facts read with an event decide as `selects` would: the record then is never parsed. */
  selectsFacts?: FactsPredicate | undefined;
}

/** Compile once per trail configuration: the predicate then runs for every event. */
export function receivingTrail(trail: TrailRegionScope & { selectors?: TrailSelectors | undefined }): ReceivingTrail {
  const { homeRegion, isMultiRegionTrail, includeGlobalServiceEvents } = trail;
  const selectors = trail.selectors ?? defaultTrailSelectors();
  return {
    homeRegion,
    isMultiRegionTrail,
    includeGlobalServiceEvents,
    selects: compileSelectors(selectors),
    selectsFacts: allManagementEventsPredicate(selectors),
  };
}

export function trailReceives(trail: ReceivingTrail, candidate: CandidateEvent): boolean {
  const { event } = candidate;
  if (event.origin !== 'recorded') return false;
  if (!trail.isMultiRegionTrail && event.region !== trail.homeRegion) return false;
  const facts = { region: event.region, eventSource: event.eventSource };
  if (!trail.includeGlobalServiceEvents && isGlobalServiceEvent(facts, () => candidate.record)) return false;
  return trail.selectsFacts ? trail.selectsFacts(event) : trail.selects(candidate.record);
}

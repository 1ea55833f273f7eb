// PutEventSelectors and GetEventSelectors (spec §4.4): one kind of selector at a time, the default until the first
// put, and HasCustomEventSelectors from then on.
import type { StoredTrail } from '../../store/trail-store.js';
import {
  defaultTrailSelectors, validatePutEventSelectors, type PutEventSelectorsMembers, type TrailSelectors,
} from '../../domain/selectors/trail-selectors.js';
import { decideOnCurrent } from '../decide-on-current.js';
import { resolveTrailToChange, saveChangedTrail } from './find-trail.js';
import { withSelectorErrors } from './selector-errors.js';
import type { TrailScope } from './trail-scope.js';

export async function putEventSelectors(scope: TrailScope, trailName: string, members: PutEventSelectorsMembers): Promise<StoredTrail> {
  return decideOnCurrent(async () => {
    const trail = await resolveTrailToChange(scope, trailName);
    const updated = { ...trail, selectors: withSelectorErrors(() => validatePutEventSelectors(members)) };
    await saveChangedTrail(scope, trail, updated);
    return updated;
  });
}

export function effectiveSelectors(trail: StoredTrail): TrailSelectors {
  return trail.selectors ?? defaultTrailSelectors();
}

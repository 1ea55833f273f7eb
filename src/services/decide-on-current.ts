// Read-check-write calls on one resource (a trail, an event data store) whose write names the version they read:
// when another call changed the resource in between, the call runs again and decides on the resource as it is now,
// rather than overwriting a change it never saw (a deletion undone, a tag or selector change lost).
import type { ErrorCode } from '../errors/catalogue.js';
import { ServiceError } from '../errors/service-error.js';

/** Thrown by a write that found the resource changed since its call read it. */
export class ChangedMeanwhile extends Error {
  /** `resource`: how the conflict names it, e.g. "The trail arn:…". */
  constructor(readonly resource: string) {
    super(`${resource} changed since it was read`);
  }
}

const ATTEMPTS = 5;

/**
 * `busy`: the code the call answers if other calls keep changing the resource: ConflictException where the
 * operation's model has it, else the nearest code it does have.
 */
export async function decideOnCurrent<T>(attempt: () => Promise<T>, busy: ErrorCode = 'ConflictException'): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof ChangedMeanwhile)) throw err;
      if (n >= ATTEMPTS) throw new ServiceError(busy, `${err.resource} is being changed by other calls; try again.`);
    }
  }
}

// What a lake catalog write (or a placement check before it) answered, as the call answers it: a refusal is
// thrown, false is the name taken (when the write can only fail for that), true or nothing is done.
import type { ServiceError } from '../../errors/service-error.js';

export function throwRefusal(outcome: boolean | ServiceError | undefined, nameTaken?: () => ServiceError): void {
  if (outcome === false && nameTaken) throw nameTaken();
  if (typeof outcome === 'object') throw outcome;
}

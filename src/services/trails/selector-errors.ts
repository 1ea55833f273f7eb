// The selector validators live in the pure domain and throw SelectorError; the trail calls answer with the same
// code as a ServiceError.
import { ServiceError } from '../../errors/service-error.js';
import { SelectorError } from '../../domain/selectors/selector-error.js';

export function withSelectorErrors<T>(validate: () => T): T {
  try {
    return validate();
  } catch (err) {
    if (err instanceof SelectorError) throw new ServiceError(err.code, err.message);
    throw err;
  }
}

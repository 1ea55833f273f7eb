// Names of event data stores and channels (spec §4.8, §4.10): 3–128 letters, digits, '.', '_' and '-'.
import { ServiceError } from '../../errors/service-error.js';

const NAME = /^[a-zA-Z0-9._-]{3,128}$/;

export function checkLakeName(name: string, what: string): void {
  if (!NAME.test(name)) {
    throw new ServiceError(
      'InvalidParameterException',
      `${what} name '${name}' is not valid: use 3 to 128 letters, digits, periods, underscores and hyphens.`,
    );
  }
}

// Trail naming rules (spec §4.3) with the messages AWS answers with (spec §4.2), so that scripts matching on them
// behave the same against opentrail.
import { ServiceError } from '../../errors/service-error.js';

export const MIN_TRAIL_NAME = 3;
export const MAX_TRAIL_NAME = 128;

const ALLOWED = /^[A-Za-z0-9._-]+$/;
const ALNUM = /[A-Za-z0-9]/;
const ADJACENT_PUNCTUATION = /[._-]{2}/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Why the name breaks the rules, or undefined when it keeps them. */
export function trailNameProblem(name: string): string | undefined {
  if (name.length < MIN_TRAIL_NAME) {
    return `Trail name too short. Minimum allowed length: ${MIN_TRAIL_NAME} characters. Specified name length: ${name.length} characters.`;
  }
  if (name.length > MAX_TRAIL_NAME) {
    return `Trail name too long. Maximum allowed length: ${MAX_TRAIL_NAME} characters. Specified name length: ${name.length} characters.`;
  }
  if (!ALNUM.test(name.charAt(0))) return 'Trail name must starts with a letter or number.';
  if (!ALNUM.test(name.charAt(name.length - 1))) return 'Trail name must ends with a letter or number.';
  if (!ALLOWED.test(name)) {
    return 'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).';
  }
  if (ADJACENT_PUNCTUATION.test(name)) {
    return 'Trail name cannot have adjacent periods (.), hyphens (-) or underscores (_), such as "my-_trail" or "my--trail".';
  }
  if (IPV4.test(name)) return 'Trail name cannot be formatted as an IP address.';
  return undefined;
}

export function checkTrailName(name: string): void {
  const problem = trailNameProblem(name);
  if (problem !== undefined) throw new ServiceError('InvalidTrailNameException', problem);
}

// A list operation's MaxResults: absent means the largest page; outside 1..max is the error the model names.
import { ServiceError } from '../errors/service-error.js';
import type { ErrorCode } from '../errors/catalogue.js';

export function pageSize(maxResults: number | undefined, max: number, code: ErrorCode): number {
  if (maxResults === undefined) return max;
  if (maxResults < 1 || maxResults > max) throw new ServiceError(code, `MaxResults must be 1 to ${max}; got ${maxResults}.`);
  return maxResults;
}

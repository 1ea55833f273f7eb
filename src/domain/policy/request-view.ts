// One request as conditions and policy variables see it: context keys looked up case-insensitively, each value a
// list (single-valued keys are lists of one). The lower-cased index is built once per request, on first use; keys
// that follow from the principal (aws:PrincipalArn, aws:username, …) are filled in when the context lacks them.
import type { AuthorizationRequest } from './authorization.js';
import { principalContext } from './request-context.js';

export class RequestView {
  private index: Map<string, readonly string[]> | undefined;

  constructor(readonly request: AuthorizationRequest) {}

  /** The values of a context key (its name lower-cased), or undefined when the request has none. */
  values(lowerKey: string): readonly string[] | undefined {
    this.index ??= indexOf(this.request);
    const values = this.index.get(lowerKey);
    return values === undefined || values.length === 0 ? undefined : values;
  }

  /** A policy variable's value: only a single-valued key can be substituted. */
  variable(lowerKey: string): string | undefined {
    const values = this.values(lowerKey);
    return values?.length === 1 ? values[0] : undefined;
  }
}

function indexOf(request: AuthorizationRequest): Map<string, readonly string[]> {
  const index = new Map<string, readonly string[]>();
  for (const [key, value] of request.context) index.set(key.toLowerCase(), typeof value === 'string' ? [value] : value);
  for (const [key, value] of principalContext(request.principal)) {
    const lower = key.toLowerCase();
    if (!index.has(lower)) index.set(lower, [value]);
  }
  return index;
}

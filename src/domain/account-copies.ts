// A call that reaches into another account (an object in another account's bucket, a role in another account) is
// recorded in both: the caller's copy as usual, and one for each resource owner, where the caller appears only as
// `AWSAccount` (spec §1.3). The copies share a `sharedEventID`, as CloudTrail links them.
import crypto from 'node:crypto';
import type { ApiCallFacts } from './api-call-record.js';
import type { Caller } from './caller.js';

export function accountCopies(facts: ApiCallFacts, caller: Caller): ApiCallFacts[] {
  const owners = new Set<string>();
  for (const resource of facts.resources ?? []) {
    if (resource.accountId && resource.accountId !== facts.accountId) owners.add(resource.accountId);
  }
  if (owners.size === 0) return [facts];
  const sharedEventId = crypto.randomUUID();
  const identity = { type: 'AWSAccount', principalId: caller.principalId, accountId: caller.accountId };
  return [{ ...facts, sharedEventId }, ...[...owners].map((accountId) => ({ ...facts, accountId, identity, sharedEventId }))];
}

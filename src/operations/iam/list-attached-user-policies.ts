// ListAttachedUserPolicies: the managed policies attached to the user, a page at a time.
import { listAttachedPolicies } from './attached-policy-operations.js';

export const listAttachedUserPoliciesOperation = listAttachedPolicies('user');

// ListAttachedGroupPolicies: the managed policies attached to the group, a page at a time.
import { listAttachedPolicies } from './attached-policy-operations.js';

export const listAttachedGroupPoliciesOperation = listAttachedPolicies('group');

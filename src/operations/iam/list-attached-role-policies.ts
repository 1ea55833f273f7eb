// ListAttachedRolePolicies: the managed policies attached to the role, a page at a time.
import { listAttachedPolicies } from './attached-policy-operations.js';

export const listAttachedRolePoliciesOperation = listAttachedPolicies('role');

// ListRolePolicies: the names of the role's inline policies, a page at a time.
import { listInlinePolicies } from './inline-policy-operations.js';

export const listRolePoliciesOperation = listInlinePolicies('role');

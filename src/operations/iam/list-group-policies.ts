// ListGroupPolicies: the names of the group's inline policies, a page at a time.
import { listInlinePolicies } from './inline-policy-operations.js';

export const listGroupPoliciesOperation = listInlinePolicies('group');

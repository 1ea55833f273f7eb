// ListUserPolicies: the names of the user's inline policies, a page at a time.
import { listInlinePolicies } from './inline-policy-operations.js';

export const listUserPoliciesOperation = listInlinePolicies('user');

// GetGroupPolicy: one inline policy of the group, its document URL-encoded as IAM sends it.
import { getInlinePolicy } from './inline-policy-operations.js';

export const getGroupPolicyOperation = getInlinePolicy('group');

// GetRolePolicy: one inline policy of the role, its document URL-encoded as IAM sends it.
import { getInlinePolicy } from './inline-policy-operations.js';

export const getRolePolicyOperation = getInlinePolicy('role');

// GetUserPolicy: one inline policy of the user, its document URL-encoded as IAM sends it.
import { getInlinePolicy } from './inline-policy-operations.js';

export const getUserPolicyOperation = getInlinePolicy('user');

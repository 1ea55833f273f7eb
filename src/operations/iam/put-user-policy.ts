// PutUserPolicy: adds or replaces an inline policy of the user, within the user's inline policy size quota.
import { putInlinePolicy } from './inline-policy-operations.js';

export const putUserPolicyOperation = putInlinePolicy('user');

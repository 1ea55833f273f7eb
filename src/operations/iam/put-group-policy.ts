// PutGroupPolicy: adds or replaces an inline policy of the group, within the group's inline policy size quota.
import { putInlinePolicy } from './inline-policy-operations.js';

export const putGroupPolicyOperation = putInlinePolicy('group');

// PutRolePolicy: adds or replaces an inline policy of the role, within the role's inline policy size quota.
import { putInlinePolicy } from './inline-policy-operations.js';

export const putRolePolicyOperation = putInlinePolicy('role');

// DetachRolePolicy: NoSuchEntity when the policy is not attached to the role.
import { detachPolicy } from './attached-policy-operations.js';

export const detachRolePolicyOperation = detachPolicy('role');

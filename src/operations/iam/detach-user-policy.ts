// DetachUserPolicy: NoSuchEntity when the policy is not attached to the user.
import { detachPolicy } from './attached-policy-operations.js';

export const detachUserPolicyOperation = detachPolicy('user');

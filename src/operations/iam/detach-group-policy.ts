// DetachGroupPolicy: NoSuchEntity when the policy is not attached to the group.
import { detachPolicy } from './attached-policy-operations.js';

export const detachGroupPolicyOperation = detachPolicy('group');

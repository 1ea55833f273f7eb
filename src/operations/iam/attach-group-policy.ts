// AttachGroupPolicy: the managed policy's default version applies to the group from the next request on.
import { attachPolicy } from './attached-policy-operations.js';

export const attachGroupPolicyOperation = attachPolicy('group');

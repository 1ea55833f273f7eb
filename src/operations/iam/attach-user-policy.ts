// AttachUserPolicy: the managed policy's default version applies to the user from the next request on.
import { attachPolicy } from './attached-policy-operations.js';

export const attachUserPolicyOperation = attachPolicy('user');

// AttachRolePolicy: the managed policy's default version applies to the role from the next request on.
import { attachPolicy } from './attached-policy-operations.js';

export const attachRolePolicyOperation = attachPolicy('role');

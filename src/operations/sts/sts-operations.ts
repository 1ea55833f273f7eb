// The STS API subset opentrail serves (2011-06-15).
import type { Operation } from '../operation.js';
import { assumeRoleOperation } from './assume-role.js';
import { getCallerIdentityOperation } from './get-caller-identity.js';
import { getSessionTokenOperation } from './get-session-token.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds operations of many shapes
export const STS_OPERATIONS: ReadonlyMap<string, Operation<any, any>> = new Map(
  [assumeRoleOperation, getCallerIdentityOperation, getSessionTokenOperation].map((operation) => [operation.name, operation as Operation<any, any>]),
);

// opentrail's own operations beside CloudTrail's: same endpoint, protocol (JSON 1.1) and signing name, but their own
// X-Amz-Target prefix, so that no CloudTrail client can mistake one for an AWS operation.
import type { Operation } from '../operation.js';
import { getDigestCheckpointOperation } from './get-digest-checkpoint.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds operations of many shapes
export const OPENTRAIL_OPERATIONS: ReadonlyMap<string, Operation<any, any>> = new Map(
  [getDigestCheckpointOperation].map((op) => [op.name, op]),
);

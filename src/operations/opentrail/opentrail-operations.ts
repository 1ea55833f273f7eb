// opentrail's own JSON 1.1 operations beside CloudTrail's: same endpoint, protocol and signing name, but their own
// X-Amz-Target prefix, which no AWS service uses, so that no CloudTrail client can mistake one for an AWS operation.
import type { JsonRpcService } from '../../edge/protocols/json-rpc.js';
import type { Operation } from '../operation.js';
import { getDigestCheckpointOperation } from './get-digest-checkpoint.js';
import { putRecordsOperation } from './put-records.js';
import { OPENTRAIL_TARGET_PREFIX } from './target-prefix.js';

export const OPENTRAIL_API: JsonRpcService = { targetPrefixes: [OPENTRAIL_TARGET_PREFIX] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds operations of many shapes
export const OPENTRAIL_OPERATIONS: ReadonlyMap<string, Operation<any, any>> = new Map(
  [putRecordsOperation, getDigestCheckpointOperation].map((op) => [op.name, op]),
);

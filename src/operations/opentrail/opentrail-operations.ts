// opentrail's own JSON 1.1 operations (docs/bulk-ingest.md), beside the CloudTrail API on the same surface and
// credentials, under a target prefix no AWS service uses.
import type { JsonRpcService } from '../../edge/protocols/json-rpc.js';
import type { Operation } from '../operation.js';
import { putRecordsOperation } from './put-records.js';

export const OPENTRAIL_API: JsonRpcService = { targetPrefixes: ['OpenTrail_20261101'] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds operations of many shapes
export const OPENTRAIL_OPERATIONS: ReadonlyMap<string, Operation<any, any>> = new Map(
  [putRecordsOperation].map((op) => [op.name, op]),
);

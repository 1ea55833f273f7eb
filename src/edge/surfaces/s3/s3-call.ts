// One authenticated S3 call as an operation sees it: who asks, in which region, for which bucket and key.
import type { EdgeReply, EdgeRequest } from '../../edge-request.js';
import type { CallFacts } from '../../surface.js';
import type { Caller } from '../../../domain/caller.js';
import type { ObjectStore } from '../../../objects/object-store.js';
import type { AuthenticationMethod } from './s3-request.js';
import type { BucketPolicies } from '../../../services/access/bucket-policies.js';

export interface S3Call {
  request: EdgeRequest;
  requestId: string;
  caller: Caller;
  /** From the credential scope. */
  region: string;
  /** '' for service-level calls. */
  bucket: string;
  /** '' unless the call addresses an object. */
  key: string;
  authentication: AuthenticationMethod;
  objects: ObjectStore;
  bucketPolicies: BucketPolicies;
  /** The call's record, filled in as the operation learns more (bucket owner, bytes sent). */
  facts: CallFacts;
}

export type S3Operation = (call: S3Call) => Promise<EdgeReply>;

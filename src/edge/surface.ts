// A surface is one AWS service's wire protocol on the shared port (CloudTrail JSON 1.1 now; S3 REST, IAM Query and
// CloudTrail Data REST-JSON later). The edge pipeline owns authentication and recording; a surface only decodes,
// dispatches and encodes, and fills in the facts its call's record needs.
import type { EdgeReply, EdgeRequest } from './edge-request.js';
import type { ServiceError } from '../errors/service-error.js';
import type { Caller } from '../domain/caller.js';
import type { RecordResource } from '../domain/record.js';
import type { AccessCheck } from '../domain/access-check.js';

/** What a surface learns about a call for its CloudTrail record; filled in as far as the call got. */
export interface CallFacts {
  eventSource: string;
  eventName: string;
  readOnly: boolean;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  resources?: RecordResource[];
  additionalEventData?: Record<string, unknown>;
  managementEvent?: boolean;
  /** The record's awsRegion when it is not the signing region: global services record in us-east-1. */
  region?: string;
}

export interface CallContext {
  request: EdgeRequest;
  caller: Caller;
  /** From the SigV4 credential scope: one endpoint serves every region. */
  region: string;
}

export interface Surface {
  /** SigV4 signing names whose requests this surface answers. */
  readonly signingNames: readonly string[];
  /**
   * Every x-amz-* header a request carries must be signed (S3, which acts on them: x-amz-copy-source turns a PutObject
   * into a copy of another object); the pipeline refuses one that is not with AccessDenied.
   */
  readonly requiresSignedAmzHeaders?: boolean;
  /** Whether an unsigned request looks like one of this surface's, so its error is sent in the right form. */
  recognizes(request: EdgeRequest): boolean;
  /** The facts known before authentication: enough to record a refused call. */
  describe(request: EdgeRequest): CallFacts;
  /**
   * What the call needs permission for, worked out before it runs; the pipeline evaluates the caller's policies for
   * each check. Required of every surface so that no call goes unauthorized; [] only for calls AWS lets anyone with
   * valid credentials make (sts:GetCallerIdentity).
   */
  authorization(call: CallContext, facts: CallFacts): Promise<AccessCheck[]>;
  invoke(call: CallContext, facts: CallFacts): Promise<EdgeReply>;
  /**
   * The error under the name this protocol gives it (S3 calls a bad signature SignatureDoesNotMatch): both the
   * reply and the call's record carry it, as AWS records each service's own codes. Identity when absent.
   */
  protocolError?(error: ServiceError, request: EdgeRequest): ServiceError;
  errorReply(error: ServiceError, request: EdgeRequest): EdgeReply;
}

// How an S3 call appears in its CloudTrail record, following CloudTrail's own S3 records: eventSource
// s3.amazonaws.com, requestParameters with bucketName, Host and key plus the query's parameters, the bucket and
// object ARNs as resources, and additionalEventData with the signature method and the bytes moved. Object calls are
// data events (managementEvent false), which Event History leaves out.
import type { EdgeRequest } from '../../edge-request.js';
import type { CallFacts } from '../../surface.js';
import type { RecordResource } from '../../../domain/record.js';
import { amzId2 } from './s3-reply.js';
import { authenticationMethod, hostOf, type AuthenticationMethod, type S3Target } from './s3-request.js';

export const S3_EVENT_SOURCE = 's3.amazonaws.com';

/** Query parameters that are the signature or the SDK's routing hint, not the caller's input. */
const NOT_PARAMETERS = /^(x-amz-(algorithm|credential|signature|signedheaders|date|expires|security-token|content-sha256|user-agent)|x-id)$/i;

export interface CallShape {
  name: string;
  readOnly: boolean;
  dataEvent: boolean;
}

/** What an S3 call's record is made of: from an HTTP request (describeS3Call), or from a write opentrail makes itself. */
export interface S3CallDescription {
  target: S3Target | undefined;
  host: string;
  query: Iterable<[string, string]>;
  bytesIn: number;
  authentication: AuthenticationMethod;
  requestId: string;
}

export function describeS3Call(request: EdgeRequest, target: S3Target | undefined, shape: CallShape): CallFacts {
  return s3CallFacts({
    target,
    host: hostOf(request),
    query: request.query,
    bytesIn: request.body.length,
    authentication: authenticationMethod(request),
    requestId: request.requestId,
  }, shape);
}

export function s3CallFacts(call: S3CallDescription, shape: CallShape): CallFacts {
  const facts: CallFacts = {
    eventSource: S3_EVENT_SOURCE,
    eventName: shape.name,
    readOnly: shape.readOnly,
    requestParameters: requestParameters(call),
    responseElements: null,
    additionalEventData: {
      SignatureVersion: 'SigV4',
      bytesTransferredIn: call.bytesIn,
      AuthenticationMethod: call.authentication,
      'x-amz-id-2': amzId2(call.requestId),
      bytesTransferredOut: 0,
    },
  };
  const resources = call.target ? targetResources(call.target) : [];
  if (resources.length > 0) facts.resources = resources;
  if (shape.dataEvent) facts.managementEvent = false;
  return facts;
}

export function bucketArn(bucket: string): string {
  return `arn:aws:s3:::${bucket}`;
}

export function objectArn(bucket: string, key: string): string {
  return `arn:aws:s3:::${bucket}/${key}`;
}

export function bucketResource(bucket: string, ownerAccountId?: string): RecordResource {
  return { type: 'AWS::S3::Bucket', ARN: bucketArn(bucket), ...(ownerAccountId ? { accountId: ownerAccountId } : {}) };
}

export function objectResource(bucket: string, key: string): RecordResource {
  return { type: 'AWS::S3::Object', ARN: objectArn(bucket, key) };
}

/** Names the bucket's owner on its resources, once the bucket has been looked up. */
export function noteBucketOwner(facts: CallFacts, bucket: string, ownerAccountId: string | undefined): void {
  if (!ownerAccountId) return;
  for (const resource of facts.resources ?? []) {
    if (resource.type === 'AWS::S3::Bucket' && resource.ARN === bucketArn(bucket)) resource.accountId = ownerAccountId;
  }
}

export function addResources(facts: CallFacts, resources: readonly RecordResource[]): void {
  facts.resources = [...(facts.resources ?? []), ...resources];
}

export function noteBytes(facts: CallFacts, direction: 'bytesTransferredIn' | 'bytesTransferredOut', bytes: number): void {
  facts.additionalEventData = { ...facts.additionalEventData, [direction]: bytes };
}

export function addRequestParameters(facts: CallFacts, parameters: Record<string, unknown>): void {
  facts.requestParameters = { ...facts.requestParameters, ...parameters };
}

function requestParameters({ target, host, query }: S3CallDescription): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  if (target?.bucket !== undefined) parameters.bucketName = target.bucket;
  parameters.Host = host;
  if (target?.key !== undefined) parameters.key = target.key;
  for (const [name, value] of query) {
    if (NOT_PARAMETERS.test(name) || name in parameters) continue;
    parameters[name] = value;
  }
  return parameters;
}

function targetResources(target: S3Target): RecordResource[] {
  if (target.bucket === undefined) return [];
  if (target.key === undefined) return [bucketResource(target.bucket)];
  return [objectResource(target.bucket, target.key), bucketResource(target.bucket)];
}

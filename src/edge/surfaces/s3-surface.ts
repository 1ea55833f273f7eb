// The S3 REST surface: path-style requests signed for `s3`, over the ObjectStore port. Each call is recorded as S3's
// CloudTrail records are: bucket calls as management events, object calls as data events.
import type { EdgeReply, EdgeRequest } from '../edge-request.js';
import type { CallContext, CallFacts, Surface } from '../surface.js';
import type { ServiceError } from '../../errors/service-error.js';
import type { ObjectStore } from '../../objects/object-store.js';
import type { AccessCheck } from '../../domain/access-check.js';
import type { BucketPolicies } from '../../services/access/bucket-policies.js';
import { s3AccessChecks } from './s3/s3-actions.js';
import { header } from '../edge-request.js';
import { S3Error } from './s3/s3-errors.js';
import { asS3Error, s3ErrorReply, type ErrorContext } from './s3/s3-error-reply.js';
import { describeS3Call, noteBytes } from './s3/s3-record-facts.js';
import { authenticationMethod, parseS3Target, resourcePath, type S3Target } from './s3/s3-request.js';
import { IMPLEMENTED, isDataEvent, isReadOnlyName, routeS3Request, type RouteMatch } from './s3/s3-routes.js';

/**
 * The largest object one PutObject takes: request bodies are held in memory (SigV4 hashes them before a surface
 * sees them), so this bounds memory per request. Delivered log files are at most 50 MB compressed.
 */
export const S3_MAX_OBJECT_BYTES = 64 * 1024 * 1024;

/** What the request names: parsed again wherever needed, since that is cheaper than keeping it per request. */
interface PlannedCall {
  target: S3Target | undefined;
  match: RouteMatch;
  error: ErrorContext;
}

/** Methods S3 clients send without an X-Amz-Target; POST only with S3's POST subresources. */
const S3_POST_SUBRESOURCES = ['delete', 'uploads', 'uploadId', 'restore', 'select'];

export function s3Surface(services: { objects: ObjectStore; bucketPolicies: BucketPolicies }): Surface {
  return {
    signingNames: ['s3'],
    requiresSignedAmzHeaders: true,
    recognizes: (request) =>
      header(request, 'x-amz-target') === undefined &&
      (['GET', 'HEAD', 'PUT', 'DELETE'].includes(request.method) ||
        (request.method === 'POST' && S3_POST_SUBRESOURCES.some((name) => request.query.has(name)))),
    describe(request) {
      const { target, match } = planCall(request);
      const level = target?.level ?? 'service';
      return describeS3Call(request, target, {
        name: match.name,
        readOnly: isReadOnlyName(match.name),
        dataEvent: isDataEvent(match.name, level),
      });
    },
    async authorization(call: CallContext) {
      const { target, match } = planCall(call.request);
      if (!target) throw invalidUri(call.request);
      const checks = s3AccessChecks(call.request, target, match.name);
      return Promise.all(checks.map((check) => withBucketPolicy(check, services)));
    },
    async invoke(call: CallContext, facts: CallFacts) {
      const { request } = call;
      const { target, match } = planCall(request);
      if (!target) throw invalidUri(request);
      if (match.kind === 'unimplemented') throw unimplemented(match.name, match.subresource);
      if (match.kind === 'not-allowed') throw methodNotAllowed(request, target);
      const reply = await match.operation({
        request,
        requestId: request.requestId,
        caller: call.caller,
        region: call.region,
        bucket: target.bucket ?? '',
        key: target.key ?? '',
        authentication: authenticationMethod(request),
        objects: services.objects,
        bucketPolicies: services.bucketPolicies,
        facts,
      });
      if (typeof reply.body === 'string') noteBytes(facts, 'bytesTransferredOut', Buffer.byteLength(reply.body));
      return reply;
    },
    protocolError: (error: ServiceError, request: EdgeRequest) => asS3Error(error, planCall(request).error),
    errorReply: (error: ServiceError, request: EdgeRequest): EdgeReply => s3ErrorReply(error, planCall(request).error),
  };
}

function invalidUri(request: EdgeRequest): S3Error {
  return new S3Error('InvalidURI', "Couldn't parse the specified URI.", { URI: request.path });
}

/** The bucket's owner and policy join a check on the bucket or its objects. */
async function withBucketPolicy(
  check: AccessCheck, services: { objects: ObjectStore; bucketPolicies: BucketPolicies },
): Promise<AccessCheck> {
  // A bucket being created belongs to the caller whoever holds the name; CreateBucket answers BucketAlreadyExists.
  if (!check.resource.startsWith('arn:aws:s3:::') || check.action === 's3:CreateBucket') return check;
  const bucket = check.resource.slice('arn:aws:s3:::'.length).split('/')[0] ?? '';
  // A name the store refuses (InvalidBucketName) is the operation's error to report; here it has no owner.
  const [info, policies] = await Promise.all([
    services.objects.headBucket(bucket).catch(() => undefined),
    services.bucketPolicies.documents(bucket),
  ]);
  return {
    ...check,
    ...(info?.ownerAccountId ? { resourceAccountId: info.ownerAccountId } : {}),
    ...(policies.length ? { resourcePolicies: policies } : {}),
  };
}

function planCall(request: EdgeRequest): PlannedCall {
  const target = parseS3Target(request.path);
  const match: RouteMatch = target ? routeS3Request(request, target.level) : { kind: 'not-allowed', name: 'UnknownOperation' };
  const error: ErrorContext = {
    requestId: request.requestId,
    resource: resourcePath(target),
    head: request.method === 'HEAD',
    authentication: authenticationMethod(request),
  };
  return { target, match, error };
}

function unimplemented(name: string, subresource: string | undefined): S3Error {
  const what = subresource ? `${name} (the ?${subresource} subresource)` : name;
  const multipart = ['CreateMultipartUpload', 'UploadPart', 'UploadPartCopy', 'CompleteMultipartUpload'].includes(name)
    ? ' The AWS CLI uploads files above its multipart_threshold (8 MB by default) in parts: raise it, e.g. `aws configure set default.s3.multipart_threshold 64MB`.'
    : '';
  return new S3Error(
    'NotImplemented',
    `opentrail's S3 endpoint does not implement ${what}. It implements ${IMPLEMENTED.join(', ')}.${multipart}`,
  );
}

function methodNotAllowed(request: EdgeRequest, target: S3Target): S3Error {
  const resourceType = { service: 'SERVICE', bucket: 'BUCKET', object: 'OBJECT' }[target.level];
  return new S3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', {
    Method: request.method,
    ResourceType: resourceType,
  }, { allow: allowedMethods(target) });
}

function allowedMethods(target: S3Target): string {
  return target.level === 'service' ? 'GET' : target.level === 'bucket' ? 'GET, HEAD, PUT, DELETE, POST' : 'GET, HEAD, PUT, DELETE';
}

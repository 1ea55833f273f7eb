// Which S3 operation a request is: by method, by what it addresses (service, bucket, object) and by its
// subresource (`?location`, `?delete`, …). Operations S3 has and opentrail does not are named, so that their calls
// are recorded under S3's own event names and refused with NotImplemented saying which one it was.
import { header, type EdgeRequest } from '../../edge-request.js';
import type { S3Operation } from './s3-call.js';
import type { S3Level } from './s3-request.js';
import { copyObject } from './operations/copy-object.js';
import { createBucket } from './operations/create-bucket.js';
import { deleteBucket } from './operations/delete-bucket.js';
import { deleteObject } from './operations/delete-object.js';
import { deleteObjects } from './operations/delete-objects.js';
import { getBucketLocation } from './operations/get-bucket-location.js';
import { getObject } from './operations/get-object.js';
import { headBucket } from './operations/head-bucket.js';
import { headObject } from './operations/head-object.js';
import { listBuckets } from './operations/list-buckets.js';
import { listObjects } from './operations/list-objects.js';
import { listObjectsV2 } from './operations/list-objects-v2.js';
import { putObject } from './operations/put-object.js';
import { putBucketPolicy } from './operations/put-bucket-policy.js';
import { getBucketPolicy } from './operations/get-bucket-policy.js';
import { deleteBucketPolicy } from './operations/delete-bucket-policy.js';

type Method = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';

interface Route {
  method: Method;
  level: S3Level;
  subresource?: string;
  when?: (request: EdgeRequest) => boolean;
  name: string;
  operation: S3Operation;
}

const ROUTES: readonly Route[] = [
  { method: 'GET', level: 'service', name: 'ListBuckets', operation: listBuckets },
  { method: 'PUT', level: 'bucket', name: 'CreateBucket', operation: createBucket },
  { method: 'HEAD', level: 'bucket', name: 'HeadBucket', operation: headBucket },
  { method: 'DELETE', level: 'bucket', name: 'DeleteBucket', operation: deleteBucket },
  { method: 'GET', level: 'bucket', subresource: 'location', name: 'GetBucketLocation', operation: getBucketLocation },
  { method: 'PUT', level: 'bucket', subresource: 'policy', name: 'PutBucketPolicy', operation: putBucketPolicy },
  { method: 'GET', level: 'bucket', subresource: 'policy', name: 'GetBucketPolicy', operation: getBucketPolicy },
  { method: 'DELETE', level: 'bucket', subresource: 'policy', name: 'DeleteBucketPolicy', operation: deleteBucketPolicy },
  { method: 'GET', level: 'bucket', when: (r) => r.query.get('list-type') === '2', name: 'ListObjectsV2', operation: listObjectsV2 },
  { method: 'GET', level: 'bucket', name: 'ListObjects', operation: listObjects },
  { method: 'POST', level: 'bucket', subresource: 'delete', name: 'DeleteObjects', operation: deleteObjects },
  { method: 'GET', level: 'object', name: 'GetObject', operation: getObject },
  { method: 'HEAD', level: 'object', name: 'HeadObject', operation: headObject },
  { method: 'PUT', level: 'object', when: (r) => header(r, 'x-amz-copy-source') !== undefined, name: 'CopyObject', operation: copyObject },
  { method: 'PUT', level: 'object', name: 'PutObject', operation: putObject },
  { method: 'DELETE', level: 'object', name: 'DeleteObject', operation: deleteObject },
];

export const IMPLEMENTED = ROUTES.map((route) => route.name);

type Names = Partial<Record<Method, string>>;

/** S3's operations on subresources opentrail does not implement, by subresource, level and method. */
const UNIMPLEMENTED: Record<string, { bucket?: Names; object?: Names }> = {
  acl: { bucket: { GET: 'GetBucketAcl', PUT: 'PutBucketAcl' }, object: { GET: 'GetObjectAcl', PUT: 'PutObjectAcl' } },
  policyStatus: { bucket: { GET: 'GetBucketPolicyStatus' } },
  cors: { bucket: { GET: 'GetBucketCors', PUT: 'PutBucketCors', DELETE: 'DeleteBucketCors' } },
  lifecycle: { bucket: { GET: 'GetBucketLifecycleConfiguration', PUT: 'PutBucketLifecycleConfiguration', DELETE: 'DeleteBucketLifecycle' } },
  logging: { bucket: { GET: 'GetBucketLogging', PUT: 'PutBucketLogging' } },
  notification: { bucket: { GET: 'GetBucketNotificationConfiguration', PUT: 'PutBucketNotificationConfiguration' } },
  replication: { bucket: { GET: 'GetBucketReplication', PUT: 'PutBucketReplication', DELETE: 'DeleteBucketReplication' } },
  tagging: {
    bucket: { GET: 'GetBucketTagging', PUT: 'PutBucketTagging', DELETE: 'DeleteBucketTagging' },
    object: { GET: 'GetObjectTagging', PUT: 'PutObjectTagging', DELETE: 'DeleteObjectTagging' },
  },
  versioning: { bucket: { GET: 'GetBucketVersioning', PUT: 'PutBucketVersioning' } },
  versions: { bucket: { GET: 'ListObjectVersions' } },
  website: { bucket: { GET: 'GetBucketWebsite', PUT: 'PutBucketWebsite', DELETE: 'DeleteBucketWebsite' } },
  encryption: { bucket: { GET: 'GetBucketEncryption', PUT: 'PutBucketEncryption', DELETE: 'DeleteBucketEncryption' } },
  ownershipControls: { bucket: { GET: 'GetBucketOwnershipControls', PUT: 'PutBucketOwnershipControls', DELETE: 'DeleteBucketOwnershipControls' } },
  publicAccessBlock: { bucket: { GET: 'GetPublicAccessBlock', PUT: 'PutPublicAccessBlock', DELETE: 'DeletePublicAccessBlock' } },
  accelerate: { bucket: { GET: 'GetBucketAccelerateConfiguration', PUT: 'PutBucketAccelerateConfiguration' } },
  requestPayment: { bucket: { GET: 'GetBucketRequestPayment', PUT: 'PutBucketRequestPayment' } },
  'object-lock': { bucket: { GET: 'GetObjectLockConfiguration', PUT: 'PutObjectLockConfiguration' } },
  analytics: { bucket: { GET: 'GetBucketAnalyticsConfiguration', PUT: 'PutBucketAnalyticsConfiguration', DELETE: 'DeleteBucketAnalyticsConfiguration' } },
  inventory: { bucket: { GET: 'GetBucketInventoryConfiguration', PUT: 'PutBucketInventoryConfiguration', DELETE: 'DeleteBucketInventoryConfiguration' } },
  metrics: { bucket: { GET: 'GetBucketMetricsConfiguration', PUT: 'PutBucketMetricsConfiguration', DELETE: 'DeleteBucketMetricsConfiguration' } },
  'intelligent-tiering': {
    bucket: { GET: 'GetBucketIntelligentTieringConfiguration', PUT: 'PutBucketIntelligentTieringConfiguration', DELETE: 'DeleteBucketIntelligentTieringConfiguration' },
  },
  'legal-hold': { object: { GET: 'GetObjectLegalHold', PUT: 'PutObjectLegalHold' } },
  retention: { object: { GET: 'GetObjectRetention', PUT: 'PutObjectRetention' } },
  attributes: { object: { GET: 'GetObjectAttributes' } },
  torrent: { object: { GET: 'GetObjectTorrent' } },
  restore: { object: { POST: 'RestoreObject' } },
  select: { object: { POST: 'SelectObjectContent' } },
  uploads: { bucket: { GET: 'ListMultipartUploads' }, object: { POST: 'CreateMultipartUpload' } },
  uploadId: { object: { GET: 'ListParts', PUT: 'UploadPart', POST: 'CompleteMultipartUpload', DELETE: 'AbortMultipartUpload' } },
  partNumber: { object: { GET: 'GetObject', HEAD: 'HeadObject' } },
};

/** Routed subresources and the unimplemented ones; any other query parameter is an ordinary one. */
const SUBRESOURCES = ['location', 'delete', 'policy', ...Object.keys(UNIMPLEMENTED)];

export type RouteMatch =
  | { kind: 'operation'; name: string; operation: S3Operation }
  | { kind: 'unimplemented'; name: string; subresource?: string }
  | { kind: 'not-allowed'; name: string };

export function routeS3Request(request: EdgeRequest, level: S3Level): RouteMatch {
  const method = request.method as Method;
  const subresource = SUBRESOURCES.find((name) => request.query.has(name));
  const route = ROUTES.find(
    (r) => r.method === method && r.level === level && r.subresource === subresource && (!r.when || r.when(request)),
  );
  if (route) return { kind: 'operation', name: route.name, operation: route.operation };
  if (level !== 'service' && subresource) {
    const name = UNIMPLEMENTED[subresource]?.[level]?.[method];
    if (name) return { kind: 'unimplemented', name: name === 'UploadPart' && header(request, 'x-amz-copy-source') ? 'UploadPartCopy' : name, subresource };
  }
  if (level === 'bucket' && method === 'POST' && !subresource) return { kind: 'unimplemented', name: 'PostObject' };
  return { kind: 'not-allowed', name: 'UnknownOperation' };
}

/** CloudTrail's S3 records are data events for object-level calls and for listing a bucket's objects. */
export function isDataEvent(name: string, level: S3Level): boolean {
  return level === 'object' || ['ListObjects', 'ListObjectsV2', 'ListObjectVersions', 'DeleteObjects', 'PostObject'].includes(name);
}

export function isReadOnlyName(name: string): boolean {
  return /^(Get|Head|List)/.test(name);
}

// Who may use a bucket, and from where. Buckets belong to the account that created them; other accounts reach one
// only where its bucket policy and their own policies both allow (the edge's authorization step decides that), and
// never its policy or its deletion. A bucket lives in one region, and S3 wants requests for it signed for that
// region: it says where the bucket is, so that clients can retry there.
import type { BucketInfo } from '../../../objects/object-store.js';
import type { S3Call } from './s3-call.js';
import { S3Error, accessDenied, noSuchBucket } from './s3-errors.js';
import { noteBucketOwner } from './s3-record-facts.js';
import { hostOf } from './s3-request.js';

export interface AccessOptions {
  /** GetBucketLocation and copy sources answer from any region. */
  anyRegion?: boolean;
  /** Calls S3 keeps to the bucket owner's account whatever the policies say: the bucket policy, DeleteBucket. */
  ownerOnly?: boolean;
}

export async function accessBucket(call: S3Call, bucket: string = call.bucket, options: AccessOptions = {}): Promise<BucketInfo> {
  const info = await call.objects.headBucket(bucket);
  if (!info) throw noSuchBucket(bucket);
  noteBucketOwner(call.facts, bucket, info.ownerAccountId);
  if (!options.anyRegion && info.region !== call.region) throw wrongRegion(call, info);
  // A bucket opentrail did not create (already in an external store) has no recorded owner: any account may use it.
  if (options.ownerOnly && info.ownerAccountId !== undefined && info.ownerAccountId !== call.caller.accountId) throw accessDenied();
  return info;
}

/**
 * One endpoint serves every region, so the signature's region plays the part of the endpoint's: a bucket elsewhere
 * is S3's 301 PermanentRedirect, whose x-amz-bucket-region botocore and SDK v3 (followRegionRedirects) follow.
 */
function wrongRegion(call: S3Call, info: BucketInfo): S3Error {
  return new S3Error(
    'PermanentRedirect',
    'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
    { Bucket: info.name, Endpoint: hostOf(call.request) },
    { 'x-amz-bucket-region': info.region },
  );
}

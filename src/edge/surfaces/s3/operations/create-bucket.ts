// CreateBucket: in the region the request is signed for; a CreateBucketConfiguration may name that region (and
// must, S3 says, name no other). Re-creating one's own bucket is BucketAlreadyOwnedByYou, except in us-east-1 where
// S3 answers 200 for legacy reasons; another account's bucket name is BucketAlreadyExists.
import type { EdgeReply } from '../../../edge-request.js';
import type { S3Call, S3Operation } from '../s3-call.js';
import type { BucketInfo } from '../../../../objects/object-store.js';
import { isValidBucketName } from '../../../../objects/bucket-name.js';
import { isObjectStoreError } from '../../../../objects/object-store-error.js';
import { S3_NAMESPACE } from '../../../protocols/s3-xml.js';
import { child, parseXml, XmlSyntaxError, type XmlElement } from '../../../protocols/xml-reader.js';
import { S3Error, bucketAlreadyExists, fromObjectStoreError, invalidBucketName, malformedXml } from '../s3-errors.js';
import { requestPayload } from '../s3-payload.js';
import { addRequestParameters, noteBucketOwner } from '../s3-record-facts.js';
import { emptyReply } from '../s3-reply.js';

const US_EAST_1 = 'us-east-1';
/** The one legacy alias S3 still accepts as a LocationConstraint. */
const ALIASES: Record<string, string> = { EU: 'eu-west-1' };

export const createBucket: S3Operation = async (call) => {
  if (!isValidBucketName(call.bucket)) throw invalidBucketName(call.bucket);
  const region = bucketRegion(call);
  const existing = await call.objects.headBucket(call.bucket);
  if (existing) return alreadyThere(call, existing, region);
  try {
    await call.objects.createBucket(call.bucket, { region, ownerAccountId: call.caller.accountId });
  } catch (err) {
    if (!isObjectStoreError(err, 'BucketExists')) throw isObjectStoreError(err) ? fromObjectStoreError(err, call) : err;
    const winner = await call.objects.headBucket(call.bucket);
    if (winner) return alreadyThere(call, winner, region);
    throw fromObjectStoreError(err, call);
  }
  noteBucketOwner(call.facts, call.bucket, call.caller.accountId);
  return emptyReply(call.requestId, 200, { location: `/${call.bucket}` });
};

function alreadyThere(call: S3Call, existing: BucketInfo, region: string): EdgeReply {
  noteBucketOwner(call.facts, call.bucket, existing.ownerAccountId);
  if (existing.ownerAccountId !== undefined && existing.ownerAccountId !== call.caller.accountId) {
    throw bucketAlreadyExists(call.bucket);
  }
  if (existing.region === US_EAST_1 && region === US_EAST_1) return emptyReply(call.requestId, 200, { location: `/${call.bucket}` });
  throw new S3Error('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', {
    BucketName: call.bucket,
  });
}

function bucketRegion(call: S3Call): string {
  const constraint = locationConstraint(call);
  if (constraint === undefined) return call.region;
  const region = ALIASES[constraint] ?? constraint;
  if (region === US_EAST_1) {
    throw new S3Error('InvalidLocationConstraint', 'The specified location-constraint is not valid', { LocationConstraint: constraint });
  }
  if (region !== call.region) {
    throw new S3Error(
      'IllegalLocationConstraintException',
      `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    );
  }
  return region;
}

function locationConstraint(call: S3Call): string | undefined {
  const text = requestPayload(call.request).toString('utf8');
  if (text.trim() === '') return undefined;
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw malformedXml();
    throw err;
  }
  if (root.name !== 'CreateBucketConfiguration') throw malformedXml();
  const constraint = child(root, 'LocationConstraint')?.text.trim() || undefined;
  addRequestParameters(call.facts, {
    CreateBucketConfiguration: { ...(constraint ? { LocationConstraint: constraint } : {}), xmlns: S3_NAMESPACE },
  });
  return constraint;
}

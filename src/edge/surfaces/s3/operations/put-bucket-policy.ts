// PutBucketPolicy (PUT ?policy): the body is the policy JSON; a document that is not a valid resource policy is
// MalformedPolicy and changes nothing.
import type { S3Operation } from '../s3-call.js';
import { PolicyDocumentError } from '../../../../domain/policy/index.js';
import { accessBucket } from '../s3-access.js';
import { S3Error } from '../s3-errors.js';
import { emptyReply } from '../s3-reply.js';
import { addRequestParameters } from '../s3-record-facts.js';

const MAX_POLICY_BYTES = 20 * 1024;

export const putBucketPolicy: S3Operation = async (call) => {
  await accessBucket(call, call.bucket, { ownerOnly: true });
  const text = call.request.body.toString('utf8');
  addRequestParameters(call.facts, { bucketPolicy: safeJson(text), policy: '' });
  if (call.request.body.length > MAX_POLICY_BYTES) throw malformed('Policy exceeds the maximum allowed document size.');
  try {
    await call.bucketPolicies.put(call.bucket, text);
  } catch (err) {
    if (err instanceof PolicyDocumentError) throw malformed(err.message);
    throw err;
  }
  return emptyReply(call.requestId, 204);
};

function malformed(message: string): S3Error {
  return new S3Error('MalformedPolicy', message);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

// The envelope of every S3 answer: x-amz-request-id (the id the call's record carries as requestID) and x-amz-id-2,
// and XML bodies typed as S3 types them.
import { createHash } from 'node:crypto';
import type { EdgeReply } from '../../edge-request.js';
import { XML_CONTENT_TYPE } from '../../protocols/s3-xml.js';

/** S3's "extended request id"; derived from the request id, so the record and the headers agree without state. */
export function amzId2(requestId: string): string {
  return createHash('sha256').update(`opentrail-id-2:${requestId}`).digest('base64');
}

export function s3Headers(requestId: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'x-amz-request-id': requestId, 'x-amz-id-2': amzId2(requestId), ...extra };
}

export function xmlReply(requestId: string, body: string, status = 200, headers: Record<string, string> = {}): EdgeReply {
  return { status, headers: s3Headers(requestId, { 'content-type': XML_CONTENT_TYPE, ...headers }), body };
}

export function emptyReply(requestId: string, status: number, headers: Record<string, string> = {}): EdgeReply {
  return { status, headers: s3Headers(requestId, headers), body: '' };
}

// AWS JSON 1.1 (spec §4.1–4.2): POST / with the operation in X-Amz-Target, a JSON object in and out, and errors as
// {"__type", "message"}. Decoding and encoding only; what the operation does is not this layer's concern.
import { isUtf8 } from 'node:buffer';
import type { ZodError } from 'zod';
import { header, type EdgeReply, type EdgeRequest } from '../edge-request.js';
import { ServiceError } from '../../errors/service-error.js';

export const JSON_11_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** CloudTrail's requests are small; PutAuditEvents, the largest JSON call, allows 1 MB of events. */
export const JSON_BODY_LIMIT = 2 * 1024 * 1024;

export interface JsonRpcService {
  /** Target prefixes clients use, e.g. the model's `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`. */
  targetPrefixes: readonly string[];
}

/** The operation named by X-Amz-Target in either accepted spelling; undefined when it names none. */
export function targetOperation(request: EdgeRequest, service: JsonRpcService): string | undefined {
  const target = header(request, 'x-amz-target');
  if (!target) return undefined;
  const dot = target.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const prefix = target.slice(0, dot);
  return service.targetPrefixes.includes(prefix) ? target.slice(dot + 1) : undefined;
}

export function parseJsonBody(request: EdgeRequest, limit = JSON_BODY_LIMIT): Record<string, unknown> {
  return parseJsonBytes(request.body, limit);
}

/** The body's JSON object; an empty body is an empty object, as the AWS SDKs send for operations without input. */
export function parseJsonBytes(body: Buffer, limit = JSON_BODY_LIMIT): Record<string, unknown> {
  if (body.length === 0) return {};
  if (body.length > limit) {
    throw new ServiceError('RequestEntityTooLargeException', `The request body exceeds ${limit} bytes.`);
  }
  // JSON is UTF-8 (RFC 8259): decoding invalid bytes as U+FFFD would make two different ids one.
  if (!isUtf8(body)) throw new ServiceError('SerializationException', 'The request body is not valid UTF-8.');
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ServiceError('SerializationException', 'The request body is not valid JSON.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ServiceError('SerializationException', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

export function serializationError(error: ZodError): ServiceError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'request';
  return new ServiceError('SerializationException', `${where}: ${issue?.message ?? 'unexpected value'}.`);
}

export function jsonReply(output: unknown, requestId: string): EdgeReply {
  return {
    status: 200,
    headers: { 'content-type': JSON_11_CONTENT_TYPE, 'x-amzn-requestid': requestId },
    // Absent members are left out rather than sent as null: JSON.stringify drops undefined.
    body: JSON.stringify(output ?? {}),
  };
}

export function jsonErrorReply(error: ServiceError, requestId: string): EdgeReply {
  return {
    status: error.status,
    headers: {
      'content-type': JSON_11_CONTENT_TYPE,
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': error.code,
    },
    body: JSON.stringify({ __type: error.code, message: error.message }),
  };
}

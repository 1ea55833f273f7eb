// The AWS Query protocol (IAM, STS): a form-encoded POST (or a GET query string) naming `Action` and `Version`,
// lists flattened as `Name.member.N`, structures as `Name.Member`; answers are XML
// `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata><RequestId/></ResponseMetadata></ActionResponse>`
// and errors `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
import type { ZodError } from 'zod';
import { header, type EdgeReply, type EdgeRequest } from '../edge-request.js';
import { ServiceError } from '../../errors/service-error.js';
import type { ErrorCode } from '../../errors/catalogue.js';
import { escapeXml } from './s3-xml.js';

export const QUERY_CONTENT_TYPE = 'text/xml';
export const QUERY_BODY_LIMIT = 1024 * 1024;

export interface QueryService {
  /** The model's xmlNamespace. */
  namespace: string;
  version: string;
}

/** The request's parameters, SigV4's own query members left out. */
export function queryParameters(request: EdgeRequest): URLSearchParams {
  if (request.body.length > QUERY_BODY_LIMIT) {
    throw new ServiceError('RequestEntityTooLargeException', `The request body exceeds ${QUERY_BODY_LIMIT} bytes.`);
  }
  const params = new URLSearchParams(request.method === 'POST' ? request.body.toString('utf8') : '');
  for (const [name, value] of request.query) {
    if (!/^X-Amz-/i.test(name)) params.append(name, value);
  }
  return params;
}

/** Whether a request looks like a Query call: its form (or query string) names an Action. */
export function looksLikeQuery(request: EdgeRequest): boolean {
  if (request.query.has('Action')) return true;
  const type = header(request, 'content-type') ?? '';
  return request.method === 'POST' && type.startsWith('application/x-www-form-urlencoded') && /(^|&)Action=/.test(request.body.toString('latin1', 0, 4096));
}

/** The operation a call names; MissingAction / InvalidParameterValue in the protocol's words otherwise. */
export function queryAction(params: URLSearchParams, service: QueryService): string {
  const action = params.get('Action');
  if (!action) throw new ServiceError('MissingAction', 'Missing Action');
  const version = params.get('Version');
  if (version !== null && version !== service.version) {
    throw new ServiceError('InvalidParameterValue', `Could not find operation ${action} for version ${version}`);
  }
  return action;
}

/** Flattened members as an object tree: `Tags.member.1.Key=a` → `{ Tags: [{ Key: 'a' }] }`. */
export function queryInput(params: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of params) {
    if (name === 'Action' || name === 'Version') continue;
    const path = name.split('.');
    // Member names come from the client: none may reach an object's prototype.
    if (path.some((segment) => UNSAFE_SEGMENTS.has(segment))) continue;
    place(root, path, value);
  }
  return compactLists(root) as Record<string, unknown>;
}

const UNSAFE_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype', '__list']);

function place(node: Record<string, unknown>, path: string[], value: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    node[head] = value;
    return;
  }
  if (rest[0] === 'member' && rest.length >= 2) {
    const list = (Object.hasOwn(node, head) && typeof node[head] === 'object' && node[head] !== null ? node[head] : (node[head] = { __list: true })) as Record<string, unknown>;
    const index = rest[1]!;
    if (rest.length === 2) list[index] = value;
    else place((list[index] ??= {}) as Record<string, unknown>, rest.slice(2), value);
    return;
  }
  const child = (Object.hasOwn(node, head) && typeof node[head] === 'object' && node[head] !== null ? node[head] : (node[head] = {})) as Record<string, unknown>;
  place(child, rest, value);
}

function compactLists(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  if (node.__list) {
    return Object.keys(node).filter((k) => k !== '__list').sort((a, b) => Number(a) - Number(b)).map((k) => compactLists(node[k]));
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, compactLists(v)]));
}

/** Query services' wording for a member that is missing or of the wrong shape. */
export function queryValidationError(error: ZodError): ServiceError {
  const issue = error.issues[0];
  const member = issue?.path.map(String).join('.') ?? 'request';
  const name = member.charAt(0).toLowerCase() + member.slice(1);
  const missing = issue?.code === 'invalid_type' && /received undefined|required/i.test(issue.message);
  return new ServiceError(
    'ValidationError',
    missing
      ? `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`
      : `1 validation error detected: Value at '${name}' failed to satisfy constraint: ${issue?.message ?? 'unexpected value'}`,
  );
}

export function queryReply(service: QueryService, action: string, result: Record<string, unknown> | undefined, requestId: string): EdgeReply {
  const inner = result === undefined ? '' : `<${action}Result>${members(result)}</${action}Result>`;
  const body = `<${action}Response xmlns="${service.namespace}">\n  ${inner}\n  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</${action}Response>\n`;
  return { status: 200, headers: { 'content-type': QUERY_CONTENT_TYPE, 'x-amzn-requestid': requestId }, body };
}

export function queryErrorReply(service: QueryService, error: ServiceError, requestId: string): EdgeReply {
  const type = error.fault === 'server' ? 'Receiver' : 'Sender';
  const body = `<ErrorResponse xmlns="${service.namespace}">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${error.code}</Code>\n    <Message>${escapeXml(error.message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`;
  return { status: error.status, headers: { 'content-type': QUERY_CONTENT_TYPE, 'x-amzn-requestid': requestId }, body };
}

/** The Query protocol's names for the pipeline's authentication and authorization errors. */
const QUERY_CODES: Partial<Record<ErrorCode, ErrorCode>> = {
  UnrecognizedClientException: 'InvalidClientTokenId',
  InvalidSignatureException: 'SignatureDoesNotMatch',
  MissingAuthenticationTokenException: 'MissingAuthenticationToken',
  IncompleteSignatureException: 'IncompleteSignature',
  AccessDeniedException: 'AccessDenied',
  ExpiredTokenException: 'ExpiredToken',
  InternalFailure: 'ServiceFailure',
};

export function queryProtocolError(error: ServiceError): ServiceError {
  const code = QUERY_CODES[error.code];
  return code ? new ServiceError(code, error.message) : error;
}

function members(value: Record<string, unknown>): string {
  return Object.entries(value).map(([name, member]) => xmlMember(name, member)).join('');
}

function xmlMember(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return `<${name}>${value.map((item) => xmlMember('member', item)).join('')}</${name}>`;
  if (value instanceof Date) return `<${name}>${value.toISOString().slice(0, 19)}Z</${name}>`;
  if (typeof value === 'object') return `<${name}>${members(value as Record<string, unknown>)}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

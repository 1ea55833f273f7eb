// `opentrail/client/express`: Express middleware that records every request the application answers.
//   app.use(opentrailExpress({ client, eventSource: 'orders.example.com', identity: (req) => … }))
//   app.post('/orders', auditRoute({ eventName: 'PlaceOrder', responseElements: true }), handler)
//   app.use(opentrailErrors())   // optional, before your error handler: thrown errors' codes in the records
// Typed structurally, so that using it does not require Express's types; Express 4 and 5 both fit.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuditOptions, RouteAudit } from './audit-options.js';
import { HttpAuditor, type HttpExchange } from './http-auditor.js';
import { parsedBody } from './parsed-body.js';

export interface ExpressLikeRequest extends IncomingMessage {
  route?: { path?: unknown };
  baseUrl?: string;
  originalUrl?: string;
  params?: Record<string, unknown>;
  query?: unknown;
  body?: unknown;
}

export interface ExpressLikeResponse extends ServerResponse {
  locals: Record<string, unknown>;
  json: (body: unknown) => unknown;
}

type Next = (error?: unknown) => void;

export type ExpressAuditOptions = AuditOptions<ExpressLikeRequest>;

const ROUTE = 'opentrailRoute';
const ERROR = 'opentrailError';

export function opentrailExpress(options: ExpressAuditOptions) {
  const auditor = new HttpAuditor<ExpressLikeRequest>(options);
  return function opentrail(request: ExpressLikeRequest, response: ExpressLikeResponse, next: Next): void {
    if (auditor.skips(request)) return next();
    let body: unknown;
    const json = response.json;
    response.json = function capture(this: ExpressLikeResponse, value: unknown) {
      if (auditor.wantsBody(request.method ?? 'GET', this.statusCode, routeAudit(this))) body = value;
      return json.call(this, value);
    };
    // Asked now, the peer's address is kept by the socket: a client that aborts closes it before the record is made.
    void request.socket.remoteAddress;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      auditor.finish({ ...exchangeOf(request, response, body), aborted: !response.writableFinished }, request);
    };
    response.once('finish', finish);
    response.once('close', finish);
    next();
  };
}

/** Per-route settings: put it before the route's handler. */
export function auditRoute(settings: RouteAudit) {
  return function opentrailRoute(_request: IncomingMessage, response: ExpressLikeResponse, next: Next): void {
    response.locals[ROUTE] = settings;
    next();
  };
}

/** Error middleware that notes the error for the record and passes it on to your error handler. */
export function opentrailErrors() {
  return function opentrailError(error: unknown, _request: IncomingMessage, response: ExpressLikeResponse, next: Next): void {
    response.locals[ERROR] = error;
    next(error);
  };
}

function routeAudit(response: ExpressLikeResponse): RouteAudit | undefined {
  return response.locals[ROUTE] as RouteAudit | undefined;
}

function exchangeOf(request: ExpressLikeRequest, response: ExpressLikeResponse, body: unknown): HttpExchange {
  const requestId = response.getHeader('x-request-id');
  return {
    raw: request,
    method: request.method ?? 'GET',
    route: routePattern(request),
    url: request.originalUrl ?? request.url ?? '/',
    params: request.params,
    query: typeof request.query === 'object' && request.query !== null ? (request.query as Record<string, unknown>) : undefined,
    body: request.body,
    statusCode: response.statusCode,
    responseBody: parsedBody(body, response.getHeader('content-type')),
    error: response.locals[ERROR],
    responseRequestId: typeof requestId === 'string' ? requestId : undefined,
    routeAudit: routeAudit(response),
    finishedAt: Date.now(),
  };
}

/**
 * The matched route's full pattern. A router's mount path reaches us filled in (`/users/42`), so path parameter
 * values in it are put back as their names (`/users/:userId`).
 */
function routePattern(request: ExpressLikeRequest): string | undefined {
  const path = request.route?.path;
  if (typeof path !== 'string') return path === undefined ? undefined : String(path);
  const params = Object.entries(request.params ?? {});
  const base = (request.baseUrl ?? '').split('/').map((segment) => {
    const named = params.find(([, value]) => value === decodeURIComponentSafe(segment));
    return named ? `:${named[0]}` : segment;
  }).join('/');
  return `${base}${path === '/' && base !== '' ? '' : path}`;
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

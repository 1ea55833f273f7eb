// How an application configures the middleware, the same for Express and Fastify, and what a route may override.
import type { RecordResource, UserIdentity } from '../../domain/record.js';
import type { AuditEvent } from '../audit-record.js';
import type { EventBuilder } from '../deferred-events.js';
import type { Redaction } from './redaction.js';
import type { TrustProxy } from './source-address.js';

/** What the middleware needs of a client: OpentrailClient, or anything with its record(). */
export interface EventRecorder {
  record(event: AuditEvent): string | undefined;
  /** Where present, used instead of record(): the event's line is written later, with others' (OpentrailClient.recordLater). */
  recordLater?<Facts>(build: EventBuilder<Facts>, facts: Facts): void;
  /** Where present, used for an event still being made (an async identity): flush() and close() wait for it. */
  recordWhenReady?(event: Promise<AuditEvent | undefined>): void;
}

/** Per-route settings (Express: `auditRoute({...})` before the handler; Fastify: route `config: { opentrail: {...} }`). */
export interface RouteAudit {
  /** Default: from the method and route pattern (GET /orders/:id → GetOrder). */
  eventName?: string;
  eventSource?: string;
  /** Default: true for GET, HEAD and OPTIONS. */
  readOnly?: boolean;
  /** Record the JSON response body of successful writes as responseElements (redacted). */
  responseElements?: boolean;
  /** Record nothing for this route. */
  skip?: boolean;
  /** Default `Management`. `Data` records are delivered only to trails that select data events. */
  eventCategory?: 'Management' | 'Data';
  /** Resources the call touched, from its path parameters and body. */
  resources?: (call: { params: Record<string, unknown>; body: unknown }) => RecordResource[];
}

export interface AuditOptions<Request> {
  client: EventRecorder;
  /** eventSource of every record unless a route says otherwise, e.g. `orders.example.com`. */
  eventSource: string;
  /** Who made the call (e.g. from your auth's `request.user`); runs when the response is finished. Default `{type: "Unknown"}`. */
  identity?: (request: Request) => UserIdentity | undefined | Promise<UserIdentity | undefined>;
  /** awsRegion of the records; default: the client's region. */
  region?: string;
  recipientAccountId?: string;
  /** More member names (matched inside names, case and `-`/`_` ignored) or patterns to hide, beside the defaults (passwords, tokens, secrets, keys, cookies, authorization). */
  redact?: readonly Redaction[];
  /** Request headers to copy into `requestParameters.headers` (redaction applies: authorization is hidden). */
  headers?: readonly string[];
  /** Whose X-Forwarded-For to believe for sourceIPAddress. Default false: the connection's peer. */
  trustProxy?: TrustProxy;
  /** requestID; default: the response's `x-request-id` header if the application set one, else a new UUID. */
  requestId?: (request: Request) => string | undefined;
  /** responseElements for every write route (default false: opt in per route). */
  responseElements?: boolean;
  /** Requests not to record at all (health checks, static files). */
  skip?: (request: Request) => boolean;
  /** Requests that matched no route (404s): `record` (default, eventName `RouteNotFound`) or `skip`. */
  unmatchedRoutes?: 'record' | 'skip';
}

// What both middlewares share: turning one finished HTTP exchange into a CloudTrail record (spec §1.2) and handing
// it to the client. It never throws into the application and never holds the response: identity resolution and
// the event are made once the response is finished; the record's line is written later, with other requests'.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { UserIdentity } from '../../domain/record.js';
import { CapturedEvent, type AuditEvent } from '../audit-record.js';
import { randomUuid } from '../uuid-pool.js';
import type { AuditOptions, RouteAudit } from './audit-options.js';
import { errorFacts } from './error-facts.js';
import { eventNameFor } from './event-name.js';
import { redactor, type Redactor } from './redaction.js';
import { addressResolver, type AddressOf } from './source-address.js';

/** The facts of one request and its answer, read by a framework adapter. */
export interface HttpExchange {
  raw: IncomingMessage;
  method: string;
  /** The matched route's pattern (`/orders/:id`), undefined when no route matched. */
  route: string | undefined;
  /** The request's URL (path and query), as received. */
  url: string;
  params: Record<string, unknown> | undefined;
  query: Record<string, unknown> | undefined;
  body: unknown;
  statusCode: number;
  /** The answer's body when the auditor asked for it (see wantsBody), parsed if it was JSON. */
  responseBody: unknown;
  error: unknown;
  responseRequestId: string | undefined;
  routeAudit: RouteAudit | undefined;
  /** When the answer was finished, in milliseconds since the epoch. */
  finishedAt: number;
  /** The client went away before the answer was complete (the handler may still have run, or be running). */
  aborted?: boolean;
}

/** GET, HEAD and OPTIONS, in any case (Node gives methods in capitals: compared as they are first). */
function isRead(method: string): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return true;
  const upper = method.toUpperCase();
  return upper !== method && (upper === 'GET' || upper === 'HEAD' || upper === 'OPTIONS');
}

const MAX_SECTION_BYTES = 100 * 1024;
const MAX_SHORT_FIELD = 1024;
const ABORTED = { code: 'RequestAborted', message: 'The client closed the connection before the answer was complete.' };

/**
 * A message that quotes the request's URL (Fastify's "Route GET:/x?token=… not found") without its query string,
 * whose values requestParameters shows only redacted.
 */
function withoutQuery(message: string, url: string): string {
  const query = url.indexOf('?');
  return query < 0 || !message.includes(url) ? message : message.split(url).join(url.slice(0, query));
}

export class HttpAuditor<Request> {
  private readonly redact: Redactor;
  private readonly addressOf: AddressOf;
  /** Routes are few and fixed: each pattern's and method's eventName is derived once (pattern → method → name). */
  private readonly eventNames = new Map<string, Map<string, string>>();

  constructor(private readonly options: AuditOptions<Request>) {
    if (!options.client || typeof options.client.record !== 'function') throw new TypeError('opentrail middleware: `client` is required');
    if (typeof options.eventSource !== 'string' || options.eventSource === '') throw new TypeError('opentrail middleware: `eventSource` is required');
    this.redact = redactor(options.redact);
    this.addressOf = addressResolver(options.trustProxy);
  }

  /** Whether the request is left unrecorded (before it is handled, so that nothing is gathered for it). */
  skips(request: Request): boolean {
    try {
      return this.options.skip?.(request) === true;
    } catch {
      return false;
    }
  }

  /** Whether a request of this method may have its answer recorded at all (reads never do), before route settings. */
  mayRecordResponse(method: string): boolean {
    return !isRead(method);
  }

  /** The answer's body is needed for errors (their code and message) and for opted-in writes' responseElements. */
  wantsBody(method: string, statusCode: number, routeAudit: RouteAudit | undefined): boolean {
    return statusCode >= 400 || this.recordsResponse(method, routeAudit);
  }

  /**
   * The response to `request` is finished. The event is built now, its sections copied (the application may change
   * the objects it answered with afterwards); only its record's line is written later, with other requests'
   * (OpentrailClient.recordLater).
   */
  finish(exchange: HttpExchange, request: Request): void {
    try {
      const event = this.build(exchange, request);
      if (event === undefined) return;
      const client = this.options.client;
      if (client.recordLater) client.recordLater(asBuilt, event);
      else client.record(event);
    } catch {
      // the client never throws; a faulty stand-in (or a route's resources callback) must not reach the application
    }
  }

  /** The record of a finished request, or undefined when there is none (or when it is recorded once its identity is known). */
  private build(exchange: HttpExchange, request: Request): AuditEvent | undefined {
    if (exchange.routeAudit?.skip) return undefined;
    if (exchange.route === undefined && this.options.unmatchedRoutes === 'skip') return undefined;
    let identity: ReturnType<NonNullable<AuditOptions<Request>['identity']>>;
    try {
      identity = this.options.identity?.(request);
    } catch {
      identity = undefined;
    }
    if (!(identity instanceof Promise)) return this.event(exchange, request, identity);
    const made = identity.then((resolved) => this.event(exchange, request, resolved), () => this.event(exchange, request, undefined));
    const { client } = this.options;
    if (client.recordWhenReady) {
      client.recordWhenReady(made);
      return undefined;
    }
    made.then((event) => {
      try {
        client.record(event);
      } catch {
        // as in finish()
      }
    }, () => undefined);
    return undefined;
  }

  private event(exchange: HttpExchange, request: Request, identity: UserIdentity | undefined): AuditEvent {
    const route = exchange.routeAudit;
    const method = exchange.method.toUpperCase();
    const readOnly = route?.readOnly ?? isRead(method);
    const error = exchange.aborted && exchange.statusCode < 400
      ? ABORTED
      : errorFacts(exchange.statusCode, exchange.responseBody, exchange.error);
    const event: AuditEvent = new CapturedEvent(
      exchange.finishedAt,
      route?.eventSource ?? this.options.eventSource,
      route?.eventName ?? this.eventName(method, exchange.route),
      identity && typeof identity.type === 'string' ? identity : { ...identity, type: 'Unknown' },
      this.addressOf(exchange.raw),
      this.requestId(exchange, request),
      readOnly,
      'AwsApiCall',
      route?.eventCategory ?? 'Management',
    );
    const userAgent = exchange.raw.headers['user-agent'];
    if (userAgent) event.userAgent = userAgent.slice(0, MAX_SHORT_FIELD);
    if (error) {
      event.errorCode = error.code.slice(0, MAX_SHORT_FIELD);
      event.errorMessage = withoutQuery(error.message, exchange.url).slice(0, MAX_SHORT_FIELD);
    }
    if (this.options.region) event.awsRegion = this.options.region;
    if (this.options.recipientAccountId) event.recipientAccountId = this.options.recipientAccountId;
    this.addSections(event, exchange, !error && !readOnly && this.recordsResponse(method, route));
    const resources = route?.resources?.({ params: exchange.params ?? {}, body: exchange.body });
    if (resources && resources.length > 0) event.resources = resources;
    return event;
  }

  private eventName(method: string, route: string | undefined): string {
    if (route === undefined) return 'RouteNotFound';
    let names = this.eventNames.get(route);
    if (names === undefined) this.eventNames.set(route, (names = new Map()));
    let name = names.get(method);
    if (name === undefined) names.set(method, (name = eventNameFor(method, route)));
    return name;
  }

  private addSections(event: AuditEvent, exchange: HttpExchange, withResponse: boolean): void {
    const truncated: string[] = [];
    event.requestParameters = this.cappedParameters(exchange, truncated);
    event.responseElements = withResponse && isObject(exchange.responseBody)
      ? capped(this.redact(exchange.responseBody) as Record<string, unknown>, 'responseElements', truncated)
      : null;
    if (truncated.length > 0) event.additionalEventData = { truncated };
  }

  /**
   * The URL and headers are bounded by Node's header limit; only a body can make the parameters big. One declared
   * over the limit is left out unread; one of unknown length (chunked) is measured.
   */
  private cappedParameters(exchange: HttpExchange, truncated: string[]): Record<string, unknown> | null {
    const declared = exchange.raw.headers['content-length'];
    const bodyBytes = declared === undefined ? (exchange.body === undefined ? 0 : Infinity) : Number(declared);
    if (bodyBytes > MAX_SECTION_BYTES && declared !== undefined) {
      truncated.push('requestParameters');
      return this.requestParameters({ ...exchange, body: undefined });
    }
    const parameters = this.requestParameters(exchange);
    return bodyBytes < MAX_SECTION_BYTES / 2 ? parameters : capped(parameters, 'requestParameters', truncated);
  }

  private requestParameters(exchange: HttpExchange): Record<string, unknown> | null {
    const merged: Record<string, unknown> = {};
    this.redact.into(merged, exchange.query);
    this.redact.into(merged, exchange.body);
    this.redact.into(merged, exchange.params);
    if (exchange.route === undefined) this.redact.into(merged, { path: exchange.url.split('?')[0] });
    const headers = this.pickHeaders(exchange.raw.headers);
    if (headers) this.redact.into(merged, { headers });
    for (const _member in merged) return merged;
    return null;
  }

  private pickHeaders(all: IncomingHttpHeaders): Record<string, unknown> | undefined {
    if (!this.options.headers || this.options.headers.length === 0) return undefined;
    const picked: Record<string, unknown> = {};
    for (const name of this.options.headers) {
      const value = all[name.toLowerCase()];
      if (value !== undefined) picked[name.toLowerCase()] = value;
    }
    return picked;
  }

  private requestId(exchange: HttpExchange, request: Request): string {
    let id: string | undefined;
    try {
      id = this.options.requestId?.(request);
    } catch {
      id = undefined;
    }
    return (id ?? exchange.responseRequestId ?? randomUuid()).slice(0, MAX_SHORT_FIELD);
  }

  private recordsResponse(method: string, route: RouteAudit | undefined): boolean {
    return !isRead(method) && (route?.responseElements ?? this.options.responseElements ?? false);
  }
}

const asBuilt = (event: AuditEvent): AuditEvent => event;

/** CloudTrail truncates a section over 100 KB; here it is left out and named in additionalEventData.truncated. */
function capped(section: Record<string, unknown> | null, name: string, truncated: string[]): Record<string, unknown> | null {
  if (section === null) return null;
  if (Buffer.byteLength(JSON.stringify(section)) <= MAX_SECTION_BYTES) return section;
  truncated.push(name);
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

// `opentrail/client/fastify`: a Fastify plugin that records every request the application answers.
//   app.register(opentrailFastify, { client, eventSource: 'orders.example.com', identity: (req) => … })
// Per route: `{ config: { opentrail: { eventName: 'PlaceOrder', responseElements: true } } }`.
import type { Socket } from 'node:net';
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditOptions, RouteAudit } from './audit-options.js';
import { HttpAuditor, type HttpExchange } from './http-auditor.js';
import { parsedBody } from './parsed-body.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    opentrail?: RouteAudit;
  }
}

export type FastifyAuditOptions = AuditOptions<FastifyRequest>;

interface Gathered {
  payload?: unknown;
  error?: unknown;
}

const plugin: FastifyPluginCallback<FastifyAuditOptions> = (app, options, done) => {
  let auditor: HttpAuditor<FastifyRequest>;
  try {
    auditor = new HttpAuditor<FastifyRequest>(options);
  } catch (err) {
    return done(err as Error);
  }
  // Only answers that may need their body or error gathered (errors, writes) are looked up here.
  const gathered = new WeakMap<FastifyRequest, Gathered>();
  app.addHook('onError', (request, _reply, error, next) => {
    gathered.set(request, { ...gathered.get(request), error });
    next();
  });
  app.addHook('onSend', (request, reply, payload, next) => {
    // Reads answered well need nothing from here: `request.routeOptions` builds a new object at every look.
    const status = reply.statusCode;
    if (status >= 400 || (auditor.mayRecordResponse(request.method) && auditor.wantsBody(request.method, status, routeAudit(request.routeOptions)))) {
      gathered.set(request, { ...gathered.get(request), payload });
    }
    next(null, payload);
  });
  // Asked once per connection, the peer's address is kept by the socket: an aborting client closes it before its
  // call is recorded.
  app.server.on('connection', (socket: Socket) => void socket.remoteAddress);
  // A client that goes away before the answer is complete gets no onResponse: its call is recorded as aborted.
  app.addHook('onRequestAbort', (request, next) => {
    if (!auditor.skips(request)) auditor.finish(exchangeOf(request, undefined, gathered.get(request)), request);
    next();
  });
  app.addHook('onResponse', (request, reply, next) => {
    if (!auditor.skips(request)) {
      const facts = reply.statusCode >= 400 || auditor.mayRecordResponse(request.method) ? gathered.get(request) : undefined;
      auditor.finish(exchangeOf(request, reply, facts), request);
    }
    next();
  });
  done();
};

function routeAudit(routeOptions: FastifyRequest['routeOptions']): RouteAudit | undefined {
  return routeOptions.config?.opentrail;
}

/** `reply` undefined: the client went away before the answer was complete (onRequestAbort). */
function exchangeOf(request: FastifyRequest, reply: FastifyReply | undefined, gathered: Gathered | undefined): HttpExchange {
  const finishedAt = Date.now();
  const requestId = reply?.getHeader('x-request-id');
  const routeOptions = request.routeOptions;
  return {
    raw: request.raw,
    method: request.method,
    route: request.is404 ? undefined : routeOptions.url,
    url: request.url,
    params: request.params as Record<string, unknown> | undefined,
    query: request.query as Record<string, unknown> | undefined,
    body: request.body,
    statusCode: reply?.statusCode ?? 0,
    responseBody: gathered?.payload === undefined || !reply ? undefined : parsedBody(gathered.payload, reply.getHeader('content-type')),
    error: gathered?.error,
    responseRequestId: typeof requestId === 'string' ? requestId : undefined,
    routeAudit: routeAudit(routeOptions),
    finishedAt,
    aborted: reply === undefined,
  };
}

// Hooks registered by the plugin apply to the whole application, not only inside the plugin's own scope (what
// fastify-plugin does, by the same symbols).
Object.assign(plugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'opentrail' });

export const opentrailFastify = plugin;
export default plugin;
export type { RouteAudit } from './audit-options.js';

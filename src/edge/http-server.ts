// The one HTTP port every surface shares (fastify). It turns HTTP into EdgeRequests for the call pipeline, and
// keeps framework errors (oversized or unreadable bodies) in the protocol's own error form.
import crypto from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { EdgeReply, EdgeRequest } from './edge-request.js';
import type { CallPipeline } from './call-pipeline.js';
import { ServiceError } from '../errors/service-error.js';

export interface HttpServerOptions {
  pipeline: CallPipeline;
  log: Logger;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Largest PUT body (S3 PutObject carries a whole object); `bodyLimit` when absent. */
  putBodyLimit?: number;
  health: () => Promise<Record<string, unknown>>;
  /** When set, every call but /health is answered with this error, in the protocol the call spoke (a worker's port). */
  refusal?: ServiceError;
}

const ANY_METHOD = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

export function createHttpServer(options: HttpServerOptions) {
  const app = Fastify({
    // Requests are logged once each by the onResponse hook below, in opentrail's own fields.
    logger: false,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: options.bodyLimit,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  // Every surface needs the exact body bytes: SigV4 hashes them.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.get('/health', async () => options.health());
  const { refusal } = options;
  const handler = refusal
    ? async (request: FastifyRequest, reply: FastifyReply) => send(reply, options.pipeline.refuse(edgeRequest(request), refusal))
    : async (request: FastifyRequest, reply: FastifyReply) => send(reply, await options.pipeline.handle(edgeRequest(request)));
  app.route({ method: ANY_METHOD.filter((method) => method !== 'PUT'), url: '*', handler });
  app.route({ method: 'PUT', url: '*', bodyLimit: options.putBodyLimit ?? options.bodyLimit, handler });
  app.setErrorHandler((error: { code?: string; statusCode?: number }, request, reply) => {
    const failure = frameworkError(error);
    if (failure.fault === 'server') options.log.error({ err: error, requestId: request.id }, 'request failed');
    return send(reply, options.pipeline.refuse(edgeRequest(request), failure));
  });
  app.addHook('onResponse', async (request, reply) => {
    options.log.info(
      { requestId: request.id, method: request.method, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'call',
    );
  });
  return app;
}

function edgeRequest(request: FastifyRequest): EdgeRequest {
  const rawUrl = request.raw.url ?? '/';
  const queryAt = rawUrl.indexOf('?');
  const userAgent = request.headers['user-agent'];
  return {
    requestId: request.id,
    receivedAt: new Date(),
    method: request.method,
    rawUrl,
    path: queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt),
    query: new URLSearchParams(queryAt < 0 ? '' : rawUrl.slice(queryAt + 1)),
    headers: request.headers,
    body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
    sourceIp: clientAddress(request.socket.remoteAddress),
    ...(userAgent ? { userAgent } : {}),
  };
}

function clientAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

function send(reply: FastifyReply, edge: EdgeReply): FastifyReply {
  return reply.code(edge.status).headers(edge.headers).send(edge.body);
}

function frameworkError(error: { code?: string; statusCode?: number }): ServiceError {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new ServiceError('RequestEntityTooLargeException', 'The request body is larger than this endpoint accepts.');
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new ServiceError('SerializationException', 'The request could not be read.');
  }
  return new ServiceError('InternalFailure', 'An internal error occurred.');
}

// The Express and Fastify middleware, each in a real app driven by HTTP requests, record what CloudTrail would:
// checked through LookupEvents on a running opentrail that received them from the SDK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import http, { type Server } from 'node:http';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { OpentrailClient } from '../../src/client/opentrail-client.js';
import { auditRoute, opentrailErrors, opentrailExpress } from '../../src/client/middleware/express.js';
import { opentrailFastify } from '../../src/client/middleware/fastify.js';
import type { AuditOptions } from '../../src/client/middleware/audit-options.js';
import type { CloudTrailRecord, UserIdentity } from '../../src/domain/record.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { cloudTrailClient } from '../support/sdk.js';
import { lookupAll } from '../support/lookup-all.js';

const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';
let server: TestServer;
let client: OpentrailClient;

beforeAll(async () => {
  server = await startTestServer();
  client = new OpentrailClient({ endpoint: server.url, credentials: server.credentials, batch: { maxDelayMs: 10 } });
});
afterAll(async () => {
  await client?.close();
  await server?.close();
});

function identityOf(headers: Record<string, string | string[] | undefined>): UserIdentity | undefined {
  const user = headers['x-user'];
  if (typeof user !== 'string') return undefined;
  return { type: 'IAMUser', principalId: `AIDA${user.toUpperCase()}`, arn: `arn:aws:iam::123456789012:user/${user}`, accountId: '123456789012', userName: user };
}

function options<R>(eventSource: string, identity: (request: R) => UserIdentity | undefined | Promise<UserIdentity | undefined>): AuditOptions<R> {
  return { client, eventSource, identity, trustProxy: 'loopback', headers: ['x-tenant', 'authorization'], region: 'eu-central-1' };
}

async function expressApp(eventSource: string): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.use(express.json());
  app.use(opentrailExpress(options(eventSource, async (req) => identityOf(req.headers))));
  app.get('/health', auditRoute({ skip: true }), (_req, res) => void res.send('ok'));
  app.get('/orders/:id', (req, res) => void res.set('x-request-id', `req-${req.params.id}`).json({ id: req.params.id }));
  app.post('/orders', auditRoute({ responseElements: true }), (_req, res) => void res.status(201).json({ orderId: 'o-1', status: 'placed', accessToken: 't' }));
  app.post('/orders/:id/cancel', auditRoute({ eventName: 'WithdrawOrder', eventSource: `billing.${eventSource}` }), (_req, res) => void res.status(409).json({ code: 'OrderAlreadyShipped', message: 'order o-9 has shipped' }));
  app.delete('/orders/:id', () => {
    throw Object.assign(new Error('connection to db-7 refused with password hunter2'), { code: 'DatabaseUnavailable' });
  });
  app.put('/slow/:id', (_req, res) => void setTimeout(() => res.status(204).end(), 300));
  app.use(opentrailErrors());
  const listener = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(listener.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => listener.close(() => resolve())),
  };
}

async function fastifyApp(eventSource: string): Promise<{ url: string; close: () => Promise<void> }> {
  const app: FastifyInstance = Fastify();
  await app.register(opentrailFastify, options(eventSource, (req) => identityOf(req.headers)));
  app.get('/health', { config: { opentrail: { skip: true } } }, async () => 'ok');
  app.get<{ Params: { id: string } }>('/orders/:id', async (req, reply) => {
    reply.header('x-request-id', `req-${req.params.id}`);
    return { id: req.params.id };
  });
  app.post('/orders', { config: { opentrail: { responseElements: true } } }, async (_req, reply) => {
    reply.code(201);
    return { orderId: 'o-1', status: 'placed', accessToken: 't' };
  });
  app.post('/orders/:id/cancel', { config: { opentrail: { eventName: 'WithdrawOrder', eventSource: `billing.${eventSource}` } } }, async (_req, reply) => {
    reply.code(409);
    return { code: 'OrderAlreadyShipped', message: 'order o-9 has shipped' };
  });
  app.delete('/orders/:id', async () => {
    throw Object.assign(new Error('connection to db-7 refused with password hunter2'), { code: 'DatabaseUnavailable' });
  });
  app.put('/slow/:id', async (_req, reply) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    reply.code(204);
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

/** The same calls to either app; answers the records opentrail holds for the app's eventSource and the overridden one. */
async function drive(url: string, eventSource: string): Promise<{ statuses: number[]; records: CloudTrailRecord[] }> {
  const common = { 'user-agent': 'shop-cli/2.1', 'x-forwarded-for': '203.0.113.9', 'x-user': 'ana', authorization: 'Bearer abc', 'x-tenant': 't-1' };
  const statuses: number[] = [];
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method, headers: { ...common, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    });
    await response.arrayBuffer();
    statuses.push(response.status);
  };
  await call('GET', '/health');
  await call('GET', '/orders/o-7?expand=items');
  await call('POST', '/orders', { sku: 'sku-1', quantity: 2, password: 'pw', payment: { cardToken: 'ct' } });
  await call('POST', '/orders/o-9/cancel', { reason: 'late' });
  await call('DELETE', '/orders/o-3');
  await call('GET', '/nowhere?access_token=SECRET1');
  await abortedCall(url, '/slow/s-1', common);
  expect(await client.flush({ timeoutMs: 10_000 })).toBe(true);
  const reader = cloudTrailClient(server, { region: 'eu-central-1' }); // Event History is regional
  const records = [
    ...(await lookupAll(reader, 'EventSource', eventSource)),
    ...(await lookupAll(reader, 'EventSource', `billing.${eventSource}`)),
  ];
  reader.destroy();
  return { statuses, records };
}

/** A PUT whose client goes away before the (slow) answer: its record must still be made. */
async function abortedCall(url: string, path: string, headers: Record<string, string>): Promise<void> {
  const { hostname, port } = new URL(url);
  const request = http.request({ hostname, port, path, method: 'PUT', headers });
  request.on('error', () => undefined);
  request.end();
  await new Promise((resolve) => setTimeout(resolve, 100));
  request.destroy();
  await new Promise((resolve) => setTimeout(resolve, 400));
}

function byName(records: CloudTrailRecord[], name: string): CloudTrailRecord {
  const found = records.filter((r) => r.eventName === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
}

function expectRecords(records: CloudTrailRecord[], eventSource: string): void {
  const ana = { type: 'IAMUser', principalId: 'AIDAANA', arn: 'arn:aws:iam::123456789012:user/ana', accountId: '123456789012', userName: 'ana' };
  const common = {
    eventVersion: '1.11', userIdentity: ana, awsRegion: 'eu-central-1', sourceIPAddress: '203.0.113.9', userAgent: 'shop-cli/2.1',
    eventType: 'AwsApiCall', eventCategory: 'Management', managementEvent: true, recipientAccountId: '123456789012',
  };
  const headers = { 'x-tenant': 't-1', authorization: HIDDEN };
  expect(records.map((r) => r.eventName).sort()).toEqual(['CreateOrder', 'DeleteOrder', 'GetOrder', 'PutSlow', 'RouteNotFound', 'WithdrawOrder']);
  for (const record of records) {
    expect(record).toMatchObject(common);
    expect(record.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(record.eventID).toMatch(/^[0-9a-f-]{36}$/);
  }
  expect(byName(records, 'GetOrder')).toMatchObject({
    eventSource, readOnly: true, requestID: 'req-o-7', requestParameters: { id: 'o-7', expand: 'items', headers }, responseElements: null,
  });
  const created = byName(records, 'CreateOrder');
  expect(created).toMatchObject({
    eventSource, readOnly: false,
    requestParameters: { sku: 'sku-1', quantity: 2, password: HIDDEN, payment: { cardToken: HIDDEN }, headers },
    responseElements: { orderId: 'o-1', status: 'placed', accessToken: HIDDEN },
  });
  expect(created.requestID).toMatch(/^[0-9a-f-]{36}$/);
  expect(created.errorCode).toBeUndefined();
  expect(byName(records, 'WithdrawOrder')).toMatchObject({
    eventSource: `billing.${eventSource}`, readOnly: false, errorCode: 'OrderAlreadyShipped', errorMessage: 'order o-9 has shipped',
    requestParameters: { id: 'o-9', reason: 'late', headers }, responseElements: null,
  });
  const failed = byName(records, 'DeleteOrder');
  expect(failed).toMatchObject({ eventSource, readOnly: false, errorCode: 'DatabaseUnavailable', responseElements: null });
  expect(JSON.stringify(failed)).not.toContain('hunter2');
  expect(byName(records, 'RouteNotFound')).toMatchObject({ eventSource, readOnly: true, errorCode: 'NotFound', requestParameters: { path: '/nowhere', headers } });
  expect(byName(records, 'PutSlow')).toMatchObject({ eventSource, readOnly: false, errorCode: 'RequestAborted', requestParameters: { id: 's-1' } });
  expect(JSON.stringify(records)).not.toMatch(/Bearer abc|"pw"|"ct"|SECRET1/);
}

describe('middleware', () => {
  it.each([
    ['Express', expressApp, 'express-shop.example.com'],
    ['Fastify', fastifyApp, 'fastify-shop.example.com'],
  ])('%s: each handled request becomes the expected CloudTrail record', async (_framework, start, eventSource) => {
    const app = await start(eventSource);
    try {
      const { statuses, records } = await drive(app.url, eventSource);
      expect(statuses).toEqual([200, 200, 201, 409, 500, 404]);
      expectRecords(records, eventSource);
    } finally {
      await app.close();
    }
  });
});

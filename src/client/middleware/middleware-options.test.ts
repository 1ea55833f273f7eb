// Options of the middleware, through Fastify's inject and a recorder that keeps events in memory.
import { describe, expect, it, vi } from 'vitest';
import Fastify from 'fastify';
import type { AuditEvent } from '../audit-record.js';
import { opentrailFastify, type FastifyAuditOptions } from './fastify.js';

async function app(options: Partial<FastifyAuditOptions>) {
  const events: AuditEvent[] = [];
  const fastify = Fastify();
  await fastify.register(opentrailFastify, { client: { record: (e) => (events.push(e), 'id') }, eventSource: 'app.example.com', ...options });
  fastify.get('/items/:id', async (req) => ({ id: (req.params as { id: string }).id }));
  fastify.post('/items', async () => ({ created: true }));
  fastify.get('/health', async () => 'ok');
  return { fastify, events };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('middleware options', () => {
  it('believes X-Forwarded-For only from trusted proxies', async () => {
    const untrusted = await app({});
    await untrusted.fastify.inject({ url: '/items/1', headers: { 'x-forwarded-for': '198.51.100.1' } });
    const twoHops = await app({ trustProxy: 2 });
    await twoHops.fastify.inject({ url: '/items/1', headers: { 'x-forwarded-for': '198.51.100.1, 10.0.0.2, 10.0.0.3' } });
    const byAddress = await app({ trustProxy: ['127.0.0.1', '10.0.0.0/8'] });
    await byAddress.fastify.inject({ url: '/items/1', headers: { 'x-forwarded-for': '198.51.100.1, 10.0.0.2' } });
    expect([untrusted, twoHops, byAddress].map((a) => a.events[0]?.sourceIPAddress)).toEqual(['127.0.0.1', '10.0.0.2', '198.51.100.1']);
  });

  it('records the call with an Unknown identity when the resolver fails, and never fails the request', async () => {
    const { fastify, events } = await app({ identity: async () => Promise.reject(new Error('auth service down')) });
    const response = await fastify.inject({ url: '/items/1' });
    await settle();
    expect(response.statusCode).toBe(200);
    expect(events[0]?.userIdentity).toEqual({ type: 'Unknown' });
  });

  it('survives a recorder that throws', async () => {
    const fastify = Fastify();
    await fastify.register(opentrailFastify, { client: { record: () => { throw new Error('broken'); } }, eventSource: 'x' });
    fastify.get('/', async () => 'ok');
    expect((await fastify.inject({ url: '/' })).statusCode).toBe(200);
  });

  it('skips what the application says, and unmatched routes when asked', async () => {
    const { fastify, events } = await app({ skip: (req) => req.url === '/health', unmatchedRoutes: 'skip' });
    await fastify.inject({ url: '/health' });
    await fastify.inject({ url: '/nothing-here' });
    await fastify.inject({ url: '/items/2' });
    expect(events.map((e) => e.eventName)).toEqual(['GetItem']);
  });

  it('records responseElements of every write when enabled globally, never of reads', async () => {
    const { fastify, events } = await app({ responseElements: true, recipientAccountId: '111122223333', requestId: () => 'fixed-id' });
    await fastify.inject({ method: 'POST', url: '/items', payload: { name: 'n' } });
    await fastify.inject({ url: '/items/3' });
    expect(events.map((e) => [e.eventName, e.responseElements, e.requestID, e.recipientAccountId])).toEqual([
      ['CreateItem', { created: true }, 'fixed-id', '111122223333'],
      ['GetItem', null, 'fixed-id', '111122223333'],
    ]);
  });

  it('refuses a configuration without client or eventSource', async () => {
    await expect(Fastify().register(opentrailFastify, { eventSource: 'x' } as never).ready()).rejects.toThrow(/client/);
  });
});

describe('Express route patterns', () => {
  it('names calls from the full pattern of nested routers, with mount-path parameters put back', async () => {
    const { default: express } = await import('express');
    const { opentrailExpress } = await import('./express.js');
    const events: AuditEvent[] = [];
    const app = express();
    app.use(opentrailExpress({ client: { record: (e) => (events.push(e), 'id') }, eventSource: 'app.example.com' }));
    const orders = express.Router({ mergeParams: true });
    orders.get('/', (_req, res) => void res.json([]));
    orders.get('/:orderId', (req, res) => void res.json({ id: req.params.orderId }));
    app.use('/users/:userId/orders', orders);
    const listener = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    const { port } = listener.address() as { port: number };
    try {
      await (await fetch(`http://127.0.0.1:${port}/users/u-1/orders`)).text();
      await (await fetch(`http://127.0.0.1:${port}/users/u-1/orders/o-2?x=1`)).text();
      await settle();
      expect(events.map((e) => [e.eventName, e.requestParameters])).toEqual([
        ['ListUserOrders', { userId: 'u-1' }],
        ['GetUserOrder', { x: '1', userId: 'u-1', orderId: 'o-2' }],
      ]);
    } finally {
      listener.close();
    }
  });
});

describe('big requests', () => {
  it('leaves a body over 100 KB out of requestParameters, says so, and still records the call', async () => {
    const { fastify, events } = await app({});
    const big = { note: 'x'.repeat(150_000), sku: 's' };
    await fastify.inject({ method: 'POST', url: '/items?tag=t', payload: big });
    await fastify.inject({ method: 'POST', url: '/items', payload: { sku: 's' } });
    expect(events.map((e) => [e.requestParameters, e.additionalEventData])).toEqual([
      [{ tag: 't' }, { truncated: ['requestParameters'] }],
      [{ sku: 's' }, undefined],
    ]);
  });
});

/** A recorder like OpentrailClient's recordLater: holds what the middleware hands over until told to build it. */
function laterRecorder() {
  const held: Array<() => AuditEvent | undefined> = [];
  const events: AuditEvent[] = [];
  const client = {
    record: (event: AuditEvent) => (events.push(event), 'id'),
    recordLater: <Facts>(build: (facts: Facts) => AuditEvent | undefined, facts: Facts) => void held.push(() => build(facts)),
  };
  const buildAll = () => {
    for (const build of held.splice(0)) {
      const event = build();
      if (event) events.push(event);
    }
  };
  return { client, held, events, buildAll };
}

describe('records built after the response', () => {
  it('hands over an event made when the response finished: identity, the peer address, copies of the sections', async () => {
    const recorder = laterRecorder();
    let asked = 0;
    const fastify = Fastify();
    await fastify.register(opentrailFastify, {
      client: recorder.client, eventSource: 'app.example.com',
      identity: (req) => (asked++, { type: 'IAMUser', userName: String(req.headers['x-user']) }),
    });
    const query: Array<Record<string, unknown>> = [];
    fastify.get('/items/:id', async (req) => (query.push(req.query as Record<string, unknown>), { id: (req.params as { id: string }).id }));
    const url = await fastify.listen({ port: 0, host: '127.0.0.1' });
    try {
      // The connection is closed before the record is built: its peer address is not readable any more by then.
      const response = await fetch(`${url}/items/7?q=1`, { headers: { 'x-user': 'ana', connection: 'close' } });
      expect(await response.json()).toEqual({ id: '7' });
      await vi.waitFor(() => expect(recorder.held).toHaveLength(1));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(asked).toBe(1);
      // The application changes what it was asked with after answering; the record keeps what was asked.
      query[0]!.q = 'changed';
      recorder.buildAll();
      expect(asked).toBe(1);
      expect(recorder.events).toMatchObject([{
        eventName: 'GetItem', sourceIPAddress: '127.0.0.1', userIdentity: { type: 'IAMUser', userName: 'ana' },
        requestParameters: { q: '1', id: '7' }, readOnly: true,
      }]);
    } finally {
      await fastify.close();
    }
  });

  it('records failed calls with their errorCode, and an Unknown identity when the resolver throws', async () => {
    const recorder = laterRecorder();
    const fastify = Fastify();
    await fastify.register(opentrailFastify, {
      client: recorder.client, eventSource: 'app.example.com',
      identity: () => { throw new Error('no session store'); },
    });
    fastify.post('/items', async (_req, reply) => reply.code(409).send({ code: 'ItemExists', message: 'item i-1 exists' }));
    fastify.delete('/items/:id', async () => {
      throw Object.assign(new Error('db down at 10.0.0.7'), { code: 'DatabaseUnavailable' });
    });
    expect((await fastify.inject({ method: 'POST', url: '/items', payload: { name: 'n' } })).statusCode).toBe(409);
    expect((await fastify.inject({ method: 'DELETE', url: '/items/1' })).statusCode).toBe(500);
    recorder.buildAll();
    expect(recorder.events.map((e) => [e.eventName, e.errorCode, e.errorMessage, e.userIdentity, e.readOnly])).toEqual([
      ['CreateItem', 'ItemExists', 'item i-1 exists', { type: 'Unknown' }, false],
      ['DeleteItem', 'DatabaseUnavailable', 'Internal Server Error', { type: 'Unknown' }, false],
    ]);
  });

  it('Express: the same, through its finish event', async () => {
    const { default: express } = await import('express');
    const { opentrailExpress, opentrailErrors } = await import('./express.js');
    const recorder = laterRecorder();
    const app = express();
    app.use(opentrailExpress({ client: recorder.client, eventSource: 'app.example.com', identity: () => { throw new Error('x'); } }));
    app.get('/items/:id', (req, res) => void res.status(404).json({ code: 'NoSuchItem', message: `no item ${req.params.id}` }));
    app.use(opentrailErrors());
    const listener = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    const { port } = listener.address() as { port: number };
    try {
      await (await fetch(`http://127.0.0.1:${port}/items/9`, { headers: { connection: 'close' } })).text();
      await vi.waitFor(() => expect(recorder.held).toHaveLength(1));
      recorder.buildAll();
      expect(recorder.events).toMatchObject([{
        eventName: 'GetItem', errorCode: 'NoSuchItem', errorMessage: 'no item 9', sourceIPAddress: '127.0.0.1', userIdentity: { type: 'Unknown' },
      }]);
    } finally {
      listener.close();
    }
  });
});

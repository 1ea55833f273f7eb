// An orders API whose every call is recorded in opentrail as a CloudTrail event (see README.md).
// Run after `npm run build` at the repository root: `node examples/express-orders/server.js`.
import crypto from 'node:crypto';
import express from 'express';
import { OpentrailClient } from 'opentrail/client';
import { auditRoute, opentrailErrors, opentrailExpress } from 'opentrail/client/express';

const ACCOUNT_ID = process.env.OPENTRAIL_ACCOUNT_ID ?? '123456789012';

// One client per process. Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (opentrail's own keys).
// The spool keeps events on disk while opentrail is unreachable, and across restarts of this app.
const client = new OpentrailClient({
  endpoint: process.env.OPENTRAIL_ENDPOINT ?? 'http://127.0.0.1:4590',
  spool: { dir: process.env.ORDERS_SPOOL_DIR ?? '.orders-spool' },
});

// A stand-in for your authentication: `Authorization: Bearer <user name>`.
function authenticate(request, _response, next) {
  const user = /^Bearer (\w+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (user) request.user = { name: user, id: crypto.createHash('sha256').update(user).digest('hex').slice(0, 16).toUpperCase() };
  next();
}

const app = express();
app.use(express.json());
app.use(authenticate);
app.use(opentrailExpress({
  client,
  eventSource: 'orders.example.com',
  trustProxy: 'loopback',
  headers: ['x-tenant-id'],
  identity: (request) => request.user && {
    type: 'IAMUser',
    principalId: `AIDA${request.user.id}`,
    arn: `arn:aws:iam::${ACCOUNT_ID}:user/${request.user.name}`,
    accountId: ACCOUNT_ID,
    userName: request.user.name,
  },
}));

const orders = new Map();

app.get('/health', auditRoute({ skip: true }), (_request, response) => response.send('ok'));

app.get('/orders', (_request, response) => response.json({ orders: [...orders.values()] }));

app.get('/orders/:orderId', (request, response) => {
  const order = orders.get(request.params.orderId);
  if (!order) return response.status(404).json({ code: 'OrderNotFound', message: `no order ${request.params.orderId}` });
  response.json(order);
});

app.post('/orders', auditRoute({ eventName: 'PlaceOrder', responseElements: true }), (request, response) => {
  const { sku, quantity } = request.body ?? {};
  if (typeof sku !== 'string' || !Number.isInteger(quantity) || quantity < 1) {
    return response.status(400).json({ code: 'ValidationException', message: 'sku (string) and quantity (integer ≥ 1) are required' });
  }
  const order = { orderId: `o-${crypto.randomUUID().slice(0, 8)}`, sku, quantity, status: 'placed' };
  orders.set(order.orderId, order);
  response.status(201).json(order);
});

app.post('/orders/:orderId/cancel', auditRoute({ responseElements: true }), (request, response) => {
  const order = orders.get(request.params.orderId);
  if (!order) return response.status(404).json({ code: 'OrderNotFound', message: `no order ${request.params.orderId}` });
  order.status = 'cancelled';
  response.json(order);
});

app.use(opentrailErrors());
app.use((error, _request, response, _next) => {
  response.status(500).json({ code: 'InternalError', message: 'something went wrong' });
});

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`orders example listening on http://127.0.0.1:${server.address().port}`);
});

// Graceful shutdown: stop taking requests, then deliver what is buffered (what cannot be delivered in time stays
// in the spool for the next start).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close(async () => {
      const stats = await client.close({ timeoutMs: 5000 });
      console.log(`opentrail client: ${JSON.stringify(stats)}`);
      process.exit(0);
    });
  });
}

// The example app of examples/express-orders, run as its README says (built package, `opentrail/client` imports),
// driven by HTTP requests: its records reach a running opentrail, and SIGTERM shuts it down with nothing lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { startTestServer, tempDir, type TestServer } from '../support/server.js';
import { REPO_ROOT, exited } from '../support/server-process.js';
import { cloudTrailClient } from '../support/sdk.js';
import { lookupAll } from '../support/lookup-all.js';

let server: TestServer;
let example: ChildProcess | undefined;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  example?.kill('SIGKILL');
  await server?.close();
});

function startExample(): Promise<string> {
  example = spawn(process.execPath, [path.join(REPO_ROOT, 'examples/express-orders/server.js')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env, PORT: '0', OPENTRAIL_ENDPOINT: server.url, ORDERS_SPOOL_DIR: tempDir('orders-spool-'),
      AWS_ACCESS_KEY_ID: server.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: server.credentials.secretAccessKey,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    example!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    example!.once('exit', (code) => reject(new Error(`example exited with ${code}: ${output}`)));
  });
}

describe('examples/express-orders', () => {
  it('records its calls in opentrail and flushes them on SIGTERM', async () => {
    const url = await startExample();
    const headers = { authorization: 'Bearer ana', 'content-type': 'application/json' };
    const placed = await fetch(`${url}/orders`, { method: 'POST', headers, body: JSON.stringify({ sku: 'book-42', quantity: 2, password: 'pw' }) });
    const order = (await placed.json()) as { orderId: string };
    expect(placed.status).toBe(201);
    expect((await fetch(`${url}/orders/o-nothere`, { headers })).status).toBe(404);
    expect((await fetch(`${url}/orders/${order.orderId}/cancel`, { method: 'POST', headers })).status).toBe(200);
    expect((await fetch(`${url}/health`)).status).toBe(200);

    example!.kill('SIGTERM');
    expect(await exited(example!)).toEqual({ code: 0, signal: null });
    const reader = cloudTrailClient(server);
    const records = await lookupAll(reader, 'EventSource', 'orders.example.com');
    reader.destroy();
    const byName = Object.fromEntries(records.map((r) => [r.eventName, r]));
    expect(Object.keys(byName).sort()).toEqual(['CancelOrder', 'GetOrder', 'PlaceOrder']);
    expect(byName.PlaceOrder).toMatchObject({
      userIdentity: { type: 'IAMUser', userName: 'ana', arn: 'arn:aws:iam::123456789012:user/ana' },
      requestParameters: { sku: 'book-42', quantity: 2, password: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
      responseElements: { orderId: order.orderId, status: 'placed' },
      readOnly: false, sourceIPAddress: '127.0.0.1',
    });
    expect(byName.GetOrder).toMatchObject({ errorCode: 'OrderNotFound', errorMessage: 'no order o-nothere', readOnly: true });
    expect(byName.CancelOrder).toMatchObject({ requestParameters: { orderId: order.orderId }, responseElements: { status: 'cancelled' } });
  });
});

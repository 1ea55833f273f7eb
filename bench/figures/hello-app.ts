// The hello-world Fastify server of the middleware benchmark, as a child process: `plain`, `audited` with the
// opentrail middleware sending every request's record to a real opentrail, or `captured`: the middleware with a
// recorder that discards each event it is handed (its hooks, the request's capture and the event, without the SDK). It reports its own CPU time and the
// SDK's counters on request (IPC), so that the parent measures what the middleware costs this process.
import Fastify from 'fastify';
import { OpentrailClient } from '../../src/client/opentrail-client.js';
import { opentrailFastify } from '../../src/client/middleware/fastify.js';
import type { EventRecorder } from '../../src/client/middleware/audit-options.js';

const [mode, endpoint] = process.argv.slice(2);
const DISCARDING: EventRecorder = { record: () => undefined };

async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  let client: OpentrailClient | undefined;
  if (mode === 'audited') {
    client = new OpentrailClient({
      endpoint,
      credentials: { accessKeyId: process.env.BENCH_ACCESS_KEY_ID!, secretAccessKey: process.env.BENCH_SECRET_ACCESS_KEY! },
      maxBufferedRecords: 100_000,
    });
  }
  if (mode === 'audited' || mode === 'captured') {
    await app.register(opentrailFastify, {
      client: client ?? DISCARDING,
      eventSource: 'hello.example.com',
      identity: (request) => ({
        type: 'IAMUser', principalId: 'AIDABENCHUSER', arn: 'arn:aws:iam::123456789012:user/bench',
        accountId: '123456789012', userName: String(request.headers['x-user'] ?? 'bench'),
      }),
    });
  }
  app.get<{ Params: { name: string } }>('/hello/:name', async (request) => ({ hello: request.params.name }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', (message: string) => {
    if (message === 'usage') process.send!({ cpu: process.cpuUsage(), stats: client?.stats });
    if (message === 'stop') void stop(app, client);
  });
  process.send!({ url });
}

async function stop(app: ReturnType<typeof Fastify>, client: OpentrailClient | undefined): Promise<void> {
  await app.close();
  const stats = await client?.close({ timeoutMs: 60_000 });
  process.send!({ stats }, () => process.exit(0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// middleware_record_floor_us: the least any in-process audit of a request can cost — the hello-world benchmark's
// record made from a finished exchange by the middleware's own code (HttpAuditor) and written as the SDK's line
// (RecordLineWriter), in a tight loop in this process, with nothing queued, batched, signed or sent. Set beside the
// plain app's CPU per request of the same run (middleware_record_floor_pct), it says how much of
// middleware_overhead_pct no sending strategy can remove.
import type { IncomingMessage } from 'node:http';
import { HttpAuditor, type HttpExchange } from '../../src/client/middleware/http-auditor.js';
import { RecordLineWriter } from '../../src/client/record-line.js';
import { timeOrderedUuid } from '../../src/client/uuid-pool.js';
import type { AuditEvent } from '../../src/client/audit-record.js';
import { median, round } from '../stats.js';

interface HelloRequest {
  headers: Record<string, string>;
}

/** µs per request: the median of `rounds` loops of `perRound` records each, after one warm-up loop. */
export function measureRecordFloor(rounds = 5, perRound = 100_000): number {
  const writer = new RecordLineWriter({ region: 'us-east-1', recipientAccountId: '123456789012', eventSource: 'hello.example.com' });
  let bytes = 0;
  const auditor = new HttpAuditor<HelloRequest>({
    client: {
      record(event: AuditEvent) {
        const nowMs = Date.now();
        bytes += writer.line(event, timeOrderedUuid(nowMs), nowMs).length;
        return undefined;
      },
    },
    eventSource: 'hello.example.com',
    // As the benchmark's hello app resolves it.
    identity: (request) => ({
      type: 'IAMUser', principalId: 'AIDABENCHUSER', arn: 'arn:aws:iam::123456789012:user/bench',
      accountId: '123456789012', userName: request.headers['x-user'] ?? 'bench',
    }),
  });
  const request: HelloRequest = { headers: { host: '127.0.0.1', 'user-agent': 'bench-load/1.0' } };
  const raw = { headers: request.headers, socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage;
  const loop = (count: number): number => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) auditor.finish(helloExchange(raw, i), request);
    return Number(process.hrtime.bigint() - start) / 1000 / count;
  };
  loop(perRound);
  const perRequest = median(Array.from({ length: rounds }, () => loop(perRound)));
  if (bytes === 0) throw new Error('the record floor wrote no lines');
  return round(perRequest, 2);
}

/** A finished `GET /hello/:name` answered 200, as the Fastify adapter hands it over. */
function helloExchange(raw: IncomingMessage, i: number): HttpExchange {
  const name = `world${i % 100}`;
  return {
    raw, method: 'GET', route: '/hello/:name', url: `/hello/${name}`, params: { name }, query: {}, body: undefined,
    statusCode: 200, responseBody: undefined, error: undefined, responseRequestId: undefined, routeAudit: undefined,
    finishedAt: Date.now(),
  };
}

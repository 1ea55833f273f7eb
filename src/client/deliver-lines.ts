// Gets one batch's records stored: retries what may succeed later (network errors, 5xx, throttling, auth and
// routing trouble, records the server failed for its own reasons) with back-off; gives up, counting why, only on
// records the server refuses for what they are. A whole-call refusal is bisected so that one bad record does not
// take its batch with it.
import { backoffDelay, sleep, type BackoffPolicy } from './backoff.js';
import type { StatsCounter } from './client-stats.js';
import type { PutRecordsCall, RecordFailure } from './put-records-call.js';

export interface DeliveryContext {
  call: PutRecordsCall;
  stats: StatsCounter;
  backoff: BackoffPolicy;
  abort: AbortSignal;
  /** Whether back-off waits keep Node running (yes while someone awaits flush() or close()). */
  keepAlive: () => boolean;
  onError: (error: Error) => void;
  /** A refused compact line made whole, to be tried once more (undefined: it was whole). */
  wholeLine: (line: string) => string | undefined;
}

const INVALID_RECORD = 'InvalidRecord';

// Per-record failures that are the server's state, not the record's.
const TRANSIENT_RECORD_FAILURES = new Set([
  'NotAnswered', 'InternalError', 'InternalFailure', 'ServiceUnavailable', 'ServiceUnavailableException',
  'Throttling', 'ThrottlingException',
]);

/** Resolves when every line is stored or given up (0), or when `abort` fires (how many were not). */
export async function deliverLines(lines: string[], context: DeliveryContext): Promise<number> {
  let todo = lines;
  for (let attempt = 0; todo.length > 0; ) {
    if (context.abort.aborted) return todo.length;
    if (attempt > 0) context.stats.retried += todo.length;
    const outcome = await context.call.send(todo, context.abort);
    if (outcome.kind === 'refused') return refused(todo, outcome, context);
    let askedMs = 0;
    if (outcome.kind === 'retry') {
      context.onError(new Error(`opentrail client: PutRecords failed, will retry ${todo.length} records: ${outcome.reason}`));
      askedMs = outcome.retryAfterMs ?? 0;
    } else {
      context.stats.sent += outcome.stored;
      todo = keepTransient(todo, outcome.failed, context);
    }
    if (todo.length > 0) {
      attempt++;
      await sleep(backoffDelay(context.backoff, attempt, askedMs), context.abort, context.keepAlive());
    }
  }
  return 0;
}

async function refused(todo: string[], outcome: { code: string; message: string }, context: DeliveryContext): Promise<number> {
  if (todo.length === 1) {
    context.stats.drop(`rejected:${outcome.code}`);
    context.onError(new Error(`opentrail client: a record was refused (${outcome.code}): ${outcome.message}`));
    return 0;
  }
  const half = Math.ceil(todo.length / 2);
  const first = await deliverLines(todo.slice(0, half), context);
  return first + (await deliverLines(todo.slice(half), context));
}

function keepTransient(todo: string[], failed: RecordFailure[], context: DeliveryContext): string[] {
  const again: string[] = [];
  for (const failure of failed) {
    const line = todo[failure.index];
    if (line === undefined) continue;
    if (TRANSIENT_RECORD_FAILURES.has(failure.code)) {
      again.push(line);
      continue;
    }
    // A server older than PutRecords' Common drops it and refuses the record for the members it lacks.
    const whole = failure.code === INVALID_RECORD ? context.wholeLine(line) : undefined;
    if (whole !== undefined) {
      again.push(whole);
      continue;
    }
    context.stats.drop(`rejected:${failure.code}`);
    context.onError(new Error(`opentrail client: a record was refused (${failure.code}): ${failure.message}`));
  }
  return again;
}

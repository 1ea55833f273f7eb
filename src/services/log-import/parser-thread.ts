// Parsing in a worker thread: on a machine with two cores, reading and parsing the next chunk then costs the
// inserting thread nothing. The worker runs ahead by at most a few chunks (credits), so memory stays bounded
// however fast it parses compared with the store.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';
import { parseLogFiles, type ParseJob, type ParserOutput } from './parse-log-files.js';
import { decodeChunk, encodeChunk, transferablesOf, type EventChunk } from '../../domain/event-chunk.js';

const WORKER_SCRIPT = new URL('./parse-worker.js', import.meta.url);
const CHUNKS_AHEAD = 3;

type WorkerMessage = ParserOutput | { kind: 'chunk'; chunk: EventChunk } | { kind: 'done' };

/** The compiled worker script exists only in a build; running from TypeScript sources (tests) parses inline. */
export function workerAvailable(): boolean {
  return WORKER_SCRIPT.protocol === 'file:' && existsSync(fileURLToPath(WORKER_SCRIPT));
}

/** Worker side: runs the job, posting its output and waiting for credit before running too far ahead. */
export async function serveParseJob(port: Pick<MessagePort, 'postMessage' | 'on'>, job: ParseJob): Promise<void> {
  let credits = CHUNKS_AHEAD;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    credits++;
    wake?.();
  });
  for await (const output of parseLogFiles(job)) {
    if (output.kind === 'events') {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      const chunk = encodeChunk(output.events);
      if (chunk) {
        port.postMessage({ kind: 'chunk', chunk } satisfies WorkerMessage, transferablesOf(chunk));
        continue;
      }
    }
    port.postMessage(output);
  }
  port.postMessage({ kind: 'done' } satisfies WorkerMessage);
}

/** Main side: the worker's output in order; each events chunk taken gives the worker credit for one more. */
export async function* parseInWorker(job: ParseJob): AsyncGenerator<ParserOutput> {
  const worker = new Worker(WORKER_SCRIPT, { workerData: job });
  const inbox = new Inbox<WorkerMessage>();
  worker.on('message', (message: WorkerMessage) => inbox.put(message));
  worker.on('error', (err) => inbox.fail(err));
  worker.on('exit', (code) => inbox.fail(new Error(`the parser thread stopped (exit code ${code})`)));
  try {
    for (;;) {
      const message = await inbox.take();
      if (message.kind === 'done') return;
      yield message.kind === 'chunk' ? { kind: 'events', events: decodeChunk(message.chunk) } : message;
      if (message.kind !== 'file') worker.postMessage('credit');
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}

/** Messages waiting to be taken; after a failure, takes past the queued messages reject. */
class Inbox<T> {
  private readonly queue: T[] = [];
  private waiting: { resolve: (value: T) => void; reject: (err: unknown) => void } | undefined;
  private failure: unknown;

  put(value: T): void {
    if (this.waiting) this.settle().resolve(value);
    else this.queue.push(value);
  }

  fail(err: unknown): void {
    this.failure ??= err;
    if (this.waiting) this.settle().reject(this.failure);
  }

  take(): Promise<T> {
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift()!);
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private settle() {
    const waiting = this.waiting!;
    this.waiting = undefined;
    return waiting;
  }
}

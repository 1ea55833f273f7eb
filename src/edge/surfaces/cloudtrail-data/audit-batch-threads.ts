// PutAuditEvents calls decoded and checked on ingest threads. Per event, parsing the body and the eventData, the
// schema check, the SHA-256 and the envelope cost about as much main-thread CPU as storing the event; the main
// thread, the one that writes the event log, then only stores. Events come back as an event chunk (one string
// and typed arrays), which is far cheaper to receive than cloned objects.
import os from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';
import { ServiceError } from '../../../errors/service-error.js';
import type { ErrorCode } from '../../../errors/catalogue.js';
import { decodeChunk, encodeChunk, transferablesOf, type EventChunk } from '../../../domain/event-chunk.js';
import type { IndexedEvent } from '../../../domain/indexed-event.js';
import type { Refused } from '../../../services/ingest/ingest-results.js';
import { prepareAuditEvents, type AuditBatchFacts, type PreparedAuditEvents } from './audit-event-batch.js';

const WORKER_SCRIPT = new URL('./audit-batch-worker.js', import.meta.url);
/** Past a few threads the event log's single writer is the limit, not the checking. */
const MAX_THREADS = 4;

export interface AuditBatchPreparer {
  /** Rejects with a ServiceError when the call as a whole is refused. */
  prepare(body: Buffer, facts: AuditBatchFacts): Promise<PreparedAuditEvents>;
  close(): Promise<void>;
}

/** On the calling thread: a single core, or running from TypeScript sources (tests), where no worker script exists. */
export const inlinePreparer: AuditBatchPreparer = {
  prepare: async (body, facts) => prepareAuditEvents(body, facts),
  close: async () => undefined,
};

/** One thread per core beside the main thread's, when the compiled worker script is there. */
export function openAuditBatchPreparer(): AuditBatchPreparer {
  const threads = Math.min(MAX_THREADS, os.availableParallelism() - 1);
  const built = WORKER_SCRIPT.protocol === 'file:' && existsSync(fileURLToPath(WORKER_SCRIPT));
  return threads > 0 && built ? new AuditBatchThreads(threads) : inlinePreparer;
}

interface Job {
  id: number;
  body: Uint8Array;
  facts: AuditBatchFacts;
}

type Reply =
  | { id: number; ok: true; ids: string[]; refused: Refused[]; indexes: Int32Array; chunk?: EventChunk; events?: IndexedEvent[] }
  | { id: number; ok: false; code?: ErrorCode; message: string };

/** Worker side: answers every job; a refusal of the whole call travels as its code and message. */
export function serveAuditBatches(port: Pick<MessagePort, 'on' | 'postMessage'>): void {
  port.on('message', ({ id, body, facts }: Job) => {
    let prepared: PreparedAuditEvents;
    try {
      prepared = prepareAuditEvents(body, facts);
    } catch (err) {
      const refusal = err instanceof ServiceError ? { code: err.code, message: err.message } : { message: String((err as Error)?.stack ?? err) };
      port.postMessage({ id, ok: false, ...refusal } satisfies Reply);
      return;
    }
    const { ids, candidates, refused } = prepared;
    const indexes = Int32Array.from(candidates, (candidate) => candidate.index);
    const events = candidates.map((candidate) => candidate.event);
    const chunk = encodeChunk(events);
    const reply: Reply = chunk ? { id, ok: true, ids, refused, indexes, chunk } : { id, ok: true, ids, refused, indexes, events };
    port.postMessage(reply, [indexes.buffer as ArrayBuffer, ...(chunk ? transferablesOf(chunk) : [])]);
  });
}

export class AuditBatchThreads implements AuditBatchPreparer {
  readonly #threads: IngestThread[];
  #closed = false;

  constructor(count: number, script: URL = WORKER_SCRIPT) {
    this.#threads = Array.from({ length: Math.max(1, count) }, () => new IngestThread(script));
  }

  prepare(body: Buffer, facts: AuditBatchFacts): Promise<PreparedAuditEvents> {
    // A call after close() would otherwise start a thread that nothing stops.
    if (this.#closed) return Promise.reject(new Error('the ingest threads are stopped'));
    let least = this.#threads[0]!;
    for (const thread of this.#threads) if (thread.load < least.load) least = thread;
    return least.run(body, facts);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#threads.map((thread) => thread.stop()));
  }
}

interface Waiter {
  resolve(prepared: PreparedAuditEvents): void;
  reject(error: unknown): void;
}

/** One worker, started at its first job and again after it died; a death fails only the jobs it held. */
class IngestThread {
  readonly #script: URL;
  readonly #waiting = new Map<number, Waiter>();
  #worker: Worker | undefined;
  #nextId = 0;

  constructor(script: URL) {
    this.#script = script;
  }

  get load(): number {
    return this.#waiting.size;
  }

  run(body: Buffer, facts: AuditBatchFacts): Promise<PreparedAuditEvents> {
    const worker = (this.#worker ??= this.#start());
    const id = this.#nextId++;
    // A copy of exactly the body's bytes, moved rather than cloned: a Buffer may view a larger pooled allocation.
    const bytes = new Uint8Array(body);
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      worker.postMessage({ id, body: bytes, facts } satisfies Job, [bytes.buffer]);
    });
  }

  /** Calls still in hand fail at once, whether or not their answer is on its way. */
  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#failAll(new Error('the ingest threads are stopped'));
    await worker?.terminate();
  }

  #start(): Worker {
    const worker = new Worker(this.#script);
    // Idle threads must not keep a process alive; pending jobs belong to requests, which do.
    worker.unref();
    worker.on('message', (reply: Reply) => this.#settle(reply));
    const died = (error: Error) => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#failAll(error);
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`an ingest thread stopped (exit code ${code})`)));
    return worker;
  }

  #settle(reply: Reply): void {
    const waiter = this.#waiting.get(reply.id);
    if (!waiter) return;
    this.#waiting.delete(reply.id);
    if (!reply.ok) {
      waiter.reject(reply.code ? new ServiceError(reply.code, reply.message) : new Error(`an ingest thread failed: ${reply.message}`));
      return;
    }
    const events = reply.chunk ? decodeChunk(reply.chunk) : reply.events!;
    const candidates = events.map((event, k) => ({ index: reply.indexes[k]!, event }));
    waiter.resolve({ ids: reply.ids, candidates, refused: reply.refused });
  }

  #failAll(error: Error): void {
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const waiter of waiting) waiter.reject(error);
  }
}

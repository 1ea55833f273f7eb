// The SDK's face: record() hands an event over without waiting and without ever throwing; flush() and close()
// are what an application awaits at shutdown; stats are its counters.
import type { AuditEvent } from './audit-record.js';
import { MAX_RECORD_BYTES, resolveClientOptions, type ClientOptions, type ResolvedOptions } from './client-options.js';
import { StatsCounter, type ClientStats, type DropReason } from './client-stats.js';
import { DeferredEvents, type EventBuilder } from './deferred-events.js';
import { EventsInMaking } from './events-in-making.js';
import { deliverLines } from './deliver-lines.js';
import { DeliveryLoop } from './delivery-loop.js';
import { MemoryQueue } from './memory-queue.js';
import { PutRecordsCall } from './put-records-call.js';
import type { RecordQueue } from './record-queue.js';
import { MAX_COMMON_BYTES, RecordLineWriter, wholeLine } from './record-line.js';
import { SpoolQueue } from './spool/spool-queue.js';
import { timeOrderedUuid } from './uuid-pool.js';

/**
 * Events held for building: built when 32 are held, inside the wake-up of the request that makes 32, rather than on
 * a timer of their own (an extra wake-up of the event loop, whose cost ate the gain in A/B runs at 4,000-6,000
 * requests a second); the timer only catches the last few of a quiet period.
 */
const DEFERRED = { delayMs: 50, maxHeld: 32 };

export interface CloseOptions {
  /** How long close() keeps trying to deliver what is left. Default 10 s. Spooled records stay on disk for the next start. */
  timeoutMs?: number;
}

export class OpentrailClient {
  readonly region: string;
  private readonly options: ResolvedOptions;
  private readonly counters = new StatsCounter();
  private readonly queue: RecordQueue;
  private readonly loop: DeliveryLoop;
  private readonly call: PutRecordsCall;
  private readonly abort = new AbortController();
  private readonly writer: RecordLineWriter;
  private readonly deferred: DeferredEvents;
  private readonly making = new EventsInMaking();
  private closing: Promise<ClientStats> | undefined;

  /** Throws only on configuration errors (no credentials, a value out of range, a spool folder in use). */
  constructor(options: ClientOptions = {}) {
    this.options = resolveClientOptions(options);
    this.region = this.options.region;
    // Lines only ever held in memory are written compact (PutRecords' `Common`); spooled ones stay whole, since a later
    // process, with other settings, may be the one that sends them.
    const compact = !this.options.spool;
    this.writer = new RecordLineWriter(
      { region: this.region, eventSource: this.options.eventSource, recipientAccountId: this.options.recipientAccountId },
      { compact },
    );
    const onError = (error: Error) => this.options.report(() => error);
    this.queue = this.options.spool
      ? new SpoolQueue({ ...this.options.spool, maxUnwritten: this.options.maxBufferedRecords }, this.counters, onError)
      : new MemoryQueue(this.options.maxBufferedRecords);
    this.call = new PutRecordsCall(
      this.options.endpoint, this.region, this.options.credentials, this.options.retry.requestTimeoutMs, () => this.writer.commonJson,
    );
    // A compact call's body holds its Common beside its lines.
    const batch = compact ? { ...this.options.batch, maxBytes: this.options.batch.maxBytes - MAX_COMMON_BYTES } : this.options.batch;
    const context = {
      call: this.call, stats: this.counters, backoff: this.options.retry, abort: this.abort.signal, onError,
      keepAlive: () => this.loop.keepAlive,
      wholeLine: (line: string) => (this.writer.commonJson === undefined ? undefined : wholeLine(line, this.writer.commonJson)),
    };
    this.loop = new DeliveryLoop(this.queue, batch, (lines) => deliverLines(lines, context), onError);
    this.deferred = new DeferredEvents(DEFERRED, (event) => void this.accept(event), (err) => {
      this.drop('invalid_event', () => `dropped an event that could not be built: ${messageOf(err)}`);
    });
  }

  /**
   * Hands an event over and returns at once with its eventID, or undefined when it was dropped (see stats).
   * Never throws and never waits: the record is sent in the background.
   */
  record(event: AuditEvent): string | undefined {
    if (this.closing) {
      this.counters.drop('closed');
      return undefined;
    }
    // Records are queued in the order they were handed over.
    if (this.deferred.held > 0) this.deferred.build();
    return this.accept(event);
  }

  /**
   * Hands over an event as the facts it will be built from: `build(facts)` runs within 50 ms, together
   * with other held events (see deferred-events.ts), or at once when record(), flush() or close() is called, so
   * that these see it. For callers that need no eventID back (the middleware); never throws: a `build` that throws
   * counts as a dropped invalid event. `facts` must not change meanwhile: the middleware hands over events it built
   * and copied itself. While the buffer (or the spool) is full, the event is dropped as it is handed over
   * (`buffer_full`), and `build` is not called.
   */
  recordLater<Facts>(build: EventBuilder<Facts>, facts: Facts): void {
    if (this.closing) {
      this.counters.drop('closed');
      return;
    }
    const refusal = this.queue.refusal;
    if (refusal) return this.dropRefused(refusal);
    this.deferred.hold(build, facts);
  }

  /**
   * Hands over an event still being made (the middleware's, while an async identity resolver runs): it counts as
   * pending, and flush() and close() wait for it (within their time limits). Never throws; a promise that rejects
   * counts as a dropped invalid event.
   */
  recordWhenReady(event: Promise<AuditEvent | undefined>): void {
    if (this.closing) {
      this.counters.drop('closed');
      return;
    }
    const settled: Promise<void> = event.then(
      (made) => {
        if (made === undefined) return;
        if (this.making.closed) return void this.counters.drop('closed');
        if (this.deferred.held > 0) this.deferred.build();
        this.accept(made);
      },
      (err: unknown) => void this.drop('invalid_event', () => `dropped an event that could not be made: ${messageOf(err)}`),
    ).finally(() => this.making.events.delete(settled));
    this.making.events.add(settled);
  }

  private accept(event: AuditEvent): string | undefined {
    const refusal = this.queue.refusal;
    if (refusal) return this.dropRefused(refusal);
    try {
      // One clock reading per record: an event timed by the caller in milliseconds was timed just now.
      const nowMs = typeof event?.eventTime === 'number' ? event.eventTime : Date.now();
      const eventID = event?.eventID ?? timeOrderedUuid(nowMs);
      const line = this.writer.line(event, eventID, nowMs);
      const bytes = Buffer.byteLength(line);
      if (bytes > MAX_RECORD_BYTES) {
        return this.drop('record_too_large', () => `a ${event.eventName} record of ${bytes} bytes exceeds ${MAX_RECORD_BYTES}`);
      }
      const queued = this.queue.push(line, bytes, nowMs);
      if (queued !== 'queued') return this.dropRefused(queued);
      this.counters.recorded++;
      return eventID;
    } catch (err) {
      return this.drop('invalid_event', () => `dropped an invalid event: ${messageOf(err)}`);
    }
  }

  /** Sends everything recorded so far now; true once all of it is stored (or given up), false if `timeoutMs` passes first. */
  async flush(options: { timeoutMs?: number } = {}): Promise<boolean> {
    const deadline = options.timeoutMs === undefined ? undefined : Date.now() + options.timeoutMs;
    if (!(await this.making.settled(deadline))) return false;
    this.deferred.build();
    return this.loop.flush(deadline === undefined ? undefined : Math.max(0, deadline - Date.now()));
  }

  /** Stops taking events, delivers what is left within the time limit, and releases the spool. */
  close(options: CloseOptions = {}): Promise<ClientStats> {
    if (!this.closing) this.deferred.build();
    this.closing ??= this.shutDown(options.timeoutMs ?? 10_000);
    return this.closing;
  }

  get stats(): ClientStats {
    return this.counters.snapshot(this.queue.pending + this.deferred.held + this.making.events.size);
  }

  private async shutDown(timeoutMs: number): Promise<ClientStats> {
    const deadline = Date.now() + timeoutMs;
    await this.making.settled(deadline);
    // Events still being made now are past the time limit: they count as dropped (closed) when they come.
    this.making.closed = true;
    this.deferred.build();
    await this.loop.flush(Math.max(0, deadline - Date.now()));
    this.abort.abort();
    await this.loop.stop();
    this.call.close();
    const lost = (await this.queue.close()) + (this.options.spool ? 0 : this.loop.abandoned);
    this.counters.drop('unsent_at_close', lost);
    return this.stats;
  }

  private dropRefused(reason: DropReason): undefined {
    return this.drop(reason, () => `dropped a record (${reason})`);
  }

  /** Counts a dropped record and reports it; the message is made only if the report is heard (error-report.ts). */
  private drop(reason: DropReason, describe: () => string): undefined {
    this.counters.drop(reason);
    this.options.report(() => new Error(`opentrail client: ${describe()}`));
    return undefined;
  }
}

/** What a thrown value says, whatever was thrown (undefined included). */
function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

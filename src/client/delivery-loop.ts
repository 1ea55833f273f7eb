// The one background task of a client: waits until a batch is due (full by count or size, its oldest record
// waited long enough, or someone flushes), takes it, gets it stored, settles it, and tells flush() callers.
// One batch at a time, so records reach the server in the order they were recorded.
import type { BatchOptions } from './client-options.js';
import { ENVELOPE_BYTES, type RecordQueue } from './record-queue.js';

interface FlushWaiter {
  target: number;
  resolve: (flushed: boolean) => void;
  timer?: NodeJS.Timeout;
}

export class DeliveryLoop {
  private wakeUp: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly waiters: FlushWaiter[] = [];
  private urgent = 0;
  private stopped = false;
  private readonly done: Promise<void>;
  /** Records of a batch that was taken but not stored when the loop stopped. */
  abandoned = 0;

  constructor(
    private readonly queue: RecordQueue,
    private readonly batch: Required<BatchOptions>,
    private readonly deliver: (lines: string[]) => Promise<number>,
    private readonly onError: (error: Error) => void,
  ) {
    queue.onReady = () => this.nudge();
    this.done = this.run();
  }

  /** Someone awaits delivery: waits keep Node running meanwhile. */
  get keepAlive(): boolean {
    return this.urgent > 0;
  }

  /** Resolves true once everything queued before the call is settled, false if `timeoutMs` passes first. */
  async flush(timeoutMs: number | undefined): Promise<boolean> {
    const target = this.queue.enqueued;
    if (this.queue.resolved >= target) return true;
    this.urgent++;
    this.nudge();
    try {
      return await new Promise<boolean>((resolve) => {
        const waiter: FlushWaiter = { target, resolve };
        this.waiters.push(waiter);
        if (timeoutMs !== undefined) waiter.timer = setTimeout(() => this.release(waiter, false), timeoutMs);
      });
    } finally {
      this.urgent--;
    }
  }

  /** Stops after the batch in hand (aborted through `deliver`'s signal by the caller). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.done;
    for (const waiter of [...this.waiters]) this.release(waiter, this.queue.resolved >= waiter.target);
  }

  // Called on every record(): only counts are looked at here; the timer armed for the oldest record is what notices
  // that it has waited long enough (reading the clock on every record would cost more than the check).
  private nudge(): void {
    if (this.waiters.length > 0) this.releaseSettled();
    if (!this.wakeUp) return;
    if (this.isFull()) this.wake();
    else this.armTimer();
  }

  private isDue(): boolean {
    return this.isFull() || (this.queue.ready > 0 && Date.now() - (this.queue.readySince ?? 0) >= this.batch.maxDelayMs);
  }

  private isFull(): boolean {
    const queue = this.queue;
    if (queue.ready === 0) return false;
    return this.urgent > 0
      || queue.ready >= this.batch.maxRecords
      || queue.readyBytes + queue.ready + ENVELOPE_BYTES >= this.batch.maxBytes;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (!this.isDue()) {
          await this.waitUntilDue();
          continue;
        }
        const batch = await this.queue.take(this.batch.maxRecords, this.batch.maxBytes);
        if (!batch) {
          await this.waitUntilDue();
          continue;
        }
        const unsent = await this.deliver(batch.lines);
        if (unsent > 0) {
          this.abandoned = unsent;
          return;
        }
        await this.queue.settle(batch);
        this.releaseSettled();
      } catch (err) {
        // a fault of the client itself (the disk, most likely): report it and carry on after a pause
        this.onError(new Error(`opentrail client: delivery failed: ${(err as Error).message}`));
        await new Promise((resolve) => setTimeout(resolve, 1000).unref());
      }
    }
  }

  private waitUntilDue(): Promise<void> {
    return new Promise((resolve) => {
      this.wakeUp = resolve;
      this.armTimer();
    });
  }

  private wake(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }

  private armTimer(): void {
    const since = this.queue.readySince;
    if (this.timer || since === undefined) return;
    const delay = Math.max(0, since + this.batch.maxDelayMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.isDue()) this.wake();
      else this.armTimer();
    }, delay);
    if (!this.keepAlive) this.timer.unref();
  }

  private releaseSettled(): void {
    const resolved = this.queue.resolved;
    for (const waiter of [...this.waiters]) if (resolved >= waiter.target) this.release(waiter, true);
  }

  private release(waiter: FlushWaiter, flushed: boolean): void {
    const at = this.waiters.indexOf(waiter);
    if (at === -1) return;
    this.waiters.splice(at, 1);
    clearTimeout(waiter.timer);
    waiter.resolve(flushed);
  }
}

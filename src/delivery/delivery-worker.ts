// Delivers every logging trail's log files on the --log-file-interval cadence (spec §2.3, design.md step 5 and 6).
// Each trail keeps its own schedule: after a pass it is due again one interval later, after a failure when its
// back-off ends, so a broken bucket slows only its own trail. Nothing is dropped while a trail fails: its cursor
// stays where it is until the files are written.
import type { Logger } from 'pino';
import type { Clock } from '../domain/clock.js';
import type { ObjectStore } from '../objects/object-store.js';
import type { DeliveredFile, DeliveryLedger } from '../store/delivery-ledger.js';
import type { DeliveryFeed } from '../store/delivery-feed.js';
import type { StoredTrail, TrailStore } from '../store/trail-store.js';
import type { BatchLimits } from './delivery-batch.js';
import { deliveryErrorCode } from './delivery-error-code.js';
import { recordDeliveryFailure, recordDeliverySuccess } from './delivery-status.js';
import { ReceivingTrails } from './receiving-trails.js';
import { backoffDelayMs, type BackoffPolicy } from './retry-backoff.js';
import { TrailDelivery } from './trail-delivery.js';
import { PassLoop } from './pass-loop.js';
import type { ServiceWriteRecorder } from './service-writes/service-write-recorder.js';

/** What runs after each delivery: the SNS notifier in production. */
export interface DeliveryListener {
  delivered(trail: StoredTrail, bucket: string, keys: readonly string[]): void;
  stop(): Promise<void>;
}

export interface DeliveryWorkerDeps {
  feed: DeliveryFeed;
  ledger: DeliveryLedger;
  trails: TrailStore;
  objects: ObjectStore;
  clock: Clock;
  log: Logger;
  intervalSeconds: number;
  listener?: DeliveryListener;
  backoff?: BackoffPolicy;
  limits?: BatchLimits;
  /** Records each log file written as CloudTrail's own PutObject data event. */
  serviceWrites?: ServiceWriteRecorder;
  /** How long one trail may deliver in one pass before the others get their turn. */
  passBudgetMs?: number;
}

export const DEFAULT_DELIVERY_BACKOFF: BackoffPolicy = { firstDelayMs: 1_000, maxDelayMs: 5 * 60_000 };
const DEFAULT_PASS_BUDGET_MS = 5_000;

export class DeliveryWorker {
  readonly #deps: DeliveryWorkerDeps;
  readonly #delivery: TrailDelivery;
  readonly #receiving = new ReceivingTrails();
  /** When each trail is next due, in clock milliseconds; a trail not listed is due now. */
  readonly #dueMs = new Map<string, number>();
  readonly #failures = new Map<string, number>();
  readonly #loop: PassLoop;

  constructor(deps: DeliveryWorkerDeps) {
    this.#deps = deps;
    this.#delivery = new TrailDelivery({ ...deps, ...(deps.limits ? { limits: deps.limits } : {}) });
    this.#loop = new PassLoop({ pass: () => this.runOnce(), nextDelayMs: () => this.#nextWakeMs(), log: deps.log, failure: 'delivery pass failed' });
  }

  start(): void {
    this.#loop.start();
  }

  /** Lets the delivery in progress finish (its files written and recorded), then stops. */
  async stop(): Promise<void> {
    await this.#loop.stop();
    await this.#deps.listener?.stop();
  }

  /**
   * One pass over every trail that is due, each up to the event log's end as the pass began: a busy log cannot
   * keep one trail chasing new events while the others wait.
   */
  async runOnce(): Promise<void> {
    const { ledger, trails, feed } = this.#deps;
    const lastSeq = await feed.lastSeq();
    for (const trail of await trails.listLoggingTrails()) await ledger.adoptTrail(trail.arn, lastSeq);
    for (const arn of await ledger.trailsToDeliver()) {
      if (this.#loop.stopping) return;
      if ((this.#dueMs.get(arn) ?? -Infinity) <= this.#nowMs()) await this.#deliverTrail(arn, lastSeq);
    }
  }

  async #deliverTrail(arn: string, untilSeq: number): Promise<void> {
    const { trails, ledger } = this.#deps;
    // A deleted trail still delivers what it recorded while it retires.
    const trail = await trails.findDeliveringTrail(arn);
    if (!trail) {
      // Retired, or replaced before it had delivered everything: its files stay in the bucket and in the ledger.
      await ledger.forgetTrail(arn);
      this.#forget(arn);
      return;
    }
    try {
      const finished = await this.#deliverFor(trail, untilSeq);
      this.#failures.delete(arn);
      this.#dueMs.set(arn, finished ? this.#nowMs() + this.#deps.intervalSeconds * 1000 : this.#nowMs());
    } catch (err) {
      await this.#failed(trail, err);
    }
  }

  /** True when the trail caught up; false when its time ran out or the worker is stopping. */
  async #deliverFor(trail: StoredTrail, untilSeq: number): Promise<boolean> {
    const deadline = performance.now() + (this.#deps.passBudgetMs ?? DEFAULT_PASS_BUDGET_MS);
    const delivered: DeliveredFile[] = [];
    try {
      while (!this.#loop.stopping && performance.now() < deadline) {
        // Each step stays within one stretch of settings: a backlog from before a change is judged by the old ones.
        const step = await this.#delivery.step(trail, (cursor) => this.#receiving.at(trail, cursor), untilSeq);
        if (step.kind === 'idle') return true;
        if (step.kind === 'delivered') delivered.push(...step.files);
      }
      return false;
    } finally {
      // Once per pass, also when a later step failed: what was delivered stays delivered.
      if (delivered.length > 0) await this.#delivered(trail, delivered);
    }
  }

  async #delivered(trail: StoredTrail, files: readonly DeliveredFile[]): Promise<void> {
    await recordDeliverySuccess(this.#deps.trails, trail.arn, this.#nowMs());
    for (const bucket of new Set(files.map((file) => file.bucket))) {
      this.#deps.listener?.delivered(trail, bucket, files.filter((file) => file.bucket === bucket).map((file) => file.key));
    }
  }

  async #failed(trail: StoredTrail, err: unknown): Promise<void> {
    const failures = (this.#failures.get(trail.arn) ?? 0) + 1;
    this.#failures.set(trail.arn, failures);
    const delayMs = backoffDelayMs(this.#deps.backoff ?? DEFAULT_DELIVERY_BACKOFF, failures);
    this.#dueMs.set(trail.arn, this.#nowMs() + delayMs);
    const code = deliveryErrorCode(err);
    this.#deps.log.warn({ err, trail: trail.arn, bucket: trail.s3BucketName, code, retryInMs: delayMs }, 'log file delivery failed');
    await recordDeliveryFailure(this.#deps.trails, trail.arn, this.#nowMs(), code).catch((statusErr: unknown) =>
      this.#deps.log.error({ err: statusErr, trail: trail.arn }, 'could not record the delivery failure'),
    );
  }

  #forget(arn: string): void {
    this.#dueMs.delete(arn);
    this.#failures.delete(arn);
    this.#receiving.forget(arn);
  }

  /** Until the earliest trail is due, and at most one interval, when newly logging trails are picked up. */
  #nextWakeMs(): number {
    const intervalMs = this.#deps.intervalSeconds * 1000;
    const now = this.#nowMs();
    const earliest = Math.min(now + intervalMs, ...this.#dueMs.values());
    return Math.max(0, earliest - now);
  }

  #nowMs(): number {
    return this.#deps.clock.now().getTime();
  }
}

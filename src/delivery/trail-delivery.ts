// One delivery step for one trail, in the order that makes a crash harmless (design.md, "life of one event", step 5):
// plan (write-ahead) → write the files → record them and move the cursor in one transaction. A plan found unfinished
// is run again as it was recorded, so its files get the same keys and bytes.
import type { ReceivingTrail } from '../domain/delivery/trail-receives.js';
import { planLogFiles } from '../domain/delivery/plan-log-files.js';
import type { Clock } from '../domain/clock.js';
import type { ObjectStore } from '../objects/object-store.js';
import type { DeliveredFile, DeliveryLedger, PlannedDelivery, TrailDeliveryState } from '../store/delivery-ledger.js';
import type { DeliveryFeed } from '../store/delivery-feed.js';
import type { StoredTrail } from '../store/trail-store.js';
import { DEFAULT_BATCH_LIMITS, readDeliveryBatch, type BatchLimits } from './delivery-batch.js';
import { writePlannedFiles } from './log-file-writer.js';
import { planEventsOf, readPlanEvents, type PlanEvents } from './plan-events.js';
import type { ServiceWrite } from './service-writes/cloudtrail-put-object.js';
import type { ServiceWriteRecorder } from './service-writes/service-write-recorder.js';
import type { ReceivingStretch } from './receiving-trails.js';

export type DeliveryStep =
  | { kind: 'idle' }
  | { kind: 'skipped' }
  | { kind: 'delivered'; plan: PlannedDelivery; files: DeliveredFile[] };

export interface TrailDeliveryDeps {
  feed: DeliveryFeed;
  ledger: DeliveryLedger;
  objects: ObjectStore;
  clock: Clock;
  limits?: BatchLimits;
  /** Records each file written as CloudTrail's own PutObject (absent: the files go unrecorded, as in unit tests). */
  serviceWrites?: ServiceWriteRecorder;
}

export class TrailDelivery {
  readonly #deps: TrailDeliveryDeps;
  readonly #limits: BatchLimits;

  constructor(deps: TrailDeliveryDeps) {
    this.#deps = deps;
    this.#limits = deps.limits ?? DEFAULT_BATCH_LIMITS;
  }

  /**
   * Finishes the trail's unfinished plan if it has one, otherwise delivers the next stretch of the event log, up to
   * `untilSeq` (default: the event log's last sequence number now), as `receivingAt` its cursor decides: no further
   * than the settings of that stretch reach.
   */
  async step(trail: StoredTrail, receivingAt: (cursor: number) => ReceivingStretch, untilSeq?: number): Promise<DeliveryStep> {
    const { ledger, feed } = this.#deps;
    let state = await ledger.deliveryState(trail.arn);
    if (state.plan) {
      if (sameDestination(state.plan, trail)) return this.#deliver(trail, state.plan, await readPlanEvents(feed, state.plan, this.#limits.pageSize));
      // The trail now writes elsewhere (UpdateTrail while delivery was failing): its files belong there.
      await ledger.abandonPlan(state.plan);
      state = await ledger.deliveryState(trail.arn);
    }
    const { receiving, throughSeq } = receivingAt(state.cursor);
    return this.#next(trail, receiving, state, Math.min(untilSeq ?? (await feed.lastSeq()), throughSeq ?? Infinity));
  }

  async #next(trail: StoredTrail, receiving: ReceivingTrail, state: TrailDeliveryState, untilSeq: number): Promise<DeliveryStep> {
    const { ledger, feed, clock } = this.#deps;
    const batch = await readDeliveryBatch(feed, receiving, state, untilSeq, this.#limits);
    if (!batch) return { kind: 'idle' };
    if (batch.events.length === 0) {
      await ledger.skipTo(trail.arn, state.cursor, batch.throughSeq);
      return { kind: 'skipped' };
    }
    const fileTimeMs = clock.now().getTime();
    const plan: PlannedDelivery = {
      trailArn: trail.arn,
      bucket: trail.s3BucketName,
      prefix: trail.s3KeyPrefix,
      afterSeq: state.cursor,
      throughSeq: batch.throughSeq,
      fileTimeMs,
      files: planLogFiles(batch.events, { trailArn: trail.arn, prefix: trail.s3KeyPrefix, fileTimeMs }),
    };
    await ledger.planDelivery(plan);
    return this.#deliver(trail, plan, planEventsOf(batch.events));
  }

  async #deliver(trail: StoredTrail, plan: PlannedDelivery, events: PlanEvents): Promise<DeliveryStep> {
    const { objects, ledger, clock, serviceWrites } = this.#deps;
    const written: ServiceWrite[] = [];
    const files = await writePlannedFiles(objects, plan, events, () => clock.now().getTime(), written);
    // Before the ledger's commit: a crash in between writes the plan again and records it again under the same ids.
    await serviceWrites?.recordWrites(written, trail.accountId);
    await ledger.completeDelivery(plan, files);
    return { kind: 'delivered', plan, files };
  }
}

function sameDestination(plan: PlannedDelivery, trail: StoredTrail): boolean {
  return plan.bucket === trail.s3BucketName && (plan.prefix || undefined) === (trail.s3KeyPrefix || undefined);
}

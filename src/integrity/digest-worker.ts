// Writes every validating trail's digest chains (spec §3.1, design.md step 7): every digest interval one digest per
// region the trail logs in, also when no file was delivered; a starting digest after StartLogging or enabling
// validation, a final one after StopLogging, DeleteTrail or disabling validation. Each pass is recorded before its
// digests are written and written again, identically, after a crash. Being the last to write for a trail, it also
// ends the retirement of deleted trails once their files and final digest are written.
import type { Logger } from 'pino';
import type { Clock } from '../domain/clock.js';
import { digestKey } from '../domain/digest/digest-key.js';
import { wholeSecond } from '../domain/digest/digest-time.js';
import { digestDestination, MAX_TICK_MS, openDigestChain, type ChainPredecessor } from './open-digest-chain.js';
import type { Signer } from '../crypto/signer.js';
import type { ObjectStore } from '../objects/object-store.js';
import type { DeliveryLedger, RecordedFile, TrailDeliveryState } from '../store/delivery-ledger.js';
import { periodEnd } from '../domain/delivery/logging-periods.js';
import type { EventFeed } from '../store/store.js';
import type { ChainHead, DigestChain, DigestChainStore, DigestCheckpoint, DigestPass } from '../store/digest-chains.js';
import type { DeliveringTrail, StoredTrail, TrailStore } from '../store/trail-store.js';
import { deliveryErrorCode } from '../delivery/delivery-error-code.js';
import { nextChainStep } from './digest-chain-plan.js';
import type { ServiceWrite } from '../delivery/service-writes/cloudtrail-put-object.js';
import type { ServiceWriteRecorder } from '../delivery/service-writes/service-write-recorder.js';
import { writeDigest } from './digest-writer.js';
import { PassLoop } from '../delivery/pass-loop.js';
import { backoffDelayMs } from '../delivery/retry-backoff.js';
import { DEFAULT_DELIVERY_BACKOFF } from '../delivery/delivery-worker.js';

export interface DigestWorkerDeps {
  trails: TrailStore;
  ledger: DeliveryLedger;
  feed: Pick<EventFeed, 'lastSeq'>;
  chains: DigestChainStore;
  objects: ObjectStore;
  signer: Signer;
  clock: Clock;
  log: Logger;
  intervalSeconds: number;
  /** Records each digest written as CloudTrail's own PutObject (absent: they go unrecorded, as in unit tests). */
  serviceWrites?: ServiceWriteRecorder;
}

/** Passes run at least every MAX_TICK_MS, so that a chain is never late by more than a fraction of its interval. */
const MIN_TICK_MS = 250;

export class DigestWorker {
  readonly #deps: DigestWorkerDeps;
  readonly #loop: PassLoop;
  /** Chains whose last pass failed: how often in a row, and when to try again (a broken bucket is not hammered). */
  readonly #retries = new Map<string, { failures: number; dueMs: number }>();

  constructor(deps: DigestWorkerDeps) {
    this.#deps = deps;
    const tickMs = Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, (deps.intervalSeconds * 1000) / 4));
    this.#loop = new PassLoop({ pass: () => this.runOnce(), nextDelayMs: () => tickMs, log: deps.log, failure: 'digest pass failed' });
  }

  start(): void {
    this.#loop.start();
  }

  /** Lets the pass in progress finish (its digests written and recorded), then stops. */
  async stop(): Promise<void> {
    await this.#loop.stop();
  }

  async runOnce(): Promise<void> {
    await this.#openChains();
    for (const chain of await this.#deps.chains.chains()) {
      if (this.#loop.stopping) return;
      if ((this.#retries.get(chain.trailArn)?.dueMs ?? -Infinity) > this.#nowMs()) continue;
      try {
        await this.#advance(chain);
        this.#retries.delete(chain.trailArn);
      } catch (err) {
        await this.#failed(chain, err);
      }
    }
    await this.#endRetirements();
  }

  /** Deleted trails with nothing left to deliver and no chain left to end are gone for good. */
  async #endRetirements(): Promise<void> {
    const { trails, ledger, chains, feed } = this.#deps;
    const open = new Set((await chains.chains()).map((chain) => chain.trailArn));
    for (const trail of await trails.listRetiringTrails()) {
      const delivery = await ledger.deliveryState(trail.arn);
      // DeleteTrail retires the trail, then closes its stretch: a crash in between left it open, and it would take
      // in events for ever. Closed here, later than the call, but closed.
      if (delivery.periods.some((period) => period.throughSeq === undefined)) await ledger.stopCursor(trail.arn, await feed.lastSeq());
      if (open.has(trail.arn)) continue;
      if (delivery.periods.length === 0 && !delivery.plan) await trails.endRetirement(trail.arn);
    }
  }

  async #openChains(): Promise<void> {
    const { trails, chains } = this.#deps;
    const open = new Set((await chains.chains()).map((chain) => chain.trailArn));
    for (const trail of await trails.listLoggingTrails()) {
      if (trail.logFileValidationEnabled && !open.has(trail.arn)) await this.#openChain(trail);
    }
  }

  async #openChain(trail: StoredTrail, after?: ChainPredecessor): Promise<void> {
    await openDigestChain(this.#deps, trail, this.#nowMs(), after);
  }

  async #advance(chain: DigestChain): Promise<void> {
    if (chain.pass) return this.#write(chain, chain.pass);
    const { trails, ledger, feed, chains } = this.#deps;
    const trail = ownTrail(chain, await trails.findDeliveringTrail(chain.trailArn));
    const delivery = await ledger.deliveryState(chain.trailArn);
    const step = nextChainStep({
      chain,
      trail,
      status: trail ? await trails.trailStatus(trail.arn) : undefined,
      deliveryCursor: delivery.cursor,
      nowMs: this.#nowMs(),
      intervalMs: this.#deps.intervalSeconds * 1000,
    });
    if (step.kind === 'close') await chains.closeChain(chain.trailArn, lastDeliverableSeq(delivery, await feed.lastSeq()));
    if (step.kind !== 'digest') return;
    const pass = await this.#plan(chain, trail, step.final);
    await chains.planPass(chain.trailArn, pass);
    await this.#write(chain, pass);
  }

  /** After a final digest, a trail that logs and validates again (it was restarted) starts its next chain at once. */
  async #reopen(pass: DigestPass, trailArn: string): Promise<void> {
    const { trails } = this.#deps;
    const trail = await trails.findTrail(trailArn);
    if (!trail?.logFileValidationEnabled || !(await trails.trailStatus(trailArn)).isLogging) return;
    await this.#openChain(trail, { position: pass.throughPosition, endMs: pass.endMs });
  }

  async #plan(chain: DigestChain, trail: StoredTrail | undefined, final: boolean): Promise<DigestPass> {
    const { ledger, signer } = this.#deps;
    // A second later than the previous digest at least: two digests of a chain never share a key.
    const endMs = Math.max(wholeSecond(this.#nowMs()), chain.windowStartMs + 1000);
    const throughPosition = Math.min(await ledger.lastPosition(), chain.replaced?.throughPosition ?? Infinity);
    const destination = trail ? digestDestination(trail) : chain.destination;
    const files = await ledger.filesRecordedBetween(filesArn(chain), chain.afterPosition, throughPosition);
    const regions = [...new Set([destination.homeRegion, ...chain.heads.map((h) => h.region), ...files.map((f) => f.region)])].sort();
    const keys = [];
    for (const region of regions) keys.push({ region, fingerprint: await signer.signingKey(region, endMs) });
    return { endMs, throughPosition, final, destination, keys };
  }

  async #write(chain: DigestChain, pass: DigestPass): Promise<void> {
    const { ledger, objects, signer, chains } = this.#deps;
    const files = await ledger.filesRecordedBetween(filesArn(chain), chain.afterPosition, pass.throughPosition);
    const heads: ChainHead[] = [];
    const checkpoints: DigestCheckpoint[] = [];
    const writes: ServiceWrite[] = [];
    const { destination } = pass;
    for (const { region, fingerprint } of pass.keys) {
      const key = digestKey({ ...destination, region, endMs: pass.endMs });
      const previous = chain.heads.find((head) => head.region === region)?.latest;
      const written = await writeDigest(objects, signer, region, {
        accountId: destination.accountId,
        startMs: chain.windowStartMs,
        endMs: pass.endMs,
        bucket: destination.bucket,
        key,
        fingerprint,
        previous,
        logFiles: files.filter((file) => file.region === region).map(digestedFile),
      });
      heads.push({ region, latest: written.link });
      writes.push({ bucket: destination.bucket, key, bytes: written.storedBytes });
      checkpoints.push({
        trailArn: filesArn(chain), region, bucket: destination.bucket, key, endMs: pass.endMs,
        signature: written.link.signature, fingerprint, final: pass.final,
      });
    }
    // Before the pass commits: written again after a crash, the same keys are recorded again under the same ids.
    await this.#deps.serviceWrites?.recordWrites(writes, destination.accountId);
    await chains.completePass(chain.trailArn, pass, heads, checkpoints);
    if (pass.final) await this.#reopen(pass, chain.trailArn);
    // A replaced trail's chain reports to nobody: the status under its ARN is the new trail's.
    if (!chain.replaced) {
      await this.#deps.trails.updateTrailStatus(chain.trailArn, { latestDigestDeliveryMs: this.#nowMs(), latestDigestDeliveryError: undefined });
    }
  }

  async #failed(chain: DigestChain, err: unknown): Promise<void> {
    const code = deliveryErrorCode(err);
    const failures = (this.#retries.get(chain.trailArn)?.failures ?? 0) + 1;
    const delayMs = backoffDelayMs(DEFAULT_DELIVERY_BACKOFF, failures);
    this.#retries.set(chain.trailArn, { failures, dueMs: this.#nowMs() + delayMs });
    this.#deps.log.warn({ err, trail: filesArn(chain), bucket: chain.destination.bucket, code, retryInMs: delayMs }, 'digest delivery failed');
    if (chain.replaced) return;
    await this.#deps.trails.updateTrailStatus(chain.trailArn, { latestDigestDeliveryError: code }).catch((statusErr: unknown) =>
      this.#deps.log.error({ err: statusErr, trail: chain.trailArn }, 'could not record the digest delivery failure'),
    );
  }

  #nowMs(): number {
    return this.#deps.clock.now().getTime();
  }
}

/**
 * How far delivery must get before the final digest: the log's end now, but never past the end of the trail's last
 * logging period, where its delivery stops (with no period left, delivery is done already). Many events committed
 * between StopLogging and this pass would otherwise put the mark beyond what delivery will ever reach.
 */
function lastDeliverableSeq(delivery: TrailDeliveryState, lastSeq: number): number {
  const last = delivery.periods.at(-1);
  return Math.min(lastSeq, last ? periodEnd(last) : delivery.cursor);
}

/** The ARN whose delivered files the chain covers and whose checkpoints it writes. */
function filesArn(chain: DigestChain): string {
  return chain.replaced?.trailArn ?? chain.trailArn;
}

/** The chain's trail, unless a new trail of the same name took its ARN: the chain then belongs to one that is gone. */
function ownTrail(chain: DigestChain, trail: DeliveringTrail | undefined): DeliveringTrail | undefined {
  return chain.trailCreatedMs !== undefined && trail?.createdMs !== chain.trailCreatedMs ? undefined : trail;
}

function digestedFile(file: RecordedFile) {
  return { bucket: file.bucket, key: file.key, sha256: file.sha256, oldestEventMs: file.oldestEventMs, newestEventMs: file.newestEventMs };
}
